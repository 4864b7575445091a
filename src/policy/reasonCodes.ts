/**
 * The policy's stable vocabulary. Codes are part of the contract with i18n, logs and stored decisions:
 * add new ones freely, never rename or reuse one.
 */

/** Why a guest cannot become a member (a blocker), or cannot use a workload after joining (an access issue). */
export const REASON_CODES = [
  // the request itself
  'ADDRESS_INVALID',
  'REQUESTER_NOT_MEMBER',
  'GROUP_NOT_FOUND',
  // Entra ID external collaboration and cross-tenant access (new invitations only)
  'INVITES_DISABLED',
  'DOMAIN_POLICY_CONFLICT',
  'DOMAIN_NOT_ALLOWED',
  'DOMAIN_BLOCKED',
  'CROSS_TENANT_DEFAULT_BLOCKED',
  'CROSS_TENANT_PARTNER_BLOCKED',
  // the guest's own account
  'GUEST_ACCOUNT_DISABLED',
  // the group's kind
  'GROUP_DYNAMIC',
  'GROUP_ON_PREMISES',
  'GROUP_DISTRIBUTION_LIST',
  'GROUP_MAIL_ENABLED_SECURITY',
  'GROUP_NOT_M365',
  'GROUP_VIVA_ENGAGE',
  // Microsoft 365 groups settings
  'GUESTS_DISABLED_ORG',
  'LABEL_BLOCKS_GUESTS',
  'GUESTS_DISABLED_GROUP',
  // who decides
  'NO_APPROVER',
  'NO_INVITER',
  // access issues: membership is fine, a workload is not
  'GROUP_CONTENT_ACCESS_OFF',
  'TEAMS_GUEST_ACCESS_OFF',
  'SITE_SHARING_ORG_RESTRICTED',
  'SITE_SHARING_SITE_RESTRICTED',
  'SITE_DOMAIN_NOT_ALLOWED',
  'SITE_DOMAIN_BLOCKED',
] as const;

/** A stable reason code; see {@link REASON_CODES}. */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * Layers the directory cannot know (no Graph API) and the snapshot leaves out: a decision names them as unverified,
 * with where an admin can look, and never counts them as allowing or blocking.
 */
export const UNVERIFIED_CODES = [
  // Teams org-wide guest access (Get-CsTeamsClientConfiguration AllowGuestUser)
  'TEAMS_GUEST_ACCESS_UNVERIFIED',
  // the group site's own sharingCapability (Get-SPOSite)
  'SITE_SHARING_UNVERIFIED',
  // the sensitivity label's guest setting (Get-Label)
  'LABEL_GUESTS_UNVERIFIED',
] as const;

/** A stable code for an unverified layer; see {@link UNVERIFIED_CODES}. */
export type UnverifiedCode = (typeof UNVERIFIED_CODES)[number];

/** Facts worth telling that neither block nor restrict. */
export const NOTE_CODES = [
  'INTERNAL_ADDRESS',
  'ALREADY_MEMBER',
  'GUEST_EXISTS_IN_DIRECTORY',
  'GUEST_INVITATION_PENDING',
  'GUESTS_CANNOT_ACCESS_CONTENT',
  'GROUP_BASED_LICENSING',
  'LABEL_OVERRIDES_GROUP_SETTING',
  'GUEST_DIRECTORY_VISIBILITY_SAME_AS_MEMBERS',
  'GUEST_DIRECTORY_VISIBILITY_LIMITED',
  'GUEST_DIRECTORY_VISIBILITY_RESTRICTED',
  'SETTINGS_PROPAGATION',
] as const;

/** A stable note code; see {@link NOTE_CODES}. */
export type NoteCode = (typeof NOTE_CODES)[number];

