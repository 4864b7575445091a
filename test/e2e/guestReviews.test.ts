import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';
import { cardAction, message } from '../support/activities.js';
import { cardProblems, cardText } from '../support/cards.js';
import type { ConnectorCall } from '../support/fakeConnector.js';
import { demoGroup, demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const daan = demoUser('Daan de Vries'); // Global Administrator, Dutch
const megan = demoUser('Megan Bowen'); // User Administrator
const lidia = demoUser('Lidia Holloway'); // Guest Inviter
const alex = demoUser('Alex Wilber'); // owns Marketing
const adele = demoUser('Adele Vance'); // owns Sales
const patti = demoUser('Patti Fernandez'); // owns Contoso Partners
const nestor = demoUser('Nestor Wilke'); // member
const kari = demoUser('Kari Hansen (Fabrikam)'); // guest in Sales
const ray = demoUser('Ray Tanaka (Woodgrove Bank)'); // pending guest in Contoso Partners
const bram = demoUser('Bram Visser (Fabrikam)'); // stale guest in Contoso Partners
const olivia = demoUser('Olivia Chen (Litware)'); // guest in no group
const sales = demoGroup('Sales');
const partners = demoGroup('Contoso Partners');
const facilities = demoGroup('Facilities'); // no owner
const NL = { locale: 'nl-NL' };

type Card = any;

let t: TestApp;
async function start(env: Record<string, string> = {}, options: Parameters<typeof startTestApp>[0] = {}) {
  t = await startTestApp({ env, ...options });
  // An ownerless group with a guest: its review goes to the admins.
  await t.app.deps.directory.addMember(facilities.id, olivia.id);
}
afterEach(() => t.close());

const review = () => t.app.deps.guests.reviews;
async function sweep(): Promise<void> {
  await review().tick();
  await review().idle();
}

function checked(card: Card): Card {
  expect(cardProblems(card)).toEqual([]);
  expect(JSON.stringify(card)).not.toContain('${');
  return card;
}

/** The review cards sent to a user's 1:1 chat (opened by the bot, as it never talked to them). */
function cardsTo(userId: string): Card[] {
  return t.connector
    .sent(`a:1on1-${userId}`)
    .filter((c: ConnectorCall) => c.body?.attachments?.[0])
    .map((c) => checked(c.body.attachments[0].content));
}

function textsTo(userId: string): string[] {
  return t.connector
    .sent(`a:1on1-${userId}`)
    .map((c) => c.body?.text ?? '')
    .filter((x: string) => x && !c(x));
  function c(x: string) {
    return /^Review the guests|^Beoordeel de gasten/.test(x);
  }
}

/** The Keep/Remove buttons of one guest's row, and the card-level actions. */
function rowActions(card: Card, guestId: string): { title: string; verb: string; data: Record<string, unknown> }[] {
  const rows = card.body.filter(
    (b: Card) => b.type === 'Container' && b.items?.some((i: Card) => i.type === 'ActionSet'),
  );
  return rows
    .flatMap((r: Card) => r.items.filter((i: Card) => i.type === 'ActionSet').flatMap((s: Card) => s.actions))
    .filter((a: Card) => a.data.guestUserId === guestId);
}

async function tap(
  user: { id: string; displayName: string },
  verb: string,
  data: Record<string, unknown>,
  options: { locale?: string } = {},
) {
  const { body } = await t.post(cardAction(user, verb, data, { serviceUrl: t.connector.url, ...options }));
  if (body.type === 'application/vnd.microsoft.card.adaptive') checked(body.value);
  return body;
}

async function ask(
  user: { id: string; displayName: string },
  text: string,
  options: { locale?: string } = {},
): Promise<string> {
  const { body } = await t.post({ ...message(user, text, options), serviceUrl: t.connector.url });
  return ((body?.activities ?? []) as { text?: string }[]).map((a) => a.text ?? '').join('\n');
}

const members = async (groupId: string) => (await t.app.deps.directory.getGroup(groupId))!.members;
const auditOf = async (action: string) => (await t.app.deps.audit.tail(500)).filter((e) => e.action === action);

describe('when the clock reaches a guest review', () => {
  it('then owners get one card per group, one keeps, one removes, and a guest nobody keeps is removed after the grace', async () => {
    await start();
    await sweep();

    // Sales → Adele; Contoso Partners → Patti; Facilities has no owner → the admins. Nobody else.
    expect(cardsTo(adele.id)).toHaveLength(1);
    expect(cardsTo(patti.id)).toHaveLength(1);
    expect(cardsTo(daan.id)).toHaveLength(1);
    expect(cardsTo(megan.id)).toHaveLength(1);
    expect(
      t.connector
        .created()
        .map((c) => c.body.members[0].id)
        .sort(),
    ).toEqual([adele.id, daan.id, megan.id, patti.id].sort());
    expect(await auditOf('review.cycleStarted')).toHaveLength(1);

    const salesCard = cardsTo(adele.id)[0];
    const salesText = cardText(salesCard);
    expect(salesText).toContain('Review the guests of Sales');
    expect(salesText).toContain('Guests nobody keeps by 16 Nov 2026 are removed from the group.');
    expect(salesText).toContain('Kari Hansen \\(Fabrikam\\) · kari.hansen@fabrikam.com');
    expect(salesText).toContain('added before the bot kept records · last sign-in 28 Oct 2026');
    expect(salesCard.actions.map((a: Card) => a.verb)).toEqual(['reviewKeepAll']);

    const partnersCard = cardsTo(patti.id)[0];
    const partnersText = cardText(partnersCard);
    expect(partnersText).toContain('Bram Visser \\(Fabrikam\\) · bram.visser@fabrikam.com');
    expect(partnersText).toContain('last sign-in 12 May 2026 · ⚠️ stale');
    expect(partnersText).toContain('Invited, not accepted yet · never signed in');
    expect(rowActions(partnersCard, bram.id).map((a) => a.verb)).toEqual(['reviewKeep', 'reviewRemove']);

    const facilitiesDutch = cardText(cardsTo(daan.id)[0]);
    expect(facilitiesDutch).toContain('Beoordeel de gasten van Facilities');
    expect(facilitiesDutch).toContain('**Facilities** heeft geen eigenaar, dus beheerders beoordelen de gasten.');
    expect(cardText(cardsTo(megan.id)[0])).toContain('Review the guests of Facilities');

    // Adele keeps Kari: the review of Sales is complete.
    const kept = await tap(adele, 'reviewKeep', rowActions(salesCard, kari.id)[0].data);
    expect(kept.statusCode).toBe(200);
    expect(cardText(kept.value)).toContain('✓ Kept by Adele Vance');
    expect(JSON.stringify(kept.value)).not.toContain('reviewKeep');
    expect(await members(sales.id)).toContain(kari.id);

    // Patti removes Bram: out of the group at once; Ray is still to decide.
    const removed = await tap(patti, 'reviewRemove', rowActions(partnersCard, bram.id)[1].data);
    expect(cardText(removed.value)).toContain('✗ Removed by Patti Fernandez');
    expect(rowActions(removed.value, ray.id).map((a) => a.verb)).toEqual(['reviewKeep', 'reviewRemove']);
    expect(await members(partners.id)).not.toContain(bram.id);
    const removals = await auditOf('guest.removed');
    expect(removals).toEqual([
      {
        at: '2026-11-02T09:00:00.000Z',
        actorId: patti.id,
        action: 'guest.removed',
        subjectId: partners.id,
        details: { guestUserId: bram.id, reviewId: expect.any(String) },
      },
    ]);
    // The same tap again (or Teams redelivering it) decides nothing more.
    const twice = await tap(patti, 'reviewRemove', rowActions(partnersCard, bram.id)[1].data);
    expect(twice.statusCode).toBe(200);
    expect(await auditOf('guest.removed')).toHaveLength(1);
    expect(await auditOf('review.removed')).toHaveLength(1);

    // An admin keeps the ownerless group's guest with Keep all.
    const all = await tap(megan, 'reviewKeepAll', cardsTo(megan.id)[0].actions[0].data);
    expect(cardText(all.value)).toContain('✓ Kept by Megan Bowen');

    // Progress for admins.
    const progress = await ask(megan, 'reviews');
    expect(progress).toContain('**Guest review of 2 Nov 2026** (open until 16 Nov 2026)');
    expect(progress).toContain('3 groups · 3 of 4 guests decided · 2 kept · 1 removed');
    expect(progress).toContain('- **Contoso Partners** (Patti Fernandez): 1 of 2 decided, 0 kept, 1 removed · open');
    expect(progress).toContain(
      '- **Facilities** (no owner, so administrators): 1 of 1 decided, 1 kept, 0 removed · closed',
    );
    expect(progress).toContain('Next review: 31 Jan 2027.');
    expect(await ask(daan, 'beoordelingen', NL)).toContain(
      '**Sales** (Adele Vance): over 1 van de 1 besloten, 1 behouden, 0 verwijderd · afgesloten',
    );

    // The grace ends: Ray, whom nobody kept, is removed; Patti is told and her card updated. Others hear nothing.
    t.clock.advanceDays(13);
    await sweep();
    expect(await members(partners.id)).toContain(ray.id);
    t.clock.advanceDays(1);
    await sweep();
    expect(await members(partners.id)).not.toContain(ray.id);
    expect(textsTo(patti.id)).toEqual([
      'The guest review of **Contoso Partners** is closed: 0 kept, 2 removed. Nobody kept **Ray Tanaka \\(Woodgrove Bank\\)** in time, so they were removed from the group.',
    ]);
    expect(textsTo(adele.id)).toEqual([]);
    const lastUpdate = t.connector.updates(`a:1on1-${patti.id}`).at(-1)!;
    const closedCard = checked(lastUpdate.body.attachments[0].content);
    expect(cardText(closedCard)).toContain('✗ Removed: nobody kept this guest in time');
    expect(JSON.stringify(closedCard)).not.toContain('Action.Execute');
    expect((await auditOf('guest.removed')).map((e) => [e.actorId, e.details?.guestUserId])).toEqual([
      [patti.id, bram.id],
      ['system', ray.id],
    ]);

    // Sweeping again changes and sends nothing more.
    const calls = t.connector.calls.length;
    await sweep();
    expect(t.connector.calls.length).toBe(calls);
    expect(await ask(megan, 'reviews')).toContain(
      '- **Contoso Partners** (Patti Fernandez): 2 of 2 decided, 0 kept, 2 removed · closed',
    );

    // A tap on a closed review changes nothing.
    expect((await tap(patti, 'reviewKeep', rowActions(partnersCard, ray.id)[0].data)).statusCode).toBe(200);
    expect(await members(partners.id)).not.toContain(ray.id);

    // 90 days after the first, the next cycle starts for the groups that still have guests.
    t.clock.advanceDays(76);
    await sweep();
    expect(cardsTo(adele.id)).toHaveLength(2);
    expect(cardsTo(patti.id)).toHaveLength(1); // no guests left in Contoso Partners
    expect(await auditOf('review.cycleStarted')).toHaveLength(2);
  });

  it('then only the group’s current owners (or admins for an ownerless group) can decide, whatever the card says', async () => {
    await start();
    await sweep();
    const data = rowActions(cardsTo(patti.id)[0], bram.id)[1].data;
    for (const forger of [alex, adele, nestor, lidia, megan]) {
      const body = await tap(forger, 'reviewRemove', data);
      expect(body.statusCode).toBe(403);
      expect(body.value.code).toBe('FORBIDDEN');
    }
    const dutch = await tap(daan, 'reviewRemove', data, NL);
    expect(dutch.value.message).toBe(
      'Alleen de eigenaren van **Contoso Partners** (of beheerders, als de groep geen eigenaar heeft) kunnen beslissen over de gastbeoordeling.',
    );
    expect((await tap(patti, 'reviewRemove', { ...data, guestUserId: alex.id })).statusCode).toBe(400);
    expect((await tap(patti, 'reviewRemove', { reviewId: '../x', guestUserId: bram.id })).statusCode).toBe(400);
    expect(
      (
        await tap(patti, 'reviewRemove', {
          reviewId: 'C-202611020900-b0000000-0000-4000-8000-00000000ffff',
          guestUserId: bram.id,
        })
      ).statusCode,
    ).toBe(404);
    expect(await members(partners.id)).toContain(bram.id);
    expect(await auditOf('review.removed')).toEqual([]);
  });

  it('then two owners tapping at once decide a guest once', async () => {
    await start();
    await sweep();
    const data = rowActions(cardsTo(patti.id)[0], bram.id);
    await Promise.all([tap(patti, 'reviewKeep', data[0].data), tap(patti, 'reviewRemove', data[1].data)]);
    const decisions = [...(await auditOf('review.kept')), ...(await auditOf('review.removed'))];
    expect(decisions).toHaveLength(1);
  });

  it('then cards that could not be delivered are sent on a later sweep', async () => {
    await start();
    t.connector.failNext(40, 429); // Teams throttling longer than the notifier's retries
    await sweep();
    expect(cardsTo(adele.id)).toEqual([]);
    const [open] = await t.app.deps.guests.store.list({ state: 'open' });
    expect(open.outbox.length).toBeGreaterThan(0);
    t.connector.failNext(0, 429);
    await sweep();
    expect(cardsTo(adele.id)).toHaveLength(1);
    expect(cardsTo(patti.id)).toHaveLength(1);
  });

  it('then before anyone has talked to the bot the cards wait, said once in the log, and go out after the first message', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    await start({}, { learnServiceUrl: true, logger: createLogger('info', sink) });
    await sweep();
    await sweep();
    await sweep();
    expect(cardsTo(adele.id)).toEqual([]);
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged.filter((l) => l.code === 'NO_SERVICE_URL_YET')).toHaveLength(1);
    expect(logged.filter((l) => l.level >= 40 && l.code !== 'NO_SERVICE_URL_YET')).toEqual([]);
    expect(logged.some((l) => l.err?.stack)).toBe(false);

    await ask(olivia, 'help'); // anyone's first message tells the bot where the Bot Connector is
    await sweep();
    expect(cardsTo(adele.id)).toHaveLength(1);
    expect(cardsTo(patti.id)).toHaveLength(1);
  });

  it('then with REVIEW_DAYS=0 no review starts, and reviews says so; owners and members may not see progress', async () => {
    await start({ REVIEW_DAYS: '0' });
    await sweep();
    expect(t.connector.calls).toEqual([]);
    expect(await ask(megan, 'reviews')).toBe('Guest reviews are off (REVIEW_DAYS=0).');
    expect(await ask(patti, 'reviews')).toBe(
      'Only administrators (Global Administrator or User Administrator) can see the progress of guest reviews.',
    );
    expect(await ask(nestor, 'reviews')).toMatch(/^Only administrators/);
    expect(await ask(lidia, 'reviews')).toMatch(/^Only administrators/);
    expect(await ask(demoUser('Sanne Jansen'), 'beoordelingen', NL)).toMatch(/^Alleen beheerders/);
  });

  it('then STALE_DAYS decides who is stale, and the grace follows REVIEW_GRACE_DAYS', async () => {
    await start({ STALE_DAYS: '365', REVIEW_GRACE_DAYS: '3' });
    await sweep();
    const text = cardText(cardsTo(patti.id)[0]);
    expect(text).toContain('Guests nobody keeps by 5 Nov 2026');
    expect(text).not.toContain('stale');
    t.clock.advanceDays(3);
    await sweep();
    expect(await members(partners.id)).not.toContain(ray.id);
    expect(await members(sales.id)).not.toContain(kari.id);
  });
});
