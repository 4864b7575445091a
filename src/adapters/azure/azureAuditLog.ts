import type { AppendBlobClient, ContainerClient } from '@azure/storage-blob';
import type { AuditEntry, AuditLog } from '../../ports/auditLog.js';
import { readAll } from './azureDirectoryOverlayStore.js';
import { statusOf, type AzureStorage } from './azureStorage.js';

const BLOB = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{5})\.jsonl$/;

/**
 * {@link AuditLog} in append blobs, one per UTC hour of the entry's `at` (`<prefix>-audit/2026-11-21T09-00000.jsonl`),
 * one JSON line per entry. An append is one Append Block call: atomic, and safe from any number of instances at once
 * (the service orders them). An append blob takes 50,000 blocks; a busier hour continues in `-00001` and so on.
 * Order is by hour, then by append within the hour.
 */
export class AzureAuditLog implements AuditLog {
  /** Per hour, the part appended to now and whether this process knows it exists. */
  private readonly parts = new Map<string, { part: number; created: boolean }>();

  private constructor(private readonly container: ContainerClient) {}

  static open(storage: AzureStorage): AzureAuditLog {
    return new AzureAuditLog(storage.container('audit'));
  }

  async append(entry: AuditEntry): Promise<void> {
    const hour = hourOf(entry.at);
    const line = `${JSON.stringify(entry)}\n`;
    for (;;) {
      let state = this.parts.get(hour);
      if (!state) this.parts.set(hour, (state = { part: 0, created: false }));
      if (this.parts.size > 4) this.parts.delete(this.parts.keys().next().value!);
      const blob = this.blob(hour, state.part);
      if (!state.created) {
        await blob.createIfNotExists({ blobHTTPHeaders: { blobContentType: 'application/x-ndjson' } });
        state.created = true;
      }
      try {
        await blob.appendBlock(line, Buffer.byteLength(line));
        return;
      } catch (error) {
        if (!isFull(error)) throw error;
        state.part += 1;
        state.created = false;
      }
    }
  }

  async tail(n: number): Promise<AuditEntry[]> {
    if (n <= 0) return [];
    const collected: AuditEntry[][] = [];
    let count = 0;
    for (const name of (await this.names()).reverse()) {
      const entries = await this.read(name);
      collected.unshift(entries.slice(-(n - count)));
      count += collected[0].length;
      if (count >= n) break;
    }
    return collected.flat();
  }

  async *all(): AsyncIterable<AuditEntry> {
    for (const name of await this.names()) yield* await this.read(name);
  }

  private blob(hour: string, part: number): AppendBlobClient {
    return this.container.getAppendBlobClient(`${hour}-${String(part).padStart(5, '0')}.jsonl`);
  }

  private async names(): Promise<string[]> {
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat()) if (BLOB.test(blob.name)) names.push(blob.name);
    return names.sort();
  }

  private async read(name: string): Promise<AuditEntry[]> {
    const text = (await readAll((await this.container.getAppendBlobClient(name).download()).readableStreamBody)).toString('utf8');
    return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as AuditEntry);
  }
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
