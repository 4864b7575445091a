/**
 * Starts the Microsoft 365 Agents Playground signed in as one person of the tenant snapshot, on a port of their own.
 *
 *   npm run playground -- --as "Adele Vance" [--port 56156] [--bot http://127.0.0.1:3978/api/messages]
 *
 * Start one per person to watch a request travel: the requester's Playground sends it, the approver's shows the
 * approval card (the bot can only reach someone whose Playground has talked to it, e.g. after `help`).
 * Reads TENANT_FILE and PORT from the environment like the bot. The config file goes to DATA_DIR/playground/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTenantSnapshot } from '../src/adapters/embedded/loadTenantSnapshot.js';
import { loadConfig } from '../src/config.js';
import { needsLocaleRelay, startLocaleRelay } from './localeRelay.js';
import {
  featuredIds,
  findPerson,
  personSlug,
  playgroundPeople,
  playgroundYaml,
  PLAYGROUND_BASE_PORT,
} from './playgroundConfig.js';

interface Args {
  as?: string;
  port?: number;
  bot?: string;
  list: boolean;
}

export function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { list: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--as') args.as = value();
    else if (flag === '--port' || flag === '-p') args.port = Number(value());
    else if (flag === '--bot' || flag === '-e') args.bot = value();
    else if (flag === '--list') args.list = true;
    else return `unknown option ${argv[i]}`;
  }
  if (args.port !== undefined && !(Number.isInteger(args.port) && args.port > 0 && args.port < 65536))
    return 'invalid --port';
  return args;
}

/** The Playground's command line script inside its npm package. */
export function playgroundCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`${args}\nusage: npm run playground -- --as "Adele Vance" [--port N] [--bot URL] | --list`);
    return 2;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(loaded.errors.join('\n'));
    return 1;
  }
  const config = loaded.config;
  const snapshot = await loadTenantSnapshot(config.tenantFile);
  if (!snapshot.ok) {
    console.error(snapshot.errors.map((e) => `${config.tenantFile} ${e.path}: ${e.message}`).join('\n'));
    return 1;
  }
  const people = playgroundPeople(snapshot.snapshot);
  if (args.list || !args.as) {
    if (!args.list)
      console.error('Who do you want to be? Add --as "<name>". The people of this tenant and their ports:');
    people.forEach((u, i) =>
      console.log(
        `  ${String(PLAYGROUND_BASE_PORT + i).padEnd(6)} ${u.displayName} <${u.mail ?? u.userPrincipalName}>${u.roles.length ? ` (${u.roles.join(', ')})` : ''}`,
      ),
    );
    return args.list ? 0 : 2;
  }
  const match = findPerson(snapshot.snapshot, args.as);
  if (!match.ok) {
    console.error(
      `"${args.as}" is not one person of ${snapshot.snapshot.tenant.displayName}. Did you mean one of these?`,
    );
    for (const u of match.candidates) console.error(`  ${u.displayName} <${u.mail ?? u.userPrincipalName}>`);
    return 2;
  }
  const { person, index } = match;
  const port = args.port ?? PLAYGROUND_BASE_PORT + index;
  const bot = args.bot ?? `http://127.0.0.1:${config.port}/api/messages`;
  // The Playground always says en-US; Teams would send the person's own language.
  const relay = needsLocaleRelay(person.preferredLanguage)
    ? await startLocaleRelay(bot, person.preferredLanguage)
    : undefined;
  const endpoint = relay?.url ?? bot;
  const folder = resolve(config.dataDir, 'playground', personSlug(person));
  mkdirSync(folder, { recursive: true });
  const configPath = join(folder, '.m365agentsplayground.yml');
  const checkedIn = resolve('.m365agentsplayground.yml');
  const featured = existsSync(checkedIn) ? featuredIds(readFileSync(checkedIn, 'utf8')) : [];
  writeFileSync(configPath, playgroundYaml(snapshot.snapshot, 'Guest Access', person, featured));
  console.log(
    `Agents Playground as ${person.displayName} → http://localhost:${port} (bot ${bot}; config ${configPath})`,
  );
  if (relay) console.log(`Activities reach the bot with locale ${person.preferredLanguage} (relay ${relay.url}).`);

  const child = spawn(
    process.execPath,
    [playgroundCli(), '-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(folder, 'playground.log'),
        // Keep the browser choice to the user: the URL is printed above.
        TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none',
      },
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((done) =>
    child.on('exit', (code) => {
      void (relay?.close() ?? Promise.resolve()).then(() => done(code ?? 0));
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void main().then((code) => process.exit(code));
}
