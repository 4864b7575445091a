import type { Blocker } from './blocker.js';
import { defaultBlocker, partnerBlocker, type CrossTenantPolicy } from './layers/crossTenant.js';
import { entraDomainsEffect, listSummary, type EntraDomainPolicy } from './layers/entraDomains.js';
import { GROUPS_ORG_DEFAULTS, type GroupsOrgSettings } from './layers/groupsOrg.js';
import { guestVisibility } from './layers/guestVisibility.js';
import { invitationBlockers, invitesEffect } from './layers/invitations.js';
import {
  sharePointDomainsEffect,
  sharingEffect,
  sharingRank,
  siteSharingIssues,
  type SharePointDomainPolicy,
} from './layers/sharePoint.js';
import type { EffectCode } from './reasonCodes.js';
import { GUEST_ROLE_LIMITED, type TenantSnapshot } from './tenantModel.js';

/** The layers of the tenant-wide chain, in the order they override each other. */
export type TenantLayer = 'entra' | 'crossTenant' | 'groups' | 'label' | 'sharePoint' | 'teams';

/**
 * One tenant-wide setting in the chain Entra → Groups → labels → SharePoint → Teams, for the admin's overview:
 * ✓ when it lets guests through, ⛔ when it does not (then `fix` says what, who and where).
 */
export interface LayerStatus {
  readonly layer: TenantLayer;
  readonly setting: string;
  readonly currentValue: string;
  readonly defaultValue: string;
  readonly effect: EffectCode;
  readonly ok: boolean;
  /** What the setting is about when there are several of a kind (a partner tenant's name). */
  readonly subject?: string;
  /** When not ok: the blocker (or access issue) guests meet because of it. */
  readonly fix?: Blocker;
}

export interface LayerFacts {
  readonly snapshot: TenantSnapshot;
  readonly entraDomains: EntraDomainPolicy;
  readonly crossTenant: CrossTenantPolicy;
  readonly groupsOrg: GroupsOrgSettings;
  readonly sharePointDomains: SharePointDomainPolicy;
  readonly teamsIssue?: Blocker;
  /** The snapshot does not say whether Teams guest access is on (no Graph API for it). */
  readonly teamsUnknown?: boolean;
}

function status(s: LayerStatus): LayerStatus {
  return Object.freeze(s);
}

function domainPolicyValue(policy: EntraDomainPolicy): string {
  switch (policy.kind) {
    case 'none':
      return 'none';
    case 'allowList':
      return `AllowedDomains ${listSummary(policy.list)}`;
    case 'blockList':
      return `BlockedDomains ${listSummary(policy.list)}`;
    case 'conflict':
      return `AllowedDomains ${listSummary(policy.allow)} + BlockedDomains ${listSummary(policy.block)}`;
  }
}

