import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** The directory that holds the bot's runtime state, locked for this process until {@link DataDir.release}. */
export interface DataDir {
  /** Absolute path of the directory. */
  readonly path: string;
  /** Removes the lock. Safe to call more than once. */
  release(): Promise<void>;
}

/** Thrown when another live process holds the lock on the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
    readonly host: string,
  ) {
    super(
      `another process (pid ${pid}${host === hostname() ? '' : ` on ${host}`}) is using DATA_DIR ${path}; ` +
        'stop it or choose another DATA_DIR (lowdb files must have one writer)',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockRecord {
  pid: number;
  host: string;
  /** When the locking process started: tells a previous process that had our pid apart from us (containers). */
  processStartedAt: number;
  token: string;
}

const LOCK_FILE = '.lock';
const MAX_ATTEMPTS = 5;

/**
 * Creates the data directory if needed and takes its exclusive lock (`.lock`, holding the owner's pid). A lock left
 * by a dead process is taken over; a lock held by a live process makes this throw {@link DataDirLockedError}.
 */
export async function openDataDir(path: string): Promise<DataDir> {
  const dir = resolve(path);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new Error(
        `DATA_DIR ${dir} is a file (or lies inside one), not a folder: move the file away or set DATA_DIR to a folder`,
        { cause: error },
      );
    }
    throw error;
  }
  if (!(await stat(dir)).isDirectory()) {
    throw new Error(`DATA_DIR ${dir} is not a folder: move it away or set DATA_DIR to a folder`);
  }
  const lockPath = join(dir, LOCK_FILE);
  const record: LockRecord = {
    pid: process.pid,
    host: hostname(),
    processStartedAt: processStartedAt(),
    token: randomUUID(),
  };

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (await tryCreateLock(lockPath, record)) {
      await removeStaleTempFiles(dir);
      let released = false;
      return {
        path: dir,
        async release() {
          if (released) return;
          released = true;
          const current = await readLock(lockPath);
          if (current?.token === record.token) await unlink(lockPath).catch(ignoreMissing);
        },
      };
    }
    const holder = await readLock(lockPath);
    if (holder === undefined) continue; // released meanwhile, or still being written: try again
    if (isAlive(holder)) throw new DataDirLockedError(dir, holder.pid, holder.host);
    await removeStaleLock(lockPath, holder);
  }
  throw new Error(`could not lock DATA_DIR ${dir}: the lock file keeps changing`);
}

/** Writes the record to a temp file and hard-links it into place: exclusive like 'wx', but never half-written. */
async function tryCreateLock(lockPath: string, record: LockRecord): Promise<boolean> {
  const temp = `${lockPath}.${record.token}.tmp`;
  await writeFile(temp, `${JSON.stringify(record)}\n`, { flag: 'wx' });
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(ignoreMissing);
  }
}

async function readLock(lockPath: string): Promise<LockRecord | undefined> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const unknown: LockRecord = { pid: 0, host: hostname(), processStartedAt: 0, token: '' };
  try {
    const parsed = JSON.parse(text) as Partial<LockRecord> | number;
    // A bare number is a lock written by hand or by an older version: just the pid.
    if (typeof parsed === 'number') return { ...unknown, pid: parsed };
    if (typeof parsed.pid === 'number') return { ...unknown, ...parsed, pid: parsed.pid };
  } catch {
    // unreadable content: no live owner can be named, so it counts as stale
  }
  return unknown;
}

function isAlive(holder: LockRecord): boolean {
  // A pid on another host cannot be checked from here: assume it is alive rather than risk two writers.
  if (holder.host !== hostname()) return true;
  if (holder.pid <= 0) return false;
  if (holder.pid === process.pid) {
    // Our own pid: this process holds it, unless the record is from an earlier process that had the same pid.
    return holder.processStartedAt === 0 || Math.abs(holder.processStartedAt - processStartedAt()) < 1000;
  }
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
  // The pid is in use, but perhaps by another program that got it after the holder died (containers restart with
  // the same small pids): compare when that process started with when the holder said it started.
  const started = startTimeOf(holder.pid);
  if (started === undefined || holder.processStartedAt === 0) return true;
  return Math.abs(started - holder.processStartedAt) < START_TIME_TOLERANCE_MS;
}

/** Clock ticks and boot time make /proc start times exact to about a second; allow for that and a slow start. */
const START_TIME_TOLERANCE_MS = 5_000;

/** When a process started (ms since the epoch), from Linux's /proc; undefined where that cannot be read. */
export function startTimeOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, in clock ticks since boot) counts from after the command name, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(boot)) return undefined;
    return boot * 1000 + (ticks / CLOCK_TICKS_PER_SECOND) * 1000;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Temp files a killed writer left behind (steno's `.<name>.tmp`, our lock's `.lock.<token>.tmp` and `.lock.stale-…`):
 * safe to delete once we hold the lock, since no other writer can be using them.
 */
async function removeStaleTempFiles(dir: string): Promise<void> {
  const folders = [
    dir,
    ...(await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(dir, e.name)),
  ];
  for (const folder of folders) {
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (/^\..+\.tmp$/.test(name) || /^\.lock\.stale-/.test(name))
        await unlink(join(folder, name)).catch(ignoreMissing);
    }
  }
}

/** Moves the stale lock aside and checks it is the one we judged stale, so a fresh lock is never removed. */
async function removeStaleLock(lockPath: string, stale: LockRecord): Promise<void> {
  const aside = `${lockPath}.stale-${randomUUID()}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else took it over first
    throw error;
  }
  const moved = await readLock(aside);
  if (moved !== undefined && (moved.pid !== stale.pid || moved.token !== stale.token)) {
    // Another process replaced the stale lock between our read and the rename: put its lock back.
    await link(aside, lockPath).catch(ignoreExists);
  }
  await unlink(aside).catch(ignoreMissing);
}

function processStartedAt(): number {
  return Math.round(Date.now() - process.uptime() * 1000);
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

function ignoreExists(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EEXIST') throw error;
}
