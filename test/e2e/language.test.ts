import { groupChatMessage, installed, message } from '../support/activities.js';
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

describe('when a Dutch user’s Teams client says en-US', () => {
  it('then Dutch command words get Dutch answers, and later ambiguous ones too', async () => {
    expect((await t.say(message(sanne, 'hulp', { locale: 'en-US' }))).join()).toContain('Wat ik voor je kan doen');
    expect((await t.say(message(sanne, 'waarom joe@tailspintoys.com Sales', { locale: 'en-US' }))).join()).toMatch(/geblokkeerd|blokkeert|tailspintoys/);
    // "help" and "audit" are words of both languages: the last clear one decides.
    expect((await t.say(message(sanne, 'help', { locale: 'en-US' }))).join()).toContain('Wat ik voor je kan doen');
    expect((await t.say(message(sanne, 'my requests', { locale: 'en-US' }))).join()).toContain('You have no guest requests');
  });

  it('then English command words from a Dutch client get English answers', async () => {
    expect((await t.say(message(nestor, 'my requests', { locale: 'nl-NL' }))).join()).toContain('You have no guest requests');
    expect((await t.say(message(nestor, 'mijn aanvragen', { locale: 'en-US' }))).join()).toContain('Je hebt geen gastaanvragen');
  });

  it('then without a clear word the client locale decides, then the directory', async () => {
    expect((await t.say(message(nestor, 'help', { locale: 'nl-NL' }))).join()).toContain('Wat ik voor je kan doen');
    const noLocale: Record<string, unknown> = installed(sanne);
    delete noLocale.locale;
    expect((await t.say(noLocale)).join()).toMatch(/^Hallo Sanne Jansen!/);
  });

  it('then the welcome offers the other language', async () => {
    expect((await t.say(installed(sanne, { locale: 'nl-NL' }))).join()).toContain('language en');
    expect((await t.say(installed(nestor))).join()).toContain('taal nl');
  });

  it('then taal en pins English for replies, proactive messages and later Dutch words, until taal auto', async () => {
    expect(await t.say(message(sanne, 'taal en', { locale: 'nl-NL' }))).toEqual([expect.stringContaining('I will answer you in English')]);
    expect((await t.say(message(sanne, 'hulp', { locale: 'nl-NL' }))).join()).toContain('What I can do for you');
    expect((await t.say(message(sanne, 'help'))).join()).toContain('**language** en|nl|auto');

    // A proactive message (the outcome of her request) is in English too.
    await t.say(message(sanne, 'uitnodigen piet@fabrikam.com voor Sales omdat we samen offertes maken', { locale: 'nl-NL' }));
    await t.app.deps.worker.idle();
    const [request] = await t.app.deps.requests.list({});
    await t.post({ ...message(adele, 'x'), type: 'invoke', name: 'adaptiveCard/action', serviceUrl: t.connector.url, deliveryMode: undefined, text: undefined,
      value: { action: { type: 'Action.Execute', verb: 'rejectRequest', data: { requestId: request.id } }, trigger: 'manual' } });
    await t.app.deps.worker.idle();
    const told = t.connector.sent(`a:personal-${sanne.id}`).map((c) => c.body.text).filter(Boolean);
    expect(told).toEqual([expect.stringContaining('rejected your request')]);

    expect(await t.say(message(sanne, 'taal auto', { locale: 'nl-NL' }))).toEqual([expect.stringContaining('Oké')]);
    expect((await t.say(message(sanne, 'hulp', { locale: 'en-US' }))).join()).toContain('Wat ik voor je kan doen');
  });

  it('then language nl works in a group chat too, and is remembered across a restart', async () => {
    expect((await t.say(groupChatMessage(nestor, 'language nl'))).join()).toContain('Nederlands');
    const { dataDir, connector } = t;
    await t.close({ keepData: true, keepConnector: true });
    t = await startTestApp({ dataDir, connector });
    expect((await t.say(message(nestor, 'my requests'))).join()).toContain('Je hebt geen gastaanvragen');
  });

  it('then a bad choice is explained and changes nothing', async () => {
    expect((await t.say(message(nestor, 'language klingon'))).join()).toContain('I answer you in English');
    expect((await t.say(message(nestor, 'taal'))).join()).toContain('Ik antwoord je in het Nederlands');
    expect(await t.app.deps.languages!.get(nestor.id)).toEqual({ spoken: 'nl' });
  });
});
