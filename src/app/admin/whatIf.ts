import {
  compilePolicy,
  evaluateGuest,
  groupProfile,
  normaliseDomain,
  type GuestAccess,
  type PolicyContext,
  type ReasonCode,
  type Verdict,
} from '../../policy/index.js';
import { findSetting, parseBool, settingValue } from '../../policy/settingValues.js';
import {
  ALLOW_INVITES_FROM_VALUES,
  SHARING_CAPABILITY_VALUES,
  TEMPLATE_GROUP_UNIFIED,
  TEMPLATE_GROUP_UNIFIED_GUEST,
  type AccessType,
  type AllowInvitesFrom,
  type DirectorySetting,
  type SharingCapability,
  type TenantSnapshot,
} from '../../policy/tenantModel.js';
import type { Directory } from '../../ports/directory.js';
import type { RequestStore } from '../../ports/requestStore.js';
import { findGroup } from '../shared/findGroup.js';
import type { UserProfile } from '../shared/identifyUser.js';
import type { PolicyCache } from '../shared/policyCache.js';

/** One hypothetical change to the tenant's settings, as an admin typed it after `whatif`. */
export type WhatIfChange =
  | { kind: 'groupsOrg'; name: 'AllowToAddGuests' | 'AllowGuestsToAccessGroups' | 'EnableMIPLabels'; value: boolean }
  | { kind: 'allowInvitesFrom'; value: AllowInvitesFrom }
  | { kind: 'domains'; list: 'AllowedDomains' | 'BlockedDomains'; edits: { op: '+' | '-'; domain: string }[] }
  | { kind: 'crossTenant'; target: string /* 'default' or a partner tenant id */; value: AccessType }
  | { kind: 'sharingCapability'; value: SharingCapability }
  | { kind: 'teamsGuests'; value: boolean }
  | { kind: 'groupGuests'; group: string; value: 'true' | 'false' | 'inherit' }
  | { kind: 'labelGuests'; label: string; value: boolean };

/** What the admin can write after `whatif`: command syntax, the same in every language. */
export const WHATIF_SYNTAX: readonly string[] = [
  'AllowToAddGuests true|false',
  'AllowGuestsToAccessGroups true|false',
  'EnableMIPLabels true|false',
  'allowInvitesFrom none|adminsAndGuestInviters|adminsGuestInvitersAndAllMembers|everyone',
  'blockedDomains +domain|-domain …',
  'allowedDomains +domain|-domain …',
  'crossTenant default|<tenant> allowed|blocked',
  'sharingCapability disabled|existingExternalUserSharingOnly|externalUserSharingOnly|externalUserAndGuestSharing',
  'teams allowGuestUser true|false',
  'group <group> AllowToAddGuests true|false|inherit',
  'label <label> allowGuests true|false',
];

export type WhatIfParse =
  | { ok: true; change: WhatIfChange }
  /** `setting` is known but `value` is not one of `expected`; without `setting`, the setting itself is unknown. */
  | { ok: false; setting?: string; value?: string; expected?: string };

const INVITES = ALLOW_INVITES_FROM_VALUES;
const SHARING = SHARING_CAPABILITY_VALUES;

// English and Dutch words people use for on and off.
const TRUE_WORDS = new Set(['true', 'on', 'yes', 'waar', 'aan', 'ja']);
const FALSE_WORDS = new Set(['false', 'off', 'no', 'onwaar', 'uit', 'nee']);

function bool(value: string | undefined): boolean | undefined {
  const v = value?.toLowerCase();
  if (v === undefined) return undefined;
  return TRUE_WORDS.has(v) ? true : FALSE_WORDS.has(v) ? false : undefined;
}

function oneOf<T extends string>(value: string | undefined, options: readonly T[]): T | undefined {
  const v = value?.toLowerCase();
  return options.find((o) => o.toLowerCase() === v);
}

function access(value: string | undefined): AccessType | undefined {
  const v = value?.toLowerCase();
  if (v === 'allowed' || v === 'allow' || v === 'toegestaan') return 'allowed';
  if (v === 'blocked' || v === 'block' || v === 'geblokkeerd') return 'blocked';
  return undefined;
}

/** `Group.Unified.AllowToAddGuests` and `AllowToAddGuests` name the same setting. */
function settingKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/^group\.unified\./, '')
    .replace(/^sharepoint\./, '')
    .replace(/^teams\./, '');
}