export function buildTenantLayers(facts: LayerFacts): readonly LayerStatus[] {
  const { snapshot, groupsOrg } = facts;
  const out: LayerStatus[] = [];
  const invites = snapshot.authorizationPolicy.allowInvitesFrom;
  out.push(
    status({
      layer: 'entra',
      setting: 'authorizationPolicy.allowInvitesFrom',
      currentValue: invites,
      defaultValue: 'everyone',
      effect: invitesEffect(invites),
      ok: invites !== 'none',
      ...(invites === 'none' ? { fix: invitationBlockers(invites)[0] } : {}),
    }),
  );
  out.push(
    status({
      layer: 'entra',
      setting: 'authorizationPolicy.guestUserRoleId',
      currentValue: snapshot.authorizationPolicy.guestUserRoleId,
      defaultValue: GUEST_ROLE_LIMITED,
      effect: guestVisibility(snapshot.authorizationPolicy.guestUserRoleId).effect,
      ok: true,
    }),
  );
  const domains = facts.entraDomains;
  const domainsOk =
    domains.kind === 'blockList' || domains.kind === 'none' || (domains.kind === 'allowList' && domains.list.size > 0);
  out.push(
    status({
      layer: 'entra',
      setting: 'B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy',
      currentValue: domainPolicyValue(domains),
      defaultValue: 'none',
      effect: entraDomainsEffect(domains),
      ok: domainsOk,
      ...(domains.kind === 'conflict' ? { fix: domains.blockers[0] } : {}),
    }),
  );
  const ct = facts.crossTenant;
  out.push(
    status({
      layer: 'crossTenant',
      setting: 'crossTenantAccessPolicy.default.b2bCollaborationInbound.usersAndGroups.accessType',
      currentValue: ct.defaultAccess,
      defaultValue: 'allowed',
      effect: ct.defaultAccess === 'allowed' ? 'CROSS_TENANT_DEFAULT_ALLOWED' : 'CROSS_TENANT_DEFAULT_BLOCKED',
      ok: ct.defaultAccess === 'allowed',
      ...(ct.defaultAccess === 'blocked' ? { fix: defaultBlocker() } : {}),
    }),
  );
  const names = new Map((snapshot.externalTenants ?? []).map((t) => [t.tenantId.toLowerCase(), t.displayName]));
  for (const partner of snapshot.crossTenantAccessPolicy?.partners ?? []) {
    const access = ct.partners.get(partner.tenantId.toLowerCase());
    if (!access) continue;
    const name = names.get(partner.tenantId.toLowerCase()) ?? partner.tenantId;
    out.push(
      status({
        layer: 'crossTenant',
        setting: `crossTenantAccessPolicy.partners[${partner.tenantId}].b2bCollaborationInbound.usersAndGroups.accessType`,
        currentValue: access,
        defaultValue: ct.defaultAccess,
        effect: access === 'allowed' ? 'CROSS_TENANT_PARTNER_ALLOWED' : 'CROSS_TENANT_PARTNER_BLOCKED',
        ok: access === 'allowed',
        subject: name,
        ...(access === 'blocked' ? { fix: partnerBlocker(partner.tenantId, name) } : {}),
      }),
    );
  }
  out.push(
    status({
      layer: 'groups',
      setting: 'Group.Unified.AllowToAddGuests',
      currentValue: String(groupsOrg.allowToAddGuests),
      defaultValue: GROUPS_ORG_DEFAULTS.AllowToAddGuests,
      effect: groupsOrg.allowToAddGuests ? 'GROUP_GUESTS_ALLOWED' : 'GROUP_GUESTS_OFF',
      ok: groupsOrg.allowToAddGuests,
      ...(groupsOrg.blockers[0] ? { fix: groupsOrg.blockers[0] } : {}),
    }),
  );
  out.push(
    status({
      layer: 'groups',
      setting: 'Group.Unified.AllowGuestsToAccessGroups',
      currentValue: String(groupsOrg.allowGuestsToAccessGroups),
      defaultValue: GROUPS_ORG_DEFAULTS.AllowGuestsToAccessGroups,
      effect: groupsOrg.allowGuestsToAccessGroups ? 'GROUP_CONTENT_ALLOWED' : 'GROUP_CONTENT_OFF',
      ok: groupsOrg.allowGuestsToAccessGroups,
      ...(groupsOrg.contentIssue ? { fix: groupsOrg.contentIssue } : {}),
    }),
  );
  out.push(
    status({
      layer: 'label',
      setting: 'Group.Unified.EnableMIPLabels',
      currentValue: String(groupsOrg.enableMIPLabels),
      defaultValue: GROUPS_ORG_DEFAULTS.EnableMIPLabels,
      effect: groupsOrg.enableMIPLabels ? 'LABELS_ON' : 'LABELS_OFF',
      ok: true,
    }),
  );
  const org = snapshot.sharePoint.sharingCapability;
  const orgOk = sharingRank(org) >= sharingRank('externalUserSharingOnly');
  out.push(
    status({
      layer: 'sharePoint',
      setting: 'sharePoint.sharingCapability',
      currentValue: org,
      defaultValue: 'externalUserAndGuestSharing',
      effect: sharingEffect(org),
      ok: orgOk,
      ...(orgOk ? {} : { fix: siteSharingIssues(org, 'externalUserAndGuestSharing', '', true)[0] }),
    }),
  );
  const spDomains = facts.sharePointDomains;
  const spList = spDomains.mode === 'allowList' ? spDomains.allow : spDomains.block;
  out.push(
    status({
      layer: 'sharePoint',
      setting: 'sharePoint.sharingDomainRestrictionMode',
      currentValue: spDomains.mode === 'none' ? 'none' : `${spDomains.mode} ${listSummary(spList)}`,
      defaultValue: 'none',
      effect: sharePointDomainsEffect(spDomains.mode),
      ok: spDomains.mode !== 'allowList' || spDomains.allow.size > 0,
    }),
  );
  out.push(
    status({
      layer: 'teams',
      setting: 'CsTeamsClientConfiguration.AllowGuestUser',
      currentValue: facts.teamsUnknown ? 'unknown' : String(!facts.teamsIssue),
      defaultValue: 'true',
      effect: facts.teamsIssue
        ? 'TEAMS_GUESTS_OFF'
        : facts.teamsUnknown
          ? 'TEAMS_GUESTS_UNVERIFIED'
          : 'TEAMS_GUESTS_ON',
      ok: !facts.teamsIssue,
      ...(facts.teamsIssue ? { fix: facts.teamsIssue } : {}),
    }),
  );
  return Object.freeze(out);
}
