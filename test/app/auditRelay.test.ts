import {
  auditedChange,
  relayAllUnlogged,
  relayAudit,
  settleAuditIntents,
  withAudit,
} from '../../src/app/audit/auditRelay.js';
import { MemoryAuditIntents } from '../../src/adapters/memory/memoryAuditIntents.js';
import type { Directory } from '../../src/ports/directory.js';
import type { GuestRequest } from '../../src/domain/guestRequest.js';
import { MemoryAuditLog } from '../../src/adapters/memory/memoryAuditLog.js';
import { MemoryRequestStore } from '../../src/adapters/memory/memoryRequestStore.js';
import { createLogger } from '../../src/logger.js';
import type { AuditEntry } from '../../src/ports/auditLog.js';

const logger = createLogger('silent');

function request(id: string): GuestRequest {
  const at = '2026-11-01T09:00:00.000Z';
  return {
    id,
    requesterId: 'u-member',
    groupId: 'g-1',
    guests: [{ email: 'anna@fabrikam.com' }],
    justification: 'x',
    createdAt: at,
    expiresAt: '2026-11-15T09:00:00.000Z',
    state: 'pending',
    approverIds: ['u-owner'],
    approverBasis: 'owners',
    cards: [],
    outbox: [],
    version: 1,
    updatedAt: at,
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
    await requests.create(
      withAudit(request('R-000001'), {
        at: '2026-11-01T09:00:00.000Z',
        actorId: 'u-member',
        action: 'request.transition',
        subjectId: 'R-000001',
        from: 'none',
        to: 'pending',
      }),
    );
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
    const created = withAudit(request('R-000002'), {
      at: '2026-11-01T09:00:00.000Z',
      actorId: 'u-member',
      action: 'request.transition',
      subjectId: 'R-000002',
      from: 'none',
      to: 'pending',
    });
    await requests.create(created);
    await audit.append(created.unlogged![0]); // appended, then "crash": the record still carries it
    await relayAllUnlogged({ requests, audit, logger });
    await relayAllUnlogged({ requests, audit, logger });
    expect(await actions(audit)).toEqual(['R-000002 none→pending']);
  });
});

describe('directory changes outside requests are written ahead as intents', () => {
  const group = { id: 'g-1', members: ['u-owner', 'guest-1'] };
  const directory = {
    getGroup: async (id: string) => (id === group.id ? group : undefined),
    findUserByMail: async (mail: string) => (mail === 'anna@fabrikam.com' ? { id: 'guest-1' } : undefined),
  } as unknown as Directory;

  test('when the process died after the change but before the entry, the start appends it; a change that did not happen is dropped', async () => {
    const audit = new MemoryAuditLog();
    const auditIntents = new MemoryAuditIntents();
    const at = '2026-11-01T09:00:00.000Z';
    await auditIntents.intend({
      entry: { id: 'i1', at, actorId: 'u-owner', action: 'guest.added', subjectId: 'g-1', details: { direct: true } },
      check: { kind: 'member', groupId: 'g-1', email: 'anna@fabrikam.com' },
    });
    await auditIntents.intend({
      entry: { id: 'i2', at, actorId: 'u-owner', action: 'guest.added', subjectId: 'g-1' },
      check: { kind: 'member', groupId: 'g-1', email: 'bo@fabrikam.com' },
    });
    await auditIntents.intend({
      entry: {
        id: 'i3',
        at,
        actorId: 'u-owner',
        action: 'guest.removed',
        subjectId: 'g-1',
        details: { guestUserId: 'guest-9' },
      },
      check: { kind: 'notMember', groupId: 'g-1', userId: 'guest-9' },
    });
    expect(await settleAuditIntents({ audit, auditIntents, directory, logger })).toBe(2);
    const entries: AuditEntry[] = [];
    for await (const e of audit.all()) entries.push(e);
    expect(entries.map((e) => `${e.id} ${e.action} ${e.details?.guestUserId}`)).toEqual([
      'i1 guest.added guest-1',
      'i3 guest.removed guest-9',
    ]);
    expect(await auditIntents.intended()).toEqual([]);
  });

  test('with shared stores, an intent younger than the cut-off is left to the live instance making the change', async () => {
    const audit = new MemoryAuditLog();
    const auditIntents = new MemoryAuditIntents();
    const check = { kind: 'notMember' as const, groupId: 'g-1', userId: 'guest-9' };
    const removal = (id: string, at: string) => ({
      id,
      at,
      actorId: 'u-owner',
      action: 'guest.removed',
      subjectId: 'g-1',
    });
    await auditIntents.intend({ entry: removal('old', '2026-11-01T09:00:00.000Z'), check });
    await auditIntents.intend({ entry: removal('young', '2026-11-01T09:05:00.000Z'), check });
    expect(await settleAuditIntents({ audit, auditIntents, directory, logger }, '2026-11-01T09:04:00.000Z')).toBe(1);
    expect((await audit.tail(10)).map((e) => e.id)).toEqual(['old']);
    expect((await auditIntents.intended()).map((i) => i.entry.id)).toEqual(['young']);
  });

  test('a change that succeeds is appended once and its intent settled; one that fails leaves no intent and no entry', async () => {
    const audit = new MemoryAuditLog();
    const auditIntents = new MemoryAuditIntents();
    const entry = { at: '2026-11-01T09:00:00.000Z', actorId: 'u-owner', action: 'guest.removed', subjectId: 'g-1' };
    let seen = 0;
    await auditedChange(
      { audit, auditIntents },
      entry,
      { kind: 'notMember', groupId: 'g-1', userId: 'x' },
      async () => {
        seen = (await auditIntents.intended()).length; // written before the change
      },
      () => entry,
    );
    expect(seen).toBe(1);
    await expect(
      auditedChange(
        { audit, auditIntents },
        entry,
        { kind: 'notMember', groupId: 'g-1', userId: 'x' },
        async () => {
          throw new Error('directory down');
        },
        () => entry,
      ),
    ).rejects.toThrow('directory down');
    expect(await audit.tail(10)).toHaveLength(1);
    expect(await auditIntents.intended()).toEqual([]);
  });
});
