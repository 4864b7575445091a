import type { TableClient } from '@azure/data-tables';
import type { Language } from '../../i18n/i18n.js';
import type { LanguagePreference, LanguagePreferenceStore } from '../../ports/languagePreferenceStore.js';
import { statusOf, tableKey, type AzureStorage } from './azureStorage.js';

/**
 * {@link LanguagePreferenceStore} in the `languages` table, one entity per user. Each change sets one property with
 * a merge (pinned, or spoken), so two instances changing different ones never undo each other; no read is needed.
 */
export class AzureLanguagePreferenceStore implements LanguagePreferenceStore {
  private constructor(private readonly table: TableClient) {}

  static open(storage: AzureStorage): AzureLanguagePreferenceStore {
    return new AzureLanguagePreferenceStore(storage.table('languages'));
  }

  async get(userId: string): Promise<LanguagePreference | undefined> {
    try {
      const entity = await this.table.getEntity<{ pinned?: string; spoken?: string }>('lang', tableKey(userId));
      const found: LanguagePreference = {};
      if (entity.pinned) found.pinned = entity.pinned as Language;
      if (entity.spoken) found.spoken = entity.spoken as Language;
      return found;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async pin(userId: string, language: Language | undefined): Promise<void> {
    // An empty string stands for "not pinned": a merge cannot remove a property.
    await this.table.upsertEntity({ partitionKey: 'lang', rowKey: tableKey(userId), pinned: language ?? '' }, 'Merge');
  }

  async noteSpoken(userId: string, language: Language): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'lang', rowKey: tableKey(userId), spoken: language }, 'Merge');
  }
}
