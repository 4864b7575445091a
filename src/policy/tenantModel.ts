/**
 * The tenant model: one Microsoft 365 tenant described in Microsoft Graph's own shapes and names, so that the
 * embedded snapshot, the Graph adapter and the policy speak the same language. Pure types, no behaviour.
 */

/** `authorizationPolicy.allowInvitesFrom`. */
export type AllowInvitesFrom = 'none' | 'adminsAndGuestInviters' | 'adminsGuestInvitersAndAllMembers' | 'everyone';

/** SharePoint `sharingCapability`, from most restrictive to most permissive. */
export type SharingCapability =
  'disabled' | 'existingExternalUserSharingOnly' | 'externalUserSharingOnly' | 'externalUserAndGuestSharing';

/** Every value of {@link AllowInvitesFrom}, most restrictive first. */
export const ALLOW_INVITES_FROM_VALUES: readonly AllowInvitesFrom[] = [
  'none',
  'adminsAndGuestInviters',
  'adminsGuestInvitersAndAllMembers',
  'everyone',
];

/** Every value of {@link SharingCapability}, most restrictive first. */
export const SHARING_CAPABILITY_VALUES: readonly SharingCapability[] = [
  'disabled',
  'existingExternalUserSharingOnly',
  'externalUserSharingOnly',
  'externalUserAndGuestSharing',
];

export type SharingDomainRestrictionMode = 'none' | 'allowList' | 'blockList';

export type AccessType = 'allowed' | 'blocked';

/** Display names of the built-in directory roles that decide who may invite (readable snapshots use them). */
export const ROLE_GLOBAL_ADMIN = 'Global Administrator';
export const ROLE_USER_ADMIN = 'User Administrator';
export const ROLE_GUEST_INVITER = 'Guest Inviter';
export const ROLE_GROUPS_ADMIN = 'Groups Administrator';

/**
 * `roleTemplateId`s of the built-in Entra roles the policy knows. Roles are matched by template id, never by display
 * name: a custom role may carry any name, and display names are localised.
 */
export const ROLE_TEMPLATE_IDS = Object.freeze({
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  userAdmin: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  guestInviter: '95e79109-95c0-4d8e-aee3-d01accf2d47b',
  groupsAdmin: 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  securityAdmin: '194ae4cb-b126-40b2-bd5b-6091b380977d',
  complianceAdmin: '17315797-102d-40b4-93e0-432062caca18',
  sharePointAdmin: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  teamsAdmin: '69091246-20e8-4a56-aa4d-066075b2a7a8',
  exchangeAdmin: '29232cdf-9323-42fd-ade2-1d097af3e4de',
} as const);

export type KnownRole = keyof typeof ROLE_TEMPLATE_IDS;

/**
 * English display names of the built-in roles in {@link ROLE_TEMPLATE_IDS}. A snapshot may name these roles instead
 * of giving their template id (readability, and older snapshots); the policy maps them to the id. Any other name
 * means nothing to the policy.
 */
export const ROLE_DISPLAY_NAMES: Readonly<Record<KnownRole, string>> = Object.freeze({
  globalAdmin: ROLE_GLOBAL_ADMIN,
  userAdmin: ROLE_USER_ADMIN,
  guestInviter: ROLE_GUEST_INVITER,
  groupsAdmin: ROLE_GROUPS_ADMIN,
  securityAdmin: 'Security Administrator',
  complianceAdmin: 'Compliance Administrator',
  sharePointAdmin: 'SharePoint Administrator',
  teamsAdmin: 'Teams Administrator',
  exchangeAdmin: 'Exchange Administrator',
});

/** Template ids of the Group.Unified and Group.Unified.Guest directory setting templates (Graph). */
export const TEMPLATE_GROUP_UNIFIED = '62375ab9-6b52-47ed-826b-58e47e0e304b';
export const TEMPLATE_GROUP_UNIFIED_GUEST = '08d542b9-071f-4e16-94b0-74abb372e3d9';

/** `authorizationPolicy.guestUserRoleId` values. */
export const GUEST_ROLE_SAME_AS_MEMBERS = 'a0b1b346-4d3e-4e8b-98f8-753987be4970';
export const GUEST_ROLE_LIMITED = '10dae51f-b6af-4016-8d66-8c2a99b929b3';
export const GUEST_ROLE_RESTRICTED = '2af84b1e-32c8-42b7-82bc-daa82404023b';

export interface SettingValue {
  name: string;
  /** Graph stores every setting value as a string: "true" / "false" / text. */
  value: string;
}

/** A directory setting object (`groupSetting` in Graph). */
export interface DirectorySetting {
  id?: string;
  templateId: string;
  displayName?: string;
  values: SettingValue[];
}

export interface CrossTenantInbound {
  b2bCollaborationInbound: { usersAndGroups: { accessType: AccessType } };
}

export interface CrossTenantPartner extends CrossTenantInbound {
  tenantId: string;
}

export interface TenantInfo {
  id: string;
  displayName: string;
  /** Domains that belong to this tenant: addresses there are internal, not guests. */
  verifiedDomains: string[];
}

