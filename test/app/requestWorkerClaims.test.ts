import { InMemoryDirectory } from '../../src/adapters/embedded/embeddedDirectory.js';
import { MemoryAuditLog } from '../../src/adapters/memory/memoryAuditLog.js';
import { MemoryConversationStore } from '../../src/adapters/memory/memoryConversationStore.js';
import { MemoryRequestStore } from '../../src/adapters/memory/memoryRequestStore.js';
import { PolicyCache } from '../../src/app/shared/policyCache.js';
import { RequestWorker, type WorkerDeps } from '../../src/app/requests/requestWorker.js';
import { createLogger } from '../../src/logger.js';
import type { Notifier, OutboundMessage } from '../../src/ports/notifier.js';
import type { SweepLease } from '../../src/ports/sweepLease.js';
import { request } from '../adapters/contracts/requestStoreContract.js';
import { demoTenant, demoUser } from '../support/demoTenant.js';
import { FakeClock } from '../support/fakeClock.js';

/** Two workers ("instances") on one store, with a lease only `holder` holds and a notifier that records sends. */
function setup() {
  const clock = new FakeClock('2026-11-02T09:00:00.000Z');
  const requests = new MemoryRequestStore();
  const directory = new InMemoryDirectory(demoTenant);
  const sends: { instance: string; userId: string }[] = [];
  let gate: Promise<void> = Promise.resolve();
  const notifier = (instance: string): Notifier => ({
    async sendToUser(userId: string, _message: OutboundMessage) {
      await gate;
      sends.push({ instance, userId });
      return {
        kind: 'delivered' as const,
        sent: { userId, conversationId: `a:${userId}`, activityId: `act-${sends.length}` },
      };
    },
    async update() {},
  });
  let holder = 'A';
  const lease = (instance: string): SweepLease => ({
    holds: async () => holder === instance,
    start: () => undefined,
    stop: async () => undefined,
  });
  const worker = (instance: string) => {
    const deps: WorkerDeps = {
      directory,
      conversations: new MemoryConversationStore(),
      audit: new MemoryAuditLog(),
      clock,
      logger: createLogger('silent'),
      requests,
      policy: new PolicyCache(directory),
      notifier: notifier(instance),
      settings: { expiryDays: 14, reminderDays: 3 },
      shared: { instanceId: instance, lease: lease(instance), claimMs: 30_000 },
    };
    return new RequestWorker(deps);
  };
  return {
    clock,
    requests,
    sends,
    a: worker('A'),
    b: worker('B'),
    setHolder: (name: string) => (holder = name),
    /** Sends wait until the returned function is called. */
    holdSends: () => {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return () => open();
    },
  };
}

const owner = demoUser('Alex Wilber').id;

describe('when several instances share the store', () => {
  it('then the same request delivered by both at once sends each message once', async () => {
    const t = setup();
    await t.requests.create(
      request('R-000001', {
        outbox: [
          { kind: 'approvalCard', userId: owner },
          { kind: 'requesterCard', userId: 'u-member' },
        ],
      }),
    );
    const open = t.holdSends();
    t.a.kick('R-000001');
    t.b.kick('R-000001');
    await new Promise((r) => setTimeout(r, 20));
    open();
    await Promise.all([t.a.idle(), t.b.idle()]);
    expect(t.sends.map((s) => s.userId).sort()).toEqual([owner, 'u-member'].sort());
    expect((await t.requests.get('R-000001'))!.outbox).toEqual([]);
  });

  it('then only the lease holder sweeps, and a message claimed by an instance that died is sent after its claim expires', async () => {
    const t = setup();
    await t.requests.create(
      request('R-000001', {
        outbox: [{ kind: 'approvalCard', userId: owner, claim: { by: 'dead', until: '2026-11-02T09:00:20.000Z' } }],
      }),
    );
    await t.b.tick(); // B does not hold the lease
    await t.a.tick(); // A does, but the item is claimed by an instance that is gone and its claim still runs
    await t.a.idle();
    expect(t.sends).toEqual([]);
    t.clock.advanceMs(21_000);
    t.setHolder('B');
    await t.a.tick();
    await t.b.tick();
    await Promise.all([t.a.idle(), t.b.idle()]);
    expect(t.sends).toEqual([{ instance: 'B', userId: owner }]);
  });
});
