import type { Layer, PortalKey, ReasonCode, RoleKey } from './reasonCodes.js';

/** Where a setting is changed: an admin-centre page and, when one exists, the PowerShell cmdlet or Graph call. */
export interface FixLocation {
  readonly portalKey: PortalKey;
  readonly powershell?: string;
  readonly graph?: string;
}

/**
 * One thing that stands in the way, with everything needed to fix it. Values are Graph's own spellings
 * (language-neutral); text is rendered from {@link code} through i18n.
 */
export interface Blocker {
  readonly code: ReasonCode;
  readonly layer: Layer;
  /** The setting, as Graph or PowerShell names it. */
  readonly setting: string;
  readonly currentValue: string;
  /** The value that would let the guest through. */
  readonly allowingValue: string;
  /** Who can change it, most specific role first. */
  readonly fixRoles: readonly RoleKey[];
  readonly where: FixLocation;
  /** Tenant settings can take up to 24 hours to take effect after a change. */
  readonly propagation24h: boolean;
  /** What the rule matched (a domain, a list entry, a label or tenant name): user or admin text, escape it. */
  readonly subject?: string;
}

/** The parts of a blocker that never vary for a code. */
interface CodeTraits {
  readonly layer: Layer;
  readonly fixRoles: readonly RoleKey[];
  readonly portalKey: PortalKey;
  readonly propagation24h: boolean;
}

const TRAITS: Readonly<Record<ReasonCode, CodeTraits>> = {
  ADDRESS_INVALID: { layer: 'input', fixRoles: ['requester'], portalKey: 'none', propagation24h: false },
  REQUESTER_NOT_MEMBER: {
    layer: 'requester',
    fixRoles: ['groupOwner'],
    portalKey: 'm365GroupMembers',
    propagation24h: false,
  },
  GROUP_NOT_FOUND: { layer: 'group', fixRoles: ['requester'], portalKey: 'm365Groups', propagation24h: false },
  INVITES_DISABLED: {
    layer: 'entra',
    fixRoles: ['globalAdmin'],
    portalKey: 'entraGuestInviteSettings',
    propagation24h: true,
  },
  DOMAIN_POLICY_CONFLICT: {
    layer: 'entra',
    fixRoles: ['globalAdmin'],
    portalKey: 'entraCollaborationRestrictions',
    propagation24h: true,
  },
  DOMAIN_NOT_ALLOWED: {
    layer: 'entra',
    fixRoles: ['globalAdmin'],
    portalKey: 'entraCollaborationRestrictions',
    propagation24h: true,
  },
  DOMAIN_BLOCKED: {
    layer: 'entra',
    fixRoles: ['globalAdmin'],
    portalKey: 'entraCollaborationRestrictions',
    propagation24h: true,
  },
  CROSS_TENANT_DEFAULT_BLOCKED: {
    layer: 'crossTenant',
    fixRoles: ['securityAdmin', 'globalAdmin'],
    portalKey: 'entraCrossTenantDefault',
    propagation24h: true,
  },
  CROSS_TENANT_PARTNER_BLOCKED: {
    layer: 'crossTenant',
    fixRoles: ['securityAdmin', 'globalAdmin'],
    portalKey: 'entraCrossTenantPartners',
    propagation24h: true,
  },
  GUEST_ACCOUNT_DISABLED: {
    layer: 'directory',
    fixRoles: ['userAdmin', 'globalAdmin'],
    portalKey: 'entraUsers',
    propagation24h: false,
  },
  GROUP_DYNAMIC: {
    layer: 'group',
    fixRoles: ['groupsAdmin', 'globalAdmin'],
    portalKey: 'entraGroups',
    propagation24h: false,
  },
  GROUP_ON_PREMISES: { layer: 'group', fixRoles: ['adDsAdmin'], portalKey: 'adDs', propagation24h: false },
  GROUP_DISTRIBUTION_LIST: {
    layer: 'group',
    fixRoles: ['exchangeAdmin', 'globalAdmin'],
    portalKey: 'exchangeGroups',
    propagation24h: false,
  },
  GROUP_MAIL_ENABLED_SECURITY: {
    layer: 'group',
    fixRoles: ['exchangeAdmin', 'globalAdmin'],
    portalKey: 'exchangeGroups',
    propagation24h: false,
  },
  GROUP_NOT_M365: {
    layer: 'group',
    fixRoles: ['groupsAdmin', 'globalAdmin'],
    portalKey: 'entraGroups',
    propagation24h: false,
  },
  // Connected Viva Engage groups do not support guests at all: nobody can switch that on.
  GROUP_VIVA_ENGAGE: { layer: 'group', fixRoles: [], portalKey: 'vivaEngage', propagation24h: false },
  GUESTS_DISABLED_ORG: {
    layer: 'groups',
    fixRoles: ['globalAdmin'],
    portalKey: 'm365GroupsOrgSettings',
    propagation24h: true,
  },
  LABEL_BLOCKS_GUESTS: {
    layer: 'label',
    fixRoles: ['complianceAdmin', 'globalAdmin'],
    portalKey: 'purviewLabels',
    propagation24h: true,
  },
  GUESTS_DISABLED_GROUP: {
    layer: 'group',
    fixRoles: ['groupsAdmin', 'globalAdmin'],
    portalKey: 'groupSettingPowerShell',
    propagation24h: true,
  },
  NO_APPROVER: {
    layer: 'approval',
    fixRoles: ['groupsAdmin', 'globalAdmin'],
    portalKey: 'm365GroupOwners',
    propagation24h: false,
  },
  // Owners exist, but none may send the invitation a new guest needs, and nobody else may either.
  NO_INVITER: {
    layer: 'approval',
    fixRoles: ['globalAdmin'],
    portalKey: 'entraGuestInviteSettings',
    propagation24h: true,
  },
  GROUP_CONTENT_ACCESS_OFF: {
    layer: 'groups',
    fixRoles: ['globalAdmin'],
    portalKey: 'm365GroupsOrgSettings',
    propagation24h: true,
  },
  TEAMS_GUEST_ACCESS_OFF: {
    layer: 'teams',
    fixRoles: ['teamsAdmin', 'globalAdmin'],
    portalKey: 'teamsGuestAccess',
    propagation24h: true,
  },
  SITE_SHARING_ORG_RESTRICTED: {
    layer: 'sharePoint',
    fixRoles: ['sharePointAdmin', 'globalAdmin'],
    portalKey: 'sharePointOrgSharing',
    propagation24h: true,
  },
  SITE_SHARING_SITE_RESTRICTED: {
    layer: 'sharePoint',
    fixRoles: ['sharePointAdmin', 'globalAdmin'],
    portalKey: 'sharePointSiteSharing',
    propagation24h: true,
  },
  SITE_DOMAIN_NOT_ALLOWED: {
    layer: 'sharePoint',
    fixRoles: ['sharePointAdmin', 'globalAdmin'],
    portalKey: 'sharePointDomains',
    propagation24h: true,
  },
  SITE_DOMAIN_BLOCKED: {
    layer: 'sharePoint',
    fixRoles: ['sharePointAdmin', 'globalAdmin'],
    portalKey: 'sharePointDomains',
    propagation24h: true,
  },
};

