import type * as Graph from '@microsoft/microsoft-graph-types';
import {
  ALLOW_INVITES_FROM_VALUES,
  SHARING_CAPABILITY_VALUES,
  ROLE_TEMPLATE_IDS,
  type AccessType,
  type AllowInvitesFrom,
  type DirectoryGroup,
  type DirectorySetting,
  type DirectoryUser,
  type SharePointSettings,
  type SharingCapability,
  type TenantSnapshot,
} from '../../policy/tenantModel.js';

/**
 * Graph's documented shapes → the tenant model. Lenient on purpose: Graph leaves out properties that were never
 * set, returns null for others, and adds properties over time; whatever is missing falls back to Graph's default.
 */

/** The properties the model needs, and no more (`$select`). */
export const USER_SELECT =
  'id,displayName,mail,userPrincipalName,userType,accountEnabled,preferredLanguage,externalUserState';
export const GROUP_SELECT =
  'id,displayName,mail,description,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled,membershipRule,' +
  'resourceProvisioningOptions,assignedLabels,assignedLicenses';

/** The directory roles the policy knows, by template id (stable across tenants, unlike names and object ids). */
export const KNOWN_ROLE_TEMPLATES: ReadonlySet<string> = new Set(Object.values(ROLE_TEMPLATE_IDS));

const ALLOW_INVITES = ALLOW_INVITES_FROM_VALUES;
const SHARING = SHARING_CAPABILITY_VALUES;

export function toUser(u: Graph.User, roles: string[]): DirectoryUser {
  const upn = u.userPrincipalName ?? u.mail ?? u.id ?? '';
  return {
    id: u.id ?? '',
    displayName: u.displayName || upn,
    mail: u.mail ?? null,
    userPrincipalName: upn,
    userType: u.userType === 'Guest' ? 'Guest' : 'Member',
    accountEnabled: u.accountEnabled !== false,
    roles,
    preferredLanguage: u.preferredLanguage ?? null,
    externalUserState:
      u.externalUserState === 'PendingAcceptance' || u.externalUserState === 'Accepted' ? u.externalUserState : null,
  };
}

/** The group's own properties; owners, members, settings and site are filled in by the caller. */
export function toGroupProperties(g: Graph.Group): Omit<DirectoryGroup, 'owners' | 'members' | 'settings' | 'site'> {
  return {
    id: g.id ?? '',
    displayName: g.displayName || g.mail || g.id || '',
    mail: g.mail ?? null,
    description: g.description ?? null,
    groupTypes: [...(g.groupTypes ?? [])],
    mailEnabled: g.mailEnabled === true,
    securityEnabled: g.securityEnabled === true,
    onPremisesSyncEnabled: g.onPremisesSyncEnabled ?? null,
    membershipRule: g.membershipRule || null,
    resourceProvisioningOptions: [
      ...((g as { resourceProvisioningOptions?: string[] }).resourceProvisioningOptions ?? []),
    ],
    assignedLabels: (g.assignedLabels ?? []).flatMap((l) =>
      l.labelId ? [{ labelId: l.labelId, displayName: l.displayName ?? undefined }] : [],
    ),
    assignedLicenses: (g.assignedLicenses ?? []).flatMap((l) => (l.skuId ? [{ skuId: l.skuId }] : [])),
  };
}

/** A property of a delta item, present only when Graph sent it (delta sends changed or all selected properties). */
export function mergeGroupProperties(
  current: Omit<DirectoryGroup, 'owners' | 'members' | 'settings' | 'site'>,
  change: Graph.Group,
): Omit<DirectoryGroup, 'owners' | 'members' | 'settings' | 'site'> {
  const present = (key: string) => Object.hasOwn(change, key);
  const next = toGroupProperties({ ...current, ...change });
  return {
    ...next,
    description: present('description') ? (change.description ?? null) : current.description,
  };
}

export function toSetting(s: Graph.GroupSetting): DirectorySetting {
  return {
    id: s.id ?? undefined,
    templateId: (s.templateId ?? '').toLowerCase(),
    displayName: s.displayName ?? undefined,
    values: (s.values ?? []).flatMap((v) =>
      v.name
        ? [
            {
              name: v.name,
              value: /^(true|false)$/i.test(v.value ?? '') ? (v.value ?? '').toLowerCase() : (v.value ?? ''),
            },
          ]
        : [],
    ),
  };
}

