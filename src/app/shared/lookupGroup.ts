import type { DirectoryGroup } from '../../policy/tenantModel.js';
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
  const match = findGroup(query, await directory.listGroups());
  return match.kind === 'found' ? match : { kind: 'noGroup', query, match };
}
