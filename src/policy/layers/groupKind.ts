import { blocker, type Blocker } from '../blocker.js';
import type { DirectoryGroup } from '../tenantModel.js';

/** What kind of group this is, as Graph's properties tell. */
export type GroupKind = 'microsoft365' | 'distributionList' | 'mailEnabledSecurity' | 'security';

export interface GroupShape {
  readonly kind: GroupKind;
  /** Rule-based membership: members are computed, not added. */
  readonly dynamic: boolean;
  /** Synchronised from AD DS: managed with on-premises tools. */
  readonly onPremises: boolean;
  /** Created by (connected to) Viva Engage: no guest support. */
  readonly vivaEngage: boolean;
  readonly hasTeam: boolean;
}

function includesIgnoringCase(list: readonly string[] | undefined, value: string): boolean {
  const wanted = value.toLowerCase();
  return (list ?? []).some((v) => v.toLowerCase() === wanted);
}

export function groupShape(group: DirectoryGroup): GroupShape {
  const unified = includesIgnoringCase(group.groupTypes, 'Unified');
  const kind: GroupKind = unified
    ? 'microsoft365'
    : group.mailEnabled
      ? group.securityEnabled
        ? 'mailEnabledSecurity'
        : 'distributionList'
      : 'security';
  return {
    kind,
    dynamic: includesIgnoringCase(group.groupTypes, 'DynamicMembership') || !!group.membershipRule?.trim(),
    onPremises: group.onPremisesSyncEnabled === true,
    vivaEngage: includesIgnoringCase(group.creationOptions, 'YammerProvisioning'),
    hasTeam: includesIgnoringCase(group.resourceProvisioningOptions, 'Team'),
  };
}

/**
 * Layer: the group's kind. Only cloud, assigned-membership Microsoft 365 groups take guests through the bot;
 * every other kind is reported with where it is managed. Independent traits are reported independently
 * (an on-premises distribution list gets both), because each needs its own fix.
 */
export function groupKindBlockers(group: DirectoryGroup, shape: GroupShape): Blocker[] {
  const out: Blocker[] = [];
  const addMember = `POST /groups/${group.id}/members/$ref`;
  if (shape.onPremises) {
    out.push(
      blocker('GROUP_ON_PREMISES', { setting: 'onPremisesSyncEnabled', currentValue: 'true', allowingValue: 'false' }),
    );
  }
  if (shape.kind === 'distributionList') {
    out.push(
      blocker('GROUP_DISTRIBUTION_LIST', {
        setting: 'groupTypes',
        currentValue: 'distributionList',
        allowingValue: 'Unified',
        powershell: `Upgrade-DistributionGroup -DlIdentities ${group.mail ?? group.id}`,
      }),
    );
  } else if (shape.kind === 'mailEnabledSecurity') {
    out.push(
      blocker('GROUP_MAIL_ENABLED_SECURITY', {
        setting: 'groupTypes',
        currentValue: 'mailEnabledSecurity',
        allowingValue: 'Unified',
      }),
    );
  } else if (shape.kind === 'security') {
    out.push(
      blocker('GROUP_NOT_M365', {
        setting: 'groupTypes',
        currentValue: 'security',
        allowingValue: 'Unified',
        graph: addMember,
      }),
    );
  }
  if (shape.dynamic) {
    out.push(
      blocker('GROUP_DYNAMIC', {
        setting: 'groupTypes',
        currentValue: 'DynamicMembership',
        allowingValue: 'assigned',
        graph: `PATCH /groups/${group.id} {"groupTypes":["Unified"],"membershipRuleProcessingState":"Paused"}`,
      }),
    );
  }
  if (shape.vivaEngage) {
    out.push(
      blocker('GROUP_VIVA_ENGAGE', {
        setting: 'creationOptions',
        currentValue: 'YammerProvisioning',
        allowingValue: '—',
      }),
    );
  }
  return out;
}
