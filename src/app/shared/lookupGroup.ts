import type { DirectoryGroup, TenantSnapshot } from '../../policy/tenantModel.js';
import type { Directory } from '../../ports/directory.js';
import { findGroup, type GroupMatch } from './findGroup.js';

/** A group the user named and we could not pin down: none matched (with near misses) or several did. */
export interface GroupMiss {
  readonly kind: 'noGroup';
  readonly query: string;
  readonly match: Exclude<GroupMatch, { kind: 'found' }>;
}

/** The directory's group by name, mail or id, or why not. */
export async function lookupGroup(
  directory: Directory,
  query: string,
): Promise<{ kind: 'found'; group: DirectoryGroup } | GroupMiss> {
  // The same name asked again (most turns name a group) is found again only after the directory changed.
  const snapshot = await directory.snapshot();
  let known = lookups.get(snapshot);
  if (!known) lookups.set(snapshot, (known = new Map<string, Lookup>()));
  const remembered = known.get(query);
  if (remembered) return remembered;
  const match = findGroup(query, snapshot.groups);
  const result = match.kind === 'found' ? match : ({ kind: 'noGroup', query, match } as const);
  if (known.size >= LOOKUPS_PER_SNAPSHOT) known.clear();
  known.set(query, result);
  return result;
}

type Lookup = { kind: 'found'; group: DirectoryGroup } | GroupMiss;

/** Answers per directory snapshot (replaced, never changed, when the directory changes) and query as typed. */
const lookups = new WeakMap<TenantSnapshot, Map<string, Lookup>>();
const LOOKUPS_PER_SNAPSHOT = 500;
