import { blocker, type Blocker } from '../blocker.js';
import type { TenantSnapshot } from '../tenantModel.js';

/**
 * Layer: Teams org-wide guest access (`AllowGuestUser`). Off, a guest in a team-enabled group is a member of the
 * group but can't use the team. There is no Graph API for it, only PowerShell.
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
