import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

/**
 * One JSON file kept by lowdb. Writes are atomic (lowdb's steno writes a temp file and renames it over the old one)
 * and serialised: one change at a time, in call order. Open each file once per process: two instances on one path
 * would share steno's temp file name and race.
 * A change works on a copy, so readers only ever see data that is on disk, and a failed write changes nothing.
 */
export class LowdbFile<T> {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Low<T>,
    readonly path: string,
  ) {}

  /** Reads the file, or starts from `defaults` when it does not exist yet (it is written on the first change). */
  static async open<T>(path: string, defaults: T): Promise<LowdbFile<T>> {
    await mkdir(dirname(path), { recursive: true });
    // Not JSONFilePreset: it silently keeps data in memory when NODE_ENV=test.
    const db = new Low<T>(new JSONFile<T>(path), defaults);
    try {
      await db.read();
    } catch (error) {
      throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
    }
    return new LowdbFile(db, path);
  }

  /** The data as last written. Treat as read-only. */
  get data(): T {
    return this.db.data;
  }

  /**
   * Applies `change` to a copy of the data and writes it. If `change` throws, nothing is written and the error is
   * passed on. Resolves with what `change` returned once the file is on disk.
   */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = async (): Promise<R> => {
      const draft = structuredClone(this.db.data);
      const result = change(draft);
      await this.db.adapter.write(draft);
      this.db.data = draft; // only now: readers never see data that is not on disk
      return result;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
