import { normaliseDomain } from './email.js';

/**
 * A compiled domain list (Entra's allow or block list, SharePoint's own lists).
 *
 * Subdomains, decided deliberately and the same way for Entra and SharePoint, so that in doubt we refuse:
 * - a block entry `contoso.com` also covers `sales.contoso.com` (blocking an organisation blocks its subdomains);
 * - an allow entry `contoso.com` covers only `contoso.com`: trust does not spread to subdomains unasked;
 * - a wildcard entry `*.contoso.com` (or `.contoso.com`) covers every subdomain, not `contoso.com` itself.
 * Entries are compared IDN-normalised and case-insensitively; an entry that is no domain at all is ignored.
 */
export interface DomainList {
  readonly size: number;
  /** The list entry (as written) that covers `domain`, or undefined. */
  match(domain: string): string | undefined;
  /** The entries as written, for display. */
  readonly entries: readonly string[];
}

export type SubdomainRule = 'entryCoversSubdomains' | 'exactUnlessWildcard';

export function compileDomainList(raw: readonly string[] | undefined, rule: SubdomainRule): DomainList {
  const exact = new Map<string, string>();
  const parents = new Map<string, string>();
  const entries: string[] = [];
  for (const entry of raw ?? []) {
    let text = entry.trim();
    if (text.startsWith('@')) text = text.slice(1);
    const wildcard = text.startsWith('*.') || text.startsWith('.');
    const domain = normaliseDomain(wildcard ? text.slice(text.indexOf('.') + 1) : text);
    if (domain === undefined) continue;
    entries.push(entry);
    if (wildcard) {
      if (!parents.has(domain)) parents.set(domain, entry);
    } else {
      if (!exact.has(domain)) exact.set(domain, entry);
      if (rule === 'entryCoversSubdomains' && !parents.has(domain)) parents.set(domain, entry);
    }
  }
  Object.freeze(entries);
  return {
    size: entries.length,
    entries,
    match(domain: string): string | undefined {
      const direct = exact.get(domain);
      if (direct !== undefined) return direct;
      // Stryker disable next-line ConditionalExpression: a shortcut; the loop below finds nothing in an empty map
      if (parents.size === 0) return undefined;
      for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
        const hit = parents.get(domain.slice(dot + 1));
        if (hit !== undefined) return hit;
      }
      return undefined;
    },
  };
}

/** A short, language-neutral rendering of list entries for blocker values: at most `max` shown. */
export function entriesSummary(entries: readonly string[], max = 5): string {
  if (entries.length === 0) return '[]';
  const shown = entries.slice(0, max).join(', ');
  return entries.length > max ? `[${shown}, … +${entries.length - max}]` : `[${shown}]`;
}

/** The list as it is and as it would have to be: with `add` appended, or without the entry `remove`. */
export function listChange(
  list: DomainList,
  change: { add: string } | { remove: string },
): { current: string; allowing: string } {
  const current = entriesSummary(list.entries);
  if ('add' in change) {
    const tail = list.entries.slice(Math.max(0, list.entries.length - 4));
    const prefix = list.entries.length > tail.length ? ['…'] : [];
    return { current, allowing: `[${[...prefix, ...tail, change.add].join(', ')}]` };
  }
  return { current, allowing: entriesSummary(list.entries.filter((e) => e !== change.remove)) };
}
