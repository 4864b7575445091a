import type { AuditIntent, AuditIntents } from '../../../src/ports/auditLog.js';

export const intent = (id: string, email = 'anna@fabrikam.com'): AuditIntent => ({
  entry: { id, at: '2026-11-21T09:00:00.000Z', actorId: 'u1', action: 'guest.added', subjectId: 'g1' },
  check: { kind: 'member', groupId: 'g1', email },
});

const byId = (intents: AuditIntent[]) => [...intents].sort((a, b) => a.entry.id.localeCompare(b.entry.id));

/**
 * What every {@link AuditIntents} must do, run against each backend. `reopen` opens the same store again (another
 * process, or the next start): an intent is durable once `intend` resolves.
 */
export function auditIntentsContract(
  open: () => Promise<AuditIntents>,
  reopen: () => Promise<AuditIntents> = open,
): void {
  test('an intent is listed until it is settled, also after a restart', async () => {
    const intents = await open();
    expect(await intents.intended()).toEqual([]);
    await intents.intend(intent('i-1'));
    await intents.intend(intent('i-2', 'bram@contoso.com'));
    expect(byId(await (await reopen()).intended())).toEqual([intent('i-1'), intent('i-2', 'bram@contoso.com')]);
    await intents.settle('i-1');
    expect(await (await reopen()).intended()).toEqual([intent('i-2', 'bram@contoso.com')]);
  });

  test('settling twice or an unknown id does nothing', async () => {
    const intents = await open();
    await intents.intend(intent('i-1'));
    await intents.settle('i-1');
    await intents.settle('i-1');
    await intents.settle('never-intended');
    expect(await intents.intended()).toEqual([]);
  });

  test('intending the same id again keeps one intent, the latest', async () => {
    const intents = await open();
    await intents.intend(intent('i-1'));
    await intents.intend(intent('i-1', 'carla@contoso.com'));
    expect(await (await reopen()).intended()).toEqual([intent('i-1', 'carla@contoso.com')]);
  });

  test('the listing is a copy: changing it changes nothing stored', async () => {
    const intents = await open();
    await intents.intend(intent('i-1'));
    const [listed] = await intents.intended();
    listed.entry.action = 'changed';
    expect(await intents.intended()).toEqual([intent('i-1')]);
  });
}
