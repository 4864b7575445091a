import type { GuestAccess } from './access.js';
import { approverSet, type ApproverSet } from './approvers.js';
import type { ApprovalReason } from './reasonCodes.js';
import { blocker, frozenList, NO_BLOCKERS, type Blocker } from './blocker.js';
import { groupKindBlockers, groupShape, type GroupShape } from './layers/groupKind.js';
import { groupGuestSetting, groupSettingBlockers, type GroupGuestSetting } from './layers/groupSetting.js';
import type { GroupsOrgSettings } from './layers/groupsOrg.js';
import { labelOutcome, type LabelOutcome } from './layers/label.js';
import { effectiveSharing, siteSharingIssues } from './layers/sharePoint.js';
import type {
  AllowInvitesFrom,
  DirectoryGroup,
  DirectoryUser,
  SensitivityLabel,
  SharingCapability,
} from './tenantModel.js';
import { NO_UNVERIFIED, siteUnverified } from './unverified.js';
import { buildVariants, type AccessVariant, type VariantTenantFacts } from './variants.js';

/** One group with everything that does not depend on the guest or the requester worked out in advance. */
export interface CompiledGroup {
  readonly group: DirectoryGroup;
  readonly shape: GroupShape;
  readonly label: LabelOutcome;
  readonly guestSetting: GroupGuestSetting;
  /** Members and owners: either makes the guest "already a member". */
  readonly memberIds: ReadonlySet<string>;
  readonly ownerIds: ReadonlySet<string>;
  /** Owners with an enabled account, in the group's order. */
  readonly enabledOwners: readonly string[];
  readonly guestCount: number;
  readonly groupBasedLicensing: boolean;
  /** The site's sharing levels; `site` and `effective` are absent when the site's own level is unknown. */
  readonly site?: {
    readonly site?: SharingCapability;
    readonly org: SharingCapability;
    readonly effective?: SharingCapability;
  };
  /**
   * For a NEW guest (an invitation): kind, Viva Engage, tenant-wide setting, label, per-group setting, in that order.
   * The tenant-wide `AllowToAddGuests=false` stops invitations into any group.
   */
  readonly blockers: readonly Blocker[];
  /** For a guest already in the directory: the same without the tenant-wide setting, which stops new guests only. */
  readonly blockersExisting: readonly Blocker[];
  /** What a guest who can't sign in (blocked tenant, failing redemption) can use: nothing the group has. */
  readonly lockedOutAccess: GuestAccess;
  /** Who approves a guest already in the directory, and a new guest (requester not yet excluded). */
  readonly approversExisting: ApproverSet;
  readonly approversNew: ApproverSet;
  /** Why nobody can approve: for a guest already in the directory, and for a new guest. */
  readonly noApproverExisting: readonly Blocker[];
  readonly noApproverNew: readonly Blocker[];
  readonly requesterNotMember: readonly Blocker[];
  readonly variants: readonly AccessVariant[];
}

/** The tenant-level facts a group compiles against. */
export interface GroupCompileFacts extends VariantTenantFacts {
  readonly usersById: ReadonlyMap<string, DirectoryUser>;
  readonly groupsOrg: GroupsOrgSettings;
  readonly labelsById: ReadonlyMap<string, SensitivityLabel>;
  readonly orgSharing: SharingCapability;
  readonly invitesPossible: boolean;
  readonly allowInvitesFrom: AllowInvitesFrom;
  readonly mayInvite: (userId: string) => boolean;
  /** Enabled Global and User Administrators: they manage every group and, unless nobody may, invite. */
  readonly admins: readonly string[];
}

/** An approver set, or "nobody eligible" when the list is empty. */
function eligible(basis: 'owners' | 'admins', ids: readonly string[], reason: ApprovalReason): ApproverSet {
  return ids.length > 0 ? approverSet(basis, ids, reason) : approverSet('none', [], 'NO_ELIGIBLE_APPROVER');
}

// Labels govern Microsoft 365 groups only.
const NOT_M365_LABEL: LabelOutcome = Object.freeze({
  applies: false,
  blockers: NO_BLOCKERS,
  unverified: NO_UNVERIFIED,
});

