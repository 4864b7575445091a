import type { TableClient } from '@azure/data-tables';
import type { AuditIntent, AuditIntents } from '../../ports/auditLog.js';
import { statusOf, tableKey, type AzureStorage } from './azureStorage.js';

const PARTITION = 'intent';

/**
 * {@link AuditIntents} in the `auditintents` table, one entity per intent (row key: the entry's id), the intent as
 * JSON. A write is durable once the service acknowledges it, so `intend` resolves only then. Usually empty: an intent
 * lives for the length of one directory call. Any instance's start-up settles the intents every instance left.
 */
export class AzureAuditIntents implements AuditIntents {
  private constructor(private readonly table: TableClient) {}

  static open(storage: AzureStorage): AzureAuditIntents {
    return new AzureAuditIntents(storage.table('auditintents'));
  }

  async intend(intent: AuditIntent): Promise<void> {
    const entity = { partitionKey: PARTITION, rowKey: tableKey(intent.entry.id), intent: JSON.stringify(intent) };
    await this.table.upsertEntity(entity, 'Replace');
  }

  async settle(id: string): Promise<void> {
    await this.table.deleteEntity(PARTITION, tableKey(id)).catch((error: unknown) => {
      if (statusOf(error) !== 404) throw error;
    });
  }

  async intended(): Promise<AuditIntent[]> {
    const intents: AuditIntent[] = [];
    const entities = this.table.listEntities<{ intent?: unknown }>({
      queryOptions: { filter: `PartitionKey eq '${PARTITION}'` },
    });
    for await (const entity of entities) {
      try {
        if (typeof entity.intent === 'string') intents.push(JSON.parse(entity.intent) as AuditIntent);
      } catch {
        // unreadable: cannot be settled; left for a person to look at
      }
    }
    return intents;
  }
}
