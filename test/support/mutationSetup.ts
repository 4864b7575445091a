import fc from 'fast-check';

// Mutation testing runs the policy tests once per mutant: fewer generated cases each, same properties.
fc.configureGlobal({ numRuns: 40 });