/** Reads `<setting> <value>` (split on spaces, as the command parser delivers it). Names compare case-insensitively. */
export function parseWhatIf(args: readonly string[]): WhatIfParse {
  const words = args.filter((w) => w.length > 0);
  if (words.length === 0) return { ok: false };
  const [first, ...rest] = words;
  const key = settingKey(first);
  const value = rest[0];
  const bad = (setting: string, expected: string): WhatIfParse => ({
    ok: false,
    setting,
    value: rest.join(' '),
    expected,
  });

  switch (key) {
    case 'allowtoaddguests':
    case 'allowgueststoaccessgroups':
    case 'enablemiplabels': {
      const name =
        key === 'allowtoaddguests'
          ? 'AllowToAddGuests'
          : key === 'enablemiplabels'
            ? 'EnableMIPLabels'
            : 'AllowGuestsToAccessGroups';
      const b = bool(value);
      return b === undefined || rest.length !== 1
        ? bad(name, 'true|false')
        : { ok: true, change: { kind: 'groupsOrg', name, value: b } };
    }
    case 'allowinvitesfrom': {
      const v = oneOf(value, INVITES);
      return v === undefined || rest.length !== 1
        ? bad('allowInvitesFrom', INVITES.join('|'))
        : { ok: true, change: { kind: 'allowInvitesFrom', value: v } };
    }
    case 'blockeddomains':
    case 'alloweddomains': {
      const list = key === 'blockeddomains' ? 'BlockedDomains' : 'AllowedDomains';
      const edits: { op: '+' | '-'; domain: string }[] = [];
      for (const word of rest.flatMap((w) => w.split(',')).filter(Boolean)) {
        const op = word[0] === '+' ? '+' : word[0] === '-' || word[0] === '−' ? '-' : undefined;
        const domain = op ? normaliseDomain(word.slice(1).replace(/^@/, '')) : undefined;
        if (!op || !domain) return bad(list, '+domain|-domain');
        edits.push({ op, domain });
      }
      return edits.length === 0 ? bad(list, '+domain|-domain') : { ok: true, change: { kind: 'domains', list, edits } };
    }
    case 'crosstenant': {
      const v = access(rest.at(-1));
      const target = rest.slice(0, -1).join(' ');
      if (v === undefined || !target) return bad('crossTenant', 'default|<tenant> allowed|blocked');
      return {
        ok: true,
        change: { kind: 'crossTenant', target: target.toLowerCase() === 'default' ? 'default' : target, value: v },
      };
    }
    case 'sharingcapability': {
      const v = oneOf(value, SHARING);
      return v === undefined || rest.length !== 1
        ? bad('sharingCapability', SHARING.join('|'))
        : { ok: true, change: { kind: 'sharingCapability', value: v } };
    }
    case 'teams':
    case 'allowguestuser': {
      const valueWords =
        key === 'teams' && rest[0] && settingKey(rest[0]) === 'allowguestuser'
          ? rest.slice(1)
          : key === 'teams'
            ? []
            : rest;
      const b = bool(valueWords[0]);
      return b === undefined || valueWords.length !== 1
        ? bad('teams allowGuestUser', 'true|false')
        : { ok: true, change: { kind: 'teamsGuests', value: b } };
    }
    case 'group':
    case 'groep': {
      // group <name, possibly several words> AllowToAddGuests <value>
      const v = rest.at(-1)?.toLowerCase();
      const setting = rest.at(-2);
      const name = rest.slice(0, -2).join(' ');
      const parsed =
        v === 'inherit' || v === 'default' ? 'inherit' : bool(v) === undefined ? undefined : bool(v) ? 'true' : 'false';
      if (!name || !setting || settingKey(setting) !== 'allowtoaddguests' || parsed === undefined)
        return bad('group', '<group> AllowToAddGuests true|false|inherit');
      return { ok: true, change: { kind: 'groupGuests', group: name, value: parsed } };
    }
    case 'label': {
      const b = bool(rest.at(-1));
      const setting = rest.at(-2);
      const name = rest.slice(0, -2).join(' ');
      if (!name || !setting || setting.toLowerCase() !== 'allowguests' || b === undefined)
        return bad('label', '<label> allowGuests true|false');
      return { ok: true, change: { kind: 'labelGuests', label: name, value: b } };
    }
    default:
      return { ok: false };
  }
}

/** The change as a reader sees it: the Graph setting, its value now and the hypothetical one (language-neutral). */
export interface ChangeSummary {
  readonly setting: string;
  readonly from: string;
  readonly to: string;
  /** The group, label or tenant the setting belongs to. */
  readonly subject?: string;
  /** Editing one Entra domain list replaces the other (Entra keeps one at a time). */
  readonly replacesOtherList?: boolean;
}

