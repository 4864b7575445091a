import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry, AuditLog } from '../../ports/auditLog.js';

/** `2026-11-21T09.jsonl` (append-only, one entry per line) or `2026-11-21T09.json` (lowdb, older versions). */
const PARTITION = /^(\d{4}-\d{2}-\d{2}T\d{2})\.(jsonl|json)$/;
/** Partitions whose ids are kept in memory: this hour's and the previous one, where late entries land. */
const OPEN_PARTITIONS = 2;

/** What the log remembers of a recent partition: the ids in it (appends are idempotent by id). */
interface KnownPartition {
  ids: Set<string>;
  /** The file did not end with a line break (a torn last line after a crash): start the next line afresh. */
  needsNewline: boolean;
}

interface Pending {
  entry: AuditEntry;
  hour: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * {@link AuditLog} under `<dataDir>/audit/`: append-only JSON lines, one file per UTC hour of the entry's own `at`
 * (`2026-11-21T09.jsonl`). An append writes one line and flushes it to disk (fdatasync) before resolving; appends
 * that arrive while a flush runs are written together with the next one (group commit), so its cost is the line's,
 * whatever the length of the trail. A line torn by a crash is skipped by readers. Hour files written by older
 * versions (`.json`, lowdb) are still read. Order is by hour, then by append within the hour.
 */
export class LowdbAuditLog implements AuditLog {
  /** Recently used partitions, least recent first. */
  private readonly partitions = new Map<string, KnownPartition>();
  private pending: Pending[] = [];
  private flushing?: Promise<void>;

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<LowdbAuditLog> {
    return new LowdbAuditLog(join(dataDir, 'audit'));
  }

  async append(entry: AuditEntry): Promise<void> {
    const hour = hourOf(entry.at); // checked before queueing: a bad timestamp is the caller's bug
    await new Promise<void>((resolve, reject) => {
      this.pending.push({ entry: structuredClone(entry), hour, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  async tail(n: number): Promise<AuditEntry[]> {
    if (n <= 0) return [];
    const collected: AuditEntry[][] = [];
    let count = 0;
    for (const name of (await this.files()).reverse()) {
      const entries = await this.read(name);
      collected.unshift(entries.slice(-(n - count)));
      count += collected[0].length;
      if (count >= n) break;
    }
    return collected.flat();
  }

  async *all(): AsyncIterable<AuditEntry> {
    for (const name of await this.files()) yield* await this.read(name);
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const byHour = new Map<string, Pending[]>();
      for (const item of batch) byHour.set(item.hour, [...(byHour.get(item.hour) ?? []), item]);
      for (const [hour, items] of byHour) {
        try {
          const partition = await this.known(hour);
          const lines: string[] = [];
          const added = new Set<string>();
          for (const { entry } of items) {
            if (entry.id !== undefined) {
              if (partition.ids.has(entry.id) || added.has(entry.id)) continue;
              added.add(entry.id);
            }
            lines.push(`${JSON.stringify(entry)}\n`);
          }
          if (lines.length > 0) {
            const text = (partition.needsNewline ? '\n' : '') + lines.join('');
            // Opened per batch: no descriptor outlives the write, and a file moved away is simply started again.
            const handle = await open(join(this.dir, `${hour}.jsonl`), 'a');
            try {
              await handle.appendFile(text, 'utf8');
              await handle.datasync();
            } finally {
              await handle.close();
            }
            partition.needsNewline = false;
            for (const id of added) partition.ids.add(id);
          }
          for (const item of items) item.resolve();
        } catch (error) {
          for (const item of items) item.reject(error);
        }
      }
    }
    this.flushing = undefined;
  }

  private async known(hour: string): Promise<KnownPartition> {
    let partition = this.partitions.get(hour);
    if (partition === undefined) {
      await mkdir(this.dir, { recursive: true });
      let text = '';
      try {
        text = await readFile(join(this.dir, `${hour}.jsonl`), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const ids = new Set<string>();
      for (const entry of parseLines(text)) if (entry.id !== undefined) ids.add(entry.id);
      partition = { ids, needsNewline: text.length > 0 && !text.endsWith('\n') };
    }
    this.partitions.delete(hour);
    this.partitions.set(hour, partition);
    for (const old of this.partitions.keys()) {
      if (this.partitions.size <= OPEN_PARTITIONS) break;
      this.partitions.delete(old);
    }
    return partition;
  }

  /** Partition file names, oldest first (an hour's older `.json` before its `.jsonl`). */
  private async files(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names.filter((name) => PARTITION.test(name)).sort();
  }

  private async read(name: string): Promise<AuditEntry[]> {
    const path = join(this.dir, name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(`cannot read audit partition ${path}: ${(error as Error).message}`, { cause: error });
    }
    if (name.endsWith('.jsonl')) return parseLines(text);
    try {
      return (JSON.parse(text) as { entries: AuditEntry[] }).entries;
    } catch (error) {
      throw new Error(`cannot read audit partition ${path}: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** The entries of a JSON-lines file; a line that does not parse (torn by a crash mid-write) is skipped. */
function parseLines(text: string): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as AuditEntry;
      if (entry && typeof entry === 'object' && typeof entry.action === 'string') entries.push(entry);
    } catch {
      // a torn line: the append it belonged to never resolved, so nobody was told it was logged
    }
  }
  return entries;
}

/** The UTC hour of an ISO 8601 timestamp (`2026-11-21T09`). */
function hourOf(at: string): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) throw new Error(`audit entry has an invalid timestamp: ${JSON.stringify(at)}`);
  return new Date(time).toISOString().slice(0, 13);
}
