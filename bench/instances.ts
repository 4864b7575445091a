/**
 * Throughput of two bot instances against one, on one Azurite (STORAGE=azure), as App Service would run them.
 * Starts Azurite and the bot as `node dist/index.js` processes (run `npm run build` first: `npm run bench:instances`
 * does), then for each setup sends guest requests ("invite … to Marketing because …") from 16 concurrent clients,
 * spread round-robin over the instances, for a fixed time. Every request is created, stored, audited, and its cards
 * are delivered to a loopback fake Bot Connector.
 * Note: Azurite, the bot processes and this load generator share the machine's cores; on 2 cores, two instances
 * compete with Azurite for CPU, so the figure is a floor, not what separate hosts would give. It prints each
 * process's CPU during the run and per answered message, and the most this machine's cores could serve.
 * `--cpu-per-instance 0.25` gives each bot process a fixed CPU budget (stopped and continued with SIGSTOP/SIGCONT,
 * 25 ms of every 100 ms), as separate hosts would each have their own: then the instances, not the shared machine,
 * are the limit, and the ratio shows whether anything they share (storage, leases, conflicts) serialises them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { message } from '../test/support/activities.js';
import { startAzurite, freshPrefix, type Azurite } from '../test/support/azurite.js';
import { demoTenant } from '../test/support/demoTenant.js';
import { FakeConnector } from '../test/support/fakeConnector.js';
import { azureBotEnv } from './seededRequests.js';

const SECONDS = 20;
const CLIENTS = 16;
const capArg = process.argv.indexOf('--cpu-per-instance');
const CPU_CAP = capArg > 0 ? Number(process.argv[capArg + 1]) : undefined;
const CAP_PERIOD_MS = 100;

/** Lets each process run `share` of every period (SIGCONT, then SIGSTOP); returns a function that ends it. */
function capCpu(children: ChildProcess[], share: number): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const signal = (sig: NodeJS.Signals) => children.forEach((c) => c.kill(sig));
  const cycle = () => {
    if (stopped) return;
    signal('SIGCONT');
    timer = setTimeout(() => {
      if (stopped) return;
      signal('SIGSTOP');
      timer = setTimeout(cycle, CAP_PERIOD_MS * (1 - share));
    }, CAP_PERIOD_MS * share);
  };
  cycle();
  return () => {
    stopped = true;
    clearTimeout(timer);
    signal('SIGCONT');
  };
}

async function startBot(azurite: Azurite, prefix: string, cwd: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [resolve('dist/index.js')], {
    cwd,
    env: azureBotEnv(azurite.connectionString, prefix, resolve('data/demo-tenant.json')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // LOG_LEVEL=warn hides the 'listening' line: find the port from the local-mode banner on stderr.
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/api\/messages/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bot exited (${code}):\n${out}`)));
  });
  return { url, child };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks; 100 per second on Linux
  } catch {
    return undefined;
  }
}

/** Per process, the share of one core it used between `before` and now, over `seconds`. */
function cpuShares(
  pids: Record<string, number | undefined>,
  before: Record<string, number | undefined>,
  seconds: number,
  messages: number,
) {
  let totalMs = 0;
  const shares = Object.entries(pids).map(([name, pid]) => {
    const now = name === 'load generator' ? process.cpuUsage() : undefined;
    const used = now ? (now.user + now.system) / 1e6 : cpuSeconds(pid);
    const start = before[name];
    if (used === undefined || start === undefined) return `${name} ?`;
    const perMessageMs = ((used - start) * 1000) / Math.max(1, messages);
    totalMs += perMessageMs;
    return `${name} ${(((used - start) / seconds) * 100).toFixed(0)} % (${perMessageMs.toFixed(1)} ms/message)`;
  });
  return { shares, totalMs };
}

async function run(instances: number, azurite: Azurite, connector: FakeConnector, cwd: string) {
  const prefix = freshPrefix();
  const bots = await Promise.all(Array.from({ length: instances }, () => startBot(azurite, prefix, cwd)));
  const requesters = demoTenant.users.filter((u) => u.userType === 'Member' && u.accountEnabled);
  let sent = 0;
  let ok = 0;
  const latencies: number[] = [];
  const pids: Record<string, number | undefined> = { Azurite: azurite.pid, 'load generator': process.pid };
  bots.forEach((bot, i) => (pids[`bot ${i + 1}`] = bot.child.pid));
  const before = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => {
      const own = process.cpuUsage();
      return [name, name === 'load generator' ? (own.user + own.system) / 1e6 : cpuSeconds(pid)];
    }),
  );
  const uncap = CPU_CAP
    ? capCpu(
        bots.map((b) => b.child),
        CPU_CAP,
      )
    : () => undefined;
  const end = performance.now() + SECONDS * 1000;
  const client = async (c: number) => {
    while (performance.now() < end) {
      const i = sent++;
      const bot = bots[i % bots.length];
      const requester = requesters[c % requesters.length];
      const activity = {
        ...message(requester, `invite bench-${instances}-${i}@fabrikam.com to Marketing because load test`),
        serviceUrl: connector.url,
      };
      const t0 = performance.now();
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      latencies.push(performance.now() - t0);
      if (response.status === 200 && /approval|goedkeuring|already|added|toegevoegd/i.test(text)) ok += 1;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  uncap();
  const cpu = cpuShares(pids, before, SECONDS, ok);
  for (const bot of bots) bot.child.kill('SIGKILL');
  latencies.sort((a, b) => a - b);
  return {
    perSecond: ok / SECONDS,
    ok,
    sent,
    p50: latencies[Math.floor(latencies.length / 2)],
    p99: latencies[Math.ceil(latencies.length * 0.99) - 1],
    cpu,
  };
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const connector = new FakeConnector();
  await connector.start();
  const cwd = await mkdtemp(join(tmpdir(), 'gab-bench-instances-'));
  try {
    const one = await run(1, azurite, connector, cwd);
    const two = await run(2, azurite, connector, cwd);
    const row = (n: number, r: typeof one) =>
      `${n} instance${n > 1 ? 's' : ' '}: ${r.perSecond.toFixed(1)} messages/s (${r.ok}/${r.sent} answered), latency p50 ${r.p50.toFixed(0)} ms p99 ${r.p99.toFixed(0)} ms\n` +
      `  CPU (100 % = one core): ${r.cpu.shares.join(', ')}; ${r.cpu.totalMs.toFixed(1)} ms per message in all, so ` +
      `${cpus().length} cores serve at most ${((cpus().length * 1000) / r.cpu.totalMs).toFixed(0)} messages/s`;
    const cap = CPU_CAP ? `, each instance capped at ${(CPU_CAP * 100).toFixed(0)} % of a core` : '';
    console.log(
      `guest requests over HTTP for ${SECONDS} s, ${CLIENTS} clients, STORAGE=azure on one Azurite${cap}; ` +
        `load average at start ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
    );
    console.log(row(1, one));
    console.log(row(2, two));
    const ratio = two.perSecond / one.perSecond;
    console.log(
      `two vs one: ${ratio.toFixed(2)}× (goal ≥ 1.7×: ${ratio >= 1.7 ? 'met' : 'NOT met'}; ` +
        `${CPU_CAP ? 'instances capped as separate hosts' : "Azurite, both instances and the load share this machine's cores"})`,
    );
  } finally {
    await connector.stop();
    await azurite.stop();
    await rm(cwd, { recursive: true, force: true });
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
