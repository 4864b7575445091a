import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { GuestReview, ReviewCycle } from '../../domain/guestReview.js';
import { MemoryReviewStore } from '../memory/memoryReviewStore.js';

const ID = /^[A-Za-z0-9-]{1,80}$/;

/**
 * Reviews on disk, one lowdb file per review under `<dataDir>/reviews/` and one per cycle under
 * `<dataDir>/reviews/cycles/` (the request store's layout). Read once at start; reads are served from memory.
 */
export class LowdbReviewStore extends MemoryReviewStore {
  private constructor(private readonly dir: string) {
    super();
  }

  static async open(dataDir: string): Promise<LowdbReviewStore> {
    const dir = join(dataDir, 'reviews');
    await mkdir(join(dir, 'cycles'), { recursive: true });
    const store = new LowdbReviewStore(dir);
    for (const [sub, kind] of [
      ['', 'review'],
      ['cycles', 'cycle'],
    ] as const) {
      // Only .json: skips steno's temp files.
      const names = (await readdir(join(dir, sub))).filter((name) => name.endsWith('.json'));
      for (const name of names) {
        const record: unknown = JSON.parse(await readFile(join(dir, sub, name), 'utf8'));
        if (kind === 'review') store.remember(record as GuestReview);
        else store.remember(undefined, record as ReviewCycle);
      }
    }
    return store;
  }

  protected override async persist(review: GuestReview): Promise<void> {
    await write(join(this.dir, review.id), review);
  }

  protected override async persistCycle(cycle: ReviewCycle): Promise<void> {
    await write(join(this.dir, 'cycles', cycle.id), cycle);
  }
}

async function write<T extends { id: string }>(pathWithoutExtension: string, record: T): Promise<void> {
  if (!ID.test(record.id)) throw new Error('invalid review id');
  const db = new Low<T>(new JSONFile(`${pathWithoutExtension}.json`), record);
  db.data = record;
  await db.write(); // steno: temp file + rename, so a crash leaves the old or the new record, never half
}
