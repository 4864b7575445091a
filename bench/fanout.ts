/**
 * Fan-out (`npm run bench:fanout`): one request to a group with 100 owners. Every owner gets the approval card once,
 * each owner's 1:1 chat is opened once, calls are paced under Teams' limits (7/s per conversation, 50/s per app),
 * and 429s on the way are retried. Prints the time to deliver all cards and the highest call rates seen.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TenantSnapshot } from '../src/policy/tenantModel.js';
import { message } from '../test/support/activities.js';
import { demoUser } from '../test/support/demoTenant.js';
import { startTestApp } from '../test/support/testApp.js';

const OWNERS = Number(process.env.OWNERS ?? 100);
const THROTTLED = 10; // the first calls answered 429 (Retry-After: 1)

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-fanout-'));
  const tenant = JSON.parse(await readFile('data/demo-tenant.json', 'utf8')) as TenantSnapshot;
  const marketing = tenant.groups.find((g) => g.displayName === 'Marketing')!;
  const template = tenant.users.find((u) => u.displayName === 'Alex Wilber')!;
  for (let i = 0; i < OWNERS; i++) {
    const id = `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    tenant.users.push({
      ...template,
      id,
      displayName: `Owner ${i}`,
      mail: `owner${i}@contoso.com`,
      userPrincipalName: `owner${i}@contoso.com`,
      teamsUserIds: [],
    });
    marketing.owners.push(id);
    marketing.members.push(id);
  }
  const tenantFile = join(dir, 'tenant.json');
  await writeFile(tenantFile, JSON.stringify(tenant));
  const t = await startTestApp({
    env: { TENANT_FILE: tenantFile },
    retry: { attempts: 8, baseMs: 100, maxMs: 2_000, maxRetryAfterMs: 60_000 },
  });
  t.connector.throttleNext(THROTTLED, 1);
  // The worker's periodic sweep (every minute in production) picks up what gave up retrying: every second here.
  const sweep = setInterval(() => void t.app.deps.worker.tick(), 1_000);
  const nestor = demoUser('Nestor Wilke');
  const started = performance.now();
  const replies = await t.say(
    message(nestor, 'invite anna@fabrikam.com to Marketing because fan-out', { serviceUrl: t.connector.url }),
  );
  if (!/waiting for approval/.test(replies.join())) throw new Error(`no request: ${replies.join()}`);
  const isCard = (c: { body?: { attachments?: unknown[] } }) => (c.body?.attachments?.length ?? 0) > 0;
  await t.connector.waitFor(
    (calls) =>
      calls.filter((c) => c.method === 'POST' && c.conversationId?.startsWith('a:1on1-c0') && isCard(c)).length >=
      OWNERS,
    120_000,
  );
  const elapsed = performance.now() - started;
  clearInterval(sweep);
  await t.app.deps.worker.idle();

  const cards = t.connector.sent().filter((c) => c.conversationId?.startsWith('a:1on1-c0') && isCard(c));
  const perOwner = new Map<string, number>();
  for (const c of cards) perOwner.set(c.conversationId!, (perOwner.get(c.conversationId!) ?? 0) + 1);
  const creations = t.connector.created().length;
  const attempts = t.connector.attempts.map((a) => a.at).sort((a, b) => a - b);
  let maxPerSecond = 0;
  for (let i = 0, j = 0; i < attempts.length; i++) {
    while (attempts[i] - attempts[j] >= 1000) j++;
    maxPerSecond = Math.max(maxPerSecond, i - j + 1);
  }
  const throttled = t.connector.attempts.filter((a) => a.status === 429).length;
  console.log(`fan-out to ${OWNERS} owners (note: a shared 2-core machine, figures are noisy)`);
  console.log(`  all cards delivered in ${(elapsed / 1000).toFixed(2)} s`);
  console.log(
    `  cards delivered: ${perOwner.size} owners, ${cards.length} cards, sent twice: ${[...perOwner.values()].filter((n) => n > 1).length}`,
  );
  const openedFor = new Map<string, number>();
  for (const c of t.connector.created())
    openedFor.set(c.body?.members?.[0]?.id, (openedFor.get(c.body?.members?.[0]?.id) ?? 0) + 1);
  const twice = [...openedFor.entries()].filter(([, n]) => n > 1);
  console.log(
    `  1:1 chats opened: ${creations} for ${openedFor.size} people; opened more than once: ${twice.length ? JSON.stringify(twice) : 'none'}`,
  );
  console.log(
    `  429 answers retried: ${throttled}; Bot Connector calls: ${attempts.length}; most calls in any second: ${maxPerSecond} (limit 50)`,
  );
  await t.close({ abandonWork: true });
  await rm(dir, { recursive: true, force: true });
  const ok = perOwner.size === OWNERS && cards.length === OWNERS && twice.length === 0 && maxPerSecond <= 50;
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