export function compileGroup(facts: GroupCompileFacts, group: DirectoryGroup): CompiledGroup {
  const shape = groupShape(group);
  const m365 = shape.kind === 'microsoft365';
  // Group.Unified, labels and the per-group setting govern Microsoft 365 groups only.
  const label = m365 ? labelOutcome(group, facts.labelsById, facts.groupsOrg.enableMIPLabels) : NOT_M365_LABEL;
  const guestSetting = groupGuestSetting(group);
  const kindBlockers = groupKindBlockers(group, shape);
  const settingBlockers = m365 ? groupSettingBlockers(group, guestSetting, label.applies) : [];
  const orgBlockers = m365 ? facts.groupsOrg.blockers : [];
  const blockers = frozenList([...kindBlockers, ...orgBlockers, ...label.blockers, ...settingBlockers]);
  const blockersExisting = frozenList([...kindBlockers, ...label.blockers, ...settingBlockers]);

  // Membership is the owners' decision; an invitation needs someone allowed to invite. So the approvers are the
  // enabled owners who may complete the whole addition; when none may, the admins who may both invite and manage
  // any group (Global and User Administrators). A Guest Inviter who does not own the group never decides.
  const enabledOwners = group.owners.filter((id) => facts.usersById.get(id)?.accountEnabled === true);
  const ownersWhoMayInvite = enabledOwners.filter((id) => facts.mayInvite(id));
  // Global and User Administrators may invite under every setting but "none", where approversNew is NOBODY_MAY_INVITE.
  const adminsWhoMayInvite = facts.admins;
  const approversExisting =
    enabledOwners.length > 0
      ? eligible('owners', enabledOwners, 'OWNERS_APPROVE')
      : eligible('admins', facts.admins, 'NO_OWNERS');
  const approversNew = !facts.invitesPossible
    ? approverSet('none', [], 'NOBODY_MAY_INVITE')
    : enabledOwners.length === 0
      ? eligible('admins', adminsWhoMayInvite, 'NO_OWNERS')
      : ownersWhoMayInvite.length > 0
        ? eligible('owners', ownersWhoMayInvite, 'OWNERS_APPROVE')
        : eligible('admins', adminsWhoMayInvite, 'OWNERS_MAY_NOT_INVITE');

  const noOwners = Object.freeze([
    blocker('NO_APPROVER', {
      setting: 'owners',
      currentValue: String(enabledOwners.length),
      allowingValue: String(enabledOwners.length + 1),
      graph: `POST /groups/${group.id}/owners/$ref`,
    }),
  ]);

  const siteLevel = group.site?.sharingCapability;
  const site = group.site
    ? {
        ...(siteLevel ? { site: siteLevel, effective: effectiveSharing(facts.orgSharing, siteLevel) } : {}),
        org: facts.orgSharing,
      }
    : undefined;
  const siteUrl = group.site?.webUrl ?? `<site of ${group.displayName}>`;
  const groupBasedLicensing = (group.assignedLicenses ?? []).length > 0;
  const variants = buildVariants(facts, {
    hasTeam: shape.hasTeam,
    ...(site
      ? {
          site: {
            ...(site.effective ? { effective: site.effective } : { unverified: siteUnverified(siteUrl) }),
            issues: (isNew: boolean) => siteSharingIssues(site.org, site.site, siteUrl, isNew),
          },
        }
      : {}),
    groupBasedLicensing,
    labelOverridesGroupSetting: label.applies && guestSetting !== 'inherit',
    unverified: label.unverified,
  });
  const lockedOutAccess: GuestAccess = Object.freeze({
    groupContent: 'no',
    team: shape.hasTeam ? 'no' : 'noTeam',
    site: site ? 'no' : 'noSite',
    ...(site?.effective ? { siteEffective: site.effective } : {}),
  });

  const memberIds = new Set([...group.members, ...group.owners]);
  let guestCount = 0;
  for (const id of memberIds) if (facts.usersById.get(id)?.userType === 'Guest') guestCount += 1;

  return Object.freeze({
    group,
    shape,
    label,
    guestSetting,
    memberIds,
    ownerIds: new Set(group.owners),
    enabledOwners: Object.freeze(enabledOwners),
    guestCount,
    groupBasedLicensing,
    ...(site ? { site: Object.freeze(site) } : {}),
    blockers,
    blockersExisting,
    lockedOutAccess,
    approversExisting,
    approversNew,
    noApproverExisting: noOwners,
    // With owners, a new guest lacks approvers only because nobody (else) may invite: that is the setting to change.
    noApproverNew:
      enabledOwners.length === 0
        ? noOwners
        : Object.freeze([
            blocker('NO_INVITER', {
              setting: 'authorizationPolicy.allowInvitesFrom',
              currentValue: facts.allowInvitesFrom,
              allowingValue: 'adminsGuestInvitersAndAllMembers',
              powershell: 'Update-MgPolicyAuthorizationPolicy -AllowInvitesFrom adminsGuestInvitersAndAllMembers',
              graph: 'PATCH /policies/authorizationPolicy {"allowInvitesFrom":"adminsGuestInvitersAndAllMembers"}',
            }),
          ]),
    requesterNotMember: Object.freeze([
      blocker('REQUESTER_NOT_MEMBER', {
        setting: 'members',
        currentValue: 'notMember',
        allowingValue: 'member',
        graph: `POST /groups/${group.id}/members/$ref`,
      }),
    ]),
    variants,
  });
}
