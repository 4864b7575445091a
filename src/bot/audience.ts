import type { Audience } from '../app/explanation/explainDecision.js';
import type { UserProfile } from '../app/shared/identifyUser.js';

/** How much an explanation should say to this user about this group: members learn whom to ask, admins how to fix. */
export function audienceOf(profile: UserProfile, groupId?: string): Audience {
  if (profile.isAdmin) return 'admin';
  if (groupId && profile.ownedGroupIds.includes(groupId)) return 'owner';
  return 'member';
}
