import type { AuditEntry, AuditLog } from '../../ports/auditLog.js';

/** {@link AuditLog} in memory, for tests: entries in append order, each id kept once. */
export class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];
  private readonly ids = new Set<string>();

  async append(entry: AuditEntry): Promise<void> {
    if (entry.id !== undefined) {
      if (this.ids.has(entry.id)) return;
      this.ids.add(entry.id);
    }
    this.entries.push(structuredClone(entry));
  }

  async tail(n: number): Promise<AuditEntry[]> {
    return n <= 0 ? [] : structuredClone(this.entries.slice(-n));
  }

  async *all(): AsyncIterable<AuditEntry> {
    for (const entry of [...this.entries]) yield structuredClone(entry);
  }
}
