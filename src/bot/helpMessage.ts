import type { UserProfile } from '../app/shared/identifyUser.js';
import { ROLE_NAMES } from '../i18n/adminCentres.js';
import { listOf, type MessageKey, type Translate } from '../i18n/i18n.js';

/** The help text for this user: members, owners and admins see what they can actually do. */
export function helpMessage(tr: Translate, profile: UserProfile): string {
  const lines = [`**${tr('common.help.title')}**`, ''];
  const roles: string[] = [];
  roles.push(tr('common.help.roleMember', { count: profile.memberGroupIds.length }));
  if (profile.ownedGroupIds.length > 0)
    roles.push(tr('common.help.roleOwner', { count: profile.ownedGroupIds.length }));
  if (profile.isAdmin) {
    const names = profile.adminRoles.map((role) => roleName(tr, role));
    roles.push(tr('common.help.roleAdmin', { count: names.length, roles: listOf(tr.lang, names) }));
  }
  lines.push(roles.join(' '), '');
  const items = [
    tr('common.help.member'),
    tr('common.help.myRequests'),
    tr('common.help.cancel'),
    tr('common.help.why'),
  ];
  const owner = profile.ownedGroupIds.length > 0;
  if (owner || profile.isAdmin) {
    items.push(tr('common.help.pending'), tr('common.help.guests'), tr('common.help.remove'));
  } else if (profile.isGuestInviter) {
    items.push(tr('common.help.pending'));
  }
  if (owner || profile.isAdmin) items.push(tr('guests.help.resend'));
  if (profile.isAdmin) items.push(tr('guests.help.tenant'), tr('guests.help.delete'), tr('guests.help.reviews'));
  if (profile.isAdmin)
    items.push(tr('common.help.settings'), tr('common.help.check'), tr('common.help.whatif'), tr('common.help.audit'));
  else if (profile.isGuestInviter) items.push(tr('common.help.check'));
  items.push(tr('teams.help.language'));
  for (const item of items) lines.push(`- ${item}`);
  if (owner) lines.push('', tr('common.help.owner'));
  return lines.join('\n');
}

/** A directory role (as the directory names it, in English) in the reader's language, from the one role table. */
export function roleName(tr: Translate, directoryName: string): string {
  const wanted = directoryName.toLowerCase();
  const key = Object.entries(ROLE_NAMES).find(([, names]) => names.en.toLowerCase() === wanted)?.[0];
  return key ? tr(`policy.role.${key}` as MessageKey) : directoryName;
}