export type ApplyOutcome =
  | { ok: true; snapshot: TenantSnapshot; summary: ChangeSummary }
  | { ok: false; notFound: 'group' | 'label' | 'tenant'; query: string; suggestions: string[] };

const list = (values: readonly string[] | undefined) => `[${(values ?? []).join(', ')}]`;

function setValue(setting: DirectorySetting, name: string, value: string | undefined): void {
  const wanted = name.toLowerCase();
  setting.values = setting.values.filter((v) => v.name.toLowerCase() !== wanted);
  if (value !== undefined) setting.values.push({ name, value });
}

/**
 * A copy of `snapshot` whose settings may be changed. Users and groups are shared, not copied (a large tenant's
 * copy would take seconds): the users are never changed, and a group is copied on its own before it is changed.
 */
function settingsCopy(snapshot: TenantSnapshot): TenantSnapshot {
  const { users, groups, ...settings } = snapshot;
  return { ...structuredClone(settings), users, groups: [...groups] };
}

/** Applies the change to a copy of `snapshot` (which may be frozen); the original is never touched. */
export function applyWhatIf(snapshot: TenantSnapshot, change: WhatIfChange): ApplyOutcome {
  const next = settingsCopy(snapshot);
  switch (change.kind) {
    case 'groupsOrg': {
      let setting = findSetting(next.groupSettings, TEMPLATE_GROUP_UNIFIED, 'Group.Unified');
      // Absent or unreadable means Microsoft's default: only EnableMIPLabels defaults to false.
      const from = parseBool(settingValue(setting, change.name)) ?? change.name !== 'EnableMIPLabels';
      if (!setting) {
        setting = { templateId: TEMPLATE_GROUP_UNIFIED, displayName: 'Group.Unified', values: [] };
        next.groupSettings = [...(next.groupSettings ?? []), setting];
      }
      setValue(setting, change.name, String(change.value));
      return {
        ok: true,
        snapshot: next,
        summary: { setting: `Group.Unified.${change.name}`, from: String(from), to: String(change.value) },
      };
    }
    case 'allowInvitesFrom': {
      const from = next.authorizationPolicy.allowInvitesFrom;
      next.authorizationPolicy.allowInvitesFrom = change.value;
      return {
        ok: true,
        snapshot: next,
        summary: { setting: 'authorizationPolicy.allowInvitesFrom', from, to: change.value },
      };
    }
    case 'domains': {
      const policy = next.b2bManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy ?? {};
      const other = change.list === 'AllowedDomains' ? 'BlockedDomains' : 'AllowedDomains';
      const current = policy[change.list] ?? [];
      const otherInUse = Array.isArray(policy[other]) && (other === 'AllowedDomains' || policy[other].length > 0);
      let values = [...current];
      for (const edit of change.edits) {
        const same = (entry: string) => normaliseDomain(entry.replace(/^@/, '')) === edit.domain;
        if (edit.op === '+' && !values.some(same)) values.push(edit.domain);
        if (edit.op === '-') values = values.filter((entry) => !same(entry));
      }
      // Entra keeps either an allow list or a block list: writing one replaces the other.
      next.b2bManagementPolicy = { InvitationsAllowedAndBlockedDomainsPolicy: { [change.list]: values } };
      const changed = otherInUse || list(values) !== list(current);
      return {
        ok: true,
        snapshot: next,
        summary: {
          setting: `InvitationsAllowedAndBlockedDomainsPolicy.${change.list}`,
          from: otherInUse ? `${other} ${list(policy[other])}` : list(current),
          to: changed ? list(values) : list(current),
          ...(otherInUse ? { replacesOtherList: true } : {}),
        },
      };
    }
    case 'crossTenant': {
      const policy = next.crossTenantAccessPolicy;
      if (change.target === 'default') {
        const from = policy.default.b2bCollaborationInbound.usersAndGroups.accessType;
        policy.default = { b2bCollaborationInbound: { usersAndGroups: { accessType: change.value } } };
        return {
          ok: true,
          snapshot: next,
          summary: { setting: 'crossTenantAccessPolicy.default', from, to: change.value },
        };
      }
      const tenant = findTenant(next, change.target);
      if (!tenant) {
        const suggestions = (next.externalTenants ?? []).map((t) => t.displayName);
        return { ok: false, notFound: 'tenant', query: change.target, suggestions };
      }
      const id = tenant.tenantId.toLowerCase();
      const existing = policy.partners.find((p) => p.tenantId.toLowerCase() === id);
      const from =
        existing?.b2bCollaborationInbound.usersAndGroups.accessType ??
        `${policy.default.b2bCollaborationInbound.usersAndGroups.accessType} (default)`;
      const entry = {
        tenantId: tenant.tenantId,
        b2bCollaborationInbound: { usersAndGroups: { accessType: change.value } },
      };
      policy.partners = existing
        ? policy.partners.map((p) => (p === existing ? entry : p))
        : [...policy.partners, entry];
      return {
        ok: true,
        snapshot: next,
        summary: { setting: 'crossTenantAccessPolicy.partners', from, to: change.value, subject: tenant.displayName },
      };
    }
    case 'sharingCapability': {
      const from = next.sharePoint.sharingCapability;
      next.sharePoint.sharingCapability = change.value;
      return { ok: true, snapshot: next, summary: { setting: 'sharePoint.sharingCapability', from, to: change.value } };
    }
    case 'teamsGuests': {
      // No Graph API for it: the snapshot may not say, and then "before" is unknown rather than the default.
      const known = next.teams?.allowGuestUser;
      next.teams = { allowGuestUser: change.value };
      const from = known === undefined ? 'unknown' : String(known);
      const summary = { setting: 'CsTeamsClientConfiguration.AllowGuestUser', from, to: String(change.value) };
      return { ok: true, snapshot: next, summary };
    }
    case 'groupGuests': {
      const match = findGroup(change.group, next.groups);
      if (match.kind !== 'found') {
        const names = match.kind === 'ambiguous' ? match.candidates : match.suggestions;
        return { ok: false, notFound: 'group', query: change.group, suggestions: names.map((g) => g.displayName) };
      }
      const group = structuredClone(match.group);
      next.groups[next.groups.indexOf(match.group)] = group;
      let setting = findSetting(group.settings, TEMPLATE_GROUP_UNIFIED_GUEST, 'Group.Unified.Guest');
      const from = settingValue(setting, 'AllowToAddGuests')?.trim().toLowerCase() ?? 'inherit';
      if (!setting) {
        setting = { templateId: TEMPLATE_GROUP_UNIFIED_GUEST, displayName: 'Group.Unified.Guest', values: [] };
        group.settings = [...(group.settings ?? []), setting];
      }
      setValue(setting, 'AllowToAddGuests', change.value === 'inherit' ? undefined : change.value);
      return {
        ok: true,
        snapshot: next,
        summary: {
          setting: 'Group.Unified.Guest.AllowToAddGuests',
          from,
          to: change.value,
          subject: group.displayName,
        },
      };
    }
    case 'labelGuests': {
      const wanted = change.label.trim().toLowerCase();
      const label = next.sensitivityLabels.find(
        (l) => l.displayName.toLowerCase() === wanted || l.id.toLowerCase() === wanted,
      );
      if (!label)
        return {
          ok: false,
          notFound: 'label',
          query: change.label,
          suggestions: next.sensitivityLabels.map((l) => l.displayName),
        };
      const from = label.allowGuests === undefined ? 'unknown' : String(label.allowGuests);
      label.allowGuests = change.value;
      const summary = { setting: 'allowGuests', from, to: String(change.value), subject: label.displayName };
      return { ok: true, snapshot: next, summary };
    }
  }
}

