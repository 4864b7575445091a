import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbAuditIntents } from '../../src/adapters/lowdb/lowdbAuditIntents.js';
import { LowdbAuditLog } from '../../src/adapters/lowdb/lowdbAuditLog.js';
import { MemoryAuditIntents } from '../../src/adapters/memory/memoryAuditIntents.js';
import { MemoryAuditLog } from '../../src/adapters/memory/memoryAuditLog.js';
import type { AuditEntry } from '../../src/ports/auditLog.js';
import { auditIntentsContract } from './contracts/auditIntentsContract.js';
import { auditLogContract, collect, entry } from './contracts/auditLogContract.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'audit-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe.each([
  ['MemoryAuditLog', async () => new MemoryAuditLog()],
  ['LowdbAuditLog', async () => LowdbAuditLog.open(dataDir)],
])('%s', (_, open) => {
  auditLogContract(open);
});

describe('MemoryAuditIntents', () => {
  let opened: MemoryAuditIntents;
  auditIntentsContract(
    async () => (opened = new MemoryAuditIntents()),
    async () => opened, // memory lives as long as the process: the same store stands for the next start
  );
});

describe('LowdbAuditIntents', () => {
  auditIntentsContract(() => LowdbAuditIntents.open(dataDir));
});

describe('LowdbAuditLog on disk', () => {
  test('partitions by the UTC hour of the entry itself, and a new instance reads them all', async () => {
    const log = await LowdbAuditLog.open(dataDir);
    await log.append(entry('2026-11-21T23:30:00-02:00', 'late-evening-in-brazil')); // 01:30 UTC on the 22nd
    await log.append(entry('2026-11-20T12:00:00Z', 'yesterday'));
    await log.append(entry('2026-11-21T12:00:00Z', 'today'));
    expect((await readdir(join(dataDir, 'audit'))).sort()).toEqual([
      '2026-11-20T12.jsonl',
      '2026-11-21T12.jsonl',
      '2026-11-22T01.jsonl',
    ]);
    const lines = (await readFile(join(dataDir, 'audit', '2026-11-21T12.jsonl'), 'utf8')).split('\n');
    expect(lines.filter(Boolean).map((line) => (JSON.parse(line) as AuditEntry).subjectId)).toEqual(['today']);

    const reopened = await LowdbAuditLog.open(dataDir);
    expect((await reopened.tail(2)).map((e) => e.subjectId)).toEqual(['today', 'late-evening-in-brazil']);
    expect(await collect(reopened)).toEqual(['yesterday', 'today', 'late-evening-in-brazil']);
  });

  test('concurrent appends are all kept, in call order', async () => {
    const log = await LowdbAuditLog.open(dataDir);
    const ids = Array.from({ length: 40 }, (_, i) => `r${i}`);
    await Promise.all(ids.map((id, i) => log.append(entry(`2026-11-${10 + (i % 5)}T09:00:00Z`, id))));
    const reopened = await LowdbAuditLog.open(dataDir);
    const stored = await collect(reopened);
    expect([...stored].sort()).toEqual([...ids].sort());
    expect(stored.filter((id) => Number(id.slice(1)) % 5 === 0)).toEqual(ids.filter((_, i) => i % 5 === 0));
  });

  test('ids are remembered across restarts: a relay after a crash does not log an entry twice', async () => {
    await (await LowdbAuditLog.open(dataDir)).append({ ...entry('2026-11-21T09:00:00Z', 'r1'), id: 'a1' });
    const reopened = await LowdbAuditLog.open(dataDir);
    await reopened.append({ ...entry('2026-11-21T09:00:00Z', 'r1'), id: 'a1' });
    await reopened.append({ ...entry('2026-11-21T10:00:00Z', 'r2'), id: 'a2' });
    expect(await collect(await LowdbAuditLog.open(dataDir))).toEqual(['r1', 'r2']);
  });

  test('appending writes one line and never rewrites what is there (O(1) per append)', async () => {
    const log = await LowdbAuditLog.open(dataDir);
    await log.append(entry('2026-11-21T09:00:00Z', 'r1'));
    const path = join(dataDir, 'audit', '2026-11-21T09.jsonl');
    const before = await readFile(path, 'utf8');
    await log.append(entry('2026-11-21T09:01:00Z', 'r2'));
    const after = await readFile(path, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length).split('\n').filter(Boolean)).toHaveLength(1);
  });

  test('a line torn by a crash is skipped, and the next entry starts on a line of its own', async () => {
    const log = await LowdbAuditLog.open(dataDir);
    await log.append(entry('2026-11-21T09:00:00Z', 'r1'));
    const path = join(dataDir, 'audit', '2026-11-21T09.jsonl');
    await writeFile(path, `${await readFile(path, 'utf8')}{"at":"2026-11-21T09:00:01Z","actorId":"sys`);
    const reopened = await LowdbAuditLog.open(dataDir);
    expect(await collect(reopened)).toEqual(['r1']);
    await reopened.append(entry('2026-11-21T09:02:00Z', 'r2'));
    expect(await collect(await LowdbAuditLog.open(dataDir))).toEqual(['r1', 'r2']);
  });

  test("hour files of older versions (lowdb .json) are still read, before the same hour's lines", async () => {
    await mkdir(join(dataDir, 'audit'), { recursive: true });
    await writeFile(
      join(dataDir, 'audit', '2026-11-21T09.json'),
      JSON.stringify({ entries: [entry('2026-11-21T09:00:00Z', 'old')] }),
    );
    const log = await LowdbAuditLog.open(dataDir);
    await log.append(entry('2026-11-21T09:30:00Z', 'new'));
    expect(await collect(log)).toEqual(['old', 'new']);
    expect((await log.tail(1))[0].subjectId).toBe('new');
  });

  test('an entry with an invalid timestamp is refused', async () => {
    const log = await LowdbAuditLog.open(dataDir);
    await expect(log.append(entry('yesterday', 'r1'))).rejects.toThrow(/invalid timestamp/);
  });

  test('an empty DATA_DIR has an empty trail', async () => {
    const log = await LowdbAuditLog.open(dataDir);
    expect(await log.tail(5)).toEqual([]);
    expect(await collect(log)).toEqual([]);
  });
});

describe('LowdbAuditIntents on disk', () => {
  test('an intent survives a restart until settled', async () => {
    const intent = {
      entry: { id: 'i-1', at: '2026-11-21T09:00:00Z', actorId: 'u1', action: 'guest.removed', subjectId: 'g1' },
      check: { kind: 'notMember' as const, groupId: 'g1', userId: 'u2' },
    };
    await (await LowdbAuditIntents.open(dataDir)).intend(intent);
    const reopened = await LowdbAuditIntents.open(dataDir);
    expect(await reopened.intended()).toEqual([intent]);
    await reopened.settle('i-1');
    await reopened.settle('i-1');
    expect(await (await LowdbAuditIntents.open(dataDir)).intended()).toEqual([]);
  });
});
