import type { BlockBlobClient } from '@azure/storage-blob';
import { emptyOverlay, type DirectoryOverlay, type DirectoryOverlayStore } from '../embedded/directoryOverlay.js';
import { retryOnConflict, statusOf, type AzureStorage } from './azureStorage.js';

/**
 * The embedded directory's writes in one blob (`<prefix>-state/directory.json`), shared by every instance. Changes
 * go through {@link AzureDirectoryOverlayStore.update}: read with its ETag, change, write If-Match (If-None-Match for
 * the first), again on a conflict, so two instances inviting at once both keep their guest.
 */
export class AzureDirectoryOverlayStore implements DirectoryOverlayStore {
  private constructor(private readonly blob: BlockBlobClient) {}

  static open(storage: AzureStorage): AzureDirectoryOverlayStore {
    return new AzureDirectoryOverlayStore(storage.container('state').getBlockBlobClient('directory.json'));
  }

  async load(): Promise<DirectoryOverlay> {
    return (await this.read()).overlay;
  }

  async save(overlay: DirectoryOverlay): Promise<void> {
    await this.write(overlay);
  }

  update(change: (current: DirectoryOverlay) => DirectoryOverlay | undefined): Promise<DirectoryOverlay> {
    return retryOnConflict(async () => {
      const { overlay, etag } = await this.read();
      const next = change(overlay);
      if (next === undefined) return overlay;
      await this.write(next, etag ? { ifMatch: etag } : { ifNoneMatch: '*' });
      return structuredClone(next);
    }, 'saving the directory changes');
  }

  private async read(): Promise<{ overlay: DirectoryOverlay; etag?: string }> {
    try {
      const response = await this.blob.download();
      const buffer = await readAll(response.readableStreamBody);
      const overlay = JSON.parse(buffer.toString('utf8')) as Partial<DirectoryOverlay>;
      if (overlay.format !== 1 || !Array.isArray(overlay.guests) || typeof overlay.membership !== 'object') {
        throw new Error(`${this.blob.url} is not a directory overlay (format 1)`);
      }
      return { overlay: overlay as DirectoryOverlay, etag: response.etag };
    } catch (error) {
      if (statusOf(error) === 404) return { overlay: emptyOverlay() };
      throw error;
    }
  }

  private async write(overlay: DirectoryOverlay, conditions?: { ifMatch?: string; ifNoneMatch?: string }) {
    const body = JSON.stringify(overlay);
    const blobHTTPHeaders = { blobContentType: 'application/json' };
    await this.blob.upload(body, Buffer.byteLength(body), { conditions, blobHTTPHeaders });
  }
}

/** The body of a blob download (one response: the content and its ETag belong together). */
export async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  if (!stream) return Buffer.alloc(0);
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