function findTenant(snapshot: TenantSnapshot, query: string) {
  const q = query.trim().toLowerCase();
  const tenants = snapshot.externalTenants ?? [];
  return (
    tenants.find(
      (t) =>
        t.tenantId.toLowerCase() === q ||
        t.displayName.toLowerCase() === q ||
        t.domains.some((d) => d.toLowerCase() === q),
    ) ??
    (q.length >= 3 ? tenants.filter((t) => t.displayName.toLowerCase().startsWith(q)) : []).find(
      (_, __, all) => all.length === 1,
    )
  );
}

export type Workload = 'groupContent' | 'team' | 'site';

/** A group whose answer for a new guest (or what guests can use) would change. */
export interface GroupDifference {
  readonly groupId: string;
  readonly displayName: string;
  readonly before: Verdict;
  readonly after: Verdict;
  /** What would block a new guest afterwards (empty unless `after` is blocked). */
  readonly blockersAfter: readonly ReasonCode[];
  readonly access: readonly { workload: Workload; before: GuestAccess[Workload]; after: GuestAccess[Workload] }[];
}

/** A guest of a pending request whose answer would change. */
export interface RequestDifference {
  readonly requestId: string;
  readonly groupId: string;
  readonly displayName: string;
  readonly guestEmail: string;
  readonly before: Verdict;
  readonly after: Verdict;
  readonly blockersAfter: readonly ReasonCode[];
}

