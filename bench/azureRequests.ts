/**
 * STORAGE=azure on Azurite: creating a guest request with 100,000 requests stored versus 1,000 (goal ≤ 1.5×), and
 * start-up of a bot process with 100,000 stored (goal: serving within 5 s, whatever is stored).
 * Seeds the tables the way the store writes them (request entities, list and due entries, guest keys of open
 * requests), then times the whole use case (group lookup, policy, duplicate check, the atomic guest key, the request
 * and its index entries, the audit append) and a fresh `node dist/index.js` until it answers its first message.
 * Azurite keeps everything in memory and answers every query by scanning the table it names: real Azure Tables
 * index partitions, so these figures are, if anything, pessimistic. The machine's cores are shared: noisy.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TableTransaction, type TableClient } from '@azure/data-tables';
import { AzureAuditLog } from '../src/adapters/azure/azureAuditLog.js';
import { AzureConversationStore } from '../src/adapters/azure/azureConversationStore.js';
import { AzureDirectoryOverlayStore } from '../src/adapters/azure/azureDirectoryOverlayStore.js';
import { AzureRequestStore, mapLimit } from '../src/adapters/azure/azureRequestStore.js';
import { AzureStorage, tableKey } from '../src/adapters/azure/azureStorage.js';
import { EmbeddedDirectory } from '../src/adapters/embedded/embeddedDirectory.js';
import type { GuestRequest, RequestState } from '../src/domain/guestRequest.js';
import { identifyUser } from '../src/app/shared/identifyUser.js';
import { PolicyCache } from '../src/app/shared/policyCache.js';
import { requestGuests } from '../src/app/requests/requestGuests.js';
import { createLogger } from '../src/logger.js';
import { systemClock } from '../src/ports/clock.js';
import { message } from '../test/support/activities.js';
import { startAzurite, freshPrefix, type Azurite } from '../test/support/azurite.js';
import { demoTenant, demoUser } from '../test/support/demoTenant.js';
import { createHash } from 'node:crypto';

const CREATES = 200;
const STATES: RequestState[] = [
  'completed',
  'completed',
  'completed',
  'rejected',
  'expired',
  'cancelled',
  'completed',
  'completed',
  'completed',
  'pending',
];

function seeded(i: number): GuestRequest {
  const users = demoTenant.users.filter((u) => u.userType === 'Member');
  const groups = demoTenant.groups.filter((g) => g.groupTypes.includes('Unified'));
  const group = groups[i % groups.length];
  return {
    id: `R-S${i.toString(36).toUpperCase().padStart(5, '0')}`,
    requesterId: users[i % users.length].id,
    groupId: group.id,
    guests: [{ email: `seed${i}@fabrikam.com` }],
    justification: 'seeded',
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    expiresAt: new Date(Date.UTC(2027, 0, 1)).toISOString(),
    state: STATES[i % STATES.length],
    reminderSentAt: new Date(Date.UTC(2025, 0, 4)).toISOString(),
    approverIds: group.owners,
    approverBasis: 'OWNERS_APPROVE',
    cards: [],
    outbox: [],
    version: 1,
    updatedAt: new Date().toISOString(),
  };
}

async function batched(
  table: TableClient,
  entities: { partitionKey: string; rowKey: string; [k: string]: unknown }[],
): Promise<void> {
  const byPartition = new Map<string, typeof entities>();
  for (const e of entities) byPartition.set(e.partitionKey, [...(byPartition.get(e.partitionKey) ?? []), e]);
  const chunks: (typeof entities)[] = [];
  for (const list of byPartition.values())
    for (let i = 0; i < list.length; i += 100) chunks.push(list.slice(i, i + 100));
  await mapLimit(chunks, 8, async (chunk) => {
    const tx = new TableTransaction();
    for (const e of chunk) tx.upsertEntity(e, 'Replace');
    await table.submitTransaction(tx.actions);
  });
}

/** Writes what the store would have written for `count` requests (bulk, for speed). */
async function seed(storage: AzureStorage, count: number): Promise<void> {
  const requests = Array.from({ length: count }, (_, i) => seeded(i));
  await mapLimit(requests, 64, (r) =>
    storage.table('requests').createEntity({ partitionKey: r.id, rowKey: '', chunks: 1, d0: JSON.stringify(r) }),
  );
  const lists = requests.flatMap((r) =>
    [`requester|${r.requesterId}`, `group|${r.groupId}`, ...r.approverIds.map((a) => `approver|${a}`)].map((p) => ({
      partitionKey: tableKey(p),
      rowKey: r.id,
    })),
  );
  await batched(storage.table('requestlists'), lists);
  const pending = requests.filter((r) => r.state === 'pending');
  await batched(
    storage.table('requestdue'),
    pending.map((r) => ({
      partitionKey: 'pending',
      rowKey: r.id,
      version: 1,
      expiresAt: r.expiresAt,
      createdAt: r.createdAt,
      reminded: true,
    })),
  );
  await mapLimit(pending, 64, (r) =>
    storage.table('requestkeys').createEntity({
      partitionKey: `g-${createHash('sha256').update(`${r.groupId} ${r.guests[0].email.toLowerCase()}`).digest('hex')}`,
      rowKey: '',
      requestId: r.id,
    }),
  );
}

