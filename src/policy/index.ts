/**
 * The policy: can guest G be added to group Y, asked by R — and if not, why, who can fix it, where?
 * Pure: no I/O, no clock, no environment; it imports nothing outside src/policy.
 */
export type { GuestAccess } from './access.js';
export type { ApprovalBasis, ApproverSet, RequesterRelation } from './approvers.js';
export type { Blocker, FixLocation } from './blocker.js';
export { layerOf } from './blocker.js';
export type { CompiledGroup } from './compiledGroup.js';
export {
  compilePolicy,
  isAdmin,
  isGroupsAdmin,
  managesAnyGroup,
  mayInvite,
  tenantLayers,
  type PolicyContext,
} from './context.js';
export {
  approversFor,
  evaluateGuest,
  evaluateRequest,
  type GuestDecision,
  type GuestInput,
  type RequestInput,
  type Verdict,
} from './decision.js';
export { normaliseDomain, normaliseEmail, type NormalisedEmail } from './email.js';
export { groupProfile, type GroupProfile } from './groupProfile.js';
export { CONSUMER_MAIL_DOMAINS, domainTenant, type DomainTenant } from './layers/crossTenant.js';
export type { GroupKind } from './layers/groupKind.js';
export type { GroupGuestSetting } from './layers/groupSetting.js';
export {
  APPROVAL_REASONS,
  EFFECT_CODES,
  LAYERS,
  NOTE_CODES,
  PORTAL_KEYS,
  REASON_CODES,
  UNVERIFIED_CODES,
  ROLE_KEYS,
  type ApprovalReason,
  type EffectCode,
  type Layer,
  type NoteCode,
  type PortalKey,
  type ReasonCode,
  type RoleKey,
  type UnverifiedCode,
} from './reasonCodes.js';
export {
  DIRECTORY_ROLE_NAMES,
  holdsRole,
  isAdminUser,
  isGroupsAdminUser,
  isGuestInviter,
  roleTemplateIdOf,
} from './roles.js';
export { revealInvisible, stripInvisible } from './text.js';
export { type LayerStatus, type TenantLayer } from './tenantLayers.js';
export type { UnverifiedLayer } from './unverified.js';
