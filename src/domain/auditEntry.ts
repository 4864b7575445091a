/** One state transition of a request or one administrative action, as the audit trail keeps it. */
export interface AuditEntry {
  /**
   * Unique id of the entry, set by whoever creates it. It makes relaying idempotent: an entry that travelled inside
   * a request's own write and is appended again after a crash is kept once. Entries written before ids existed have
   * none.
   */
  id?: string;
  at: string; // ISO 8601
  actorId: string; // user object id, or "system"
  action: string; // e.g. "request.transition", "guest.removed"
  subjectId: string; // request id, group id …
  from?: string;
  to?: string;
  /** Reason codes and ids only: never guest addresses or free text from users. */
  details?: Record<string, string | number | boolean>;
}
