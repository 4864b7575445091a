import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { GuestRequest } from '../../domain/guestRequest.js';
import { MemoryRequestStore } from '../memory/memoryRequestStore.js';

const ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Requests on disk, one lowdb file per request under `<dataDir>/requests/`. lowdb rewrites a whole file on every
 * write, so one file per request keeps each write the size of one request however many are stored. All files are
 * read once at start into memory; reads are served from there.
 */
export class LowdbRequestStore extends MemoryRequestStore {
  private constructor(private readonly dir: string) {
    super();
  }

  static async open(dataDir: string): Promise<LowdbRequestStore> {
    const dir = join(dataDir, 'requests');
    await mkdir(dir, { recursive: true });
    const store = new LowdbRequestStore(dir);
    const names = (await readdir(dir)).filter((name) => name.endsWith('.json')); // skips steno's temp files
    // Read in parallel batches: one at a time, 100,000 files take ~20 s to start.
    for (let i = 0; i < names.length; i += 256) {
      const batch = await Promise.all(names.slice(i, i + 256).map((name) => readFile(join(dir, name), 'utf8')));
      for (const text of batch) store.remember(JSON.parse(text) as GuestRequest);
    }
    return store;
  }

  protected override async persist(request: GuestRequest): Promise<void> {
    if (!ID.test(request.id)) throw new Error('invalid request id');
    const db = new Low<GuestRequest>(new JSONFile(join(this.dir, `${request.id}.json`)), request);
    db.data = request;
    await db.write(); // steno: temp file + rename, so a crash leaves the old or the new record, never half
  }
}
