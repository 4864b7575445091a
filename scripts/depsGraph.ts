/**
 * Draws the module graph of src/ as SVG (docs/architecture.svg) for the README: dependency-cruiser reads the imports
 * with the same rules as `npm run lint`, Graphviz (compiled to WebAssembly, no system package needed) lays it out.
 * Usage: npm run deps:graph [-- --out file.svg]
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { cruise } from 'dependency-cruiser';

const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : 'docs/architecture.svg';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as {
  options: Record<string, unknown>;
};
const result = await cruise(['src'], {
  ...config.options,
  includeOnly: '^src/',
  outputType: 'dot',
  collapse: '^src/[^/]+/',
});
if (typeof result.output !== 'string') throw new Error('dependency-cruiser returned no dot text');
const dot = result.output;
const graphviz = await Graphviz.load();
writeFileSync(out, graphviz.dot(dot));
console.log(`wrote ${out}`);
