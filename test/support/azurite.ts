import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  blobPort: number;
  tablePort: number;
  /** The Azurite process (for benchmarks that measure its CPU). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts Azurite (blob and table, in memory) from node_modules on free loopback ports chosen by the OS, and resolves
 * once both listen. Never touches the network beyond 127.0.0.1.
 */
export async function startAzurite(): Promise<Azurite> {
  const location = await mkdtemp(join(tmpdir(), 'gab-azurite-'));
  const child = spawn(
    process.execPath,
    [
      resolve('node_modules/azurite/dist/src/azurite.js'),
      ...['--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck', '--loose', '--silent'],
      ...['--blobHost', '127.0.0.1', '--blobPort', '0', '--tableHost', '127.0.0.1', '--tablePort', '0'],
      ...['--queueHost', '127.0.0.1', '--queuePort', '0'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: location },
  );
  const ports = await new Promise<{ blob: number; table: number }>((resolvePorts, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within 30 s:\n${out}`)), 30_000);
    const found: { blob?: number; table?: number } = {};
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      for (const match of out.matchAll(
        /Azurite (Blob|Table) service is successfully listening at http:\/\/127\.0\.0\.1:(\d+)/g,
      )) {
        found[match[1] === 'Blob' ? 'blob' : 'table'] = Number(match[2]);
      }
      if (found.blob && found.table) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume(); // keep draining (--silent: no access log, only warnings)
        resolvePorts({ blob: found.blob, table: found.table });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}):\n${out}`));
    });
  });
  child.stderr.resume();
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};` +
      `BlobEndpoint=http://127.0.0.1:${ports.blob}/${ACCOUNT};TableEndpoint=http://127.0.0.1:${ports.table}/${ACCOUNT};`,
    blobPort: ports.blob,
    tablePort: ports.table,
    pid: child.pid,
    stop: () => stopChild(child).then(() => rm(location, { recursive: true, force: true })),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  });
}

let counter = 0;
/** A fresh table/container prefix, so tests sharing one Azurite never see each other's data. */
export function freshPrefix(): string {
  counter += 1;
  return `t${process.pid.toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`.replace(
    /[^a-z0-9]/g,
    '',
  );
}
