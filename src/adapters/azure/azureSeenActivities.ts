import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { SeenActivities } from '../../ports/seenActivities.js';
import { statusOf, type AzureStorage } from './azureStorage.js';

/**
 * {@link SeenActivities} shared by every instance: one entity per activity in the `activities` table, inserted with
 * a plain insert, which fails for the second (and every later) instance that offers the same key. A key older than
 * the window counts as new again. Entries past the window are deleted now and then. Row key = partition key (the
 * hash): Azurite looks entities up by row key first, and one shared row key would make every insert scan the table.
 */
export class AzureSeenActivities implements SeenActivities {
  private offered = 0;
  private pruning?: Promise<void>;

  constructor(
    private readonly table: TableClient,
    private readonly ttlMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  static open(storage: AzureStorage): AzureSeenActivities {
    return new AzureSeenActivities(storage.table('activities'));
  }

  async firstTime(key: string): Promise<boolean> {
    const partitionKey = createHash('sha256').update(key).digest('hex');
    const at = this.now();
    if (++this.offered % 500 === 0) this.pruning ??= this.prune().finally(() => (this.pruning = undefined));
    try {
      await this.table.createEntity({ partitionKey, rowKey: partitionKey, at });
      return true;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    try {
      const seen = await this.table.getEntity<{ at?: number }>(partitionKey, partitionKey);
      if (at - Number(seen.at ?? 0) < this.ttlMs) return false;
      // Seen long ago: this is a new delivery. Only one instance can replace that exact version.
      await this.table.updateEntity({ partitionKey, rowKey: partitionKey, at }, 'Replace', { etag: seen.etag });
      return true;
    } catch (error) {
      if (statusOf(error) === 412) return false;
      if (statusOf(error) === 404) return this.firstTime(key);
      throw error;
    }
  }

  /** Deletes entries older than the window (best effort; a failure is retried at the next prune). */
  private async prune(): Promise<void> {
    const before = this.now() - this.ttlMs;
    try {
      const old = this.table.listEntities<{ at?: number }>({ queryOptions: { filter: odata`at lt ${before}` } });
      for await (const entity of old) {
        const { partitionKey, rowKey, etag } = entity;
        await this.table.deleteEntity(partitionKey!, rowKey!, { etag }).catch(() => undefined);
      }
    } catch {
      // keep going: pruning only saves space
    }
  }
}
