#!/usr/bin/env node
// Matching figures and speed, outside jest: bundles the TypeScript on the fly with esbuild's build API.
//   node scripts/bench-match.mjs            precision/recall on both generated problems + 50,000 followers × 20,000 customers
//   node scripts/bench-match.mjs --quick    precision/recall only
//   node scripts/bench-match.mjs --json     one JSON line (for scripts/bench.mjs)
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
export { createMatcher } from ${JSON.stringify(join(root, 'src/core/match/index.ts'))};
export { generateMatchProblem, measureMatching, timeMatching } from ${JSON.stringify(join(root, 'test/fixtures/match-problem.ts'))};
export { generateWorldProblem } from ${JSON.stringify(join(root, 'test/fixtures/match-problem-world.ts'))};
`;
const out = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2020',
  write: false,
});
const dir = mkdtempSync(join(tmpdir(), 'bench-match-'));
const file = join(dir, 'bundle.mjs');
writeFileSync(file, out.outputFiles[0].text);
const { createMatcher, generateMatchProblem, generateWorldProblem, measureMatching, timeMatching } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const result = { seeds: [] };
const problems = [
  ['project generator (test/fixtures/match-problem.ts)', generateMatchProblem, [20261125, 1, 2]],
  ['world generator (test/fixtures/match-problem-world.ts)', generateWorldProblem, [77, 78, 79]],
];
for (const [label, generate, seeds] of problems) {
  for (const seed of seeds) {
    const f = measureMatching(generate({ seed }), createMatcher);
    result.seeds.push({ problem: label, seed, ...f });
    if (!json) {
      console.log(
        `${label}, seed ${seed}: ${f.customers} customers, ${f.followers} followers (${f.buyers} are customers): ` +
          `confident ${f.confident} (wrong ${f.wrong}), possible ${f.possible}; precision ${f.precision.toFixed(3)}, recall ${f.recall.toFixed(3)}; ` +
          `Possible for ${f.missedPossible} of the ${f.missed} customers not linked (${f.possibleShare.toFixed(2)})`,
      );
    }
  }
}
if (!quick) {
  const t = timeMatching(createMatcher);
  result.speed = { ...t, load: loadavg()[0] };
  if (!json) {
    console.log(
      `${t.followers.toLocaleString('en')} followers × ${t.customers.toLocaleString('en')} customers: ` +
        `index ${t.indexMs} ms + matching ${t.matchMs} ms = ${t.indexMs + t.matchMs} ms wall, ${t.cpuMs} ms CPU ` +
        `(${t.matched} with a candidate; load average ${loadavg()[0].toFixed(1)})`,
    );
  }
}
if (json) console.log(JSON.stringify(result));
