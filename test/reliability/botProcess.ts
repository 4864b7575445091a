import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';

/** The real bot (`node dist/index.js`) in a child process, with its pino log lines parsed. */
export interface BotProcess {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const ENTRY = resolve('dist/index.js');

export async function startBot(dataDir: string, env: Record<string, string> = {}): Promise<BotProcess> {
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      MICROSOFT_APP_ID: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`bot did not start in 60 s: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'guest access bot listening') {
        clearTimeout(timer);
        done(Number(entry.port));
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`bot exited (${code}) before listening: ${stderr}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, logs, exited };
}

/** POSTs an activity; network errors (the process was killed) come back as status 0. */
export async function post(url: string, activity: unknown): Promise<{ status: number; body: any }> {
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body };
  } catch {
    return { status: 0, body: undefined };
  }
}
