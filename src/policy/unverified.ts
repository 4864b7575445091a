import type { FixLocation } from './blocker.js';
import type { Layer, RoleKey, UnverifiedCode } from './reasonCodes.js';

/**
 * A layer the directory cannot know and the snapshot leaves out (Graph has no API for it). It neither allows nor
 * blocks: the decision names it so that an admin can look where {@link where} says.
 */
export interface UnverifiedLayer {
  readonly code: UnverifiedCode;
  readonly layer: Layer;
  /** The setting, as PowerShell names it. */
  readonly setting: string;
  /** The value that lets guests through. */
  readonly allowingValue: string;
  /** Who can look it up and change it, most specific role first. */
  readonly fixRoles: readonly RoleKey[];
  readonly where: FixLocation;
  /** What it is about (a label's name, a site's address): admin text, escape it. */
  readonly subject?: string;
}

export const NO_UNVERIFIED: readonly UnverifiedLayer[] = Object.freeze([]);

export function teamsUnverified(): UnverifiedLayer {
  return Object.freeze({
    code: 'TEAMS_GUEST_ACCESS_UNVERIFIED',
    layer: 'teams',
    setting: 'CsTeamsClientConfiguration.AllowGuestUser',
    allowingValue: 'true',
    fixRoles: Object.freeze(['teamsAdmin', 'globalAdmin'] as RoleKey[]),
    where: Object.freeze({
      portalKey: 'teamsGuestAccess',
      powershell: 'Get-CsTeamsClientConfiguration -Identity Global',
    }),
  });
}

export function siteUnverified(siteUrl: string): UnverifiedLayer {
  return Object.freeze({
    code: 'SITE_SHARING_UNVERIFIED',
    layer: 'sharePoint',
    setting: 'site.sharingCapability',
    allowingValue: 'externalUserSharingOnly',
    fixRoles: Object.freeze(['sharePointAdmin', 'globalAdmin'] as RoleKey[]),
    where: Object.freeze({
      portalKey: 'sharePointSiteSharing',
      powershell: `Get-SPOSite -Identity ${siteUrl} | Select-Object SharingCapability`,
    }),
    subject: siteUrl,
  });
}

export function labelUnverified(labelId: string, displayName: string): UnverifiedLayer {
  return Object.freeze({
    code: 'LABEL_GUESTS_UNVERIFIED',
    layer: 'label',
    setting: 'SiteAndGroupProtectionAllowAccessToGuestUsers',
    allowingValue: 'true',
    fixRoles: Object.freeze(['complianceAdmin', 'globalAdmin'] as RoleKey[]),
    where: Object.freeze({
      portalKey: 'purviewLabels',
      powershell: `Get-Label -Identity ${labelId} | Format-List Name,LabelActions`,
    }),
    subject: displayName,
  });
}
