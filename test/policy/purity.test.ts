import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const POLICY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/policy');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Comments may mention anything; code may not. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bprocess\s*[.[]/, 'reads process (environment, arguments)'],
  [/\bDate\s*\.\s*now\b/, 'reads the clock (Date.now)'],
  [/\bnew\s+Date\b/, 'reads the clock (new Date)'],
  [/\bperformance\s*\./, 'reads the clock (performance)'],
  [/\bMath\s*\.\s*random\b/, 'is not deterministic (Math.random)'],
  [/\brequire\s*\(/, 'loads modules dynamically (require)'],
  [/\bimport\s*\(/, 'loads modules dynamically (import())'],
  [/\bglobalThis\b/, 'reaches for globals'],
  [/\bfetch\s*\(/, 'does I/O (fetch)'],
];

/** Every problem with one policy source file: imports leaving src/policy, I/O, environment, clock. */
function violations(file: string, text: string): string[] {
  const out: string[] = [];
  const code = stripComments(text);
  const specifiers = [...code.matchAll(/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? m[2],
  );
  for (const spec of specifiers) {
    // node:url's domainToASCII is the UTS #46 reference the policy normalises domains with: pure, no I/O.
    if (spec === 'node:url' && /import\s*\{\s*domainToASCII\s*\}\s*from\s*'node:url'/.test(code)) continue;
    if (!spec.startsWith('./') && !spec.startsWith('../')) {
      out.push(`imports package "${spec}"`);
      continue;
    }
    const target = resolve(dirname(file), spec);
    if (relative(POLICY_DIR, target).startsWith('..')) out.push(`imports "${spec}" from outside src/policy`);
  }
  for (const [pattern, why] of FORBIDDEN) if (pattern.test(code)) out.push(why);
  return out;
}

describe('src/policy stays pure', () => {
  const files = sources(POLICY_DIR);

  test('there are policy sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith('decision.ts'))).toBe(true);
  });

  test.each(files.map((f) => [relative(POLICY_DIR, f), f]))('%s imports only src/policy and touches no I/O, env or clock', (_name, file) => {
    expect(violations(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  // The checker itself must catch what it is there to catch.
  test.each([
    ["import { readFileSync } from 'node:fs';", 'imports package "node:fs"'],
    ["import fs from 'fs';", 'imports package "fs"'],
    ["import { TurnContext } from 'botbuilder';", 'imports package "botbuilder"'],
    ["import restify from 'restify';", 'imports package "restify"'],
    ["import { Low } from 'lowdb';", 'imports package "lowdb"'],
    ["export { t } from '../i18n/i18n.js';", 'imports "../i18n/i18n.js" from outside src/policy'],
    ["import type { Clock } from '../ports/clock.js';", 'imports "../ports/clock.js" from outside src/policy'],
    ["import 'node:process';", 'imports package "node:process"'],
    ['const id = process.env.TENANT_ID;', 'reads process (environment, arguments)'],
    ['const now = Date.now();', 'reads the clock (Date.now)'],
    ['const now = new Date();', 'reads the clock (new Date)'],
    ["const m = await import('./x.js');", 'loads modules dynamically (import())'],
  ])('the check catches %s', (source, problem) => {
    expect(violations(join(POLICY_DIR, 'sample.ts'), source)).toContain(problem);
  });

  test('the check lets relative imports within src/policy and comments through', () => {
    const ok = "import { blocker } from '../blocker.js';\n// process.env is read in config.ts, not here; new Date() neither\n";
    expect(violations(join(POLICY_DIR, 'layers/sample.ts'), ok)).toEqual([]);
  });
});