export interface WhatIfDifferences {
  readonly groups: readonly GroupDifference[];
  readonly requests: readonly RequestDifference[];
  /** How many groups and pending guests were compared. */
  readonly groupsCompared: number;
  readonly guestsCompared: number;
}

/** A pending request, reduced to what the comparison needs. */
export interface PendingRequest {
  readonly id: string;
  readonly groupId: string;
  readonly requesterId: string;
  readonly guests: readonly { email: string; added?: boolean }[];
}

const WORKLOADS: readonly Workload[] = ['groupContent', 'team', 'site'];

/** Every group's verdict for a new guest and every pending guest's decision, before and after. */
export function compareSettings(
  before: PolicyContext,
  after: PolicyContext,
  pending: readonly PendingRequest[],
): WhatIfDifferences {
  const groups: GroupDifference[] = [];
  for (const group of before.snapshot.groups) {
    const a = groupProfile(before, group.id);
    const b = groupProfile(after, group.id);
    if (!a || !b) continue;
    const accessChanges = WORKLOADS.filter((w) => a.newGuest.access[w] !== b.newGuest.access[w]).map((w) => ({
      workload: w,
      before: a.newGuest.access[w],
      after: b.newGuest.access[w],
    }));
    if (a.newGuest.verdict === b.newGuest.verdict && accessChanges.length === 0) continue;
    groups.push({
      groupId: group.id,
      displayName: group.displayName,
      before: a.newGuest.verdict,
      after: b.newGuest.verdict,
      blockersAfter: b.newGuest.blockers.map((x) => x.code),
      access: accessChanges,
    });
  }
  const requests: RequestDifference[] = [];
  let guestsCompared = 0;
  for (const request of pending) {
    for (const guest of request.guests) {
      if (guest.added) continue;
      guestsCompared += 1;
      const input = { groupId: request.groupId, requesterId: request.requesterId, guestEmail: guest.email };
      const a = evaluateGuest(before, input);
      const b = evaluateGuest(after, input);
      if (a.verdict === b.verdict) continue;
      requests.push({
        requestId: request.id,
        groupId: request.groupId,
        displayName: before.groups.get(request.groupId)?.group.displayName ?? request.groupId,
        guestEmail: b.guestEmail,
        before: a.verdict,
        after: b.verdict,
        blockersAfter: b.blockers.map((x) => x.code),
      });
    }
  }
  return { groups, requests, groupsCompared: before.snapshot.groups.length, guestsCompared };
}

export interface WhatIfDeps {
  directory: Directory;
  requests: RequestStore;
  policy: PolicyCache;
}

export type WhatIfOutcome =
  | { kind: 'forbidden' }
  | { kind: 'usage'; setting?: string; value?: string; expected?: string }
  | { kind: 'notFound'; what: 'group' | 'label' | 'tenant'; query: string; suggestions: string[] }
  | { kind: 'compared'; summary: ChangeSummary; differences: WhatIfDifferences };

/**
 * "What if this setting were that?": evaluates every group and every pending request under the hypothetical
 * settings and reports what would change. Changes nothing: the directory's snapshot is copied, never written.
 */
export async function whatIf(deps: WhatIfDeps, actor: UserProfile, args: readonly string[]): Promise<WhatIfOutcome> {
  if (!actor.isAdmin) return { kind: 'forbidden' };
  const parsed = parseWhatIf(args);
  if (!parsed.ok)
    return {
      kind: 'usage',
      ...(parsed.setting ? { setting: parsed.setting, value: parsed.value, expected: parsed.expected } : {}),
    };
  const before = await deps.policy.current();
  const applied = applyWhatIf(before.snapshot, parsed.change);
  if (!applied.ok)
    return { kind: 'notFound', what: applied.notFound, query: applied.query, suggestions: applied.suggestions };
  const pending = await deps.requests.list({ states: ['pending'] });
  // The users are the same: their indices are taken over from the current context instead of built again.
  const after = compilePolicy(applied.snapshot, before);
  return { kind: 'compared', summary: applied.summary, differences: compareSettings(before, after, pending) };
}
