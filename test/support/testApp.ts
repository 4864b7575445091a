import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createApp, type App, type AppOverrides } from '../../src/index.js';
import { createLogger } from '../../src/logger.js';
import { FakeConnector } from './fakeConnector.js';
import { FakeClock } from './fakeClock.js';

export interface TestApp {
  app: App;
  url: string;
  connector: FakeConnector;
  clock: FakeClock;
  dataDir: string;
  /** POSTs an activity; returns status and parsed body (replies under `activities` with expectReplies). */
  post(activity: unknown): Promise<{ status: number; body: any }>;
  /** The replies to an expectReplies message: each one's text, then its attachments as JSON. */
  say(activity: unknown): Promise<string[]>;
  /** Stops the app (and the connector unless `keepConnector`); removes DATA_DIR unless `keepData`. */
  close(options?: { keepData?: boolean; keepConnector?: boolean; abandonWork?: boolean }): Promise<void>;
}

export interface TestAppOptions extends Omit<AppOverrides, 'clock' | 'defaultServiceUrl'> {
  env?: Record<string, string>;
  dataDir?: string;
  connector?: FakeConnector;
  clock?: FakeClock;
  /** Leave the Bot Connector URL unconfigured, as in production: the bot learns it from incoming activities. */
  learnServiceUrl?: boolean;
}

/** Starts the real server on port 0 with a temp DATA_DIR, a fake Bot Connector and a fixed clock. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'gab-e2e-')));
  const connector = options.connector ?? new FakeConnector();
  if (!connector.url) await connector.start();
  const clock = options.clock ?? new FakeClock();
  const loaded = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const config: Config = loaded.config;
  const created = await createApp(config, {
    logger: createLogger('silent'),
    workerIntervalMs: null,
    retry: { attempts: 4, baseMs: 5, maxMs: 20 },
    ...options,
    clock,
    defaultServiceUrl: options.learnServiceUrl ? undefined : connector.url,
  });
  if (!created.ok) throw new Error(created.errors.join('\n'));
  const port = await created.app.listen();
  const url = `http://127.0.0.1:${port}`;
  const post = async (activity: unknown) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: body as any };
  };
  return {
    app: created.app,
    url,
    connector,
    clock,
    dataDir,
    post,
    async say(activity: unknown) {
      const { status, body } = await post({ ...(activity as object), serviceUrl: connector.url });
      if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
      return ((body?.activities ?? []) as { text?: string; attachments?: { content?: unknown }[] }[]).map((a) =>
        [a.text ?? '', ...(a.attachments ?? []).map((x) => JSON.stringify(x.content))].filter(Boolean).join('\n'),
      );
    },
    async close(closeOptions = {}) {
      await created.app.close({ abandonWork: closeOptions.abandonWork });
      if (!closeOptions.keepConnector) await connector.stop();
      if (!closeOptions.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
