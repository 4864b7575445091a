import type { EffectCode, NoteCode } from '../reasonCodes.js';
import { GUEST_ROLE_RESTRICTED, GUEST_ROLE_SAME_AS_MEMBERS } from '../tenantModel.js';

/** Layer: `authorizationPolicy.guestUserRoleId`, what guests see in the directory. Information only. */
export function guestVisibility(roleId: string | undefined): { note: NoteCode; effect: EffectCode } {
  const id = (roleId ?? '').toLowerCase();
  if (id === GUEST_ROLE_SAME_AS_MEMBERS) {
    return { note: 'GUEST_DIRECTORY_VISIBILITY_SAME_AS_MEMBERS', effect: 'GUEST_VISIBILITY_SAME_AS_MEMBERS' };
  }
  if (id === GUEST_ROLE_RESTRICTED) {
    return { note: 'GUEST_DIRECTORY_VISIBILITY_RESTRICTED', effect: 'GUEST_VISIBILITY_RESTRICTED' };
  }
  // The limited role is Entra's default, and what an unknown id is treated as.
  return { note: 'GUEST_DIRECTORY_VISIBILITY_LIMITED', effect: 'GUEST_VISIBILITY_LIMITED' };
}
