import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbAuditLog } from '../../src/adapters/lowdb/lowdbAuditLog.js';
import { MemoryAuditLog } from '../../src/adapters/memory/memoryAuditLog.js';
import type { AuditEntry } from '../../src/ports/auditLog.js';
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

describe('LowdbAuditLog on disk', () => {
  test('partitions by the UTC hour of the entry itself, and a new instance reads them all', async () => {
    const log = await LowdbAuditLog.open(dataDir);
    await log.append(entry('2026-11-21T23:30:00-02:00', 'late-evening-in-brazil')); // 01:30 UTC on the 22nd
    await log.append(entry('2026-11-20T12:00:00Z', 'yesterday'));
    await log.append(entry('2026-11-21T12:00:00Z', 'today'));
    expect((await readdir(join(dataDir, 'audit'))).sort()).toEqual(['2026-11-20T12.json', '2026-11-21T12.json', '2026-11-22T01.json']);
    const day = JSON.parse(await readFile(join(dataDir, 'audit', '2026-11-21T12.json'), 'utf8'));
    expect(day.entries.map((e: AuditEntry) => e.subjectId)).toEqual(['today']);

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
