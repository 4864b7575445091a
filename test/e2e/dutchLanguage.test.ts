import { cardAction, message } from '../support/activities.js';
import { cardText } from '../support/cards.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';
import { formatDateTime } from '../../src/i18n/dates.js';

const sanne = demoUser('Sanne Jansen'); // Dutch member of Sales (owner Adele Vance), owner of Leesclub
const adele = demoUser('Adele Vance'); // owns Sales
const isaiah = demoUser('Isaiah Langer'); // member of Facilities, which has no owner: the admins approve
const NL = { locale: 'nl-NL' };

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

const said = async (activity: unknown) => (await t.say(activity)).join('\n');
const toldSanne = () =>
  t.connector
    .sent(`a:personal-${sanne.id}`)
    .map((c) => c.body.text)
    .filter(Boolean) as string[];

async function approveAll(): Promise<void> {
  await t.app.deps.worker.idle();
  for (const request of await t.app.deps.requests.list({})) {
    await t.post(cardAction(adele, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url }));
  }
  await t.app.deps.worker.idle();
}

describe('when a Dutch member asks for one guest, then for two', () => {
  it('then the reply and the news say "kan" for one guest and "kunnen" for two, with the list joined by "en"', async () => {
    const one = await said(message(sanne, 'uitnodigen piet@fabrikam.com voor Sales omdat we samen offertes maken', NL));
    expect(one).toContain('Je aanvraag');
    expect(one).toContain('om piet@fabrikam.com toe te voegen aan **Sales** wacht op goedkeuring door Adele Vance.');
    await approveAll();
    expect(toldSanne()).toEqual([
      expect.stringContaining('Goed nieuws: piet@fabrikam.com kan nu met **Sales** werken'),
    ]);

    const two = await said(
      message(sanne, 'uitnodigen anna@fabrikam.com, joost@fabrikam.com voor Sales omdat projectteam', NL),
    );
    expect(two).toContain('om anna@fabrikam.com en joost@fabrikam.com toe te voegen aan **Sales**');
    await approveAll();
    expect(toldSanne()[1]).toContain(
      'Goed nieuws: anna@fabrikam.com en joost@fabrikam.com kunnen nu met **Sales** werken',
    );
    for (const text of [one, two, ...toldSanne()]) expect(text).not.toMatch(/\((en|e|s)\)/);
  });

  it('then the card says the guest (one) or the guests (two) were added', async () => {
    await said(message(sanne, 'uitnodigen piet@fabrikam.com, els@fabrikam.com voor Sales omdat offertes', NL));
    await approveAll();
    // Sanne opens her card: Teams asks for her version of it.
    const [request] = await t.app.deps.requests.list({});
    const { body } = await t.post(
      cardAction(sanne, 'refreshRequest', { requestId: request.id }, { serviceUrl: t.connector.url, ...NL }),
    );
    const last = body.value;
    expect(cardText(last)).toContain('Klaar: de gasten zijn toegevoegd');
    expect(cardText(last)).not.toContain('de gast is toegevoegd');
  });
});

describe('when a Dutch member asks for a guest in a group without owners', () => {
  it('then the admins are named as "A of B": one approval is enough', async () => {
    const text = await said(
      message(isaiah, 'uitnodigen anna@fabrikam.com voor Facilities omdat schoonmaakrooster', NL),
    );
    expect(text).toMatch(/wacht op goedkeuring door [A-Z][\w ]+ of [A-Z][\w ]+\./);
    expect(text).not.toMatch(/goedkeuring door [A-Z][\w ]+, [A-Z][\w ]+\./);
  });
});

describe('when a Dutch member asks for help', () => {
  it('then group counts read as Dutch: "1 groep", "5 groepen"', async () => {
    const help = await said(message(sanne, 'hulp', NL));
    expect(help).toContain('Je bent lid van 5 groepen.');
    expect(help).toContain('Je bent eigenaar van 1 groep.');
    expect(help).not.toContain('groep(en)');
  });
});

describe('when a Dutch member lists her requests', () => {
  it('then the date is in Dutch, in her Teams time zone, and in the tenant’s zone when Teams sends none', async () => {
    await said(message(sanne, 'uitnodigen piet@fabrikam.com voor Sales omdat offertes', NL));
    const [request] = await t.app.deps.requests.list({});
    const inNewYork = {
      ...message(sanne, 'mijn aanvragen', NL),
      entities: [{ type: 'clientInfo', locale: 'nl-NL', timezone: 'America/New_York' }],
    };
    const newYork = await said(inNewYork);
    expect(newYork).toContain(formatDateTime('nl', request.createdAt, 'America/New_York'));
    const amsterdam = await said(message(sanne, 'mijn aanvragen', NL));
    const expected = formatDateTime('nl', request.createdAt, 'Europe/Amsterdam');
    expect(expected).toBe('2 nov 2026, 10:00 CET'); // the fake clock's 09:00 UTC
    expect(amsterdam).toContain(expected);
    expect(`${newYork}${amsterdam}`).not.toContain('UTC');
  });

  it('then the status card shows the same date format as the texts', async () => {
    const replies = await t.say(message(sanne, 'uitnodigen piet@fabrikam.com voor Sales omdat offertes', NL));
    const card = replies.find((r) => r.startsWith('{'));
    expect(card).toContain('2 nov 2026, 10:00 CET');
    expect(card).not.toMatch(/\{\{DATE\(|\{\{TIME\(/);
  });
});

describe('when a command arrives while the invite dialog waits for an answer', () => {
  it('then the bot asks whether to leave the dialog, and "Ja, stoppen" runs the command', async () => {
    expect(await said(message(sanne, 'uitnodigen', NL))).toMatch(/Aan welke groep/);
    const asked = await said(message(sanne, 'mijn aanvragen', NL));
    expect(asked).toContain('“mijn aanvragen” is een opdracht, geen antwoord');
    const left = await t.say(message(sanne, 'Ja, stoppen', NL));
    expect(left[0]).toBe('Oké, ik ben met de uitnodiging gestopt; er is niets verstuurd.');
    expect(left.join('\n')).toContain('Je hebt geen gastaanvragen');
    expect(await t.app.deps.requests.list({})).toEqual([]);
  });

  it('then "Nee, doorgaan" asks the question again and the dialog goes on', async () => {
    await said(message(sanne, 'uitnodigen', NL));
    await said(message(sanne, 'mijn aanvragen', NL));
    expect(await said(message(sanne, 'Nee, doorgaan', NL))).toMatch(/Aan welke groep/);
    expect(await said(message(sanne, 'Sales', NL))).toMatch(/Welk e-mailadres moet ik uitnodigen/);
  });
});
