import type { EmlOutbox } from '../mail/emlOutboxMailer.js';
import type { AzureStorage } from './azureStorage.js';

/**
 * The embedded tenant's mail outbox in shared storage: each `.eml` a block blob in the `outbox` container, uploaded
 * in one call (a blob is replaced whole, never seen half written), so any instance may send and nothing is written to
 * local disk.
 */
export function azureMailOutbox(storage: AzureStorage): EmlOutbox {
  const container = storage.container('outbox');
  return {
    async put(name, raw) {
      await container
        .getBlockBlobClient(name)
        .uploadData(raw, { blobHTTPHeaders: { blobContentType: 'message/rfc822' } });
    },
  };
}
