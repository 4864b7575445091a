import { NO_ACCESS, type GuestAccess } from './access.js';
import { NO_BLOCKERS, type Blocker } from './blocker.js';
import type { NoteCode } from './reasonCodes.js';
import type { SharingCapability } from './tenantModel.js';
import { NO_UNVERIFIED, type UnverifiedLayer } from './unverified.js';

/** The guest as the directory knows them. */
export const GuestState = Object.freeze({
  New: 0,
  Existing: 1,
  /** In the directory, invitation not yet redeemed. */
  Pending: 2,
} as const);
export type GuestState = (typeof GuestState)[keyof typeof GuestState];

/**
 * Access, access issues and notes for one (group, guest state, SharePoint domain verdict) combination. There are
 * six per group, built once, so evaluating a guest allocates none of them.
 */
export interface AccessVariant {
  readonly access: GuestAccess;
  /** Access issues that do not depend on the guest's domain. */
  readonly issues: readonly Blocker[];
  readonly issuesPropagate: boolean;
  /** Layers that decide this access but are unknown to the directory: neither allowing nor blocking. */
  readonly unverified: readonly UnverifiedLayer[];
  readonly notes: readonly NoteCode[];
  /** The same notes plus SETTINGS_PROPAGATION, for decisions whose blockers need a tenant setting changed. */
  readonly notesWithPropagation: readonly NoteCode[];
  /** ALREADY_MEMBER, then the notes. */
  readonly notesAlreadyMember: readonly NoteCode[];
}

/** What the group contributes to a variant (absent for an unknown group). */
export interface VariantGroupFacts {
  readonly hasTeam: boolean;
  /** `effective` and `unverified` are absent / present when the site's own level is unknown. */
  readonly site?: {
    readonly effective?: SharingCapability;
    readonly unverified?: UnverifiedLayer;
    readonly issues: (guestIsNew: boolean) => Blocker[];
  };
  readonly groupBasedLicensing: boolean;
  readonly labelOverridesGroupSetting: boolean;
  /** Group-level unverified layers (the label). */
  readonly unverified: readonly UnverifiedLayer[];
}

export interface VariantTenantFacts {
  readonly contentIssue?: Blocker;
  readonly teamsIssue?: Blocker;
  /** Present when the snapshot does not say whether Teams guest access is on. */
  readonly teamsUnverified?: UnverifiedLayer;
  readonly visibilityNote: NoteCode;
}

export function variantIndex(state: GuestState, siteDomainOk: boolean): number {
  return state * 2 + (siteDomainOk ? 0 : 1);
}

function freezeNotes(notes: NoteCode[]): readonly NoteCode[] {
  return Object.freeze(notes);
}

export function buildVariants(
  tenant: VariantTenantFacts,
  group: VariantGroupFacts | undefined,
): readonly AccessVariant[] {
  // Stryker disable next-line ArrayDeclaration: all six places are assigned below, a made-up entry is overwritten
  const out: AccessVariant[] = [];
  for (const state of [GuestState.New, GuestState.Existing, GuestState.Pending] as const) {
    for (const siteDomainOk of [true, false])
      out[variantIndex(state, siteDomainOk)] = buildVariant(tenant, group, state, siteDomainOk);
  }
  return Object.freeze(out);
}

function buildVariant(
  tenant: VariantTenantFacts,
  group: VariantGroupFacts | undefined,
  state: GuestState,
  siteDomainOk: boolean,
): AccessVariant {
  const issues: Blocker[] = [];
  const unverified: UnverifiedLayer[] = [];
  const notes: NoteCode[] = [];
  if (state !== GuestState.New) notes.push('GUEST_EXISTS_IN_DIRECTORY');
  if (state === GuestState.Pending) notes.push('GUEST_INVITATION_PENDING');
  let access: GuestAccess = NO_ACCESS;
  if (group) {
    const content = tenant.contentIssue === undefined;
    if (!content) {
      issues.push(tenant.contentIssue);
      notes.push('GUESTS_CANNOT_ACCESS_CONTENT');
    }
    let team: GuestAccess['team'] = 'noTeam';
    if (group.hasTeam) {
      if (tenant.teamsIssue) issues.push(tenant.teamsIssue);
      if (tenant.teamsUnverified) unverified.push(tenant.teamsUnverified);
      team = !content || tenant.teamsIssue ? 'no' : tenant.teamsUnverified ? 'unverified' : 'yes';
    }
    let site: GuestAccess['site'] = 'noSite';
    if (group.site) {
      const siteIssues = group.site.issues(state === GuestState.New);
      issues.push(...siteIssues);
      if (group.site.unverified) unverified.push(group.site.unverified);
      site = !content || siteIssues.length > 0 || !siteDomainOk ? 'no' : group.site.unverified ? 'unverified' : 'yes';
    }
    unverified.push(...group.unverified);
    access = Object.freeze({
      groupContent: content ? 'yes' : 'no',
      team,
      site,
      ...(group.site?.effective ? { siteEffective: group.site.effective } : {}),
    });
    if (group.groupBasedLicensing) notes.push('GROUP_BASED_LICENSING');
    if (group.labelOverridesGroupSetting) notes.push('LABEL_OVERRIDES_GROUP_SETTING');
  }
  notes.push(tenant.visibilityNote);
  const issuesPropagate = issues.some((i) => i.propagation24h);
  const withPropagation = freezeNotes([...notes, 'SETTINGS_PROPAGATION']);
  const plain = issuesPropagate ? withPropagation : freezeNotes(notes);
  return Object.freeze({
    access,
    // Stryker disable next-line ConditionalExpression: a fresh frozen empty list equals the shared one
    issues: issues.length === 0 ? NO_BLOCKERS : Object.freeze(issues),
    issuesPropagate,
    // Stryker disable next-line ConditionalExpression: a fresh frozen empty list equals the shared one
    unverified: unverified.length === 0 ? NO_UNVERIFIED : Object.freeze(unverified),
    notes: plain,
    notesWithPropagation: withPropagation,
    notesAlreadyMember: freezeNotes(['ALREADY_MEMBER', ...plain]),
  });
}