export interface ExternalTenant {
  tenantId: string;
  displayName: string;
  domains: string[];
}

export interface SharePointSettings {
  sharingCapability: SharingCapability;
  sharingDomainRestrictionMode: SharingDomainRestrictionMode;
  sharingAllowedDomainList: string[];
  sharingBlockedDomainList: string[];
}

export interface SensitivityLabel {
  id: string;
  displayName: string;
  /**
   * The label's "let Microsoft 365 group owners add people outside the organisation as guests" setting. Graph has no
   * API for it (Security & Compliance PowerShell `Get-Label`): absent means unknown, and the policy reports the label
   * as unverified instead of counting it as allowing or blocking.
   */
  allowGuests?: boolean;
}

export interface DirectoryUser {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  /**
   * The directory roles the user holds, by `roleTemplateId` (Graph: the user's `directoryRole` memberships), e.g.
   * `"95e79109-95c0-4d8e-aee3-d01accf2d47b"` for Guest Inviter. For readability a snapshot may instead name a
   * built-in role of {@link ROLE_DISPLAY_NAMES} ("Guest Inviter"); the policy maps it to the template id.
   */
  roles: string[];
  preferredLanguage?: string | null;
  /** Guests only: `PendingAcceptance` until the invitation is redeemed, then `Accepted`. */
  externalUserState?: 'PendingAcceptance' | 'Accepted' | null;
  /** Guests: when `externalUserState` last changed (invited, redeemed, redemption reset). ISO 8601. */
  externalUserStateChangeDateTime?: string | null;
  /** When the account was created (for a guest: invited). ISO 8601. */
  createdDateTime?: string | null;
  /**
   * Graph's `signInActivity` (needs AuditLog.Read.All). `lastSignInDateTime` null: never signed in. Absent: the
   * directory doesn't say, and nobody is judged stale for it.
   */
  signInActivity?: { lastSignInDateTime: string | null } | null;
  /** Graph's `sponsors` (user ids): who is responsible for this guest; the inviter unless changed. */
  sponsors?: string[];
  /**
   * Bot Framework channel account ids (`activity.from.id`) that identify this user when the channel sends no
   * `aadObjectId`, e.g. `["user-id-0"]` for the Microsoft 365 Agents Playground's default user. Not a Graph property;
   * only the embedded directory sets it.
   */
  teamsUserIds?: string[];
}

export interface AssignedLabel {
  labelId: string;
  displayName?: string;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  mail: string | null;
  description?: string | null;
  groupTypes: string[];
  mailEnabled: boolean;
  securityEnabled: boolean;
  onPremisesSyncEnabled: boolean | null;
  membershipRule: string | null;
  /** "Team" when the group has a team. */
  resourceProvisioningOptions: string[];
  /** "YammerProvisioning" when the group was created by Viva Engage (Yammer). */
  creationOptions?: string[];
  assignedLabels: AssignedLabel[];
  /** Group-based licensing: non-empty when licences are assigned through this group. */
  assignedLicenses: { skuId: string }[];
  /** Group-level directory settings (Group.Unified.Guest). */
  settings: DirectorySetting[];
  /**
   * The connected SharePoint site, when the group has one. Graph has no API for a site's own `sharingCapability`:
   * absent means unknown (the site is then reported as unverified unless the organisation's level already decides).
   */
  site: { webUrl?: string; sharingCapability?: SharingCapability } | null;
  owners: string[];
  members: string[];
}

export interface TenantSnapshot {
  tenant: TenantInfo;
  authorizationPolicy: { allowInvitesFrom: AllowInvitesFrom; guestUserRoleId: string };
  b2bManagementPolicy: {
    InvitationsAllowedAndBlockedDomainsPolicy?: { AllowedDomains?: string[]; BlockedDomains?: string[] };
  };
  crossTenantAccessPolicy: { default: CrossTenantInbound; partners: CrossTenantPartner[] };
  /** What `findTenantInformationByDomainName` answered, for the domains that have an Entra tenant. */
  externalTenants: ExternalTenant[];
  /**
   * Domains for which `findTenantInformationByDomainName` found NO Entra tenant (consumer mail, social identities,
   * mail hosted elsewhere). Cross-tenant access settings govern Entra organisations only, so they do not apply to
   * these domains. A domain neither here nor in {@link externalTenants} is unknown (treated as possibly Entra). The
   * policy also knows a few well-known consumer mail domains (see `CONSUMER_MAIL_DOMAINS`); an `externalTenants`
   * entry wins over both.
   */
  domainsWithoutTenant?: string[];
  /** Tenant-wide directory settings; no Group.Unified object means Microsoft's defaults. */
  groupSettings: DirectorySetting[];
  sharePoint: SharePointSettings;
  /**
   * Teams org-wide guest access (`AllowGuestUser` of Get-CsTeamsClientConfiguration). There is no Graph API for it:
   * absent (or `teams` absent) means unknown, and team access is reported as unverified.
   */
  teams?: { allowGuestUser?: boolean };
  sensitivityLabels: SensitivityLabel[];
  users: DirectoryUser[];
  groups: DirectoryGroup[];
}
