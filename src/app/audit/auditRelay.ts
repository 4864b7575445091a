import { randomUUID } from 'node:crypto';
import type { AuditCheck, AuditEntry, AuditIntents, AuditLog } from '../../ports/auditLog.js';
import type { Directory } from '../../ports/directory.js';
import type { RequestStore } from '../../ports/requestStore.js';
import type { Logger } from '../../logger.js';
import type { GuestRequest } from '../../domain/guestRequest.js';

/** An audit entry with a fresh id, so that relaying it twice keeps it once. */
export function auditEntry(entry: Omit<AuditEntry, 'id'>): AuditEntry {
  return { id: randomUUID(), ...entry };
}

/** The request with `entry` added to the audit entries that travel inside its own write. */
export function withAudit(request: GuestRequest, entry: Omit<AuditEntry, 'id'>): GuestRequest {
  return { ...request, unlogged: [...(request.unlogged ?? []), auditEntry(entry)] };
}

/**
 * Moves a request's unlogged audit entries to the audit log, then clears them from the record. A crash between
 * the two leaves them in the record; the next relay appends them again and the log keeps each id once.
 */
export async function relayAudit(
  deps: { requests: RequestStore; audit: AuditLog; logger: Logger },
  requestId: string,
): Promise<void> {
  const request = await deps.requests.get(requestId);
  const entries = request?.unlogged ?? [];
  if (entries.length === 0) return;
  for (const entry of entries) await deps.audit.append(entry);
  const done = new Set(entries.map((e) => e.id));
  await deps.requests.update(requestId, (r) => {
    const left = (r.unlogged ?? []).filter((e) => !done.has(e.id));
    if (left.length === (r.unlogged ?? []).length) return undefined;
    const next = { ...r };
    if (left.length > 0) next.unlogged = left;
    else delete next.unlogged;
    return next;
  });
}

/** At start: relays what a crash left between requests' writes and the log's appends. Resolves with their count. */
export async function relayAllUnlogged(deps: {
  requests: RequestStore;
  audit: AuditLog;
  logger: Logger;
}): Promise<number> {
  const pending = await deps.requests.listUnlogged();
  for (const request of pending) await relayAudit(deps, request.id);
  if (pending.length > 0)
    deps.logger.info(
      { requests: pending.length, code: 'AUDIT_RELAYED' },
      'audit entries left by a crash moved to the log',
    );
  return pending.length;
}

/**
 * Runs a directory change that no request record carries (a direct add, a removal) with its audit entry written
 * ahead as an intent: if the process dies after the change but before the entry is appended, the next start finds
 * the intent, sees the change in the directory and appends the entry ({@link settleAuditIntents}).
 */
export async function auditedChange<T>(
  deps: { audit: AuditLog; auditIntents?: AuditIntents },
  planned: Omit<AuditEntry, 'id'>,
  check: AuditCheck,
  change: () => Promise<T>,
  done: (result: T) => Omit<AuditEntry, 'id'>,
): Promise<T> {
  const id = randomUUID();
  await deps.auditIntents?.intend({ entry: { ...planned, id }, check });
  let result: T;
  try {
    result = await change();
  } catch (error) {
    await deps.auditIntents?.settle(id).catch(() => undefined);
    throw error;
  }
  await deps.audit.append({ ...done(result), id });
  await deps.auditIntents?.settle(id);
  return result;
}

/**
 * At start: appends the entries of changes a crash interrupted that did happen, and drops the others. With stores
 * shared by several instances, `before` leaves alone the intents made since then: another live instance may still
 * be making that change (it settles them itself; a crashed one's are settled by a later start).
 */
export async function settleAuditIntents(
  deps: { audit: AuditLog; auditIntents?: AuditIntents; directory: Directory; logger: Logger },
  before?: string,
): Promise<number> {
  if (!deps.auditIntents) return 0;
  let appended = 0;
  for (const { entry, check } of await deps.auditIntents.intended()) {
    if (before !== undefined && !(Date.parse(entry.at) < Date.parse(before))) continue;
    const group = await deps.directory.getGroup(check.groupId);
    const members = new Set((group?.members ?? []).map((m) => m.toLowerCase()));
    if (check.kind === 'member') {
      const user = await deps.directory.findUserByMail(check.email);
      if (group && user && members.has(user.id.toLowerCase())) {
        await deps.audit.append({ ...entry, details: { ...entry.details, guestUserId: user.id } });
        appended += 1;
      }
    } else if (group && !members.has(check.userId.toLowerCase())) {
      await deps.audit.append(entry);
      appended += 1;
    }
    await deps.auditIntents.settle(entry.id);
  }
  if (appended > 0)
    deps.logger.info(
      { entries: appended, code: 'AUDIT_INTENTS_SETTLED' },
      'audit entries of changes a crash interrupted appended',
    );
  return appended;
}
