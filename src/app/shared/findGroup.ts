import type { DirectoryGroup } from '../../policy/tenantModel.js';

export type GroupMatch =
  | { kind: 'found'; group: DirectoryGroup }
  | { kind: 'ambiguous'; candidates: DirectoryGroup[] }
  | { kind: 'notFound'; suggestions: DirectoryGroup[] };

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

/** Edit distance, to suggest "did you mean" for typos. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Finds a group by display name or mail address (or the mail's alias), case- and accent-insensitively.
 * No exact match: a unique prefix wins; otherwise near misses are suggested.
 */
export function findGroup(query: string, groups: readonly DirectoryGroup[]): GroupMatch {
  const q = fold(query.replace(/^["'“‘]|["'”’]$/g, ''));
  if (!q) return { kind: 'notFound', suggestions: [] };
  const exact = groups.filter((g) => {
    const mail = fold(g.mail ?? '');
    return fold(g.displayName) === q || mail === q || (mail && mail.split('@')[0] === q) || g.id === query.trim();
  });
  if (exact.length === 1) return { kind: 'found', group: exact[0] };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };
  const prefix = groups.filter((g) => fold(g.displayName).startsWith(q));
  if (prefix.length === 1 && q.length >= 3) return { kind: 'found', group: prefix[0] };
  if (prefix.length > 1) return { kind: 'ambiguous', candidates: prefix.slice(0, 5) };
  const scored = groups
    .map((g) => {
      const name = fold(g.displayName);
      const d = Math.min(editDistance(q, name), ...name.split(/\s+/).map((w) => editDistance(q, w) + 1));
      return { g, d, contains: name.includes(q) };
    })
    .filter((s) => s.contains || s.d <= Math.max(2, Math.floor(q.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((s) => s.g);
  return { kind: 'notFound', suggestions: scored };
}
