#!/usr/bin/env node
// Error analysis of the matcher on TRAINING seeds only (never the reported ones): false links and misses by level.
//   node scripts/analyse-match.mjs [seeds, default 101-112] [--list]
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
export { createMatcher, fullNameCounts } from ${JSON.stringify(join(root, 'src/core/match/index.ts'))};
export { generateMatchProblem } from ${JSON.stringify(join(root, 'test/fixtures/match-problem.ts'))};
export { generateWorldProblem } from ${JSON.stringify(join(root, 'test/fixtures/match-problem-world.ts'))};
`;
const out = await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', target: 'es2020', write: false });
const dir = mkdtempSync(join(tmpdir(), 'analyse-match-'));
const file = join(dir, 'bundle.mjs');
writeFileSync(file, out.outputFiles[0].text);
const { createMatcher, fullNameCounts, generateMatchProblem, generateWorldProblem } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

const REPORTED = new Set([20261125, 20261126, 20261127, 1, 2, 77, 78, 79]);
const arg = process.argv.find((a) => /^\d+(-\d+)?$/.test(a)) || '101-112';
const [lo, hi] = arg.split('-').map(Number);
const seeds = [];
for (let s = lo; s <= (hi || lo); s++) if (!REPORTED.has(s)) seeds.push(s);
const list = process.argv.includes('--list');
const levelsOf = (c) => c.levels.filter((l) => l.weight !== 0 && !/differs|other-/.test(l.level)).map((l) => `${l.level}:${l.weight.toFixed(1)}`).join(' ');
const who = (c) => `${c.names.join('/')} <${c.emails.join(',')}> [${c.handles.join(',')}]`;
const fol = (f) => `@${f.handle} "${f.name || ''}"${f.email ? ' ' + f.email : ''}`;
for (const [label, gen] of [['project', generateMatchProblem], ['world', generateWorldProblem]]) {
  const kinds = { wrong: new Map(), missed: new Map() };
  const tot = { conf: 0, wrong: 0, buyers: 0, correct: 0, notConf: 0, possible: 0 };
  for (const seed of seeds) {
    const p = gen({ seed });
    const match = createMatcher(p.customers, { followers: p.followers.length, nameCounts: fullNameCounts(p.followers.map((f) => f.name)) });
    const keyIdx = new Map(p.customers.map((c, i) => [c.key, i]));
    p.followers.forEach((f, i) => {
      const m = match(f);
      const truth = p.truth[i];
      if (truth !== null) tot.buyers++;
      if (m && m.confident) {
        tot.conf++;
        if (p.customers[m.customer].key === truth) { tot.correct++; return; }
        tot.wrong++;
        const top = match.candidates(f)[0];
        const k = top.levels.filter((l) => l.weight > 0).map((l) => l.level).join('+');
        kinds.wrong.set(k, (kinds.wrong.get(k) || 0) + 1);
        if (list) console.log(`WRONG ${label}/${seed} ${fol(f)} -> ${who(p.customers[m.customer])} p=${m.confidence} ${levelsOf(top)}${truth ? ' (truth ' + truth + ')' : ''}`);
      } else if (truth !== null) {
        tot.notConf++;
        if (m && p.customers[m.customer].key === truth) tot.possible++;
        const ci = keyIdx.get(truth);
        const cand = match.candidates(f).find((c) => c.customer === ci);
        const k = cand ? cand.levels.filter((l) => l.weight > 0).map((l) => l.level).join('+') || '(nothing)' : '(not blocked)';
        kinds.missed.set(k, (kinds.missed.get(k) || 0) + 1);
        if (list) console.log(`MISS ${label}/${seed} ${fol(f)} -> ${who(p.customers[ci])} ${m ? (m.confident ? 'conf-other' : 'possible ' + m.confidence + (p.customers[m.customer].key === truth ? '' : ' other')) : 'none'} ${cand ? 'w=' + cand.weight.toFixed(1) + ' ' + levelsOf(cand) : ''}`);
      }
    });
  }
  console.log(`${label} seeds ${seeds.join(",")}: ${tot.buyers} buyers; precision ${(tot.correct / tot.conf).toFixed(4)} recall ${(tot.correct / tot.buyers).toFixed(4)} wrong ${tot.wrong}; possible(right) for ${tot.possible}/${tot.notConf} not confident (${(tot.possible / tot.notConf).toFixed(2)})`);
  for (const [name, m] of Object.entries(kinds)) console.log(`  ${name}: ` + [...m].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, n]) => `${k}=${n}`).join('  '));
}
