import { blocker, NO_BLOCKERS, type Blocker } from '../blocker.js';
import { compileDomainList, entriesSummary, listChange, type DomainList } from '../domainList.js';
import type { EffectCode } from '../reasonCodes.js';
import type { TenantSnapshot } from '../tenantModel.js';

/**
 * Layer: the B2B management policy's `InvitationsAllowedAndBlockedDomainsPolicy` (Entra "Collaboration
 * restrictions"). New invitations only.
 * - `AllowedDomains` present (even empty) is an allow list: everything not on it is refused.
 * - `BlockedDomains` counts when non-empty: an empty block list is what Entra itself writes by default.
 * - Both at once is a configuration error, reported as such rather than silently picking one.
 */
export type EntraDomainPolicy =
  | { readonly kind: 'none' }
  | { readonly kind: 'allowList'; readonly list: DomainList }
  | { readonly kind: 'blockList'; readonly list: DomainList }
  | {
      readonly kind: 'conflict';
      readonly allow: DomainList;
      readonly block: DomainList;
      readonly blockers: readonly Blocker[];
    };

const SETTING = 'B2BManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy';
// The AzureAD module's Set-AzureADPolicy is retired; Microsoft Graph (beta) manages the policy now.
const POWERSHELL =
  'Update-MgBetaPolicyB2BManagementPolicy -B2bManagementPolicyId <id> -Definition <InvitationsAllowedAndBlockedDomainsPolicy JSON>';
const GRAPH = 'PATCH /beta/policies/b2bManagementPolicies/{id} (definition: InvitationsAllowedAndBlockedDomainsPolicy)';

export function compileEntraDomains(snapshot: TenantSnapshot): EntraDomainPolicy {
  // Stryker disable next-line OptionalChaining: withDefaults gives every snapshot a b2bManagementPolicy
  const raw = snapshot.b2bManagementPolicy?.InvitationsAllowedAndBlockedDomainsPolicy;
  const allowed = raw?.AllowedDomains;
  const blocked = raw?.BlockedDomains;
  const hasAllow = Array.isArray(allowed);
  const hasBlock = Array.isArray(blocked) && blocked.length > 0;
  if (hasAllow && hasBlock) {
    return {
      kind: 'conflict',
      // A conflict is reported with both lists shown, never matched against.
      // Stryker disable next-line StringLiteral: equivalent, see above
      allow: compileDomainList(allowed, 'exactUnlessWildcard'),
      // Stryker disable next-line StringLiteral: equivalent, see above
      block: compileDomainList(blocked, 'entryCoversSubdomains'),
      blockers: Object.freeze([
        blocker('DOMAIN_POLICY_CONFLICT', {
          setting: SETTING,
          currentValue: 'AllowedDomains + BlockedDomains',
          allowingValue: 'AllowedDomains | BlockedDomains',
          powershell: POWERSHELL,
          graph: GRAPH,
        }),
      ]),
    };
  }
  // Stryker disable next-line StringLiteral: the rule is only compared with 'entryCoversSubdomains'
  if (hasAllow) return { kind: 'allowList', list: compileDomainList(allowed, 'exactUnlessWildcard') };
  if (hasBlock) return { kind: 'blockList', list: compileDomainList(blocked, 'entryCoversSubdomains') };
  return { kind: 'none' };
}

/** A short, language-neutral rendering of a list for display. */
export function listSummary(list: DomainList): string {
  return entriesSummary(list.entries);
}

export function entraDomainBlockers(policy: EntraDomainPolicy, domain: string): readonly Blocker[] {
  switch (policy.kind) {
    case 'none':
      return NO_BLOCKERS;
    case 'conflict':
      return policy.blockers;
    case 'allowList': {
      if (policy.list.match(domain) !== undefined) return NO_BLOCKERS;
      const change = listChange(policy.list, { add: domain });
      return Object.freeze([
        blocker('DOMAIN_NOT_ALLOWED', {
          setting: `${SETTING}.AllowedDomains`,
          currentValue: change.current,
          allowingValue: change.allowing,
          powershell: POWERSHELL,
          graph: GRAPH,
          subject: domain,
        }),
      ]);
    }
    case 'blockList': {
      const entry = policy.list.match(domain);
      if (entry === undefined) return NO_BLOCKERS;
      const change = listChange(policy.list, { remove: entry });
      return Object.freeze([
        blocker('DOMAIN_BLOCKED', {
          setting: `${SETTING}.BlockedDomains`,
          currentValue: change.current,
          allowingValue: change.allowing,
          powershell: POWERSHELL,
          graph: GRAPH,
          subject: domain,
        }),
      ]);
    }
  }
}

export function entraDomainsEffect(policy: EntraDomainPolicy): EffectCode {
  switch (policy.kind) {
    case 'none':
      return 'DOMAINS_UNRESTRICTED';
    case 'allowList':
      return 'DOMAINS_ALLOW_LIST';
    case 'blockList':
      return 'DOMAINS_BLOCK_LIST';
    case 'conflict':
      return 'DOMAINS_CONFLICT';
  }
}
