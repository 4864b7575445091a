import { blocker, NO_BLOCKERS, type Blocker } from '../blocker.js';
import type { DirectoryGroup, SensitivityLabel } from '../tenantModel.js';

/**
 * Layer: the group's sensitivity label. It counts only when `EnableMIPLabels` is true, and then it decides
 * instead of the per-group setting. A label the tenant does not know is treated as absent.
 */
export interface LabelOutcome {
  readonly label?: SensitivityLabel;
  /** True when labels are on and the group carries a known label: the label overrides the group setting. */
  readonly applies: boolean;
  readonly blockers: readonly Blocker[];
}

export function labelOutcome(
  group: DirectoryGroup,
  labelsById: ReadonlyMap<string, SensitivityLabel>,
  labelsEnabled: boolean,
): LabelOutcome {
  const known = (group.assignedLabels ?? [])
    .map((a) => labelsById.get(a.labelId))
    .filter((l): l is SensitivityLabel => l !== undefined);
  // A group carries one label; should a snapshot hold several, the most restrictive wins.
  const label = known.find((l) => !l.allowGuests) ?? known[0];
  if (!label) return { applies: false, blockers: NO_BLOCKERS };
  if (!labelsEnabled || label.allowGuests) return { label, applies: labelsEnabled, blockers: NO_BLOCKERS };
  return {
    label,
    applies: true,
    blockers: Object.freeze([
      blocker('LABEL_BLOCKS_GUESTS', {
        setting: 'SiteAndGroupProtectionAllowAccessToGuestUsers',
        currentValue: 'false',
        allowingValue: 'true',
        powershell: `Set-Label -Identity ${label.id} -SiteAndGroupProtectionAllowAccessToGuestUsers $true`,
        subject: label.displayName,
      }),
    ]),
  };
}
