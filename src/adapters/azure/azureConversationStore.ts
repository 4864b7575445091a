import type { TableClient } from '@azure/data-tables';
import type { ConversationStore, StoredConversationReference } from '../../ports/conversationStore.js';
import { statusOf, tableKey, type AzureStorage } from './azureStorage.js';

const REFERENCES = 'ref';
const LATEST = 'latest';

/**
 * {@link ConversationStore} in the `conversations` table: one entity per user (partition `ref`, row = user id), and
 * the latest service URL in an entity of its own. Saves are upserts (the last writer wins, as any reference from the
 * user's own chat is as good as another); a save that would write what this process last read or wrote is skipped,
 * since every message saves its reference.
 */
export class AzureConversationStore implements ConversationStore {
  private readonly known = new Map<string, string>();
  private latestKnown?: string;

  private constructor(private readonly table: TableClient) {}

  static open(storage: AzureStorage): AzureConversationStore {
    return new AzureConversationStore(storage.table('conversations'));
  }

  async save(userId: string, reference: StoredConversationReference): Promise<void> {
    const json = JSON.stringify(reference);
    const writes: Promise<unknown>[] = [];
    if (this.known.get(userId) !== json) {
      writes.push(this.table.upsertEntity({ partitionKey: REFERENCES, rowKey: tableKey(userId), json }, 'Replace'));
    }
    if (reference.serviceUrl && this.latestKnown !== reference.serviceUrl) {
      const latest = { partitionKey: LATEST, rowKey: '', serviceUrl: reference.serviceUrl };
      writes.push(this.table.upsertEntity(latest, 'Replace'));
    }
    await Promise.all(writes);
    this.remember(userId, json);
    if (reference.serviceUrl) this.latestKnown = reference.serviceUrl;
  }

  async get(userId: string): Promise<StoredConversationReference | undefined> {
    const entity = await this.entity(REFERENCES, tableKey(userId));
    if (typeof entity?.json !== 'string') return undefined;
    this.remember(userId, entity.json);
    return JSON.parse(entity.json) as StoredConversationReference;
  }

  async latestServiceUrl(): Promise<string | undefined> {
    const entity = await this.entity(LATEST, '');
    return typeof entity?.serviceUrl === 'string' ? entity.serviceUrl : undefined;
  }

  private remember(userId: string, json: string): void {
    this.known.delete(userId);
    this.known.set(userId, json);
    if (this.known.size > 10_000) this.known.delete(this.known.keys().next().value!);
  }

  private async entity(partitionKey: string, rowKey: string): Promise<Record<string, unknown> | undefined> {
    try {
      return await this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }
}
