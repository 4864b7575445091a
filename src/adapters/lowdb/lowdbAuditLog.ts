import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry, AuditLog } from '../../ports/auditLog.js';
import { LowdbFile } from './lowdbFile.js';

interface AuditPartition {
  entries: AuditEntry[];
}

const PARTITION = /^(\d{4}-\d{2}-\d{2}T\d{2})\.json$/;
/** Partitions kept open in memory: this hour's and the previous one, where late entries land. */
const OPEN_PARTITIONS = 2;

/**
 * {@link AuditLog} under `<dataDir>/audit/`, one lowdb file per UTC hour of the entry's own `at`
 * (`2026-11-21T09.json`). lowdb rewrites a whole file on each write, so hour files keep each append small however long
 * the trail grows and however busy the day (day files made a busy day's every transition slower).
 * Order is by hour, then by append within the hour.
 */
export class LowdbAuditLog implements AuditLog {
  private readonly open = new Map<string, LowdbFile<AuditPartition>>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<LowdbAuditLog> {
    return new LowdbAuditLog(join(dataDir, 'audit'));
  }

  async append(entry: AuditEntry): Promise<void> {
    const hour = hourOf(entry.at); // checked before queueing: a bad timestamp is the caller's bug
    const run = async () => {
      const partition = await this.partition(hour);
      await partition.update((data) => {
        data.entries.push(structuredClone(entry));
      });
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    await result;
  }

  async tail(n: number): Promise<AuditEntry[]> {
    if (n <= 0) return [];
    const collected: AuditEntry[][] = [];
    let count = 0;
    for (const day of (await this.days()).reverse()) {
      const entries = await this.read(day);
      collected.unshift(entries.slice(-(n - count)));
      count += collected[0].length;
      if (count >= n) break;
    }
    return collected.flat();
  }

  async *all(): AsyncIterable<AuditEntry> {
    for (const day of await this.days()) yield* await this.read(day);
  }

  private async days(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // Steno's temp files (".2026-11-21.json.tmp") do not match.
    return names.flatMap((name) => PARTITION.exec(name)?.[1] ?? []).sort();
  }

  private async read(day: string): Promise<AuditEntry[]> {
    const open = this.open.get(day);
    if (open !== undefined) return structuredClone(open.data.entries);
    const path = join(this.dir, `${day}.json`);
    try {
      return (JSON.parse(await readFile(path, 'utf8')) as AuditPartition).entries;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(`cannot read audit partition ${path}: ${(error as Error).message}`, { cause: error });
    }
  }

  private async partition(day: string): Promise<LowdbFile<AuditPartition>> {
    let partition = this.open.get(day);
    if (partition === undefined) {
      partition = await LowdbFile.open<AuditPartition>(join(this.dir, `${day}.json`), { entries: [] });
      this.open.set(day, partition);
      // Only called inside the append queue, so no write is in flight on the partition being closed.
      for (const [openDay] of [...this.open].sort(([a], [b]) => a.localeCompare(b))) {
        if (this.open.size <= OPEN_PARTITIONS) break;
        this.open.delete(openDay);
      }
    }
    return partition;
  }
}

/** The UTC hour of an ISO 8601 timestamp (`2026-11-21T09`). */
function hourOf(at: string): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) throw new Error(`audit entry has an invalid timestamp: ${JSON.stringify(at)}`);
  return new Date(time).toISOString().slice(0, 13);
}
