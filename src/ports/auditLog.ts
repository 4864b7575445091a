/** One state transition of a request or one administrative action, as the audit trail keeps it. */
export interface AuditEntry {
  at: string; // ISO 8601
  actorId: string; // user object id, or "system"
  action: string; // e.g. "request.transition", "guest.removed"
  subjectId: string; // request id, group id …
  from?: string;
  to?: string;
  /** Reason codes and ids only: never guest addresses or free text from users. */
  details?: Record<string, string | number | boolean>;
}

/** Append-only audit trail. Entries are never changed or removed. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** The last `n` entries, oldest first. */
  tail(n: number): Promise<AuditEntry[]>;
  /** Every entry, oldest first. */
  all(): AsyncIterable<AuditEntry>;
}
