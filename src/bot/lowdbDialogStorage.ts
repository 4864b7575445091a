import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { JsonJournal } from '../adapters/lowdb/jsonJournal.js';
import { setOwn } from '../adapters/lowdb/ownRecord.js';

interface DialogStateFile {
  /** Items as botbuilder hands them over, each with the eTag of its last write. */
  items: Record<string, StoreItem>;
}

/** One write of the journal: items set (with their new eTags) and keys deleted. */
interface DialogStateChange {
  set?: Record<string, StoreItem>;
  delete?: string[];
}

/**
 * botbuilder {@link Storage} (conversation and user state, dialog stacks) in `<dataDir>/dialogState.json` and its
 * journal `dialogState.changes.jsonl` (see {@link JsonJournal}): a write appends the items it changes, so its cost
 * does not grow with the number of conversations. MemoryStorage's eTag rules: an item written with an eTag other
 * than `*` must still carry the stored eTag, else the write throws; no eTag or `*` overwrites; every write gives the
 * item a new eTag. Unlike MemoryStorage a batch is all or nothing (one journal line): on a conflict no item of the
 * batch is written. Writes are atomic and one at a time.
 */
export class LowdbDialogStorage implements Storage {
  private readonly items = new Map<string, StoreItem>();
  private journal?: JsonJournal<DialogStateFile, DialogStateChange>;

  private constructor() {}

  static async open(dataDir: string, fileName = 'dialogState.json'): Promise<LowdbDialogStorage> {
    const storage = new LowdbDialogStorage();
    const { items } = storage;
    storage.journal = await JsonJournal.open<DialogStateFile, DialogStateChange>(join(dataDir, fileName), {
      load: (snapshot) => {
        for (const [key, item] of Object.entries(snapshot?.items ?? {})) items.set(key, item);
      },
      apply: (change) => {
        for (const [key, item] of Object.entries(change.set ?? {})) items.set(key, item);
        for (const key of change.delete ?? []) items.delete(key);
      },
      snapshot: () => ({ items: Object.fromEntries(items) }),
    });
    return storage;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const found: StoreItems = {};
    for (const key of keys) {
      const item = this.items.get(key);
      if (item !== undefined) setOwn(found, key, structuredClone(item));
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    // JSON round trip, as MemoryStorage does: what cannot be serialised fails here, not after a restart.
    const incoming = new Map(Object.entries(JSON.parse(JSON.stringify(changes)) as StoreItems));
    await this.journal!.write(() => {
      for (const key of keys) {
        const eTag = (incoming.get(key) as StoreItem).eTag;
        const stored = this.items.get(key);
        if (stored !== undefined && eTag && eTag !== '*' && eTag !== stored.eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
      }
      const set = Object.fromEntries(
        keys.map((key) => [key, { ...(incoming.get(key) as StoreItem), eTag: randomUUID() }]),
      );
      return { change: { set }, result: undefined };
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    await this.journal!.write(() => {
      const present = keys.filter((key) => this.items.has(key));
      return { change: present.length > 0 ? { delete: present } : undefined, result: undefined };
    });
  }
}
