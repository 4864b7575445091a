import { normaliseDomain } from '../../policy/index.js';
import type { DirectoryGroup, DirectoryUser } from '../../policy/tenantModel.js';
import type { AuditLog } from '../../ports/auditLog.js';
import type { Directory } from '../../ports/directory.js';
import type { UserProfile } from '../shared/identifyUser.js';
import { guestState, type GuestState } from './listGuests.js';

const DAY = 86_400_000;

/** The guests an admin asked for: all, pending invitations, stale accounts, or one domain's. */
export type TenantGuestFilter =
  { kind: 'all' } | { kind: 'pending' } | { kind: 'stale' } | { kind: 'domain'; domain: string };

/** One guest of the tenant as lists, cards and the CSV export show them (raw text: escape before display). */
export interface TenantGuestRow {
  readonly id: string;
  readonly displayName: string;
  /** Mail, or the userPrincipalName when the guest has no mail. */
  readonly mail: string;
  readonly domain: string;
  readonly state: GuestState;
  readonly accountEnabled: boolean;
  /** When the account was created (invited), if the directory says. */
  readonly invitedAt?: string;
  /** Who invited: the directory's sponsor, else who the audit log says invited them. */
  readonly invitedById?: string;
  readonly invitedByName?: string;
  readonly groups: readonly { id: string; displayName: string }[];
  /** null: never signed in; undefined: the directory doesn't say. */
  readonly lastSignIn: string | null | undefined;
  readonly stale: boolean;
}

export type TenantGuestsOutcome =
  | { kind: 'forbidden' }
  | { kind: 'invalidDomain'; domain: string }
  | {
      kind: 'guests';
      filter: TenantGuestFilter;
      rows: TenantGuestRow[];
      total: number;
      offset: number;
      pageSize: number;
    };

export const GUESTS_PAGE_SIZE = 20;

/**
 * Stale: signed in last more than `staleDays` ago, or never signed in since an invitation older than that. A guest
 * whose sign-ins the directory doesn't report is never called stale.
 */
export function isStale(
  user: Pick<DirectoryUser, 'signInActivity' | 'createdDateTime'>,
  now: Date,
  staleDays: number,
): boolean {
  const activity = user.signInActivity;
  if (!activity) return false;
  const since = activity.lastSignInDateTime ?? user.createdDateTime;
  if (!since) return false;
  return now.getTime() - Date.parse(since) > staleDays * DAY;
}

/** Who invited each guest, by the audit log: the actor of the first `guest.added` entry that sent an invitation. */
export async function invitersFromAudit(audit: AuditLog): Promise<Map<string, { by: string; at: string }>> {
  const inviters = new Map<string, { by: string; at: string }>();
  for await (const e of audit.all()) {
    const guestId = e.details?.guestUserId;
    if (
      e.action === 'guest.added' &&
      e.details?.invited === true &&
      typeof guestId === 'string' &&
      !inviters.has(guestId)
    ) {
      inviters.set(guestId, { by: e.actorId, at: e.at });
    }
  }
  return inviters;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** Every guest of the tenant with state, inviter, groups and sign-in, sorted by name. */
export async function tenantGuestRows(
  deps: { directory: Directory; audit: AuditLog },
  now: Date,
  staleDays: number,
): Promise<TenantGuestRow[]> {
  const [guests, groups, inviters] = await Promise.all([
    deps.directory.listGuests(),
    deps.directory.listGroups(),
    invitersFromAudit(deps.audit),
  ]);
  const groupsOf = new Map<string, DirectoryGroup[]>();
  for (const group of groups) {
    for (const id of new Set([...group.owners, ...group.members].map((m) => m.toLowerCase()))) {
      const list = groupsOf.get(id) ?? [];
      list.push(group);
      groupsOf.set(id, list);
    }
  }
  const names = new Map<string, string | undefined>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await deps.directory.getUser(id))?.displayName);
    return names.get(id);
  };
  const rows: TenantGuestRow[] = [];
  for (const user of guests) {
    const mail = user.mail ?? user.userPrincipalName;
    const invitedById = user.sponsors?.[0] ?? inviters.get(user.id)?.by;
    const invitedByName = invitedById ? await nameOf(invitedById) : undefined;
    const invitedAt = user.createdDateTime ?? inviters.get(user.id)?.at;
    rows.push({
      id: user.id,
      displayName: user.displayName,
      mail,
      domain: domainOf(mail),
      state: guestState(user),
      accountEnabled: user.accountEnabled,
      ...(invitedAt ? { invitedAt } : {}),
      ...(invitedById ? { invitedById } : {}),
      ...(invitedByName !== undefined ? { invitedByName } : {}),
      groups: (groupsOf.get(user.id.toLowerCase()) ?? [])
        .map((g) => ({ id: g.id, displayName: g.displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      lastSignIn:
        user.signInActivity === undefined || user.signInActivity === null
          ? undefined
          : user.signInActivity.lastSignInDateTime,
      stale: isStale(user, now, staleDays),
    });
  }
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

function matches(row: TenantGuestRow, filter: TenantGuestFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'pending':
      return row.state === 'pendingAcceptance';
    case 'stale':
      return row.stale;
    case 'domain':
      return row.domain === filter.domain || row.domain.endsWith(`.${filter.domain}`);
  }
}

/** "guests" without a group, admins only: the tenant's guests, filtered, one page at a time. */
export async function listTenantGuests(
  deps: { directory: Directory; audit: AuditLog; clock: { now(): Date }; staleDays: number },
  actor: UserProfile,
  filter: TenantGuestFilter,
  offset = 0,
): Promise<TenantGuestsOutcome> {
  if (!actor.isAdmin) return { kind: 'forbidden' };
  let wanted = filter;
  if (filter.kind === 'domain') {
    const domain = normaliseDomain(filter.domain.replace(/^@/, ''));
    if (!domain) return { kind: 'invalidDomain', domain: filter.domain };
    wanted = { kind: 'domain', domain };
  }
  const all = (await tenantGuestRows(deps, deps.clock.now(), deps.staleDays)).filter((r) => matches(r, wanted));
  const start = Number.isInteger(offset) && offset > 0 && offset < all.length ? offset : 0;
  return {
    kind: 'guests',
    filter: wanted,
    rows: all.slice(start, start + GUESTS_PAGE_SIZE),
    total: all.length,
    offset: start,
    pageSize: GUESTS_PAGE_SIZE,
  };
}
