/**
 * The admin answers on a large tenant: a snapshot generated from the demo tenant's settings with 50,000 member
 * users, 20,000 guests and 5,000 groups (the demo tenant's kinds of group, repeated), served by the real bot over
 * HTTP. Each command is asked once cold (the first after start: the policy compiles) and then 5 times; goal: every
 * answer within 2 s.
 *
 *   npm run bench:scale [-- --users 50000 --guests 20000 --groups 5000]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { message } from '../test/support/activities.js';
import { demoUser } from '../test/support/demoTenant.js';
import { generateSnapshot } from './scaleSnapshot.js';
import { startTestApp } from '../test/support/testApp.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const USERS = Number(args.get('users') ?? 50_000);
const GUESTS = Number(args.get('guests') ?? 20_000);
const GROUPS = Number(args.get('groups') ?? 5_000);
const GOAL_MS = 2_000;

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'gab-bench-scale-'));
  const tenantFile = join(folder, 'tenant.json');
  const snapshot = generateSnapshot(USERS, GUESTS, GROUPS);
  await writeFile(tenantFile, JSON.stringify(snapshot));
  const started = performance.now();
  const t = await startTestApp({ env: { TENANT_FILE: tenantFile } });
  console.log(
    `bench:scale: ${snapshot.users.length.toLocaleString('en')} users (${GUESTS.toLocaleString('en')} guests), ` +
      `${snapshot.groups.length.toLocaleString('en')} groups; bot started in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log('(the machine is shared: figures are noisy)\n');
  const megan = demoUser('Megan Bowen');
  const last = (name: string) =>
    snapshot.groups.filter((g) => g.displayName.startsWith(`${name} `)).at(-1)!.displayName;
  const commands = [
    'settings',
    `settings ${last('Marketing')}`,
    'check tailspintoys.com',
    'check anna@fabrikam.com',
    `check anna@fabrikam.com in ${last('Sales')}`,
    `why guest7@woodgrovebank.com ${last('Project Falcon')}`,
    'whatif AllowToAddGuests false',
    'whatif blockedDomains -tailspintoys.com',
    `whatif group ${last('HR')} AllowToAddGuests true`,
  ];
  console.log('command                                          cold ms   warm ms (median of 5)   max ms   goal ≤ 2 s');
  let allMet = true;
  try {
    for (const text of commands) {
      const times: number[] = [];
      let reply = '';
      for (let i = 0; i < 6; i += 1) {
        const t0 = performance.now();
        const replies = await t.say(message(megan, text));
        times.push(performance.now() - t0);
        reply = replies.join(' ');
      }
      if (!reply || /went wrong|can't find/i.test(reply))
        throw new Error(`"${text}" gave no answer: ${reply.slice(0, 200)}`);
      const warm = times.slice(1).sort((a, b) => a - b)[2];
      const met = Math.max(...times) <= GOAL_MS;
      allMet &&= met;
      const max = Math.max(...times).toFixed(0);
      console.log(
        `${text.padEnd(48)} ${times[0].toFixed(0).padStart(7)}   ${warm.toFixed(0).padStart(7)}                 ${max.padStart(6)}   ${met ? 'met' : 'NOT met'}`,
      );
    }
    // A write to the directory (a guest invited and added to a group, an invitation sent again) gives a new directory
    // version: the next answer compiles the policy again, taking over what the write did not touch.
    console.log(
      '\nthe first answer after a directory write       write ms   next check ms (median of 5)   max ms   goal ≤ 2 s',
    );
    const directory = t.app.deps.directory;
    const inviter = snapshot.users.find((u) => u.userType === 'Member' && u.accountEnabled)!;
    const open = snapshot.groups.filter(
      (g) => g.groupTypes.includes('Unified') && !g.groupTypes.includes('DynamicMembership'),
    );
    for (const kind of ['guest invited and added', 'invitation sent again'] as const) {
      const writes: number[] = [];
      const next: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const w0 = performance.now();
        const { userId } = await directory.inviteGuest({
          email: `scale.${kind[0]}${i}@fabrikam.com`,
          invitedBy: inviter.id,
        });
        if (kind === 'guest invited and added') await directory.addMember(open[i * 7].id, userId);
        else await directory.resendInvitation({ userId, invitedBy: inviter.id });
        writes.push(performance.now() - w0);
        const t0 = performance.now();
        const reply = (await t.say(message(megan, 'check tailspintoys.com'))).join(' ');
        next.push(performance.now() - t0);
        if (!reply) throw new Error('check gave no answer after a write');
      }
      const median = [...next].sort((a, b) => a - b)[2];
      const met = Math.max(...next) <= GOAL_MS;
      allMet &&= met;
      console.log(
        `${kind.padEnd(48)} ${(writes.reduce((a, b) => a + b) / writes.length).toFixed(0).padStart(7)}   ${median.toFixed(0).padStart(7)}                       ${Math.max(
          ...next,
        )
          .toFixed(0)
          .padStart(6)}   ${met ? 'met' : 'NOT met'}`,
      );
    }
    console.log(`\ngoal (every answer ≤ ${GOAL_MS / 1000} s, cold included): ${allMet ? 'met' : 'NOT met'}`);
  } finally {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
