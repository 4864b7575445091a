import type { AppendBlobClient, ContainerClient } from '@azure/storage-blob';
import type { AuditEntry, AuditLog } from '../../ports/auditLog.js';
import { readAll } from './azureDirectoryOverlayStore.js';
import { statusOf, type AzureStorage } from './azureStorage.js';

const BLOB = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{5})\.jsonl$/;
/** Hours whose ids this process keeps in memory (now, the previous one, and late relays). */
const CACHED_HOURS = 4;

/** What this process has read of one hour's blobs: the part appended to now, how far it has read it, the ids seen. */
interface HourState {
  part: number;
  /** Bytes of `part` read so far; always the end of a block, so reading on from here gives whole lines. */
  read: number;
  exists: boolean;
  ids: Set<string>;
}

/**
 * {@link AuditLog} in append blobs, one per UTC hour of the entry's `at` (`<prefix>-audit/2026-11-21T09-00000.jsonl`),
 * one JSON line per entry, each line one Append Block (atomic). An append blob takes 50,000 blocks; a busier hour
 * continues in `-00001` and so on. Order is by hour, then by append within the hour.
 *
 * Idempotent by entry id across instances: before appending, the process reads what was appended to that hour since
 * it last looked (a ranged read of the new bytes only), and appends with an append-position condition equal to the
 * length it has read, so an append by anyone in between fails (412), is read, and the id is checked again. An entry
 * is therefore written once however many instances relay it. Each append costs one small read and one append.
 */
export class AzureAuditLog implements AuditLog {
  private readonly hours = new Map<string, HourState>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly container: ContainerClient) {}

  static open(storage: AzureStorage): AzureAuditLog {
    return new AzureAuditLog(storage.container('audit'));
  }

  async append(entry: AuditEntry): Promise<void> {
    const hour = hourOf(entry.at); // checked before queueing: a bad timestamp is the caller's bug
    const line = `${JSON.stringify(entry)}\n`;
    // One append at a time in this process: they would only make each other's position conditions fail.
    const run = () => this.appendLine(hour, line, entry.id);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    await result;
  }

  async tail(n: number): Promise<AuditEntry[]> {
    if (n <= 0) return [];
    const collected: AuditEntry[][] = [];
    let count = 0;
    for (const name of (await this.names()).reverse()) {
      const entries = parse(await this.download(this.container.getAppendBlobClient(name)));
      collected.unshift(entries.slice(-(n - count)));
      count += collected[0].length;
      if (count >= n) break;
    }
    return collected.flat();
  }

  async *all(): AsyncIterable<AuditEntry> {
    for (const name of await this.names()) yield* parse(await this.download(this.container.getAppendBlobClient(name)));
  }

  private async appendLine(hour: string, line: string, id: string | undefined): Promise<void> {
    const state = this.hour(hour);
    for (;;) {
      const blob = this.blob(hour, state.part);
      await this.catchUp(blob, state);
      if (id !== undefined && state.ids.has(id)) return;
      try {
        if (!state.exists) {
          await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
          state.exists = true;
        }
        await blob.appendBlock(line, Buffer.byteLength(line), { conditions: { appendPosition: state.read } });
        state.read += Buffer.byteLength(line);
        if (id !== undefined) state.ids.add(id);
        return;
      } catch (error) {
        if (isFull(error)) {
          state.part += 1;
          state.read = 0;
          state.exists = false;
        } else if (statusOf(error) !== 412) throw error; // 412: someone appended meanwhile; read it and try again
      }
    }
  }

  /** Reads what was appended to `blob` since `state.read` and remembers the ids in it. */
  private async catchUp(blob: AppendBlobClient, state: HourState): Promise<void> {
    let text: string;
    try {
      const response = await blob.download(state.read);
      text = (await readAll(response.readableStreamBody)).toString('utf8');
      state.exists = true;
    } catch (error) {
      // 404: not created yet; 416: nothing new past our position.
      if (statusOf(error) === 404) return;
      if (statusOf(error) === 416) return;
      throw error;
    }
    state.read += Buffer.byteLength(text);
    for (const entry of parse(text)) if (entry.id !== undefined) state.ids.add(entry.id);
  }

  private hour(hour: string): HourState {
    let state = this.hours.get(hour);
    if (!state) {
      this.hours.set(hour, (state = { part: 0, read: 0, exists: false, ids: new Set() }));
      for (const key of [...this.hours.keys()].sort()) {
        if (this.hours.size <= CACHED_HOURS) break;
        if (key !== hour) this.hours.delete(key);
      }
    }
    return state;
  }

  private blob(hour: string, part: number): AppendBlobClient {
    return this.container.getAppendBlobClient(`${hour}-${String(part).padStart(5, '0')}.jsonl`);
  }

  private async names(): Promise<string[]> {
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat()) if (BLOB.test(blob.name)) names.push(blob.name);
    return names.sort();
  }

  private async download(blob: AppendBlobClient): Promise<string> {
    return (await readAll((await blob.download()).readableStreamBody)).toString('utf8');
  }
}

function parse(text: string): AuditEntry[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditEntry);
}

function isFull(error: unknown): boolean {
  return statusOf(error) === 409 && (error as { code?: string }).code === 'BlockCountExceedsLimit';
}

/** The UTC hour of an ISO 8601 timestamp (`2026-11-21T09`). */
function hourOf(at: string): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) throw new Error(`audit entry has an invalid timestamp: ${JSON.stringify(at)}`);
  return new Date(time).toISOString().slice(0, 13);
}
