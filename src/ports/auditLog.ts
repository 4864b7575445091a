import type { AuditEntry } from '../domain/auditEntry.js';

export type { AuditEntry };

/**
 * Append-only audit trail. Entries are never changed or removed.
 *
 * Contract for every implementation:
 * - `append` resolves only once the entry is durable (flushed to the file / acknowledged by the service), and its
 *   cost does not grow with the length of the trail.
 * - `append` is idempotent by {@link AuditEntry.id}: appending an entry whose id the log already holds adds nothing.
 *   Relays re-append an entry only when a crash or a failure came between appending it and clearing it from the
 *   record that carried it, so an implementation may limit the ids it compares to the recent part of the trail
 *   (the lowdb log remembers the ids of its newest file and of everything appended since start).
 * - Readers see entries in append order.
 */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** The last `n` entries, oldest first. */
  tail(n: number): Promise<AuditEntry[]>;
  /** Every entry, oldest first. */
  all(): AsyncIterable<AuditEntry>;
}

/** What must hold in the directory for an intended entry's change to have happened. */
export type AuditCheck =
  /** A direct add: the guest (found by address, the user may not exist before the invitation) is a member. */
  | { kind: 'member'; groupId: string; email: string }
  /** A removal: the user is no longer a member. */
  | { kind: 'notMember'; groupId: string; userId: string };

export interface AuditIntent {
  /** The entry to append once the change is done; its `id` names the intent. */
  entry: AuditEntry & { id: string };
  check: AuditCheck;
}

/**
 * Write-ahead for directory changes that no request record carries (a guest added directly, a guest removed):
 * `intend` is durable before the change is made, and `settle` drops it once the entry is appended or the change
 * failed. After a crash, `intended` lists what was never settled, so the start-up can look at the directory and
 * append the entry (the change happened) or drop it (it did not). Intents may hold a guest's address, to find them
 * in the directory; the audit log itself never does.
 */
export interface AuditIntents {
  intend(intent: AuditIntent): Promise<void>;
  /** Removes the intent; settling an unknown id does nothing. */
  settle(id: string): Promise<void>;
  intended(): Promise<AuditIntent[]>;
}
