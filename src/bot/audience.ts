import type { UserProfile } from '../app/identifyUser.js';

/** How much an explanation should say: members learn whom to ask, admins how to fix it. */
export type Audience = 'member' | 'owner' | 'admin';

export function audienceOf(profile: UserProfile, groupId?: string): Audience {
  if (profile.isAdmin) return 'admin';
  if (groupId && profile.ownedGroupIds.includes(groupId)) return 'owner';
  return 'member';
}
