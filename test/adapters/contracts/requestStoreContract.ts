import type { GuestRequest } from '../../../src/domain/guestRequest.js';
import { OpenRequestExistsError, type RequestStore } from '../../../src/ports/requestStore.js';

export function request(id: string, overrides: Partial<GuestRequest> = {}): GuestRequest {
  return {
    id,
    requesterId: 'u-member',
    groupId: 'g-1',
    guests: [{ email: `guest-${id.toLowerCase()}@fabrikam.com` }],
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

/**
 * What every {@link RequestStore} must do, run against each backend. `open` gives a store on the backend's (empty)
 * storage; `openAnother`, for backends that several processes share, a second store on that same storage.
 */
export function requestStoreContract(
  open: () => Promise<RequestStore>,
  openAnother?: () => Promise<RequestStore>,
): void {
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
    const decide = (to: GuestRequest['state']) =>
      store.update('R-000001', (r) => (r.state === 'pending' ? { ...r, state: to } : undefined));
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
    expect((await store.list({ approverId: 'u-owner', states: ['pending'] })).map((r) => r.id)).toEqual([
      'R-000003',
      'R-000001',
    ]);
    await store.update('R-000001', (r) => ({ ...r, state: 'completed' }));
    expect(
      (await store.list({ groupId: 'g-1', states: ['pending', 'approved', 'provisioning', 'failed'] })).map(
        (r) => r.id,
      ),
    ).toEqual(['R-000003']);
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
    expect(
      (await store.listPendingDue('2026-11-03T00:00:00.000Z', '2026-11-01T09:00:00.000Z')).map((r) => r.id),
    ).toEqual(['R-000001']);
    await store.update('R-000001', (r) => ({ ...r, reminderSentAt: '2026-11-04T09:00:00.000Z' }));
    expect(await store.listPendingDue('2026-11-03T00:00:00.000Z', '2026-11-01T09:00:00.000Z')).toEqual([]);
    expect(
      (await store.listPendingDue('2026-11-20T09:00:00.000Z', '2026-10-01T00:00:00.000Z')).map((r) => r.id).sort(),
    ).toEqual(['R-000001', 'R-000002']);
  });

  it('lists the requests whose audit entries are not yet logged', async () => {
    const store = await open();
    const unlogged = [
      {
        id: 'a1',
        at: '2026-11-01T09:00:00.000Z',
        actorId: 'u-member',
        action: 'request.transition',
        subjectId: 'R-000001',
        from: 'none',
        to: 'pending',
      },
    ];
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
    await store.update('R-000001', (r) => ({
      ...r,
      state: 'provisioning',
      guests: [{ email: 'anna@fabrikam.com', added: true }, { email: 'bo@fabrikam.com' }],
    }));
    expect(await store.findOpenForGuest('g-1', 'anna@fabrikam.com')).toBeUndefined();
    expect((await store.findOpenForGuest('g-1', 'bo@fabrikam.com'))?.id).toBe('R-000001');
    await store.update('R-000001', (r) => ({ ...r, state: 'completed' }));
    expect(await store.findOpenForGuest('g-1', 'bo@fabrikam.com')).toBeUndefined();
  });

  it('refuses a second open request for a guest in the same group, atomically, and allows it once the first closes', async () => {
    const store = await open();
    const anna = [{ email: 'anna@fabrikam.com' }];
    await store.create(request('R-000001', { guests: anna }));
    const error = await store
      .create(request('R-000002', { guests: [{ email: 'ANNA@fabrikam.com' }] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenRequestExistsError);
    expect((error as OpenRequestExistsError).existing).toEqual([{ email: 'ANNA@fabrikam.com', requestId: 'R-000001' }]);
    expect(await store.get('R-000002')).toBeUndefined();
    await store.create(request('R-000003', { groupId: 'g-2', guests: anna })); // another group: fine
    await store.update('R-000001', (r) => ({ ...r, state: 'rejected' }));
    await store.create(request('R-000004', { guests: anna }));
    expect((await store.findOpenForGuest('g-1', 'anna@fabrikam.com'))?.id).toBe('R-000004');
  });

  it('lets exactly one of many racing creates for the same guest through', async () => {
    const store = await open();
    const ids = ['R-000001', 'R-000002', 'R-000003', 'R-000004', 'R-000005'];
    const results = await Promise.allSettled(
      ids.map((id) => store.create(request(id, { guests: [{ email: 'anna@fabrikam.com' }] }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(OpenRequestExistsError);
    expect((await store.list({ groupId: 'g-1' })).length).toBe(1);
  });

  if (openAnother) {
    it('two processes on one storage: a decision racing on both is taken once, and one guest makes one request', async () => {
      const [a, b] = [await open(), await openAnother()];
      await a.create(request('R-000001'));
      const decide = (store: RequestStore, to: GuestRequest['state']) =>
        store.update('R-000001', (r) => (r.state === 'pending' ? { ...r, state: to } : undefined));
      const outcomes = await Promise.all([
        decide(a, 'approved'),
        decide(b, 'rejected'),
        decide(a, 'cancelled'),
        decide(b, 'approved'),
      ]);
      expect(outcomes.filter((o) => o!.changed)).toHaveLength(1);
      expect((await b.get('R-000001'))!.version).toBe(2);

      const created = await Promise.allSettled([
        a.create(request('R-000002', { groupId: 'g-9', guests: [{ email: 'bo@fabrikam.com' }] })),
        b.create(request('R-000003', { groupId: 'g-9', guests: [{ email: 'bo@fabrikam.com' }] })),
      ]);
      expect(created.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await a.list({ groupId: 'g-9' })).length).toBe(1);
    });
  }
}