for (const traits of Object.values(TRAITS)) Object.freeze(traits.fixRoles);

/** The layer a code belongs to. */
export function layerOf(code: ReasonCode): Layer {
  return TRAITS[code].layer;
}

export interface BlockerFacts {
  setting: string;
  currentValue: string;
  allowingValue: string;
  powershell?: string;
  graph?: string;
  subject?: string;
}

/** A frozen blocker: decisions share blockers, so nobody may change one. */
export function blocker(code: ReasonCode, facts: BlockerFacts): Blocker {
  const traits = TRAITS[code];
  const where: FixLocation = Object.freeze({
    portalKey: traits.portalKey,
    ...(facts.powershell !== undefined ? { powershell: facts.powershell } : {}),
    ...(facts.graph !== undefined ? { graph: facts.graph } : {}),
  });
  return Object.freeze({
    code,
    layer: traits.layer,
    setting: facts.setting,
    currentValue: facts.currentValue,
    allowingValue: facts.allowingValue,
    fixRoles: traits.fixRoles,
    where,
    propagation24h: traits.propagation24h,
    ...(facts.subject !== undefined ? { subject: facts.subject } : {}),
  });
}

/** Shared empty list: the allowed path allocates nothing for it. */
export const NO_BLOCKERS: readonly Blocker[] = Object.freeze([]);

/** Concatenates blocker lists in order, reusing an input when only one is non-empty. */
export function joinBlockers(...lists: readonly (readonly Blocker[])[]): readonly Blocker[] {
  let only: readonly Blocker[] = NO_BLOCKERS;
  let count = 0;
  for (const list of lists) {
    if (list.length > 0) {
      only = list;
      count += 1;
    }
  }
  if (count <= 1) return only;
  const out: Blocker[] = [];
  for (const list of lists) for (const b of list) out.push(b);
  return out;
}

/** Freezes a list built once at compile time. */
export function frozenList(list: Blocker[]): readonly Blocker[] {
  return list.length === 0 ? NO_BLOCKERS : Object.freeze(list);
}
