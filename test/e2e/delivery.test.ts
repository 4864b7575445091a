import { Pacer, TEAMS_APP_LIMITS, TEAMS_CONVERSATION_LIMITS } from '../../src/bot/pacer.js';
import type { GuestRequest } from '../../src/domain/guestRequest.js';
import { message } from '../support/activities.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const alex = demoUser('Alex Wilber'); // owns Marketing
const nestor = demoUser('Nestor Wilke'); // member of Marketing

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const cardsTo = (app: TestApp, conversationId: string) =>
  app.connector
    .sent(conversationId)
    .filter((c) => c.body?.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive');

async function ask(app: TestApp, guest: string): Promise<void> {
  const replies = await app.say(message(nestor, `invite ${guest} to Marketing because project`));
  expect(replies.join('\n')).toMatch(/waiting for approval/);
}

describe('when the Bot Connector asks for a long pause (Retry-After: 600)', () => {
  it('then the card is parked with a due time instead of holding the worker, and sent once the time has come', async () => {
    t = await startTestApp();
    t.connector.throttleAllWithRetryAfter = 600;
    const started = Date.now();
    await ask(t, 'anna@fabrikam.com');
    await t.app.deps.worker.idle();
    expect(Date.now() - started).toBeLessThan(5_000);
    const [request] = await t.app.deps.requests.list({});
    const parked = request.outbox.find((i) => i.kind === 'approvalCard')!;
    expect(Date.parse(parked.notBefore!) - t.clock.now().getTime()).toBe(600_000);
    expect(parked.sendingSince).toBeUndefined();

    t.connector.throttleAllWithRetryAfter = undefined;
    await t.app.deps.worker.tick(); // not due yet: nothing sent
    await t.app.deps.worker.idle();
    expect(cardsTo(t, `a:1on1-${alex.id}`)).toHaveLength(0);
    t.clock.advanceMs(600_000);
    await t.app.deps.worker.tick();
    await t.app.deps.worker.idle();
    expect(cardsTo(t, `a:1on1-${alex.id}`)).toHaveLength(1);
    expect((await t.app.deps.requests.get(request.id))!.outbox).toEqual([]);
  });

  it('then a stop during a retry wait ends promptly, and the card is still owed after the restart', async () => {
    t = await startTestApp({ retry: { attempts: 5, baseMs: 5, maxMs: 20, maxRetryAfterMs: 60_000 } });
    t.connector.throttleAllWithRetryAfter = 50; // under the cap: the notifier waits 50 s between tries
    await ask(t, 'anna@fabrikam.com');
    await new Promise((r) => setTimeout(r, 300));
    const { dataDir, connector } = t;
    const started = Date.now();
    const finished = await t.app.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(finished).toBe(true);
    await t.close({ keepData: true, keepConnector: true });
    connector.throttleAllWithRetryAfter = undefined;
    t = await startTestApp({ dataDir, connector });
    await t.app.deps.worker.tick();
    await t.app.deps.worker.idle();
    expect(cardsTo(t, `a:1on1-${alex.id}`)).toHaveLength(1);
  });

  it('then a stop whose work does not finish gives up at the deadline and leaves the work in the outbox', async () => {
    t = await startTestApp();
    await ask(t, 'anna@fabrikam.com'); // Alex's 1:1 chat is opened here
    await t.app.deps.worker.idle();
    t.connector.latencyMs = 3_000; // a Bot Connector that answers very slowly
    await ask(t, 'bert@fabrikam.com');
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    expect(await t.app.close({ deadlineMs: 500 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    const open = (await t.app.deps.requests.list({})).find((r) => r.outbox.length > 0)!;
    // The card had left (its answer never came): it is owed still, marked as possibly delivered.
    expect(open.outbox.some((i) => i.kind === 'approvalCard' && i.sendingSince)).toBe(true);
    t.connector.latencyMs = 0;
  });

  it('then a card that had not left yet when the stop came (its chat still being opened) is owed, not marked in flight', async () => {
    t = await startTestApp();
    t.connector.latencyMs = 3_000; // opening Alex's chat takes 3 s
    await ask(t, 'anna@fabrikam.com');
    await new Promise((r) => setTimeout(r, 200));
    expect(await t.app.close({ deadlineMs: 500 })).toBe(false);
    const [request] = await t.app.deps.requests.list({});
    const owed = request.outbox.find((i) => i.kind === 'approvalCard');
    expect(owed).toBeDefined();
    expect(owed!.sendingSince).toBeUndefined();
    t.connector.latencyMs = 0;
  });
});

describe('when a card was in flight when the bot stopped', () => {
  it('then after a restart a card whose activity id is known is updated in place, not sent again', async () => {
    t = await startTestApp();
    await ask(t, 'anna@fabrikam.com');
    await t.app.deps.worker.idle();
    const [request] = await t.app.deps.requests.list({});
    expect(cardsTo(t, `a:1on1-${alex.id}`)).toHaveLength(1);
    // Play the crash window: the card was sent and recorded, but the item is still marked in flight.
    await t.app.deps.requests.update(request.id, (r) => ({
      ...r,
      outbox: [{ kind: 'approvalCard', userId: alex.id, sendingSince: r.updatedAt }],
    }));
    const { dataDir, connector } = t;
    await t.close({ keepData: true, keepConnector: true, abandonWork: true });
    t = await startTestApp({ dataDir, connector });
    await t.app.deps.worker.tick();
    await t.app.deps.worker.idle();
    expect(cardsTo(t, `a:1on1-${alex.id}`)).toHaveLength(1);
    expect(t.connector.updates(`a:1on1-${alex.id}`)).toHaveLength(1);
    expect((await t.app.deps.requests.get(request.id))!.outbox).toEqual([]);
  });
});

describe('when cards for one approver are being sent and the process dies', () => {
  it('then at most one of them had left unrecorded: the others are owed and not marked as possibly delivered', async () => {
    t = await startTestApp();
    await ask(t, 'first@fabrikam.com'); // Alex's chat exists from here on
    await t.app.deps.worker.idle();
    t.connector.hold = true; // the Bot Connector takes the next calls and does not answer
    for (let i = 0; i < 5; i++) await ask(t, `held${i}@fabrikam.com`);
    await t.connector.waitFor(() => t!.connector.holding > 0);
    await new Promise((r) => setTimeout(r, 300)); // time for any further card to leave, if one could
    expect(t.connector.holding).toBe(1);
    const marked = (await t.app.deps.requests.list({})).flatMap((r) => r.outbox.filter((i) => i.sendingSince));
    expect(marked).toHaveLength(1);
    t.connector.release();
    await t.app.deps.worker.idle();
    expect(cardsTo(t, `a:1on1-${alex.id}`)).toHaveLength(6);
  }, 30_000);

  it('then a card owed again for an approver whose card is recorded updates that card instead of posting another', async () => {
    t = await startTestApp();
    await ask(t, 'anna@fabrikam.com');
    await t.app.deps.worker.idle();
    const [request] = await t.app.deps.requests.list({});
    await t.app.deps.requests.update(request.id, (r) => ({
      ...r,
      outbox: [{ kind: 'approvalCard', userId: alex.id }],
    }));
    t.app.deps.worker.kick(request.id);
    await t.app.deps.worker.idle();
    expect(cardsTo(t, `a:1on1-${alex.id}`)).toHaveLength(1);
    expect(t.connector.updates(`a:1on1-${alex.id}`)).toHaveLength(1);
  });
});

describe('when many requests need the same approver at once', () => {
  it('then the approver’s 1:1 chat is opened once and every card arrives once', async () => {
    t = await startTestApp();
    t.connector.latencyMs = 30; // creations overlap
    await Promise.all(Array.from({ length: 12 }, (_, i) => ask(t!, `guest${i}@fabrikam.com`)));
    await t.app.deps.worker.idle();
    expect(t.connector.created()).toHaveLength(1);
    const requests: GuestRequest[] = await t.app.deps.requests.list({});
    expect(requests).toHaveLength(12);
    const cards = cardsTo(t, `a:1on1-${alex.id}`);
    expect(cards).toHaveLength(12);
    const ids = cards.map((c) => c.body.attachments[0].content.actions[0].data.requestId);
    expect(new Set(ids).size).toBe(12);
  }, 30_000);
});

describe('pacing under rate limits', () => {
  const within = (times: number[], windowMs: number) =>
    Math.max(...times.map((at) => times.filter((x) => x >= at && x < at + windowMs).length));

  it('never lets more calls into one conversation, nor into the app, than each window allows', async () => {
    const pacer = new Pacer({ conversation: [[3, 300]], app: [[5, 300]] });
    const one: number[] = [];
    const all: number[] = [];
    const take = (c: string, log: number[]) => pacer.take(c).then(() => (log.push(Date.now()), all.push(Date.now())));
    await Promise.all([
      ...Array.from({ length: 9 }, () => take('c1', one)),
      ...Array.from({ length: 6 }, (_, i) => take(`c${i + 2}`, [])),
    ]);
    expect(one).toHaveLength(9);
    expect(within(one, 295)).toBeLessThanOrEqual(3);
    expect(within(all, 295)).toBeLessThanOrEqual(5);
    expect(Math.max(...one) - Math.min(...one)).toBeGreaterThanOrEqual(550); // 9 calls at 3 per 300 ms
  });

  it('uses Teams’ published limits by default', () => {
    expect(TEAMS_CONVERSATION_LIMITS).toContainEqual([7, 1_000]);
    expect(TEAMS_APP_LIMITS[0][0]).toBeLessThanOrEqual(50);
    expect(TEAMS_APP_LIMITS[0][1]).toBe(1_000);
  });
});
