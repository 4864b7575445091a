import type { AuditEntry, AuditLog } from '../../ports/auditLog.js';

/** {@link AuditLog} in memory, for tests: entries in append order. */
export class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];

  async append(entry: AuditEntry): Promise<void> {
    this.entries.push(structuredClone(entry));
  }

  async tail(n: number): Promise<AuditEntry[]> {
    return n <= 0 ? [] : structuredClone(this.entries.slice(-n));
  }

  async *all(): AsyncIterable<AuditEntry> {
    for (const entry of [...this.entries]) yield structuredClone(entry);
  }
}
