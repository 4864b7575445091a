import { compilePolicy, type PolicyContext } from '../policy/index.js';
import type { Directory } from '../ports/directory.js';

/** The compiled policy for the directory as it is now; recompiled only after the directory changed. */
export class PolicyCache {
  private cached?: { version: number; ctx: PolicyContext };

  constructor(private readonly directory: Directory) {}

  /**
   * The compiled policy. `guestAddresses`: addresses about to be judged; their domains' tenants are looked up first
   * (a Graph-backed directory asks `findTenantInformationByDomainName` once per domain and remembers the answer).
   */
  async current(guestAddresses: readonly string[] = []): Promise<PolicyContext> {
    const domains = new Set(guestAddresses.flatMap((a) => (a.includes('@') ? [a.slice(a.lastIndexOf('@') + 1).trim().toLowerCase()] : [])));
    for (const domain of domains) if (domain) await this.directory.tenantOfDomain(domain);
    const version = this.directory.version();
    if (this.cached?.version === version) return this.cached.ctx;
    const ctx = compilePolicy(await this.directory.snapshot());
    // The snapshot may have changed while we compiled; a stale cache entry would only cost a recompile.
    this.cached = { version, ctx };
    return ctx;
  }
}
