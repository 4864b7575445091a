/**
 * Turn throughput of the bot's main commands against a stock botbuilder echo bot on the same botbuilder + restify,
 *  both answering over HTTP with `deliveryMode: expectReplies`. Rounds alternate (echo, bot, bot, echo …) in
 * one run so that noise from other work on the machine hits both alike. Goals: every command ≥ 0.85× the echo
 * bot's throughput, and its p99 ≤ 2× the echo bot's.
 *
 *   npm run bench:turns [-- --seconds 2 --rounds 6 --connections 8 --calibrate --echo-reusing-clients]
 *     --calibrate             an echo bot in the bot's place: the ratios are the machine's noise
 *     --echo-reusing-clients  the echo bot reuses its Bot Connector clients as the bot does (BotConnectorAuthentication)
 *                             instead of building them every turn as stock botbuilder does: the ratios then show the
 *                             bot's own work per turn alone
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { demoTenant, demoUser } from '../test/support/demoTenant.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 1) {
  if (process.argv[i] === '--calibrate' || process.argv[i] === '--echo-reusing-clients') continue;
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
  i += 1;
}
const SECONDS = Number(args.get('seconds') ?? 2);
const ROUNDS = Number(args.get('rounds') ?? 6);
const CONNECTIONS = Number(args.get('connections') ?? 8);
const CALIBRATE = process.argv.includes('--calibrate');
const ECHO = process.argv.includes('--echo-reusing-clients') ? 'echo-reusing-clients' : 'echo';

const megan = demoUser('Megan Bowen'); // User Administrator: may use every command
const COMMANDS: [string, string][] = [
  ['help', 'help'],
  ['my requests', 'my requests'],
  ['pending', 'pending'],
  ['check', 'check tailspintoys.com'],
  ['why', 'why kari.hansen@fabrikam.com Project Falcon'],
  ['settings', 'settings'],
  ['settings <group>', 'settings Marketing'],
];

interface Server {
  port: number;
  child: ChildProcess;
}

function startServer(kind: 'bot' | 'echo' | 'echo-reusing-clients'): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./turnsServer.ts', import.meta.url).pathname, kind],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/PORT (\d+)/);
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
}

let seq = 0;
function activity(text: string): string {
  const id = `bench-${process.pid}-${++seq}`;
  return JSON.stringify({
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: `29:${megan.id}`, aadObjectId: megan.id, name: megan.displayName },
    recipient: { id: '28:bot' },
    conversation: { id: `a:bench-${megan.id}`, conversationType: 'personal', tenantId: demoTenant.tenant.id },
    channelData: { tenant: { id: demoTenant.tenant.id } },
    locale: 'en-US',
    text,
    deliveryMode: 'expectReplies',
  });
}

// Keep-alive connections, fresh for every round: a connection left idle while the other server's rounds run would
// outlive the server's keep-alive timeout (5 s) and could be reset just as it is reused.
let agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });

function post(port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/messages',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Round {
  count: number;
  seconds: number;
  latencies: number[];
  /** CPU the server process used during the round (Linux), ms. */
  cpuMs?: number;
}

/** A process's CPU time so far (user + system), ms, from /proc (Linux: USER_HZ is 100); undefined elsewhere. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function round({ port, child }: Server, text: string): Promise<Round> {
  const cpuBefore = cpuMsOf(child.pid);
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await post(port, activity(text));
      latencies.push(performance.now() - t0);
      if (status !== 200) throw new Error(`HTTP ${status} for "${text}"`);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const cpuAfter = cpuMsOf(child.pid);
  const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  return { count: latencies.length, seconds: (performance.now() - started) / 1000, latencies, cpuMs };
}

function p99(latencies: number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)];
}

async function main(): Promise<void> {
  // --calibrate: a second echo bot in the bot's place. Its ratios show what the machine's noise alone does to a
  // ratio (1.00 on a quiet machine), so a result near the goal can be read for what it is.
  const [bot, echo] = await Promise.all([startServer(CALIBRATE ? ECHO : 'bot'), startServer(ECHO)]);
  if (CALIBRATE) console.log('calibration: an echo bot against an echo bot (the ratios are the noise floor)');
  if (ECHO !== 'echo') console.log('the echo bot reuses its Bot Connector clients as the bot does');
  try {
    // Warm both up (JIT, caches, first file writes).
    await round(echo, 'warm up');
    for (const [, text] of COMMANDS) await round(bot, text);
    console.log(
      `bench:turns: ${ROUNDS} alternating rounds of ${SECONDS} s per command, ${CONNECTIONS} connections, expectReplies over HTTP`,
    );
    console.log('(the machine is shared: absolute figures are noisy; the ratios are what is compared)');
    console.log(
      '(CPU µs/req: what each server process used per answer; less moved by other work than req/s, shown beside it)\n',
    );
    console.log(
      'command            req/s   echo req/s   ratio   p99 ms   echo p99 ms   p99 ×   goal      rounds’ ratios   CPU µs/req   echo   echo/bot',
    );
    let allMet = true;
    for (const [name, text] of COMMANDS) {
      const mine: Round[] = [];
      const theirs: Round[] = [];
      // ABBA order (echo first in even rounds, the bot first in odd ones): a drift in the machine's load during the
      // run falls on both alike.
      for (let r = 0; r < ROUNDS; r += 1) {
        if (r % 2 === 0) {
          theirs.push(await round(echo, text));
          mine.push(await round(bot, text));
        } else {
          mine.push(await round(bot, text));
          theirs.push(await round(echo, text));
        }
      }
      const rate = (rs: Round[]) => rs.reduce((s, r) => s + r.count, 0) / rs.reduce((s, r) => s + r.seconds, 0);
      const botRate = rate(mine);
      const echoRate = rate(theirs);
      const botP99 = p99(mine.flatMap((r) => r.latencies));
      const echoP99 = p99(theirs.flatMap((r) => r.latencies));
      const met = botRate / echoRate >= 0.85 && botP99 <= 2 * echoP99;
      // The spread of the rounds' own ratios shows how much the machine's noise moved this one.
      const roundRatios = mine.map((m, i) => m.count / m.seconds / (theirs[i].count / theirs[i].seconds));
      allMet &&= met;
      const cpuPerRequest = (rs: Round[]) =>
        rs.every((r) => r.cpuMs !== undefined)
          ? (1000 * rs.reduce((s, r) => s + r.cpuMs!, 0)) / rs.reduce((s, r) => s + r.count, 0)
          : NaN;
      const botCpu = cpuPerRequest(mine);
      const echoCpu = cpuPerRequest(theirs);
      console.log(
        `${name.padEnd(18)} ${botRate.toFixed(0).padStart(5)}   ${echoRate.toFixed(0).padStart(10)}   ${(botRate / echoRate).toFixed(2).padStart(5)}` +
          `   ${botP99.toFixed(1).padStart(6)}   ${echoP99.toFixed(1).padStart(11)}   ${(botP99 / echoP99).toFixed(2).padStart(5)}   ${(met ? 'met' : 'NOT met').padEnd(7)}` +
          `   ${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)}`.padEnd(19) +
          `${botCpu.toFixed(0).padStart(10)}   ${echoCpu.toFixed(0).padStart(4)}   ${(echoCpu / botCpu).toFixed(2).padStart(8)}`,
      );
    }
    console.log(`\ngoal (≥ 0.85× echo throughput and p99 ≤ 2× echo on every command): ${allMet ? 'met' : 'NOT met'}`);
  } finally {
    bot.child.kill();
    echo.child.kill();
    agent.destroy();
  }
}

await main();
