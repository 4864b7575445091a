import type { GuestReview, ReviewCycle } from '../../../src/domain/guestReview.js';
import type { ReviewStore } from '../../../src/ports/reviewStore.js';

export const review = (id: string, changes: Partial<GuestReview> = {}): GuestReview => ({
  id,
  cycleId: 'c1',
  groupId: 'g-1',
  startedAt: '2026-11-01T09:00:00.000Z',
  dueAt: '2026-11-15T09:00:00.000Z',
  reviewerIds: ['u-owner'],
  ownerless: false,
  guests: [{ userId: 'guest-1' }],
  state: 'open',
  cards: [],
  outbox: [],
  version: 1,
  updatedAt: '2026-11-01T09:00:00.000Z',
  ...changes,
});

const cycle = (id: string, startedAt: string): ReviewCycle => ({
  id,
  startedAt,
  dueAt: '2026-12-01T00:00:00.000Z',
  groupIds: ['g-1'],
  complete: true,
});

/**
 * What every {@link ReviewStore} must do, run against each backend. `reopen` opens the same store again (another
 * process, or the next start).
 */
export function reviewStoreContract(open: () => Promise<ReviewStore>, reopen: () => Promise<ReviewStore> = open): void {
  test('creates once, reads back after a restart, and refuses a second create', async () => {
    const store = await open();
    await store.create(review('c1-g-1'));
    await expect(store.create(review('c1-g-1'))).rejects.toThrow(/exists/);
    expect(await (await reopen()).get('c1-g-1')).toEqual(review('c1-g-1'));
    expect(await store.get('c1-g-2')).toBeUndefined();
  });

  test('update bumps the version; no change leaves it; an unknown id is undefined', async () => {
    const store = await open();
    await store.create(review('c1-g-1'));
    const done = await store.update('c1-g-1', (r) => ({ ...r, state: 'closed' }));
    expect(done).toMatchObject({ changed: true, review: { state: 'closed', version: 2 } });
    expect(await store.update('c1-g-1', () => undefined)).toMatchObject({ changed: false, review: { version: 2 } });
    expect(await store.update('nope', (r) => r)).toBeUndefined();
    expect((await (await reopen()).get('c1-g-1'))?.state).toBe('closed');
  });

  test('concurrent decisions on one review are all kept', async () => {
    const store = await open();
    await store.create(review('c1-g-1', { guests: [{ userId: 'a' }, { userId: 'b' }, { userId: 'c' }] }));
    const keep = { outcome: 'keep' as const, by: 'u-owner', at: '2026-11-03T09:00:00.000Z' };
    const decide = async (userId: string) =>
      (await reopen()).update('c1-g-1', (r) => ({
        ...r,
        guests: r.guests.map((g) => (g.userId === userId ? { ...g, decision: keep } : g)),
      }));
    await Promise.all(['a', 'b', 'c'].map(decide));
    const stored = await store.get('c1-g-1');
    expect(stored?.guests.every((g) => g.decision?.outcome === 'keep')).toBe(true);
    expect(stored?.version).toBe(4);
  });

  test('lists by cycle and state, oldest first, and those with work left', async () => {
    const store = await open();
    await store.create(review('c1-g-2', { groupId: 'g-2', startedAt: '2026-11-02T09:00:00.000Z' }));
    await store.create(review('c1-g-1'));
    await store.create(review('c2-g-1', { cycleId: 'c2', state: 'closed' }));
    const removal = { outcome: 'remove' as const, by: 'u-owner', at: '2026-11-03T09:00:00.000Z' };
    const owing = { cycleId: 'c2', state: 'closed' as const, guests: [{ userId: 'x', decision: removal }] };
    await store.create(review('c2-g-3', owing));
    const s = await reopen();
    expect((await s.list({ cycleId: 'c1' })).map((r) => r.id)).toEqual(['c1-g-1', 'c1-g-2']);
    expect((await s.list({ state: 'closed' })).map((r) => r.id)).toEqual(['c2-g-1', 'c2-g-3']);
    expect((await s.listWithWork()).map((r) => r.id).sort()).toEqual(['c1-g-1', 'c1-g-2', 'c2-g-3']);
  });

  test('the latest cycle is the one started last', async () => {
    const store = await open();
    expect(await store.latestCycle()).toBeUndefined();
    await store.saveCycle(cycle('c2', '2026-11-02T00:00:00.000Z'));
    await store.saveCycle(cycle('c1', '2026-11-01T00:00:00.000Z'));
    const incomplete = { ...cycle('c2', '2026-11-02T00:00:00.000Z'), complete: false };
    await store.saveCycle(incomplete);
    expect(await (await reopen()).latestCycle()).toEqual(incomplete);
  });
}
