/**
 * The tenant's guests at scale, on the embedded directory: a generated 50,000-user / 5,000-group tenant (about 2,500
 * guests) with an audit log of 20,000 entries. Times the `guests` list (first page: every row is computed), the
 * `guests stale` filter, the CSV export, and a review cycle: planning, creating every group's review and rendering
 * and sending every owner's card (to a notifier that answers at once).
 *
 * Usage: npm run bench:guests
 */
import { Writable } from 'node:stream';
import { InMemoryDirectory } from '../src/adapters/embedded/embeddedDirectory.js';
import { MemoryAuditLog } from '../src/adapters/memory/memoryAuditLog.js';
import { MemoryConversationStore } from '../src/adapters/memory/memoryConversationStore.js';
import { MemoryReviewStore } from '../src/adapters/memory/memoryReviewStore.js';
import { GuestReviews } from '../src/app/reviews/guestReviews.js';
import { identifyUser } from '../src/app/shared/identifyUser.js';
import { PolicyCache } from '../src/app/shared/policyCache.js';
import { listTenantGuests } from '../src/app/guests/tenantGuests.js';
import { createLogger } from '../src/logger.js';
import type { Delivery, Notifier } from '../src/ports/notifier.js';
import { exportGuests } from '../scripts/exportGuests.js';
import { generateTenant } from '../test/support/generateTenant.js';

const USERS = 50_000;
const GROUPS = 5_000;
const AUDIT_ENTRIES = 20_000;
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(label: string, runs: number, task: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  console.log(`${label.padEnd(44)} median ${median(times).toFixed(1)} ms (of ${runs})`);
}

async function main(): Promise<void> {
  const tenant = generateTenant(USERS, GROUPS);
  // One or two guests in every assigned-membership Microsoft 365 group (the generator rarely picks guests).
  const guestIds = tenant.users.filter((u) => u.userType === 'Guest').map((u) => u.id);
  tenant.groups.forEach((g, i) => {
    if (!g.groupTypes.includes('Unified') || g.groupTypes.includes('DynamicMembership')) return;
    for (const id of guestIds.slice((i * 2) % guestIds.length, ((i * 2) % guestIds.length) + 1 + (i % 2))) {
      if (!g.members.includes(id)) g.members.push(id);
    }
  });
  const now = new Date('2026-11-02T09:00:00Z');
  const clock = { now: () => now };
  const directory = new InMemoryDirectory(tenant, { clock });
  const audit = new MemoryAuditLog();
  const groups = tenant.groups.filter((g) => g.groupTypes.includes('Unified'));
  for (let i = 0; i < AUDIT_ENTRIES; i++) {
    const group = groups[i % groups.length];
    await audit.append({
      at: new Date(now.getTime() - (AUDIT_ENTRIES - i) * 60_000).toISOString(),
      actorId: group.owners[0] ?? 'system',
      action: i % 4 === 0 ? 'guest.added' : 'request.transition',
      subjectId: i % 4 === 0 ? group.id : `R-${String(i).padStart(6, '0')}`,
      ...(i % 4 === 0 ? { details: { guestUserId: group.members[0], invited: true } } : {}),
    });
  }
  const admin = (await identifyUser(directory, { aadObjectId: tenant.users[1].id }))!;
  const guests = tenant.users.filter((u) => u.userType === 'Guest').length;
  console.log(`tenant: ${USERS} users (${guests} guests), ${GROUPS} groups; audit log: ${AUDIT_ENTRIES} entries`);
  console.log('(2 shared cores with other work running: figures are noisy)');

  const deps = { directory, audit, clock, staleDays: 90 };
  await time('guests (first page of 20, all rows computed)', RUNS, () =>
    listTenantGuests(deps, admin, { kind: 'all' }),
  );
  await time('guests stale', RUNS, () => listTenantGuests(deps, admin, { kind: 'stale' }));
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  await time('export-guests (CSV of every guest)', RUNS, () => exportGuests({ directory, audit }, now, 90, sink()));

  let sent = 0;
  const notifier: Notifier = {
    async sendToUser(userId): Promise<Delivery> {
      sent += 1;
      return { kind: 'delivered', sent: { userId, conversationId: `c-${userId}`, activityId: `a-${sent}` } };
    },
    async update() {},
  };
  const reviews = new GuestReviews({
    directory,
    conversations: new MemoryConversationStore(),
    audit,
    clock,
    logger: createLogger('silent'),
    reviews: new MemoryReviewStore(),
    notifier,
    policy: new PolicyCache(directory),
    settings: { reviewDays: 90, reviewGraceDays: 14, staleDays: 90 },
  });
  const start = performance.now();
  await reviews.tick();
  await reviews.idle();
  const ms = performance.now() - start;
  const created = (await reviews['deps'].reviews.list({})).length;
  console.log(
    `review cycle: ${created} reviews, ${sent} cards rendered and sent in ${(ms / 1000).toFixed(1)} s (${(ms / Math.max(sent, 1)).toFixed(1)} ms a card)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
