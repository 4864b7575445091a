import { TEMPLATE_GROUP_UNIFIED, TEMPLATE_GROUP_UNIFIED_GUEST } from '../../policy/tenantModel.js';

/** The directory setting templates the snapshot checks, with the names of their settings (Graph). */
export const SETTING_TEMPLATES: Readonly<Record<string, { displayName: string; names: ReadonlySet<string> }>> = {
  [TEMPLATE_GROUP_UNIFIED]: {
    displayName: 'Group.Unified',
    names: new Set([
      'EnableGroupCreation',
      'GroupCreationAllowedGroupId',
      'UsageGuidelinesUrl',
      'ClassificationDescriptions',
      'DefaultClassification',
      'PrefixSuffixNamingRequirement',
      'AllowGuestsToBeGroupOwner',
      'AllowGuestsToAccessGroups',
      'GuestUsageGuidelinesUrl',
      'AllowToAddGuests',
      'ClassificationList',
      'EnableMIPLabels',
      'CustomBlockedWordsList',
      'EnableMSStandardBlockedWords',
      'NewUnifiedGroupWritebackDefault',
    ]),
  },
  [TEMPLATE_GROUP_UNIFIED_GUEST]: { displayName: 'Group.Unified.Guest', names: new Set(['AllowToAddGuests']) },
};

/** Settings whose value is the string "true" or "false". */
export const BOOLEAN_SETTING_NAMES: ReadonlySet<string> = new Set([
  'AllowToAddGuests',
  'AllowGuestsToAccessGroups',
  'AllowGuestsToBeGroupOwner',
  'EnableMIPLabels',
  'EnableGroupCreation',
  'EnableMSStandardBlockedWords',
  'NewUnifiedGroupWritebackDefault',
]);
