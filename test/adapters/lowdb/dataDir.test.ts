import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, openDataDir, startTimeOf } from '../../../src/adapters/lowdb/dataDir.js';

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

describe('openDataDir', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'datadir-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('creates the directory and a lock naming this process; release removes it', async () => {
    const path = join(root, 'state', 'nested');
    const dataDir = await openDataDir(path);
    expect(dataDir.path).toBe(path);
    expect(JSON.parse(await readFile(join(path, '.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await dataDir.release();
    await dataDir.release();
    expect(await readdir(path)).toEqual([]);
  });

  test('a second open of the same path fails while the first holds it, and succeeds after release', async () => {
    const first = await openDataDir(root);
    await expect(openDataDir(root)).rejects.toThrow(`another process (pid ${process.pid}) is using DATA_DIR ${root}`);
    await first.release();
    const second = await openDataDir(root);
    await second.release();
  });

  test('of two simultaneous opens exactly one wins', async () => {
    const results = await Promise.allSettled([openDataDir(root), openDataDir(root)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(DataDirLockedError) });
    for (const r of results) if (r.status === 'fulfilled') await r.value.release();
  });

  test('a lock held by another live process is respected', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(
        join(root, '.lock'),
        JSON.stringify({ pid: child.pid, host: hostname(), processStartedAt: Date.now(), token: 't' }),
      );
      await expect(openDataDir(root)).rejects.toThrow(`another process (pid ${child.pid})`);
    } finally {
      child.kill();
    }
  });

  test.each([
    [
      'a dead pid',
      async () => JSON.stringify({ pid: await deadPid(), host: hostname(), processStartedAt: 1, token: 'old' }),
    ],
    ['a bare pid of a dead process', async () => String(await deadPid())],
    [
      'our own pid from an earlier process (container restart)',
      async () =>
        JSON.stringify({ pid: process.pid, host: hostname(), processStartedAt: Date.now() - 3_600_000, token: 'old' }),
    ],
    ['unreadable content', async () => 'garbage'],
  ])('a stale lock with %s is taken over', async (_, content) => {
    await writeFile(join(root, '.lock'), await content());
    const dataDir = await openDataDir(root);
    expect(JSON.parse(await readFile(join(root, '.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await dataDir.release();
    expect(await readdir(root)).toEqual([]);
  });

  test('a lock whose pid now belongs to another program (it started later than the lock says) is taken over', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await once(child, 'spawn');
      expect(startTimeOf(child.pid!)).toBeGreaterThan(Date.now() - 60_000);
      const lockedAt = Date.now() - 3_600_000; // the holder said it started an hour ago: not this child
      await writeFile(
        join(root, '.lock'),
        JSON.stringify({ pid: child.pid, host: hostname(), processStartedAt: lockedAt, token: 'old' }),
      );
      const dataDir = await openDataDir(root);
      expect(JSON.parse(await readFile(join(root, '.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
      await dataDir.release();
    } finally {
      child.kill();
    }
  });

  test('temp files a killed writer left are removed at start; other files stay', async () => {
    await mkdir(join(root, 'requests'), { recursive: true });
    await writeFile(join(root, 'requests', '.R-000001.json.tmp'), '{"half');
    await writeFile(join(root, 'requests', 'R-000001.json'), '{}');
    await writeFile(join(root, '.conversations.json.tmp'), '{');
    await writeFile(join(root, '.lock.stale-abc'), '{}');
    const dataDir = await openDataDir(root);
    expect((await readdir(join(root, 'requests'))).sort()).toEqual(['R-000001.json']);
    expect((await readdir(root)).sort()).toEqual(['.lock', 'requests']);
    await dataDir.release();
  });

  test('a DATA_DIR that is a file gets a sentence, not EEXIST', async () => {
    await writeFile(join(root, 'state'), 'not a folder');
    await expect(openDataDir(join(root, 'state'))).rejects.toThrow(/DATA_DIR .*state is a file .*not a folder/);
    await expect(openDataDir(join(root, 'state', 'inside'))).rejects.toThrow(/is a file \(or lies inside one\)/);
  });

  test('a lock taken on another host is respected: its pid cannot be checked from here', async () => {
    await writeFile(
      join(root, '.lock'),
      JSON.stringify({ pid: await deadPid(), host: 'elsewhere', processStartedAt: 1, token: 't' }),
    );
    await expect(openDataDir(root)).rejects.toThrow(/on elsewhere/);
  });

  test('release leaves a lock alone that is no longer ours', async () => {
    const dataDir = await openDataDir(root);
    const foreign = JSON.stringify({ pid: 1, host: hostname(), processStartedAt: 1, token: 'someone-else' });
    await writeFile(join(root, '.lock'), foreign);
    await dataDir.release();
    expect(await readFile(join(root, '.lock'), 'utf8')).toBe(foreign);
  });
});
