import { joinBlockers, type Blocker } from './blocker.js';
import { crossTenantBlockers, type CrossTenantPolicy } from './layers/crossTenant.js';
import { entraDomainBlockers, type EntraDomainPolicy } from './layers/entraDomains.js';
import { siteDomainIssue, type SharePointDomainPolicy } from './layers/sharePoint.js';

/** Everything the policy concludes from a guest's domain alone. */
export interface DomainVerdict {
  /** A verified domain of the tenant (exact match: a subdomain needs its own verification). */
  readonly internal: boolean;
  /** For a NEW guest: `allowInvitesFrom: none`, Entra's domain lists, cross-tenant access, in that order. */
  readonly inviteBlockers: readonly Blocker[];
  /**
   * For a guest whose invitation is still pending: what makes the redemption fail (Entra's domain lists, cross-tenant
   * access). `allowInvitesFrom` governs sending invitations, not redeeming one already sent.
   */
  readonly redeemBlockers: readonly Blocker[];
  /** For a guest who redeemed: inbound cross-tenant blocking, which stops them signing in. */
  readonly signInBlockers: readonly Blocker[];
  /** SharePoint's own domain list: an access issue for any guest of a group with a site. */
  readonly siteDomainIssue?: Blocker;
}

export interface DomainFacts {
  readonly verifiedDomains: ReadonlySet<string>;
  readonly invitationBlockers: readonly Blocker[];
  readonly entraDomains: EntraDomainPolicy;
  readonly crossTenant: CrossTenantPolicy;
  readonly sharePointDomains: SharePointDomainPolicy;
}

export function computeDomainVerdict(facts: DomainFacts, domain: string): DomainVerdict {
  const issue = siteDomainIssue(facts.sharePointDomains, domain);
  const lists = entraDomainBlockers(facts.entraDomains, domain);
  const crossTenant = crossTenantBlockers(facts.crossTenant, domain);
  return Object.freeze({
    internal: facts.verifiedDomains.has(domain),
    inviteBlockers: Object.freeze(joinBlockers(facts.invitationBlockers, lists, crossTenant)),
    redeemBlockers: Object.freeze(joinBlockers(lists, crossTenant)),
    signInBlockers: crossTenant,
    ...(issue ? { siteDomainIssue: issue } : {}),
  });
}

/** Memoises verdicts per domain. Bounded, so a long-running bot fed endless domains cannot grow without limit. */
export class DomainVerdictCache {
  private readonly verdicts = new Map<string, DomainVerdict>();

  constructor(
    private readonly facts: DomainFacts,
    private readonly capacity = 50_000,
  ) {}

  get(domain: string): DomainVerdict {
    let verdict = this.verdicts.get(domain);
    if (verdict === undefined) {
      verdict = computeDomainVerdict(this.facts, domain);
      // Same domain, same answer: dropping the cache can never change a decision.
      if (this.verdicts.size >= this.capacity) this.verdicts.clear();
      this.verdicts.set(domain, verdict);
    }
    return verdict;
  }
}
