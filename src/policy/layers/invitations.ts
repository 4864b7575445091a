import { blocker, NO_BLOCKERS, type Blocker } from '../blocker.js';
import type { EffectCode } from '../reasonCodes.js';
import { isAdminUser, isGuestInviter } from '../roles.js';
import type { AllowInvitesFrom, DirectoryUser } from '../tenantModel.js';

/**
 * Layer: `authorizationPolicy.allowInvitesFrom`. A NEW guest needs an invitation, and whoever completes the
 * addition must be allowed to send it. Guests count only under `everyone`.
 */
export function mayInviteUser(policy: AllowInvitesFrom, user: DirectoryUser | undefined): boolean {
  if (!user || !user.accountEnabled) return false;
  switch (policy) {
    // Stryker disable next-line StringLiteral: an unmatched value falls out of the switch as undefined, as falsy as false
    case 'none':
      return false;
    case 'adminsAndGuestInviters':
      return isAdminUser(user) || isGuestInviter(user);
    case 'adminsGuestInvitersAndAllMembers':
      return user.userType === 'Member' || isAdminUser(user) || isGuestInviter(user);
    case 'everyone':
      return true;
  }
}

/** Tenant-level blockers for any new invitation. */
export function invitationBlockers(policy: AllowInvitesFrom): readonly Blocker[] {
  if (policy !== 'none') return NO_BLOCKERS;
  return Object.freeze([
    blocker('INVITES_DISABLED', {
      setting: 'authorizationPolicy.allowInvitesFrom',
      currentValue: 'none',
      allowingValue: 'adminsAndGuestInviters',
      powershell: 'Update-MgPolicyAuthorizationPolicy -AllowInvitesFrom adminsAndGuestInviters',
      graph: 'PATCH /policies/authorizationPolicy {"allowInvitesFrom":"adminsAndGuestInviters"}',
    }),
  ]);
}

export function invitesEffect(policy: AllowInvitesFrom): EffectCode {
  switch (policy) {
    case 'none':
      return 'INVITES_NOBODY';
    case 'adminsAndGuestInviters':
      return 'INVITES_ADMINS_AND_INVITERS';
    case 'adminsGuestInvitersAndAllMembers':
      return 'INVITES_MEMBERS';
    case 'everyone':
      return 'INVITES_EVERYONE';
  }
}
