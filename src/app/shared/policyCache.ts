import { compilePolicy, normaliseEmail, type PolicyContext } from '../../policy/index.js';
import type { Directory } from '../../ports/directory.js';

/** How many answers {@link PolicyCache.remember} keeps per table and settings version. */
const REMEMBERED_PER_TABLE = 500;

/** The compiled policy for the directory as it is now; recompiled only after the directory changed. */
export class PolicyCache {
  private cached?: { version: number; ctx: PolicyContext };
  // What answers are built from, per compiled context (so per directory version); dropped with the context.
  private readonly derived = new WeakMap<PolicyContext, Map<string, unknown>>();

  constructor(private readonly directory: Directory) {}

  /**
   * The compiled policy. `guestAddresses`: addresses about to be judged; their domains' tenants are looked up first
   * (a Graph-backed directory asks `findTenantInformationByDomainName` once per domain and remembers the answer).
   */
  async current(guestAddresses: readonly string[] = []): Promise<PolicyContext> {
    // The domain as the policy compares it (UTS #46, lower case), so the answer lands where the policy looks.
    const domains = new Set(
      guestAddresses.flatMap((a) => {
        const email = normaliseEmail(a);
        return email.ok ? [email.domain] : [];
      }),
    );
    for (const domain of domains) await this.directory.tenantOfDomain(domain);
    const version = this.directory.version();
    if (this.cached?.version === version) return this.cached.ctx;
    // The previous compilation lends what did not change (on a large tenant, a guest added to one group compiles
    // that group again, not all of them).
    const ctx = compilePolicy(await this.directory.snapshot(), this.cached?.ctx);
    // The snapshot may have changed while we compiled; a stale cache entry would only cost a recompile.
    this.cached = { version, ctx };
    return ctx;
  }

  /**
   * `build()` once per compiled context and `key`: for views that depend only on the settings and the language (the
   * tenant settings card, the groups that take new guests). A new directory version compiles a new context, so
   * nothing stale is ever returned. Keys must come from a small set (not from user input).
   */
  derive<T>(ctx: PolicyContext, key: string, build: () => T): T {
    let values = this.derived.get(ctx);
    if (!values) this.derived.set(ctx, (values = new Map<string, unknown>()));
    if (!values.has(key)) values.set(key, build());
    return values.get(key) as T;
  }

  /**
   * `build()` once per compiled context, `table` and `key`, for answers keyed by what someone asked (an address, a
   * group, the asker): at most `max` of them per table, the table starting afresh when full. The key must hold
   * everything the answer depends on besides the settings (the asker's id where the answer is theirs).
   */
  remember<T>(ctx: PolicyContext, table: string, key: string, build: () => T, max = REMEMBERED_PER_TABLE): T {
    const answers = this.derive(ctx, `remember:${table}`, () => new Map<string, T>());
    const known = answers.get(key);
    if (known !== undefined) return known;
    const value = build();
    if (answers.size >= max) answers.clear();
    answers.set(key, value);
    return value;
  }
}
