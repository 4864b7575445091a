import type { SharingCapability } from './tenantModel.js';

/**
 * What a guest can use after joining, per workload. Membership can be fine while a workload is not:
 * `no` means the group has the workload but a setting keeps guests out of it; `unverified` means a layer that decides
 * it is unknown to the directory (see the decision's `unverified`), so neither yes nor no can be said.
 */
export interface GuestAccess {
  /** Group conversations and files (`AllowGuestsToAccessGroups`). */
  readonly groupContent: 'yes' | 'no';
  /** The team, for team-enabled groups (Teams guest access, and group content). */
  readonly team: 'yes' | 'no' | 'noTeam' | 'unverified';
  /** The group's SharePoint site (effective sharing level, SharePoint's domain list, and group content). */
  readonly site: 'yes' | 'no' | 'noSite' | 'unverified';
  /** The effective sharing level of the site: the more restrictive of organisation and site (absent when unknown). */
  readonly siteEffective?: SharingCapability;
}

/** For a decision without a group (unknown group id, malformed address). */
export const NO_ACCESS: GuestAccess = Object.freeze({ groupContent: 'no', team: 'noTeam', site: 'noSite' });
