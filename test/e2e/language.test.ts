import { cardAction, groupChatMessage, installed, message } from '../support/activities.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const sanne = demoUser('Sanne Jansen'); // Dutch member of Sales (directory: nl-NL)
const nestor = demoUser('Nestor Wilke'); // member of Marketing, English
const adele = demoUser('Adele Vance'); // owns Sales

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

/** The replies to a message, as one text. */
const said = async (activity: unknown) => (await t.say(activity)).join('\n');

describe('when a Dutch user’s Teams client says en-US', () => {
  it('then Dutch command words get Dutch answers, and later ambiguous ones too', async () => {
    expect(await said(message(sanne, 'hulp', { locale: 'en-US' }))).toContain('Wat ik voor je kan doen');
    const why = await said(message(sanne, 'waarom joe@tailspintoys.com Sales', { locale: 'en-US' }));
    expect(why).toMatch(/geblokkeerd|blokkeert|tailspintoys/);
    // "help" and "audit" are words of both languages: the last clear one decides.
    expect(await said(message(sanne, 'help', { locale: 'en-US' }))).toContain('Wat ik voor je kan doen');
    expect(await said(message(sanne, 'my requests', { locale: 'en-US' }))).toContain('You have no guest requests');
  });

  it('then English command words from a Dutch client get English answers', async () => {
    expect(await said(message(nestor, 'my requests', { locale: 'nl-NL' }))).toContain('You have no guest requests');
    expect(await said(message(nestor, 'mijn aanvragen', { locale: 'en-US' }))).toContain('Je hebt geen gastaanvragen');
  });

  it('then without a clear word the client locale decides, then the directory', async () => {
    expect(await said(message(nestor, 'help', { locale: 'nl-NL' }))).toContain('Wat ik voor je kan doen');
    const noLocale: Record<string, unknown> = installed(sanne);
    delete noLocale.locale;
    expect(await said(noLocale)).toMatch(/^Hallo Sanne Jansen!/);
  });

  it('then the welcome offers the other language', async () => {
    expect(await said(installed(sanne, { locale: 'nl-NL' }))).toContain('language en');
    expect(await said(installed(nestor))).toContain('taal nl');
  });

  it('then taal en pins English for replies, proactive messages and later Dutch words, until taal auto', async () => {
    const pinned = await t.say(message(sanne, 'taal en', { locale: 'nl-NL' }));
    expect(pinned).toEqual([expect.stringContaining('I will answer you in English')]);
    expect(await said(message(sanne, 'hulp', { locale: 'nl-NL' }))).toContain('What I can do for you');
    expect(await said(message(sanne, 'help'))).toContain('**language** en|nl|auto');

    // A proactive message (the outcome of her request) is in English too.
    const invite = 'uitnodigen piet@fabrikam.com voor Sales omdat we samen offertes maken';
    await t.say(message(sanne, invite, { locale: 'nl-NL' }));
    await t.app.deps.worker.idle();
    const [request] = await t.app.deps.requests.list({});
    await t.post(cardAction(adele, 'rejectRequest', { requestId: request.id }, { serviceUrl: t.connector.url }));
    await t.app.deps.worker.idle();
    const told = t.connector
      .sent(`a:personal-${sanne.id}`)
      .map((c) => c.body.text)
      .filter(Boolean);
    expect(told).toEqual([expect.stringContaining('rejected your request')]);

    expect(await t.say(message(sanne, 'taal auto', { locale: 'nl-NL' }))).toEqual([expect.stringContaining('Oké')]);
    expect(await said(message(sanne, 'hulp', { locale: 'en-US' }))).toContain('Wat ik voor je kan doen');
  });

  it('then language nl works in a group chat too, and is remembered across a restart', async () => {
    expect(await said(groupChatMessage(nestor, 'language nl'))).toContain('Nederlands');
    const { dataDir, connector } = t;
    await t.close({ keepData: true, keepConnector: true });
    t = await startTestApp({ dataDir, connector });
    expect(await said(message(nestor, 'my requests'))).toContain('Je hebt geen gastaanvragen');
  });

  it('then a bad choice is explained and changes nothing', async () => {
    expect(await said(message(nestor, 'language klingon'))).toContain('I answer you in English');
    expect(await said(message(nestor, 'taal'))).toContain('Ik antwoord je in het Nederlands');
    expect(await t.app.deps.languages!.get(nestor.id)).toEqual({ spoken: 'nl' });
  });
});
