#!/usr/bin/env node
// Matching figures and speed, outside jest: bundles the TypeScript on the fly with esbuild.
//   node scripts/bench-match.mjs            precision/recall on the hard problem + 50,000 × 20,000 timing
//   node scripts/bench-match.mjs --quick    precision/recall only
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
export { createMatcher } from ${JSON.stringify(join(root, 'src/core/match.ts'))};
export { generateMatchProblem, measureMatching } from ${JSON.stringify(join(root, 'test/fixtures/match-problem.ts'))};
`;
const out = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true, format: 'esm', platform: 'node', target: 'es2020', write: false,
});
const dir = mkdtempSync(join(tmpdir(), 'bench-match-'));
const file = join(dir, 'bundle.mjs');
writeFileSync(file, out.outputFiles[0].text);
const { createMatcher, generateMatchProblem, measureMatching } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

const fmt = (x) => x.toFixed(3);
const problem = generateMatchProblem();
const f = measureMatching(problem, createMatcher);
console.log(`hard problem: ${f.customers} customers, ${f.followers} followers (${f.buyers} are customers)`);
console.log(`  confident ${f.confident} (correct ${f.correct}, wrong ${f.wrong}), possible ${f.possible}`);
console.log(`  precision ${fmt(f.precision)}  recall ${fmt(f.recall)}  (${f.ms} ms)`);

if (!process.argv.includes('--quick')) {
  const big = generateMatchProblem({ seed: 7, customers: 20000, followers: 50000, customersFollowing: 0.5 });
  const t0 = performance.now();
  const match = createMatcher(big.customers);
  const t1 = performance.now();
  let found = 0;
  for (const fl of big.followers) if (match(fl)) found++;
  const t2 = performance.now();
  console.log(`50,000 followers × 20,000 customers: index ${Math.round(t1 - t0)} ms, matching ${Math.round(t2 - t1)} ms, total ${Math.round(t2 - t0)} ms (${found} with a candidate)`);
}
