import type { AuditEntry, AuditLog } from '../../../src/ports/auditLog.js';

export const entry = (at: string, subjectId: string): AuditEntry => ({
  at,
  actorId: 'system',
  action: 'request.transition',
  subjectId,
  from: 'pending',
  to: 'approved',
  details: { reason: 'APPROVED' },
});

export async function collect(log: AuditLog): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of log.all()) ids.push(e.subjectId);
  return ids;
}

/** What every {@link AuditLog} must do, run against each backend. */
export function auditLogContract(open: () => Promise<AuditLog>): void {
  test('tail returns the last n entries oldest first, across days', async () => {
    const log = await open();
    await log.append(entry('2026-11-19T09:00:00Z', 'r1'));
    await log.append(entry('2026-11-20T09:00:00Z', 'r2'));
    await log.append(entry('2026-11-21T08:00:00Z', 'r3'));
    await log.append(entry('2026-11-21T09:00:00Z', 'r4'));
    expect((await log.tail(3)).map((e) => e.subjectId)).toEqual(['r2', 'r3', 'r4']);
    expect((await log.tail(10)).map((e) => e.subjectId)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(await log.tail(0)).toEqual([]);
    expect(await collect(log)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  test('an entry appended again with the same id is kept once (a relay after a crash)', async () => {
    const log = await open();
    const first = { ...entry('2026-11-21T09:00:00Z', 'r1'), id: 'a1' };
    await log.append(first);
    await log.append({ ...entry('2026-11-21T09:05:00Z', 'r2'), id: 'a2' });
    await log.append(first);
    await Promise.all([
      log.append({ ...entry('2026-11-21T09:06:00Z', 'r3'), id: 'a3' }),
      log.append({ ...entry('2026-11-21T09:06:00Z', 'r3'), id: 'a3' }),
    ]);
    expect(await collect(log)).toEqual(['r1', 'r2', 'r3']);
  });

  test('entries are copies: changing one afterwards changes nothing', async () => {
    const log = await open();
    const e = entry('2026-11-21T09:00:00Z', 'r1');
    await log.append(e);
    e.subjectId = 'changed';
    (await log.tail(1))[0].subjectId = 'changed too';
    expect((await log.tail(1))[0]).toEqual(entry('2026-11-21T09:00:00Z', 'r1'));
  });
}
