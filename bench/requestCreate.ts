/**
 * Creating a guest request with 100,000 requests already stored versus 1,000 (goal: ≤ 1.5× slower).
 * Seeds the lowdb store (one file per request, realistic mix of states), then times the whole use case: group lookup,
 * policy, duplicate check, the request file write and the audit entry.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryDirectory } from '../src/adapters/embedded/embeddedDirectory.js';
import { LowdbAuditLog } from '../src/adapters/lowdb/lowdbAuditLog.js';
import { LowdbRequestStore } from '../src/adapters/lowdb/lowdbRequestStore.js';
import { MemoryConversationStore } from '../src/adapters/memory/memoryConversationStore.js';
import { identifyUser } from '../src/app/shared/identifyUser.js';
import { PolicyCache } from '../src/app/shared/policyCache.js';
import { requestGuests } from '../src/app/requests/requestGuests.js';
import { RequestWorker } from '../src/app/requests/requestWorker.js';
import { createLogger } from '../src/logger.js';
import { systemClock } from '../src/ports/clock.js';
import { demoTenant, demoUser } from '../test/support/demoTenant.js';
import { seededRequest } from './seededRequests.js';

const CREATES = 300;

async function seed(dir: string, count: number): Promise<void> {
  const requestsDir = join(dir, 'requests');
  await mkdir(requestsDir, { recursive: true });
  const batch: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = seededRequest(i);
    batch.push(writeFile(join(requestsDir, `${r.id}.json`), JSON.stringify(r)));
    if (batch.length >= 500) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
}

async function measure(
  stored: number,
): Promise<{ load: number; mean: number; p50: number; p99: number; sweep: number }> {
  const dir = await mkdtemp(join(tmpdir(), `gab-bench-${stored}-`));
  try {
    await seed(dir, stored);
    const t0 = performance.now();
    const requests = await LowdbRequestStore.open(dir);
    const load = performance.now() - t0;
    const directory = new InMemoryDirectory(demoTenant);
    const deps = {
      directory,
      conversations: new MemoryConversationStore(),
      audit: await LowdbAuditLog.open(dir),
      clock: systemClock,
      logger: createLogger('silent'),
      requests,
      policy: new PolicyCache(directory),
      settings: { expiryDays: 14, requireJustification: true },
      onRequestCreated: () => undefined,
    };
    const requester = (await identifyUser(directory, { aadObjectId: demoUser('Nestor Wilke').id }))!;
    const times: number[] = [];

    for (let i = 0; i < CREATES; i += 1) {
      const s = performance.now();
      const outcome = await requestGuests(deps, {
        requester,
        groupQuery: 'Marketing',
        guests: [`new${i}@fabrikam.com`],
        justification: 'benchmark',
      });
      times.push(performance.now() - s);
      if (outcome.kind !== 'processed' || outcome.requests.length !== 1)
        throw new Error(`request not created: ${outcome.kind}`);
    }
    const measured = times.slice(20).sort((a, b) => a - b); // the first few warm up the JIT and the file system
    const mean = measured.reduce((a, b) => a + b, 0) / measured.length;
    // The worker's periodic sweep (expiry, reminders, unfinished work) runs on the same event loop as card taps.
    const sent = { userId: '', conversationId: '', activityId: 'x' };
    const notifier = { sendToUser: async () => ({ kind: 'delivered' as const, sent }), update: async () => undefined };
    const worker = new RequestWorker({ ...deps, notifier, settings: { expiryDays: 14, reminderDays: 3 } });
    const s0 = performance.now();
    for (let i = 0; i < 5; i += 1) await worker.tick();
    await worker.idle();
    const sweep = (performance.now() - s0) / 5;
    return {
      load,
      mean,
      p50: measured[Math.floor(measured.length / 2)],
      p99: measured[Math.ceil(measured.length * 0.99) - 1],
      sweep,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await measure(1_000); // warm-up round (JIT, file system caches), not reported
  const small = await measure(1_000);
  const large = await measure(100_000);
  const row = (n: number, r: typeof small) =>
    `${n.toLocaleString('en')} stored: create mean ${r.mean.toFixed(2)} ms  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (store load at start ${(r.load / 1000).toFixed(2)} s, worker sweep ${r.sweep.toFixed(1)} ms)`;
  console.log(`creating ${CREATES} requests through the use case (lowdb, one file per request)`);
  console.log(row(1_000, small));
  console.log(row(100_000, large));
  const ratio = large.mean / small.mean;
  console.log(`ratio 100,000 / 1,000: ${ratio.toFixed(2)}× (goal ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
