import { mkdir, open, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface JsonJournalOptions<S, C> {
  /** The state from the snapshot file (undefined when there is none yet). */
  load(snapshot: S | undefined): void;
  /**
   * Applies one change (a journal line) to the state, at start (replay) and after each write. Must give the same
   * state when replayed over a snapshot that already holds it.
   */
  apply(change: C): void;
  /** The whole state as it is now, for the snapshot file. */
  snapshot(): S;
  /** fdatasync each append before it resolves (default false: survives a killed process, not a power cut). */
  sync?: boolean;
  /** Journal size from which a write compacts it into the snapshot (default: 1 MiB, or the snapshot's size if larger). */
  compactAtBytes?: number;
  /** Read the state without taking part as a writer (e.g. an export while the bot runs): no compaction, no writes. */
  readOnly?: boolean;
}

const MIN_COMPACT_BYTES = 1 << 20;

/**
 * A JSON state kept as a snapshot file (`name.json`, written whole, atomically: temp file + rename) and a journal
 * of changes since (`name.changes.jsonl`, one JSON line per change, appended). A write appends one line, so its cost
 * is the change's, not the state's; the journal is folded into the snapshot at start and whenever it has grown past
 * the snapshot's size (so compaction costs O(1) per write, amortised). A line torn by a crash is the change of a
 * write that never resolved: it is dropped. Changes are applied in order and set values (never increment), so a
 * journal replayed over a snapshot that already holds it gives the same state (a crash between the snapshot's rename
 * and the journal's truncation). Writes are serialised. One writer per file (the DATA_DIR lock).
 */
export class JsonJournal<S, C> {
  private queue: Promise<unknown> = Promise.resolve();
  private journalBytes = 0;
  private snapshotBytes = 0;
  private needsNewline = false;

  private constructor(
    private readonly snapshotPath: string,
    private readonly journalPath: string,
    private readonly options: JsonJournalOptions<S, C>,
  ) {}

  static async open<S, C>(snapshotPath: string, options: JsonJournalOptions<S, C>): Promise<JsonJournal<S, C>> {
    const journalPath = snapshotPath.replace(/\.json$/, '') + '.changes.jsonl';
    if (!options.readOnly) await mkdir(dirname(snapshotPath), { recursive: true });
    let snapshot: S | undefined;
    try {
      snapshot = JSON.parse(await readFile(snapshotPath, 'utf8')) as S;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`cannot read ${snapshotPath}: ${(error as Error).message}`, { cause: error });
      }
    }
    options.load(snapshot);
    let text = '';
    try {
      text = await readFile(journalPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // Only complete lines count: a last line without its line break was being written when the process died.
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    for (const line of complete.split('\n')) {
      if (line.trim() === '') continue;
      let change: C;
      try {
        change = JSON.parse(line) as C;
      } catch {
        continue; // a torn line followed by later appends (a failed write): its write never resolved
      }
      options.apply(change);
    }
    const journal = new JsonJournal(snapshotPath, journalPath, options);
    if (options.readOnly) return journal;
    if (text.length > 0 || snapshot === undefined) await journal.compact();
    else journal.snapshotBytes = Buffer.byteLength(JSON.stringify(snapshot));
    return journal;
  }

  /**
   * Runs `decide` in turn with the other writes (so it sees every earlier write); the change it returns is appended
   * as one line and then applied to the state. `undefined` writes nothing; a throw writes nothing and rejects.
   * Resolves with the result once the line is written.
   */
  write<R>(decide: () => { change?: C; result: R }): Promise<R> {
    const run = async (): Promise<R> => {
      if (this.options.readOnly) throw new Error(`${this.snapshotPath} was opened read-only`);
      const { change, result } = decide();
      if (change === undefined) return result;
      const line = `${this.needsNewline ? '\n' : ''}${JSON.stringify(change)}\n`;
      this.needsNewline = true; // until the write is known to be whole
      // Opened per write, as the audit log does: no descriptor outlives it.
      const handle = await open(this.journalPath, 'a');
      try {
        await handle.appendFile(line, 'utf8');
        if (this.options.sync) await handle.datasync();
      } finally {
        await handle.close();
      }
      this.needsNewline = false;
      this.journalBytes += Buffer.byteLength(line);
      this.options.apply(change);
      const limit = this.options.compactAtBytes ?? Math.max(MIN_COMPACT_BYTES, this.snapshotBytes);
      // The change is safe in the journal: a failed compaction is tried again on a later write.
      if (this.journalBytes >= limit) await this.compact().catch(() => undefined);
      return result;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Folds the journal into the snapshot: the snapshot first (atomically), then the journal emptied. */
  private async compact(): Promise<void> {
    const text = JSON.stringify(this.options.snapshot());
    // `.name.tmp`: the pattern the DATA_DIR lock's start-up clean-up removes when a crash leaves one behind.
    const temp = join(dirname(this.snapshotPath), `.${basename(this.snapshotPath)}.tmp`);
    await writeFile(temp, text, 'utf8');
    await rename(temp, this.snapshotPath);
    await truncate(this.journalPath, 0).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.journalBytes = 0;
    this.snapshotBytes = Buffer.byteLength(text);
  }
}