/** Why the approvers are who they are. */
export const APPROVAL_REASONS = [
  'REQUESTER_IS_OWNER',
  'REQUESTER_IS_ADMIN',
  // a Groups Administrator adds a guest already in the directory (or one they may also invite) directly
  'REQUESTER_IS_GROUPS_ADMIN',
  'OWNERS_APPROVE',
  'OWNERS_MAY_NOT_INVITE',
  'NO_OWNERS',
  'NOBODY_MAY_INVITE',
  'NO_ELIGIBLE_APPROVER',
] as const;

export type ApprovalReason = (typeof APPROVAL_REASONS)[number];

/** The settings layer a blocker belongs to, top (the request) to bottom (the workloads). */
export const LAYERS = [
  'input',
  'requester',
  'entra',
  'crossTenant',
  'directory',
  'group',
  'groups',
  'label',
  'approval',
  'sharePoint',
  'teams',
] as const;

export type Layer = (typeof LAYERS)[number];

/** Where a setting is changed: an admin-centre page, rendered through i18n. */
export const PORTAL_KEYS = [
  'none',
  'entraGuestInviteSettings',
  'entraCollaborationRestrictions',
  'entraGuestUserAccess',
  'entraCrossTenantDefault',
  'entraCrossTenantPartners',
  'entraUsers',
  'entraGroups',
  'm365GroupsOrgSettings',
  'm365Groups',
  'm365GroupMembers',
  'm365GroupOwners',
  'purviewLabels',
  'groupSettingPowerShell',
  'adDs',
  'exchangeGroups',
  'vivaEngage',
  'sharePointOrgSharing',
  'sharePointSiteSharing',
  'sharePointDomains',
  'teamsGuestAccess',
] as const;

export type PortalKey = (typeof PORTAL_KEYS)[number];

/** Who can change a setting: a directory role, or a person relative to the request. */
export const ROLE_KEYS = [
  'globalAdmin',
  'userAdmin',
  'guestInviter',
  'securityAdmin',
  'groupsAdmin',
  'complianceAdmin',
  'sharePointAdmin',
  'teamsAdmin',
  'exchangeAdmin',
  'adDsAdmin',
  'groupOwner',
  'requester',
] as const;

export type RoleKey = (typeof ROLE_KEYS)[number];

/** What a tenant-wide setting currently does, for the admin's settings overview. */
export const EFFECT_CODES = [
  'INVITES_EVERYONE',
  'INVITES_MEMBERS',
  'INVITES_ADMINS_AND_INVITERS',
  'INVITES_NOBODY',
  'GUEST_VISIBILITY_SAME_AS_MEMBERS',
  'GUEST_VISIBILITY_LIMITED',
  'GUEST_VISIBILITY_RESTRICTED',
  'DOMAINS_UNRESTRICTED',
  'DOMAINS_ALLOW_LIST',
  'DOMAINS_BLOCK_LIST',
  'DOMAINS_CONFLICT',
  'CROSS_TENANT_DEFAULT_ALLOWED',
  'CROSS_TENANT_DEFAULT_BLOCKED',
  'CROSS_TENANT_PARTNER_ALLOWED',
  'CROSS_TENANT_PARTNER_BLOCKED',
  'GROUP_GUESTS_ALLOWED',
  'GROUP_GUESTS_OFF',
  'GROUP_CONTENT_ALLOWED',
  'GROUP_CONTENT_OFF',
  'LABELS_ON',
  'LABELS_OFF',
  'SP_ANYONE',
  'SP_NEW_AND_EXISTING',
  'SP_EXISTING_ONLY',
  'SP_ONLY_ORGANISATION',
  'SP_DOMAINS_UNRESTRICTED',
  'SP_DOMAINS_ALLOW_LIST',
  'SP_DOMAINS_BLOCK_LIST',
  'TEAMS_GUESTS_ON',
  'TEAMS_GUESTS_OFF',
  'TEAMS_GUESTS_UNVERIFIED',
] as const;

export type EffectCode = (typeof EFFECT_CODES)[number];
