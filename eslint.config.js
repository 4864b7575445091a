// ESLint flat config: typed rules from typescript-eslint; formatting is Prettier's (eslint-config-prettier last).
// The import rules between layers live in .dependency-cruiser.cjs; what imports cannot show (clock, environment,
// randomness inside the pure policy module) is said here.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'vitest.mutation.config.ts',
      'dist/',
      'coverage/',
      'node_modules/',
      'reports/',
      'artifacts/',
      'build/',
      '.stryker-tmp/',
      '.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_`-prefixed names are deliberately unused (callback positions, destructuring to drop a field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Adapters implement Promise-returning ports without awaiting anything (memory stores); that is not a bug.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The policy module decides from data alone: no clock, environment, randomness or dynamic loading.
    files: ['src/policy/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/policy is pure: pass configuration in.' },
        { name: 'performance', message: 'src/policy is pure: pass time in.' },
        { name: 'fetch', message: 'src/policy is pure: no I/O.' },
        { name: 'globalThis', message: 'src/policy is pure: no globals.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/policy is pure: pass time in.' },
        { object: 'Math', property: 'random', message: 'src/policy is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'src/policy is pure: pass time in.' },
        { selector: 'ImportExpression', message: 'src/policy loads no modules at run time.' },
        { selector: "CallExpression[callee.name='require']", message: 'src/policy loads no modules at run time.' },
      ],
    },
  },
  {
    // Tests read JSON bodies and card payloads whose shape the assertions themselves check; typing every response
    // first would repeat each assertion as a type.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Node's fs/path functions destructured from dynamic imports are free functions, not methods.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.cjs'], languageOptions: { globals: { module: 'writable', require: 'readonly' } } },
  prettier,
);
