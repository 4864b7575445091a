import type { SharingCapability } from './tenantModel.js';

/**
 * What a guest can use after joining, per workload. Membership can be fine while a workload is not:
 * `no` means the group has the workload but a setting keeps guests out of it.
 */
export interface GuestAccess {
  /** Group conversations and files (`AllowGuestsToAccessGroups`). */
  readonly groupContent: 'yes' | 'no';
  /** The team, for team-enabled groups (Teams guest access, and group content). */
  readonly team: 'yes' | 'no' | 'noTeam';
  /** The group's SharePoint site (effective sharing level, SharePoint's domain list, and group content). */
  readonly site: 'yes' | 'no' | 'noSite';
  /** The effective sharing level of the site: the more restrictive of organisation and site. */
  readonly siteEffective?: SharingCapability;
}

/** For a decision without a group (unknown group id, malformed address). */
export const NO_ACCESS: GuestAccess = Object.freeze({ groupContent: 'no', team: 'noTeam', site: 'noSite' });
