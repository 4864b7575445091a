import { blocker, NO_BLOCKERS, type Blocker } from '../blocker.js';
import type { DirectoryUser } from '../tenantModel.js';

/**
 * Layer: the guest's own account, when the guest is already in the directory. A disabled account can't sign in,
 * so adding it to a group helps nobody until it is enabled again.
 */
export function guestAccountBlockers(guest: DirectoryUser): readonly Blocker[] {
  if (guest.accountEnabled) return NO_BLOCKERS;
  return Object.freeze([
    blocker('GUEST_ACCOUNT_DISABLED', {
      setting: 'accountEnabled',
      currentValue: 'false',
      allowingValue: 'true',
      powershell: `Update-MgUser -UserId ${guest.id} -AccountEnabled:$true`,
      graph: `PATCH /users/${guest.id} {"accountEnabled":true}`,
    }),
  ]);
}
