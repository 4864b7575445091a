import type { GuestAccess } from './access.js';
import { joinBlockers, NO_BLOCKERS, type Blocker } from './blocker.js';
import type { PolicyContext } from './context.js';
import type { Verdict } from './decision.js';
import type { GroupKind } from './layers/groupKind.js';
import type { GroupGuestSetting } from './layers/groupSetting.js';
import type { SharingCapability } from './tenantModel.js';
import type { UnverifiedLayer } from './unverified.js';
import { GuestState, variantIndex } from './variants.js';

/** A domain on no list and of no known tenant: what "a new guest from anywhere" meets. `.invalid` is reserved. */
const NEUTRAL_DOMAIN = 'neutral.invalid';

/** One group's guest-relevant facts, for the admin's "settings <group>" answer. */
export interface GroupProfile {
  readonly groupId: string;
  readonly displayName: string;
  readonly kind: GroupKind;
  readonly dynamic: boolean;
  readonly onPremises: boolean;
  readonly vivaEngage: boolean;
  readonly hasTeam: boolean;
  /** The group's label, and whether it applies (labels on): then it overrides the per-group setting. */
  readonly label?: {
    readonly id: string;
    readonly displayName: string;
    readonly allowGuests?: boolean;
    readonly applies: boolean;
  };
  readonly groupSetting: GroupGuestSetting;
  readonly site?: {
    readonly site?: SharingCapability;
    readonly org: SharingCapability;
    readonly effective?: SharingCapability;
  };
  readonly ownerCount: number;
  readonly memberCount: number;
  readonly guestCount: number;
  readonly groupBasedLicensing: boolean;
  /** A new external guest from a neutral domain, asked for by an owner. */
  readonly newGuest: {
    readonly verdict: Exclude<Verdict, 'nothingToDo'>;
    readonly blockers: readonly Blocker[];
    readonly accessIssues: readonly Blocker[];
    readonly unverified: readonly UnverifiedLayer[];
    readonly access: GuestAccess;
  };
}

export function groupProfile(ctx: PolicyContext, groupId: string): GroupProfile | undefined {
  const cg = ctx.groups.get(groupId);
  if (!cg) return undefined;
  const { group, shape, label } = cg;
  const approval = cg.approversNew;
  const noApprover = approval.reasonCode === 'NO_ELIGIBLE_APPROVER' ? cg.noApproverNew : NO_BLOCKERS;
  const blockers = joinBlockers(ctx.domainVerdict(NEUTRAL_DOMAIN).inviteBlockers, cg.blockers, noApprover);
  const variant = cg.variants[variantIndex(GuestState.New, true)];
  return {
    groupId: group.id,
    displayName: group.displayName,
    kind: shape.kind,
    dynamic: shape.dynamic,
    onPremises: shape.onPremises,
    vivaEngage: shape.vivaEngage,
    hasTeam: shape.hasTeam,
    ...(label.label
      ? {
          label: {
            id: label.label.id,
            displayName: label.label.displayName,
            ...(label.label.allowGuests !== undefined ? { allowGuests: label.label.allowGuests } : {}),
            applies: label.applies,
          },
        }
      : {}),
    groupSetting: cg.guestSetting,
    ...(cg.site ? { site: cg.site } : {}),
    ownerCount: group.owners.length,
    memberCount: cg.memberIds.size,
    guestCount: cg.guestCount,
    groupBasedLicensing: cg.groupBasedLicensing,
    newGuest: {
      verdict: blockers.length > 0 ? 'blocked' : approval.basis === 'owners' ? 'addNow' : 'needsApproval',
      blockers,
      accessIssues: variant.issues,
      unverified: variant.unverified,
      access: variant.access,
    },
  };
}
