import { blocker, NO_BLOCKERS, type Blocker } from '../blocker.js';
import { normaliseDomain } from '../email.js';
import type { AccessType, ExternalTenant, TenantSnapshot } from '../tenantModel.js';

/**
 * Layer: cross-tenant access, inbound B2B collaboration. A partner entry overrides the default for its tenant.
 * A domain's tenant is what `findTenantInformationByDomainName` answers (the snapshot's `externalTenants`, exact
 * domain match); consumer and unknown domains have none and get the default. New invitations only.
 */
export interface CrossTenantPolicy {
  readonly defaultAccess: AccessType;
  readonly partners: ReadonlyMap<string, AccessType>;
  readonly tenantsByDomain: ReadonlyMap<string, ExternalTenant>;
}

const SETTING = 'b2bCollaborationInbound.usersAndGroups.accessType';

export function compileCrossTenant(snapshot: TenantSnapshot): CrossTenantPolicy {
  const policy = snapshot.crossTenantAccessPolicy;
  const defaultAccess = accessOf(policy?.default?.b2bCollaborationInbound?.usersAndGroups?.accessType) ?? 'allowed';
  const partners = new Map<string, AccessType>();
  for (const p of policy?.partners ?? []) {
    const access = accessOf(p.b2bCollaborationInbound?.usersAndGroups?.accessType);
    if (access) partners.set(p.tenantId.toLowerCase(), access);
  }
  const tenantsByDomain = new Map<string, ExternalTenant>();
  for (const t of snapshot.externalTenants ?? []) {
    for (const d of t.domains) {
      const domain = normaliseDomain(d);
      if (domain && !tenantsByDomain.has(domain)) tenantsByDomain.set(domain, t);
    }
  }
  return { defaultAccess, partners, tenantsByDomain };
}

function accessOf(value: string | undefined): AccessType | undefined {
  const v = value?.toLowerCase();
  return v === 'allowed' || v === 'blocked' ? v : undefined;
}

/** The partner entry (if any) and the access that applies to `domain`. */
export function inboundAccess(
  policy: CrossTenantPolicy,
  domain: string,
): { tenant?: ExternalTenant; partner?: AccessType; access: AccessType } {
  const tenant = policy.tenantsByDomain.get(domain);
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
    ...(subject !== undefined ? { subject } : {}),
  });
}

export function crossTenantBlockers(policy: CrossTenantPolicy, domain: string): readonly Blocker[] {
  const { tenant, partner, access } = inboundAccess(policy, domain);
  if (access === 'allowed') return NO_BLOCKERS;
  if (partner && tenant) return Object.freeze([partnerBlocker(tenant.tenantId, tenant.displayName)]);
  return Object.freeze([defaultBlocker(tenant?.displayName ?? domain)]);
}
