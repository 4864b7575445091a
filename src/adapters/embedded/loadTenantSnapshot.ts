import { readFile } from 'node:fs/promises';
import type { TenantSnapshot } from '../../policy/tenantModel.js';
import type { SnapshotIssue } from './snapshotIssue.js';
import { validateTenantSnapshot } from './tenantSnapshotSchema.js';

/** The outcome of loading a snapshot file: the snapshot, or every problem found, each with its JSON path. */
export type LoadTenantSnapshotResult = { ok: true; snapshot: TenantSnapshot } | { ok: false; errors: SnapshotIssue[] };

/** Reads, parses and validates a tenant snapshot file. Never throws for a bad or missing file. */
export async function loadTenantSnapshot(path: string): Promise<LoadTenantSnapshotResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `cannot read ${path}: ${(error as Error).message}` }] };
  }
  return parseTenantSnapshot(text);
}

/** Parses and validates snapshot JSON text (the file's content). */
export function parseTenantSnapshot(text: string): LoadTenantSnapshotResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // editors on Windows may add a BOM
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: describeJsonError(text, error as Error) }] };
  }
  return validateTenantSnapshot(raw);
}

function describeJsonError(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message)?.[1];
  const unexpectedEnd = /end of (JSON|data) input/i.test(error.message);
  const offset = position !== undefined ? Number(position) : unexpectedEnd ? text.length : undefined;
  const reason = error.message.replace(/\s*in JSON at position \d+.*$/, '');
  if (offset === undefined) return `invalid JSON: ${reason}`;
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return `invalid JSON at line ${line}, column ${column} (position ${offset}): ${reason}`;
}