async function measureCreate(storage: AzureStorage) {
  const directory = await EmbeddedDirectory.open(demoTenant, { store: AzureDirectoryOverlayStore.open(storage) });
  const deps = {
    directory,
    conversations: AzureConversationStore.open(storage),
    audit: AzureAuditLog.open(storage),
    clock: systemClock,
    logger: createLogger('silent'),
    requests: AzureRequestStore.open(storage),
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
  const measured = times.slice(20).sort((a, b) => a - b);
  return {
    mean: measured.reduce((a, b) => a + b, 0) / measured.length,
    p50: measured[Math.floor(measured.length / 2)],
    p99: measured[Math.ceil(measured.length * 0.99) - 1],
  };
}

/** A fresh bot process on this storage: milliseconds from spawn until it answered "help". */
async function measureStart(azurite: Azurite, prefix: string): Promise<number> {
  const cwd = await mkdtemp(join(tmpdir(), 'gab-bench-start-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [resolve('dist/index.js')], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      LOG_LEVEL: 'warn',
      MICROSOFT_APP_ID: '',
      TENANT_FILE: resolve('data/demo-tenant.json'),
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_PREFIX: prefix,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const m = /http:\/\/127\.0\.0\.1:(\d+)\/api\/messages/.exec(out);
        if (m) resolveUrl(`http://127.0.0.1:${m[1]}`);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`bot exited (${code}):\n${out}`)));
    });
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(demoUser('Nestor Wilke'), 'help')),
    });
    const body = (await response.json()) as { activities?: unknown[] };
    if (!body.activities?.length) throw new Error('no answer to help');
    return performance.now() - t0;
  } finally {
    child.kill('SIGKILL');
    await rm(cwd, { recursive: true, force: true });
  }
}

async function measure(azurite: Azurite, stored: number) {
  const prefix = freshPrefix();
  const storage = await AzureStorage.open({ connectionString: azurite.connectionString, prefix });
  const s0 = performance.now();
  await seed(storage, stored);
  const seedMs = performance.now() - s0;
  const create = await measureCreate(storage);
  const startMs = await measureStart(azurite, prefix);
  return { ...create, seedMs, startMs };
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  try {
    await measure(azurite, 1_000); // warm-up (JIT, Azurite), not reported
    const small = await measure(azurite, 1_000);
    const large = await measure(azurite, 100_000);
    const row = (n: number, r: typeof small) =>
      `${n.toLocaleString('en')} stored: create mean ${r.mean.toFixed(1)} ms  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms; ` +
      `a new process answers its first message ${(r.startMs / 1000).toFixed(2)} s after spawn (seeding took ${(r.seedMs / 1000).toFixed(0)} s)`;
    console.log(`STORAGE=azure on Azurite: ${CREATES} requests created through the use case`);
    console.log(row(1_000, small));
    console.log(row(100_000, large));
    const ratio = large.mean / small.mean;
    console.log(
      `create ratio 100,000 / 1,000: ${ratio.toFixed(2)}× (goal ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `start with 100,000 stored: ${(large.startMs / 1000).toFixed(2)} s (goal ≤ 5 s: ${large.startMs <= 5000 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await azurite.stop();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
