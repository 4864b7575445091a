import { blocker, NO_BLOCKERS, type Blocker } from '../blocker.js';
import { findSetting, parseBool, settingValue } from '../settingValues.js';
import { TEMPLATE_GROUP_UNIFIED, type TenantSnapshot } from '../tenantModel.js';

/**
 * Layer: the tenant-wide `Group.Unified` directory setting. No settings object means Microsoft's defaults
 * (`AllowToAddGuests` true, `AllowGuestsToAccessGroups` true, `EnableMIPLabels` false); so does a value that is
 * absent or not "true"/"false".
 */
export interface GroupsOrgSettings {
  readonly allowToAddGuests: boolean;
  readonly allowGuestsToAccessGroups: boolean;
  readonly enableMIPLabels: boolean;
  /** GUESTS_DISABLED_ORG when guests may not be added to any group. */
  readonly blockers: readonly Blocker[];
  /** GROUP_CONTENT_ACCESS_OFF when guests stay members but can't reach group content. */
  readonly contentIssue?: Blocker;
}

export const GROUPS_ORG_DEFAULTS = Object.freeze({
  AllowToAddGuests: 'true',
  AllowGuestsToAccessGroups: 'true',
  EnableMIPLabels: 'false',
  GuestUsageGuidelinesUrl: '',
});

export function compileGroupsOrg(snapshot: TenantSnapshot): GroupsOrgSettings {
  const setting = findSetting(snapshot.groupSettings, TEMPLATE_GROUP_UNIFIED, 'Group.Unified');
  const allowToAddGuests = parseBool(settingValue(setting, 'AllowToAddGuests')) ?? true;
  const allowGuestsToAccessGroups = parseBool(settingValue(setting, 'AllowGuestsToAccessGroups')) ?? true;
  const enableMIPLabels = parseBool(settingValue(setting, 'EnableMIPLabels')) ?? false;
  const id = setting?.id ?? '{Group.Unified setting id}';
  const powershell = `Update-MgBetaDirectorySetting -DirectorySettingId ${id}`;
  const blockers = allowToAddGuests
    ? NO_BLOCKERS
    : Object.freeze([
        blocker('GUESTS_DISABLED_ORG', {
          setting: 'Group.Unified.AllowToAddGuests',
          currentValue: 'false',
          allowingValue: 'true',
          powershell,
          graph: `PATCH /groupSettings/${id} {"values":[{"name":"AllowToAddGuests","value":"true"}]}`,
        }),
      ]);
  const contentIssue = allowGuestsToAccessGroups
    ? undefined
    : blocker('GROUP_CONTENT_ACCESS_OFF', {
        setting: 'Group.Unified.AllowGuestsToAccessGroups',
        currentValue: 'false',
        allowingValue: 'true',
        powershell,
        graph: `PATCH /groupSettings/${id} {"values":[{"name":"AllowGuestsToAccessGroups","value":"true"}]}`,
      });
  return {
    allowToAddGuests,
    allowGuestsToAccessGroups,
    enableMIPLabels,
    blockers,
    ...(contentIssue ? { contentIssue } : {}),
  };
}
