import { TableClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';

/** Where the bot's state lives in Azure Storage: a connection string, or account URLs with an Entra credential. */
export interface AzureStorageConfig {
  connectionString?: string;
  /** Blob endpoint, e.g. `https://<account>.blob.core.windows.net` (with `credential`). */
  blobUrl?: string;
  /** Table endpoint, e.g. `https://<account>.table.core.windows.net` (with `credential`). */
  tableUrl?: string;
  credential?: TokenCredential;
  /** Starts every table and container name, so several bots (or tests) can share one account. Lowercase letters. */
  prefix: string;
}

/** The tables and blob containers the bot uses. */
export const TABLES = [
  'requests',
  'requestkeys',
  'requestdue',
  'requestlists',
  'conversations',
  'languages',
  'activities',
  'auditintents',
  'reviews',
] as const;
export const CONTAINERS = ['state', 'audit', 'dialogs', 'outbox'] as const;
export type TableName = (typeof TABLES)[number];
export type ContainerName = (typeof CONTAINERS)[number];

const PREFIX = /^[a-z][a-z0-9]{0,20}$/;

/**
 * Clients for the bot's tables and containers in one storage account. {@link AzureStorage.open} creates what is
 * missing, so a fresh account (or Azurite) works without setup.
 */
export class AzureStorage {
  private readonly tables = new Map<TableName, TableClient>();
  private readonly blobs: BlobServiceClient;

  private constructor(private readonly config: AzureStorageConfig) {
    if (!PREFIX.test(config.prefix)) {
      throw new Error(`storage prefix ${JSON.stringify(config.prefix)} must be lowercase letters and digits`);
    }
    if (config.connectionString) {
      this.blobs = BlobServiceClient.fromConnectionString(config.connectionString);
    } else if (config.blobUrl && config.credential) {
      this.blobs = new BlobServiceClient(config.blobUrl, config.credential);
    } else {
      throw new Error('Azure storage needs a connection string, or a blob and table URL with a credential');
    }
    for (const name of TABLES) this.tables.set(name, this.tableClient(`${config.prefix}${name}`));
  }

  static async open(config: AzureStorageConfig): Promise<AzureStorage> {
    const storage = new AzureStorage(config);
    await Promise.all([
      ...TABLES.map((name) => storage.table(name).createTable()), // succeeds when it exists
      ...CONTAINERS.map((name) => storage.container(name).createIfNotExists()),
    ]);
    return storage;
  }

  table(name: TableName): TableClient {
    return this.tables.get(name)!;
  }

  container(name: ContainerName): ContainerClient {
    return this.blobs.getContainerClient(this.containerName(name));
  }

  containerName(name: ContainerName): string {
    return `${this.config.prefix}-${name}`;
  }

  /** For botbuilder's BlobsStorage, which takes the connection string or URL itself. */
  get connection(): { connectionString?: string; blobUrl?: string; credential?: TokenCredential } {
    const { connectionString, blobUrl, credential } = this.config;
    return { connectionString, blobUrl, credential };
  }

  private tableClient(table: string): TableClient {
    const { connectionString, tableUrl, credential } = this.config;
    // http is only ever Azurite on loopback; the SDK refuses it unless told.
    const allowInsecureConnection =
      /https?:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(connectionString ?? tableUrl ?? '') ||
      /UseDevelopmentStorage=true/i.test(connectionString ?? '');
    if (connectionString) return TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection });
    if (!tableUrl || !credential) {
      throw new Error('Azure table storage needs a connection string, or a table URL with a credential');
    }
    return new TableClient(tableUrl, table, credential, { allowInsecureConnection });
  }
}

/** HTTP status of a failed storage call (409 exists, 412 ETag mismatch, 404 missing), if it was one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Runs `attempt` until it throws no ETag conflict (412) or insert race (409), with a short jittered pause between. */
export async function retryOnConflict<T>(attempt: () => Promise<T>, what: string, attempts = 100): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const status = statusOf(error);
      if ((status !== 412 && status !== 409) || i >= attempts) {
        if (status === 412 || status === 409) {
          throw new Error(`${what}: still conflicting after ${attempts} attempts`, { cause: error });
        }
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * i)));
    }
  }
}

/** A table key from any text: the characters Azure Tables refuse in keys (/ \ # ? and control characters) escaped. */
export function tableKey(text: string): string {
  const escape = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[%/\\#?\u0000-\u001f\u007f-\u009f]/g, escape);
}
