/**
 * The tenant model: one Microsoft 365 tenant described in Microsoft Graph's own shapes and names, so that the
 * embedded snapshot, the Graph adapter and the policy speak the same language. Pure types, no behaviour.
 */

/** `authorizationPolicy.allowInvitesFrom`. */
export type AllowInvitesFrom = 'none' | 'adminsAndGuestInviters' | 'adminsGuestInvitersAndAllMembers' | 'everyone';

/** SharePoint `sharingCapability`, from most restrictive to most permissive. */
export type SharingCapability =
  | 'disabled'
  | 'existingExternalUserSharingOnly'
  | 'externalUserSharingOnly'
  | 'externalUserAndGuestSharing';

export type SharingDomainRestrictionMode = 'none' | 'allowList' | 'blockList';

export type AccessType = 'allowed' | 'blocked';

/** Directory role display names the policy understands. */
export const ROLE_GLOBAL_ADMIN = 'Global Administrator';
export const ROLE_USER_ADMIN = 'User Administrator';
export const ROLE_GUEST_INVITER = 'Guest Inviter';

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
  /** The label's "let Microsoft 365 group owners add people outside the organisation as guests" setting. */
  allowGuests: boolean;
}

export interface DirectoryUser {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  /** Directory role display names, e.g. "Global Administrator", "Guest Inviter". */
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
  /** The connected SharePoint site, when the group has one. */
  site: { webUrl?: string; sharingCapability: SharingCapability } | null;
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
  /** What `findTenantInformationByDomainName` would answer, for the domains the snapshot knows. */
  externalTenants: ExternalTenant[];
  /** Tenant-wide directory settings; no Group.Unified object means Microsoft's defaults. */
  groupSettings: DirectorySetting[];
  sharePoint: SharePointSettings;
  /** Teams org-wide guest access (`AllowGuestUser` of Get-CsTeamsClientConfiguration). */
  teams: { allowGuestUser: boolean };
  sensitivityLabels: SensitivityLabel[];
  users: DirectoryUser[];
  groups: DirectoryGroup[];
}
