import { DirectoryError } from '../ports/directory.js';
import type { DirectoryGroup } from '../policy/tenantModel.js';

type GroupKind = Pick<DirectoryGroup, 'groupTypes' | 'membershipRule' | 'onPremisesSyncEnabled' | 'mailEnabled'>;

/**
 * Refuses membership writes to groups whose members are not managed here (as Microsoft 365 and Graph refuse them):
 * dynamic groups, groups synced from on-premises AD DS, distribution lists and mail-enabled security groups.
 */
export function assertMembershipManageable(group: GroupKind): void {
  if (group.groupTypes.includes('DynamicMembership') || group.membershipRule) {
    throw new DirectoryError('GROUP_DYNAMIC_MEMBERSHIP', 'members of a dynamic group come from its rule', false);
  }
  if (group.onPremisesSyncEnabled === true) {
    throw new DirectoryError('GROUP_ON_PREMISES_SYNCED', 'the group is managed in on-premises Active Directory', false);
  }
  if (!group.groupTypes.includes('Unified') && group.mailEnabled) {
    throw new DirectoryError(
      'GROUP_MAIL_ENABLED',
      'distribution lists and mail-enabled security groups are managed in Exchange',
      false,
    );
  }
}
