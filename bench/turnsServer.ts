/**
 * One server for bench:turns, in its own process so that the load generator doesn't share its event loop:
 *   tsx bench/turnsServer.ts bot   the guest-access bot on the demo tenant (temp DATA_DIR, real files, local mode),
 *                                  from dist/ (`npm run build` first)
 *   tsx bench/turnsServer.ts echo  a stock botbuilder echo bot on the same restify + CloudAdapter
 *   tsx bench/turnsServer.ts echo-reusing-clients   the echo bot with the bot's BotConnectorAuthentication, which
 *                                  builds each Bot Connector client once instead of once per turn
 * Prints `PORT <n>` once listening.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

// The bot as it runs in production: the compiled JavaScript of `npm run build` (dist/), not TypeScript compiled on the
// fly (tsx adds helpers such as `__name` around every function it names, which cost time on every turn).
const fromDist = <T>(file: string): Promise<T> =>
  import(new URL(`../dist/${file}`, import.meta.url).href) as Promise<T>;

async function echo(reusingClients: boolean): Promise<number> {
  const { BotConnectorAuthentication } = await fromDist<typeof import('../src/bot/botConnectorAuthentication.js')>(
    'bot/botConnectorAuthentication.js',
  );
  const adapter = new CloudAdapter(
    reusingClients ? new BotConnectorAuthentication({}) : new ConfigurationBotFrameworkAuthentication({}),
  );
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`Echo: ${context.activity.text}`);
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function guestAccessBot(): Promise<number> {
  const { loadConfig } = await fromDist<typeof import('../src/config.js')>('config.js');
  const { createApp } = await fromDist<typeof import('../src/index.js')>('index.js');
  const { createLogger } = await fromDist<typeof import('../src/logger.js')>('logger.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'gab-bench-turns-'));
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const loaded = loadConfig({ NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const created = await createApp(loaded.config, { logger: createLogger('silent'), workerIntervalMs: null });
  if (!created.ok) throw new Error(created.errors.join('\n'));
  return created.app.listen();
}

const kind = process.argv[2];
const port =
  kind === 'echo' || kind === 'echo-reusing-clients'
    ? await echo(kind === 'echo-reusing-clients')
    : kind === 'bot'
      ? await guestAccessBot()
      : Promise.reject(new Error('bot|echo|echo-reusing-clients'));
console.log(`PORT ${await port}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
