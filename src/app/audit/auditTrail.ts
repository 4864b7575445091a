import type { AuditEntry, AuditLog } from '../../ports/auditLog.js';
import type { Directory } from '../../ports/directory.js';
import type { UserProfile } from '../shared/identifyUser.js';

export const AUDIT_DEFAULT_COUNT = 10;
export const AUDIT_MAX_COUNT = 100;

/** One audit entry with ids turned into names where the directory knows them (raw text: escape before display). */
export interface AuditLine {
  readonly at: string;
  readonly actorId: string;
  /** Display name, "system", or undefined for someone no longer in the directory. */
  readonly actorName?: string;
  readonly action: string;
  readonly subjectId: string;
  /** The group's name when the subject is a group. */
  readonly subjectName?: string;
  readonly from?: string;
  readonly to?: string;
  /** The guest's name when the entry is about one guest. */
  readonly guestName?: string;
  /** The guest's address (admins read the audit; logs never carry it). */
  readonly guestMail?: string;
}

export type AuditTrailOutcome = { kind: 'forbidden' } | { kind: 'entries'; requested: number; lines: AuditLine[] };

/** "audit [n]": the last n entries (default 10, at most 100), newest first. Admins only. */
export async function auditTrail(
  deps: { audit: AuditLog; directory: Directory },
  actor: UserProfile,
  count: number | undefined,
): Promise<AuditTrailOutcome> {
  if (!actor.isAdmin) return { kind: 'forbidden' };
  const requested = Math.min(Math.max(count ?? AUDIT_DEFAULT_COUNT, 1), AUDIT_MAX_COUNT);
  const entries = (await deps.audit.tail(requested)).reverse();
  const names = new Map<string, string | undefined>();
  const userName = async (id: string) => {
    if (id === 'system') return 'system';
    if (!names.has(id)) names.set(id, (await deps.directory.getUser(id))?.displayName);
    return names.get(id);
  };
  const lines: AuditLine[] = [];
  for (const e of entries) lines.push(await describe(e, deps.directory, userName));
  return { kind: 'entries', requested, lines };
}

async function describe(
  e: AuditEntry,
  directory: Directory,
  userName: (id: string) => Promise<string | undefined>,
): Promise<AuditLine> {
  const group = e.subjectId.startsWith('R-') ? undefined : await directory.getGroup(e.subjectId);
  const guestId = typeof e.details?.guestUserId === 'string' ? e.details.guestUserId : undefined;
  const actorName = await userName(e.actorId);
  const guestName = guestId ? await userName(guestId) : undefined;
  const guestMail = guestId ? ((await directory.getUser(guestId))?.mail ?? undefined) : undefined;
  return {
    at: e.at,
    actorId: e.actorId,
    ...(actorName !== undefined ? { actorName } : {}),
    action: e.action,
    subjectId: e.subjectId,
    ...(group ? { subjectName: group.displayName } : {}),
    ...(e.from !== undefined ? { from: e.from } : {}),
    ...(e.to !== undefined ? { to: e.to } : {}),
    ...(guestName !== undefined ? { guestName } : {}),
    ...(guestMail ? { guestMail } : {}),
  };
}
