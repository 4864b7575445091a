import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditLog } from '../ports/auditLog.js';
import type { RequestStore } from '../ports/requestStore.js';
import type { Logger } from '../logger.js';
import type { GuestRequest } from './guestRequest.js';

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
export async function relayAudit(deps: { requests: RequestStore; audit: AuditLog; logger: Logger }, requestId: string): Promise<void> {
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
export async function relayAllUnlogged(deps: { requests: RequestStore; audit: AuditLog; logger: Logger }): Promise<number> {
  const pending = await deps.requests.listUnlogged();
  for (const request of pending) await relayAudit(deps, request.id);
  if (pending.length > 0) deps.logger.info({ requests: pending.length, code: 'AUDIT_RELAYED' }, 'audit entries left by a crash moved to the log');
  return pending.length;
}
