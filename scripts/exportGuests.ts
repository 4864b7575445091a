/**
 * Writes the tenant's guests as CSV (RFC 4180, formula cells neutralised: the export-audit helpers) to stdout or to
 * `--out <file>`: the same rows an admin sees with `guests` in chat, every guest on one line.
 *
 * Usage: npm run export-guests [-- --out guests.csv]
 *
 * Reads the directory like the bot (TENANT_FILE and DATA_DIR's directory writes, or Microsoft Graph with
 * DIRECTORY=graph), DATA_DIR's audit log (who invited whom) and STALE_DAYS. It only reads, so it does not take the
 * DATA_DIR lock: the bot may be running.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { EmbeddedDirectory } from '../src/adapters/embedded/embeddedDirectory.js';
import { loadTenantSnapshot } from '../src/adapters/embedded/loadTenantSnapshot.js';
import { LowdbAuditLog } from '../src/adapters/lowdb/lowdbAuditLog.js';
import { LowdbDirectoryOverlayStore } from '../src/adapters/lowdb/lowdbDirectoryOverlayStore.js';
import { tenantGuestRows, type TenantGuestRow } from '../src/app/guests/tenantGuests.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { AuditLog } from '../src/ports/auditLog.js';
import type { Directory } from '../src/ports/directory.js';
import { csvRow } from './exportAudit.js';

export const GUEST_COLUMNS = [
  'id',
  'displayName',
  'mail',
  'domain',
  'state',
  'accountEnabled',
  'invitedAt',
  'invitedById',
  'invitedByName',
  'groups',
  'lastSignIn',
  'stale',
] as const;

const STATE: Record<TenantGuestRow['state'], string> = {
  accepted: 'Accepted',
  pendingAcceptance: 'PendingAcceptance',
  disabled: 'Disabled',
};

export function guestRow(row: TenantGuestRow): string {
  return csvRow([
    row.id,
    row.displayName,
    row.mail,
    row.domain,
    STATE[row.state],
    String(row.accountEnabled),
    row.invitedAt ?? '',
    row.invitedById ?? '',
    row.invitedByName ?? '',
    row.groups.map((g) => g.displayName).join('; '),
    // "never" and "unknown" differ: a guest who never signed in may be stale, one the directory says nothing of is not.
    row.lastSignIn === undefined ? 'unknown' : (row.lastSignIn ?? 'never'),
    String(row.stale),
  ]);
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes a header and every guest, by name. Resolves with the number of guests written. */
export async function exportGuests(
  deps: { directory: Directory; audit: AuditLog },
  now: Date,
  staleDays: number,
  out: Writable,
): Promise<number> {
  const rows = await tenantGuestRows(deps, now, staleDays);
  await write(out, csvRow(GUEST_COLUMNS));
  for (const row of rows) await write(out, guestRow(row));
  return rows.length;
}

async function main(): Promise<number> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(`Configuration is not valid:\n  - ${loaded.errors.join('\n  - ')}`);
    return 1;
  }
  const { config } = loaded;
  const outIndex = process.argv.indexOf('--out');
  const outPath = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  if (outIndex > 0 && !outPath) {
    console.error('Usage: npm run export-guests [-- --out <file.csv>]');
    return 1;
  }
  let directory: Directory;
  let done = async () => undefined as void;
  if (config.directory === 'graph' && config.graph) {
    // Loaded only for Graph: the composition root brings the whole bot with it.
    const { openGraph } = await import('../src/index.js');
    const opened = await openGraph(config, {}, createLogger(config.logLevel));
    if (!opened.ok) {
      console.error(opened.errors.join('\n'));
      return 1;
    }
    directory = opened.directory;
    done = () => opened.directory.close();
  } else {
    const snapshot = await loadTenantSnapshot(config.tenantFile);
    if (!snapshot.ok) {
      console.error(
        `${config.tenantFile} is not a valid tenant snapshot:\n  - ` +
          snapshot.errors.map((e) => `${e.path}: ${e.message}`).join('\n  - '),
      );
      return 1;
    }
    directory = await EmbeddedDirectory.open(snapshot.snapshot, {
      store: await LowdbDirectoryOverlayStore.open(config.dataDir, { readOnly: true }),
    });
  }
  const audit = await LowdbAuditLog.open(config.dataDir);
  const out = outPath ? createWriteStream(outPath) : process.stdout;
  const count = await exportGuests({ directory, audit }, new Date(), config.guests.staleDays, out).finally(done);
  if (outPath) {
    out.end();
    await once(out, 'finish');
    console.error(`${count} guests written to ${outPath}`);
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
