/**
 * Writes the audit log as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled) to stdout or to `--out <file>`. Cells that a spreadsheet would run as a formula (starting with = + - @,
 * tab or CR) get a leading apostrophe.
 *
 * Usage: npm run export-audit [-- --out audit.csv]
 *
 * Reads DATA_DIR (and TENANT_FILE, for display names) from the environment like the bot. It does not take the
 * DATA_DIR lock: the bot may be running, and the audit files are only read. With STORAGE=azure it reads the audit
 * blobs of the account the bot uses (AZURE_STORAGE_CONNECTION_STRING or account URL, AZURE_STORAGE_PREFIX).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { loadTenantSnapshot } from '../src/adapters/embedded/loadTenantSnapshot.js';
import { LowdbAuditLog } from '../src/adapters/lowdb/lowdbAuditLog.js';
import { loadConfig } from '../src/config.js';
import type { AuditEntry, AuditLog } from '../src/ports/auditLog.js';

export const CSV_COLUMNS = [
  'at',
  'actorId',
  'actorName',
  'action',
  'subjectId',
  'subjectName',
  'from',
  'to',
  'details',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: neutralised against formula injection, quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Display names for ids in the log; empty when unknown (guests invited later live only in the bot's overlay). */
export interface AuditNames {
  users: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
}

export function auditRow(entry: AuditEntry, names: AuditNames): string {
  return csvRow([
    entry.at,
    entry.actorId,
    entry.actorId === 'system' ? 'system' : (names.users.get(entry.actorId) ?? ''),
    entry.action,
    entry.subjectId,
    names.groups.get(entry.subjectId) ?? '',
    entry.from ?? '',
    entry.to ?? '',
    entry.details ? JSON.stringify(entry.details) : '',
  ]);
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Streams every entry, oldest first, under a header row. Resolves with the number of entries written. */
export async function exportAudit(source: string | AuditLog, names: AuditNames, out: Writable): Promise<number> {
  const log = typeof source === 'string' ? await LowdbAuditLog.open(source) : source;
  await write(out, csvRow(CSV_COLUMNS));
  let count = 0;
  for await (const entry of log.all()) {
    await write(out, auditRow(entry, names));
    count += 1;
  }
  return count;
}

/** Names from the tenant file; none when it can't be read (the export must not depend on it). */
export async function namesFromTenantFile(path: string): Promise<AuditNames> {
  const loaded = await loadTenantSnapshot(path).catch(() => undefined);
  if (!loaded?.ok) return { users: new Map(), groups: new Map() };
  return {
    users: new Map(loaded.snapshot.users.map((u) => [u.id, u.displayName])),
    groups: new Map(loaded.snapshot.groups.map((g) => [g.id, g.displayName])),
  };
}

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(`Configuration is not valid:\n  - ${loaded.errors.join('\n  - ')}`);
    return 1;
  }
  const outIndex = process.argv.indexOf('--out');
  const outPath = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  if (outIndex > 0 && !outPath) {
    console.error('Usage: npm run export-audit [-- --out <file.csv>]');
    return 1;
  }
  const names = await namesFromTenantFile(loaded.config.tenantFile);
  const out = outPath ? createWriteStream(outPath) : process.stdout;
  const { storage } = loaded.config;
  let source: string | AuditLog = loaded.config.dataDir;
  if (storage.kind === 'azure') {
    const { AzureStorage } = await import('../src/adapters/azure/azureStorage.js');
    const { AzureAuditLog } = await import('../src/adapters/azure/azureAuditLog.js');
    const identity = storage.connectionString ? undefined : await import('@azure/identity');
    const credential = identity && new identity.DefaultAzureCredential();
    source = AzureAuditLog.open(await AzureStorage.open({ ...storage, credential }));
  }
  const count = await exportAudit(source, names, out);
  if (outPath) {
    out.end();
    await once(out, 'finish');
    console.error(`${count} audit entries written to ${outPath}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
