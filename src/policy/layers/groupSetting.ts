import { blocker, NO_BLOCKERS, type Blocker } from '../blocker.js';
import { findSetting, parseBool, settingValue } from '../settingValues.js';
import { TEMPLATE_GROUP_UNIFIED_GUEST, type DirectoryGroup } from '../tenantModel.js';

/** The per-group `Group.Unified.Guest` `AllowToAddGuests`: absent means the group inherits the tenant setting. */
export type GroupGuestSetting = 'true' | 'false' | 'inherit';

export function groupGuestSetting(group: DirectoryGroup): GroupGuestSetting {
  const setting = findSetting(group.settings, TEMPLATE_GROUP_UNIFIED_GUEST, 'Group.Unified.Guest');
  const value = parseBool(settingValue(setting, 'AllowToAddGuests'));
  return value === undefined ? 'inherit' : value ? 'true' : 'false';
}

/**
 * Layer: the per-group setting. It blocks when it is "false", unless a sensitivity label applies (the label then
 * decides instead). The tenant-wide setting is checked separately: a group's "true" never overrides its "false".
 */
export function groupSettingBlockers(
  group: DirectoryGroup,
  value: GroupGuestSetting,
  labelApplies: boolean,
): readonly Blocker[] {
  if (value !== 'false' || labelApplies) return NO_BLOCKERS;
  const setting = findSetting(group.settings, TEMPLATE_GROUP_UNIFIED_GUEST, 'Group.Unified.Guest');
  const id = setting?.id ?? '{Group.Unified.Guest setting id}';
  return Object.freeze([
    blocker('GUESTS_DISABLED_GROUP', {
      setting: 'Group.Unified.Guest.AllowToAddGuests',
      currentValue: 'false',
      allowingValue: 'true',
      powershell: `Update-MgBetaGroupSetting -GroupId ${group.id} -DirectorySettingId ${id}`,
      graph: `PATCH /groups/${group.id}/settings/${id} {"values":[{"name":"AllowToAddGuests","value":"true"}]}`,
    }),
  ]);
}
