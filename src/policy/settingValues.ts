import type { DirectorySetting } from './tenantModel.js';

/**
 * Graph stores directory setting values as strings. "true"/"false" compare case-insensitively and ignore
 * surrounding space; anything else (absent, empty, garbage) means "not set".
 */
export function parseBool(value: string | undefined | null): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** The settings object made from `templateId` (or, for snapshots without ids, named `displayName`). */
export function findSetting(
  settings: readonly DirectorySetting[] | undefined,
  templateId: string,
  displayName: string,
): DirectorySetting | undefined {
  // Stryker disable next-line ConditionalExpression: withDefaults gives every snapshot and group a settings list
  if (!settings) return undefined;
  const byTemplate = settings.find((s) => s.templateId?.toLowerCase() === templateId);
  return byTemplate ?? settings.find((s) => s.displayName?.toLowerCase() === displayName.toLowerCase());
}

/** A value of a settings object by name (names compare case-insensitively). */
export function settingValue(setting: DirectorySetting | undefined, name: string): string | undefined {
  if (!setting) return undefined;
  const wanted = name.toLowerCase();
  return setting.values?.find((v) => v.name.toLowerCase() === wanted)?.value;
}
