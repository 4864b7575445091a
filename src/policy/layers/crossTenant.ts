import { blocker, NO_BLOCKERS, type Blocker } from '../blocker.js';
import { normaliseDomain } from '../email.js';
import type { AccessType, ExternalTenant, TenantSnapshot } from '../tenantModel.js';

/**
 * Layer: cross-tenant access, inbound B2B collaboration. A partner entry overrides the default for its tenant.
 * These settings govern Entra organisations only. A domain's tenant is what `findTenantInformationByDomainName`
 * answers (the snapshot's `externalTenants`, exact domain match):
 * - a known tenant: its partner entry, else the default;
 * - no Entra tenant (the snapshot's `domainsWithoutTenant`, or a well-known consumer mail domain): not governed;
 * - unknown: the default, because the domain may well belong to an Entra organisation (in doubt, refuse).
 * New invitations and their redemption; inbound blocking also stops guests who already redeemed from signing in.
 */
export interface CrossTenantPolicy {
  readonly defaultAccess: AccessType;
  readonly partners: ReadonlyMap<string, AccessType>;
  readonly tenantsByDomain: ReadonlyMap<string, ExternalTenant>;
  /** Domains known to have no Entra tenant. */
  readonly withoutTenant: ReadonlySet<string>;
}

/**
 * Consumer mail domains that have no Entra tenant (Microsoft accounts and other providers' consumer mail). A snapshot
 * that lists one of them under `externalTenants` wins over this list.
 */
export const CONSUMER_MAIL_DOMAINS: readonly string[] = Object.freeze([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
]);

/** How a domain stands towards Entra: a known tenant, known to have none, or not known. */
export type DomainTenant =
  | { readonly kind: 'entra'; readonly tenant: ExternalTenant }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown' };

const SETTING = 'b2bCollaborationInbound.usersAndGroups.accessType';

export function compileCrossTenant(snapshot: TenantSnapshot): CrossTenantPolicy {
  const policy = snapshot.crossTenantAccessPolicy;
  const defaultAccess = accessOf(policy?.default?.b2bCollaborationInbound?.usersAndGroups?.accessType) ?? 'allowed';
  const partners = new Map<string, AccessType>();
  // Stryker disable next-line ArrayDeclaration: a made-up entry has no accessType, so it is skipped like nothing
  for (const p of policy?.partners ?? []) {
    const access = accessOf(p.b2bCollaborationInbound?.usersAndGroups?.accessType);
    // An entry without a valid accessType would map to undefined, which every reader treats as absent.
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    if (access) partners.set(p.tenantId.toLowerCase(), access);
  }
  const tenantsByDomain = new Map<string, ExternalTenant>();
  for (const t of snapshot.externalTenants ?? []) {
    for (const d of t.domains) {
      const domain = normaliseDomain(d);
      // The first tenant to claim a domain keeps it (a directory should never answer two).
      if (domain && !tenantsByDomain.has(domain)) tenantsByDomain.set(domain, t);
    }
  }
  // Looked up only after tenantsByDomain, so a domain listed under a tenant is governed whatever this set says.
  const withoutTenant = new Set<string>();
  // Stryker disable next-line ArrayDeclaration: a made-up entry is no domain, so it is skipped like nothing
  for (const d of [...CONSUMER_MAIL_DOMAINS, ...(snapshot.domainsWithoutTenant ?? [])]) {
    const domain = normaliseDomain(d);
    // An entry that is no domain would add undefined, which no lookup asks for.
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    if (domain) withoutTenant.add(domain);
  }
  return { defaultAccess, partners, tenantsByDomain, withoutTenant };
}

export function domainTenant(policy: CrossTenantPolicy, domain: string): DomainTenant {
  const tenant = policy.tenantsByDomain.get(domain);
  if (tenant) return { kind: 'entra', tenant };
  return policy.withoutTenant.has(domain) ? NO_TENANT : UNKNOWN_TENANT;
}

const NO_TENANT: DomainTenant = Object.freeze({ kind: 'none' });
const UNKNOWN_TENANT: DomainTenant = Object.freeze({ kind: 'unknown' });

function accessOf(value: string | undefined): AccessType | undefined {
  const v = value?.toLowerCase();
  return v === 'allowed' || v === 'blocked' ? v : undefined;
}

/** The partner entry (if any) and the access that applies to `domain`; `allowed` for a domain without a tenant. */
export function inboundAccess(
  policy: CrossTenantPolicy,
  domain: string,
): { tenant?: ExternalTenant; partner?: AccessType; access: AccessType } {
  const tenant = policy.tenantsByDomain.get(domain);
  if (!tenant && policy.withoutTenant.has(domain)) return { access: 'allowed' };
  const partner = tenant ? policy.partners.get(tenant.tenantId.toLowerCase()) : undefined;
  return { tenant, partner, access: partner ?? policy.defaultAccess };
}

export function partnerBlocker(tenantId: string, displayName: string): Blocker {
  return blocker('CROSS_TENANT_PARTNER_BLOCKED', {
    setting: `crossTenantAccessPolicy.partners[${tenantId}].${SETTING}`,
    currentValue: 'blocked',
    allowingValue: 'allowed',
    powershell: `Update-MgPolicyCrossTenantAccessPolicyPartner -CrossTenantAccessPolicyConfigurationPartnerTenantId ${tenantId}`,
    graph: `PATCH /policies/crossTenantAccessPolicy/partners/${tenantId}`,
    subject: displayName,
  });
}

export function defaultBlocker(subject?: string): Blocker {
  return blocker('CROSS_TENANT_DEFAULT_BLOCKED', {
    setting: `crossTenantAccessPolicy.default.${SETTING}`,
    currentValue: 'blocked',
    allowingValue: 'allowed',
    powershell: 'Update-MgPolicyCrossTenantAccessPolicyDefault',
    graph: 'PATCH /policies/crossTenantAccessPolicy/default',
    // blocker() leaves an undefined subject out.
    subject,
  });
}

export function crossTenantBlockers(policy: CrossTenantPolicy, domain: string): readonly Blocker[] {
  const { tenant, partner, access } = inboundAccess(policy, domain);
  if (access === 'allowed') return NO_BLOCKERS;
  if (partner && tenant) return Object.freeze([partnerBlocker(tenant.tenantId, tenant.displayName)]);
  return Object.freeze([defaultBlocker(tenant?.displayName ?? domain)]);
}
