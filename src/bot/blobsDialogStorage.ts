import type { TokenCredential } from '@azure/identity';
import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';

/**
 * botbuilder {@link Storage} for conversation and dialog state in Azure blobs (one blob per state key), shared by
 * every instance. BlobsStorage writes with If-Match on the item's eTag: a turn that read stale state fails with
 * "eTag conflict" instead of overwriting a newer turn's state.
 */
export function openBlobsDialogStorage(
  connection: { connectionString?: string; blobUrl?: string; credential?: TokenCredential },
  containerName: string,
): Storage {
  if (connection.connectionString) return new BlobsStorage(connection.connectionString, containerName);
  if (!connection.blobUrl || !connection.credential) {
    throw new Error('dialog state in Azure needs a connection string or an account URL');
  }
  const url = `${connection.blobUrl.replace(/\/+$/, '')}/${containerName}`;
  return new BlobsStorage('', containerName, undefined, url, connection.credential);
}
