import { blocker, NO_BLOCKERS, type Blocker } from '../blocker.js';
import type { DirectoryGroup, SensitivityLabel } from '../tenantModel.js';
import { labelUnverified, NO_UNVERIFIED, type UnverifiedLayer } from '../unverified.js';

/**
 * Layer: the group's sensitivity label. It counts only when `EnableMIPLabels` is true, and then it decides
 * instead of the per-group setting. A label the tenant does not know is treated as absent; a known label whose guest
 * setting the snapshot does not give (Graph has no API for it) still overrides the group setting, but is unverified.
 */
export interface LabelOutcome {
  readonly label?: SensitivityLabel;
  /** True when labels are on and the group carries a known label: the label overrides the group setting. */
  readonly applies: boolean;
  readonly blockers: readonly Blocker[];
  readonly unverified: readonly UnverifiedLayer[];
}

const NO_LABEL: LabelOutcome = Object.freeze({ applies: false, blockers: NO_BLOCKERS, unverified: NO_UNVERIFIED });

export function labelOutcome(
  group: DirectoryGroup,
  labelsById: ReadonlyMap<string, SensitivityLabel>,
  labelsEnabled: boolean,
): LabelOutcome {
  const known = (group.assignedLabels ?? [])
    .map((a) => labelsById.get(a.labelId))
    .filter((l): l is SensitivityLabel => l !== undefined);
  // A group carries one label; should a snapshot hold several, the most restrictive wins: no, then unknown, then yes.
  const unknown = known.find((l) => l.allowGuests === undefined);
  const label = known.find((l) => l.allowGuests === false) ?? unknown ?? known[0];
  if (!label) return NO_LABEL;
  if (!labelsEnabled) return { label, applies: false, blockers: NO_BLOCKERS, unverified: NO_UNVERIFIED };
  if (label.allowGuests === undefined) {
    const unverified = Object.freeze([labelUnverified(label.id, label.displayName)]);
    return { label, applies: true, blockers: NO_BLOCKERS, unverified };
  }
  if (label.allowGuests) return { label, applies: true, blockers: NO_BLOCKERS, unverified: NO_UNVERIFIED };
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
    unverified: NO_UNVERIFIED,
  };
}
