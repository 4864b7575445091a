import { relayAllUnlogged, relayAudit, withAudit } from '../../src/app/auditRelay.js';
import type { GuestRequest } from '../../src/app/guestRequest.js';
import { MemoryAuditLog } from '../../src/adapters/memory/memoryAuditLog.js';
import { MemoryRequestStore } from '../../src/adapters/memory/memoryRequestStore.js';
import { createLogger } from '../../src/logger.js';
import type { AuditEntry } from '../../src/ports/auditLog.js';

const logger = createLogger('silent');

function request(id: string): GuestRequest {
  const at = '2026-11-01T09:00:00.000Z';
  return {
    id, requesterId: 'u-member', groupId: 'g-1', guests: [{ email: 'anna@fabrikam.com' }], justification: 'x', createdAt: at,
    expiresAt: '2026-11-15T09:00:00.000Z', state: 'pending', approverIds: ['u-owner'], approverBasis: 'owners', cards: [],
    outbox: [], version: 1, updatedAt: at,
  };
}

/** An audit log whose appends fail while `down` is set: a crash between the two writes, played in-process. */
class FlakyAuditLog extends MemoryAuditLog {
  down = false;
  override async append(entry: AuditEntry): Promise<void> {
    if (this.down) throw new Error('disk gone');
    await super.append(entry);
  }
}

async function actions(log: MemoryAuditLog): Promise<string[]> {
  const out: string[] = [];
  for await (const e of log.all()) out.push(`${e.subjectId} ${e.from}→${e.to}`);
  return out;
}

describe('audit entries travel inside the request and reach the log exactly once', () => {
  test('when the log append fails after the request was written, the entry stays in the record and a later relay logs it', async () => {
    const requests = new MemoryRequestStore();
    const audit = new FlakyAuditLog();
    await requests.create(withAudit(request('R-000001'), { at: '2026-11-01T09:00:00.000Z', actorId: 'u-member', action: 'request.transition', subjectId: 'R-000001', from: 'none', to: 'pending' }));
    audit.down = true;
    await expect(relayAudit({ requests, audit, logger }, 'R-000001')).rejects.toThrow('disk gone');
    expect(await actions(audit)).toEqual([]);
    expect((await requests.listUnlogged()).map((r) => r.id)).toEqual(['R-000001']);

    audit.down = false;
    expect(await relayAllUnlogged({ requests, audit, logger })).toBe(1);
    expect(await actions(audit)).toEqual(['R-000001 none→pending']);
    expect(await requests.listUnlogged()).toEqual([]);
    expect((await requests.get('R-000001'))?.unlogged).toBeUndefined();
  });

  test('when the process died after the append but before the record was cleared, relaying again logs nothing twice', async () => {
    const requests = new MemoryRequestStore();
    const audit = new MemoryAuditLog();
    const created = withAudit(request('R-000002'), { at: '2026-11-01T09:00:00.000Z', actorId: 'u-member', action: 'request.transition', subjectId: 'R-000002', from: 'none', to: 'pending' });
    await requests.create(created);
    await audit.append(created.unlogged![0]); // appended, then "crash": the record still carries it
    await relayAllUnlogged({ requests, audit, logger });
    await relayAllUnlogged({ requests, audit, logger });
    expect(await actions(audit)).toEqual(['R-000002 none→pending']);
  });
});
