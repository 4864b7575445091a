/**
 * The bot on a large Graph tenant (default 50,000 users, 5,000 groups, generated in a loopback Graph): how long the
 * first full read takes until the bot listens (goal ≤ 60 s), the bot process's peak RSS (goal ≤ 600 MB), and Graph
 * calls per minute while idle (delta rounds and settings re-reads only; goal: no reads of the whole tenant).
 *
 * Usage: npm run bench:graph [-- --users 50000 --groups 5000 --idle-seconds 65 --sync-seconds 60]
 *
 * The loopback Graph runs in this process; the bot runs as its own process (src/index.ts through tsx, DIRECTORY=graph)
 * and trusts the throw-away certificate through NODE_EXTRA_CA_CERTS. Figures on a shared machine are noisy.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGraph, testCertificate } from '../test/support/fakeGraph.js';
import { generateTenant } from '../test/support/generateTenant.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function rssMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const users = arg('users', 50_000);
  const groups = arg('groups', 5_000);
  const idleSeconds = arg('idle-seconds', 65);
  const syncSeconds = arg('sync-seconds', 60);
  const tenant = generateTenant(users, groups);
  const graph = new FakeGraph(tenant, { pageSize: 999 });
  await graph.start();
  const { caFile } = await testCertificate();
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-graph-'));
  console.log(`loopback Graph: ${users} users, ${groups} groups at ${graph.url}`);

  const started = Date.now();
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      DIRECTORY: 'graph',
      GRAPH_BASE_URL: graph.url,
      AZURE_TENANT_ID: tenant.tenant.id,
      AZURE_CLIENT_ID: '00000000-0000-4000-8000-0000000000aa',
      AZURE_CLIENT_SECRET: 'bench-secret',
      AZURE_AUTHORITY_HOST: graph.url,
      GRAPH_SYNC_INTERVAL_SECONDS: String(syncSeconds),
      NODE_EXTRA_CA_CERTS: caFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peak = 0;
  const sampler = setInterval(() => void rssMb(bot.pid!).then((mb) => (peak = Math.max(peak, mb))), 200);
  let output = '';
  const listening = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/guest access bot listening/.test(output)) resolve();
    };
    bot.stdout.on('data', onData);
    bot.stderr.on('data', onData);
    bot.once('exit', (code) => reject(new Error(`the bot exited (${code}):\n${output.slice(-2000)}`)));
  });
  try {
    await listening;
    const startSeconds = (Date.now() - started) / 1000;
    const startCalls = graph.graphCalls().length;
    console.log(
      `start (process spawn → listening, first full read included): ${startSeconds.toFixed(1)} s (goal ≤ 60 s)`,
    );
    console.log(`Graph calls for the first read: ${startCalls}`);
    console.log(`peak RSS so far: ${peak.toFixed(0)} MB (goal ≤ 600 MB)`);
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const idleCalls = graph.graphCalls().slice(startCalls);
    const perMinute = (idleCalls.length * 60) / idleSeconds;
    const kinds = new Map<string, number>();
    for (const c of idleCalls)
      kinds.set(
        c.path.replace(/[0-9a-f-]{36}/g, '{id}'),
        (kinds.get(c.path.replace(/[0-9a-f-]{36}/g, '{id}')) ?? 0) + 1,
      );
    console.log(
      `idle ${idleSeconds} s (sync every ${syncSeconds} s): ${idleCalls.length} Graph calls = ${perMinute.toFixed(1)} calls/min`,
    );
    for (const [path, n] of kinds) console.log(`  ${n} × GET ${path}`);
    console.log(`peak RSS: ${peak.toFixed(0)} MB, now ${(await rssMb(bot.pid!)).toFixed(0)} MB`);
  } finally {
    clearInterval(sampler);
    bot.kill('SIGTERM');
    await new Promise((r) => (bot.exitCode === null ? bot.once('exit', r) : r(undefined)));
    await graph.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
