import type { AuditIntent, AuditIntents } from '../../ports/auditLog.js';

/** {@link AuditIntents} in memory, for tests. */
export class MemoryAuditIntents implements AuditIntents {
  private readonly intents = new Map<string, AuditIntent>();

  async intend(intent: AuditIntent): Promise<void> {
    this.intents.set(intent.entry.id, structuredClone(intent));
  }

  async settle(id: string): Promise<void> {
    this.intents.delete(id);
  }

  async intended(): Promise<AuditIntent[]> {
    return structuredClone([...this.intents.values()]);
  }
}
