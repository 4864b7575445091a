import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GuestRequest } from '../../src/app/guestRequest.js';
import { LowdbRequestStore } from '../../src/adapters/lowdb/lowdbRequestStore.js';
import { MemoryRequestStore } from '../../src/adapters/memory/memoryRequestStore.js';
import type { RequestStore } from '../../src/ports/requestStore.js';

function request(id: string, overrides: Partial<GuestRequest> = {}): GuestRequest {
  return {
    id,
    requesterId: 'u-member',
    groupId: 'g-1',
    guests: [{ email: 'anna@fabrikam.com' }],
    justification: 'project',
    createdAt: `2026-11-0${id.slice(-1)}T09:00:00.000Z`,
    expiresAt: '2026-11-20T09:00:00.000Z',
    state: 'pending',
    approverIds: ['u-owner'],
    approverBasis: 'OWNERS_APPROVE',
    cards: [],
    outbox: [],
    version: 1,
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gab-requests-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const stores: [string, () => Promise<RequestStore>][] = [
  ['memory', async () => new MemoryRequestStore()],
  ['lowdb', () => LowdbRequestStore.open(dir)],
];

describe.each(stores)('%s request store', (_name, open) => {
  it('stores, reads back copies, and refuses a duplicate id', async () => {
    const store = await open();
    await store.create(request('R-000001'));
    const read = await store.get('R-000001');
    expect(read).toEqual(request('R-000001'));
    read!.state = 'rejected';
    expect((await store.get('R-000001'))!.state).toBe('pending');
    await expect(store.create(request('R-000001'))).rejects.toThrow(/exists/);
  });

  it('applies one change at a time: two racing transitions from pending, only one wins', async () => {
    const store = await open();
    await store.create(request('R-000001'));
    const decide = (to: GuestRequest['state']) => store.update('R-000001', (r) => (r.state === 'pending' ? { ...r, state: to } : undefined));
    const [a, b] = await Promise.all([decide('approved'), decide('rejected')]);
    expect([a!.changed, b!.changed].sort()).toEqual([false, true]);
    const final = await store.get('R-000001');
    expect(final!.version).toBe(2);
    expect(final!.state).toBe(a!.changed ? 'approved' : 'rejected');
  });

  it('lists by requester, group, approver and state, newest first, and follows state changes', async () => {
    const store = await open();
    await store.create(request('R-000001'));
    await store.create(request('R-000002', { groupId: 'g-2', approverIds: ['u-other'] }));
    await store.create(request('R-000003', { requesterId: 'u-else' }));
    expect((await store.list({ requesterId: 'u-member' })).map((r) => r.id)).toEqual(['R-000002', 'R-000001']);
    expect((await store.list({ approverId: 'u-owner', states: ['pending'] })).map((r) => r.id)).toEqual(['R-000003', 'R-000001']);
    await store.update('R-000001', (r) => ({ ...r, state: 'completed' }));
    expect((await store.list({ groupId: 'g-1', states: ['pending', 'approved', 'provisioning', 'failed'] })).map((r) => r.id)).toEqual(['R-000003']);
    expect((await store.list({ states: ['completed'] })).map((r) => r.id)).toEqual(['R-000001']);
    expect(await store.update('R-NOPE00', (r) => r)).toBeUndefined();
  });

  it('lists what the worker still has to do, and the pending requests due for expiry or a reminder', async () => {
    const store = await open();
    await store.create(request('R-000001'));
    await store.create(request('R-000002', { outbox: [{ kind: 'refreshCards' }] }));
    await store.create(request('R-000003', { state: 'approved' }));
    await store.create(request('R-000004', { state: 'completed' }));
    expect((await store.listWithWork()).map((r) => r.id).sort()).toEqual(['R-000002', 'R-000003']);
    await store.update('R-000002', (r) => ({ ...r, outbox: [] }));
    expect((await store.listWithWork()).map((r) => r.id)).toEqual(['R-000003']);

    // Created on the 1st…4th at 09:00 (see request()); R-000001 pending, R-000002 pending, R-000003 approved.
    expect((await store.listPendingDue('2026-11-03T00:00:00.000Z', '2026-11-01T09:00:00.000Z')).map((r) => r.id)).toEqual(['R-000001']);
    await store.update('R-000001', (r) => ({ ...r, reminderSentAt: '2026-11-04T09:00:00.000Z' }));
    expect(await store.listPendingDue('2026-11-03T00:00:00.000Z', '2026-11-01T09:00:00.000Z')).toEqual([]);
    expect((await store.listPendingDue('2026-11-20T09:00:00.000Z', '2026-10-01T00:00:00.000Z')).map((r) => r.id).sort()).toEqual(['R-000001', 'R-000002']);
  });

  it('lists the requests whose audit entries are not yet logged, and keeps them across a reopen', async () => {
    const store = await open();
    const unlogged = [{ id: 'a1', at: '2026-11-01T09:00:00.000Z', actorId: 'u-member', action: 'request.transition', subjectId: 'R-000001', from: 'none', to: 'pending' }];
    await store.create(request('R-000001', { unlogged }));
    await store.create(request('R-000002'));
    expect((await store.listUnlogged()).map((r) => r.id)).toEqual(['R-000001']);
    expect((await store.get('R-000001'))?.unlogged).toEqual(unlogged);
    await store.update('R-000001', (r) => ({ ...r, unlogged: [] }));
    expect(await store.listUnlogged()).toEqual([]);
  });

  it('finds the open request for a guest in a group, and forgets it once the request is closed or the guest added', async () => {
    const store = await open();
    await store.create(request('R-000001', { guests: [{ email: 'anna@fabrikam.com' }, { email: 'bo@fabrikam.com' }] }));
    expect((await store.findOpenForGuest('g-1', 'ANNA@fabrikam.com'))?.id).toBe('R-000001');
    expect(await store.findOpenForGuest('g-2', 'anna@fabrikam.com')).toBeUndefined();
    await store.update('R-000001', (r) => ({ ...r, state: 'provisioning', guests: [{ email: 'anna@fabrikam.com', added: true }, { email: 'bo@fabrikam.com' }] }));
    expect(await store.findOpenForGuest('g-1', 'anna@fabrikam.com')).toBeUndefined();
    expect((await store.findOpenForGuest('g-1', 'bo@fabrikam.com'))?.id).toBe('R-000001');
    await store.update('R-000001', (r) => ({ ...r, state: 'completed' }));
    expect(await store.findOpenForGuest('g-1', 'bo@fabrikam.com')).toBeUndefined();
  });
});

describe('lowdb request store on disk', () => {
  it('keeps every request across a restart, one file each', async () => {
    const first = await LowdbRequestStore.open(dir);
    await first.create(request('R-000001'));
    await first.create(request('R-000002'));
    await first.update('R-000002', (r) => ({ ...r, state: 'approved' }));
    const second = await LowdbRequestStore.open(dir);
    expect((await second.get('R-000002'))!.state).toBe('approved');
    expect((await second.list({})).length).toBe(2);
    expect((await readdir(join(dir, 'requests'))).sort()).toEqual(['R-000001.json', 'R-000002.json']);
  });

  it('refuses an id that could escape its folder', async () => {
    const store = await LowdbRequestStore.open(dir);
    await expect(store.create(request('../evil'))).rejects.toThrow(/invalid request id/);
  });
});
