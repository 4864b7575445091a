import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { LowdbFile } from '../adapters/lowdb/lowdbFile.js';
import { deleteOwn, getOwn, setOwn } from '../adapters/lowdb/ownRecord.js';

interface DialogStateFile {
  /** Items as botbuilder hands them over, each with the eTag of its last write. */
  items: Record<string, StoreItem>;
}

/**
 * botbuilder {@link Storage} (conversation and user state, dialog stacks) in `<dataDir>/dialogState.json`, with
 * MemoryStorage's eTag rules: an item written with an eTag other than `*` must still carry the stored eTag, else
 * the write throws; no eTag or `*` overwrites; every write gives the item a new eTag. Unlike MemoryStorage a batch
 * is all or nothing: on a conflict no item of the batch is written. Writes are atomic and one at a time.
 */
export class LowdbDialogStorage implements Storage {
  private constructor(private readonly file: LowdbFile<DialogStateFile>) {}

  static async open(dataDir: string, fileName = 'dialogState.json'): Promise<LowdbDialogStorage> {
    return new LowdbDialogStorage(await LowdbFile.open(join(dataDir, fileName), { items: {} }));
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const found: StoreItems = {};
    for (const key of keys) {
      const item = getOwn(this.file.data.items, key);
      if (item !== undefined) setOwn(found, key, structuredClone(item));
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    // JSON round trip, as MemoryStorage does: what cannot be serialised fails here, not after a restart.
    const incoming = JSON.parse(JSON.stringify(changes)) as StoreItems;
    await this.file.update((data) => {
      for (const key of keys) {
        const eTag = (getOwn(incoming, key) as StoreItem).eTag;
        const stored = getOwn(data.items, key);
        if (stored !== undefined && eTag && eTag !== '*' && eTag !== stored.eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
      }
      for (const key of keys) setOwn(data.items, key, { ...(getOwn(incoming, key) as StoreItem), eTag: randomUUID() });
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (!keys.some((key) => getOwn(this.file.data.items, key) !== undefined)) return;
    await this.file.update((data) => {
      for (const key of keys) deleteOwn(data.items, key);
    });
  }
}
