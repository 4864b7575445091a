import { blocker, type Blocker } from '../blocker.js';
import type { TenantSnapshot } from '../tenantModel.js';
import { teamsUnverified, type UnverifiedLayer } from '../unverified.js';

/**
 * Layer: Teams org-wide guest access (`AllowGuestUser`). Off, a guest in a team-enabled group is a member of the
 * group but can't use the team. There is no Graph API for it, only PowerShell: a snapshot that does not say is
 * unknown, reported as unverified.
 */
export function teamsIssue(snapshot: TenantSnapshot): Blocker | undefined {
  if (snapshot.teams?.allowGuestUser !== false) return undefined;
  return blocker('TEAMS_GUEST_ACCESS_OFF', {
    setting: 'CsTeamsClientConfiguration.AllowGuestUser',
    currentValue: 'false',
    allowingValue: 'true',
    powershell: 'Set-CsTeamsClientConfiguration -Identity Global -AllowGuestUser $true',
  });
}

/** The unverified layer when the snapshot does not say whether Teams guest access is on. */
export function teamsUnknown(snapshot: TenantSnapshot): UnverifiedLayer | undefined {
  return typeof snapshot.teams?.allowGuestUser === 'boolean' ? undefined : teamsUnverified();
}