export function toAuthorizationPolicy(p: Graph.AuthorizationPolicy | undefined): TenantSnapshot['authorizationPolicy'] {
  const allow = p?.allowInvitesFrom as AllowInvitesFrom | undefined;
  return {
    allowInvitesFrom: allow && ALLOW_INVITES.includes(allow) ? allow : 'everyone',
    guestUserRoleId: p?.guestUserRoleId ?? '10dae51f-b6af-4016-8d66-8c2a99b929b3',
  };
}

function accessType(value: unknown): AccessType | undefined {
  return value === 'allowed' || value === 'blocked' ? value : undefined;
}

type InboundConfig =
  { b2bCollaborationInbound?: { usersAndGroups?: { accessType?: unknown } | null } | null } | undefined;

/** Cross-tenant access: the default, and partners (a partner without its own inbound setting inherits the default). */
export function toCrossTenant(
  defaults: InboundConfig,
  partners: (InboundConfig & { tenantId?: string | null })[],
): TenantSnapshot['crossTenantAccessPolicy'] {
  const fallback = accessType(defaults?.b2bCollaborationInbound?.usersAndGroups?.accessType) ?? 'allowed';
  return {
    default: { b2bCollaborationInbound: { usersAndGroups: { accessType: fallback } } },
    partners: partners.flatMap((p) => {
      if (!p.tenantId) return [];
      const own = accessType(p.b2bCollaborationInbound?.usersAndGroups?.accessType);
      return [{ tenantId: p.tenantId, b2bCollaborationInbound: { usersAndGroups: { accessType: own ?? fallback } } }];
    }),
  };
}

/**
 * The B2B management policy's domain lists. `definition` is a JSON string inside a string collection; Graph's own
 * example writes it with single quotes, so that spelling is accepted too.
 */
export function toB2bManagementPolicy(
  policies: { definition?: unknown; isOrganizationDefault?: unknown }[],
): TenantSnapshot['b2bManagementPolicy'] {
  const active =
    policies.find((p) => p.isOrganizationDefault === true || p.isOrganizationDefault === 'true') ??
    (policies.length === 1 ? policies[0] : undefined);
  if (!active) return {};
  const definitions = Array.isArray(active.definition) ? active.definition : [active.definition];
  for (const text of definitions) {
    if (typeof text !== 'string') continue;
    const parsed = parseLenient(text) as
      { B2BManagementPolicy?: { InvitationsAllowedAndBlockedDomainsPolicy?: Record<string, unknown> } } | undefined;
    const domains = parsed?.B2BManagementPolicy?.InvitationsAllowedAndBlockedDomainsPolicy;
    if (!domains) continue;
    const list = (value: unknown) =>
      Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string' && d.length > 0) : undefined;
    const AllowedDomains = list(domains.AllowedDomains);
    const BlockedDomains = list(domains.BlockedDomains);
    return {
      InvitationsAllowedAndBlockedDomainsPolicy: {
        ...(AllowedDomains !== undefined ? { AllowedDomains } : {}),
        ...(BlockedDomains !== undefined ? { BlockedDomains } : {}),
      },
    };
  }
  return {};
}

function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/'/g, '"'));
    } catch {
      return undefined;
    }
  }
}

/** `admin/sharepoint/settings`; Graph's example wraps the object in `value`, the service answers it bare. */
export function toSharePoint(raw: Record<string, unknown> | undefined): SharePointSettings {
  const s = (
    raw && typeof raw.value === 'object' && raw.value !== null && !Array.isArray(raw.value) ? raw.value : raw
  ) as Record<string, unknown> | undefined;
  const capability = s?.sharingCapability as SharingCapability | undefined;
  const mode = s?.sharingDomainRestrictionMode;
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((d): d is string => typeof d === 'string' && d.length > 0) : [];
  return {
    sharingCapability: capability && SHARING.includes(capability) ? capability : 'externalUserAndGuestSharing',
    sharingDomainRestrictionMode: mode === 'allowList' || mode === 'blockList' ? mode : 'none',
    sharingAllowedDomainList: strings(s?.sharingAllowedDomainList),
    sharingBlockedDomainList: strings(s?.sharingBlockedDomainList),
  };
}

/** A directory object reference is a user when Graph says so, or says nothing (`$select=id` may drop the type). */
export function isUserReference(ref: { '@odata.type'?: string }): boolean {
  const type = ref['@odata.type'];
  return type === undefined || type === '#microsoft.graph.user';
}
