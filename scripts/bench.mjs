// `npm run bench`: end-to-end speed and memory of the command line, and the size and start-up cost
// of dist/Code.js. Prints figures; asserts nothing (targets are compared in the printed lines).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { writeBenchData } from './bench-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
console.log(`machine: ${machine}`);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs the real binary; wall time from outside, peak RSS from the child's own resource usage. */
function scoreOnce(paths) {
  const args = [join(root, 'bin', 'followback.js'), 'score', paths.followers, '--orders', paths.orders, '--engagement', paths.engagement, '--out', join(dirname(paths.followers), 'out.csv'), '--now', '2026-11-25'];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, FOLLOWBACK_STATS: '1' }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`followback exited ${r.status}: ${r.stderr}`);
  const m = /maxRSS=(\d+)/.exec(r.stderr);
  return { ms, rssMB: m ? Number(m[1]) / 1024 : NaN, stderr: r.stderr };
}

function benchScale(followers, orderRows, engagementRows) {
  const dir = mkdtempSync(join(tmpdir(), 'followback-bench-'));
  try {
    const paths = writeBenchData(dir, { followers, orderRows, engagementRows });
    const sizeMB = ['followers', 'orders', 'engagement'].reduce((n, k) => n + statSync(paths[k]).size, 0) / 2 ** 20;
    const results = Array.from({ length: runs }, () => scoreOnce(paths));
    return { ms: median(results.map((r) => r.ms)), rssMB: Math.max(...results.map((r) => r.rssMB)), sizeMB, summary: results[0].stderr.split('\n').find((l) => l.includes('followers scored')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Another figure script's output lines that match `keep`, indented. */
function figures(title, script, args, keep) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} exited ${r.status}: ${r.stderr}`);
  console.log(title);
  for (const line of r.stdout.split('\n').filter((l) => keep.test(l))) console.log(`  ${line.trim()}`);
}

figures('matching, two generated problems (Customer ID; target precision ≥ 0.99, recall ≥ 0.92, Possible for ≥ half the rest):', 'bench-match.mjs', [], /precision|followers ×/);
figures('bot risk, each labelled collection of ../shared/datasets left out in turn (fitted on the other two; targets ROC AUC ≥ 0.95, balanced accuracy ≥ 0.90, Likely bot precision ≥ 0.85, ECE ≤ 0.05):', 'eval-bot-model.mjs', [], /^(labelled collections|left out|  at the shipped|  risk bin|  \d\.\d-\d\.\d|handle only|  a handle model|  fitted without one bot family|  digits|  handle signal)/);

const big = benchScale(50000, 100000, 200000);
console.log(`cli end to end, 50,000 followers + 100,000 Shopify order rows + 200,000 engagement rows (${big.sizeMB.toFixed(1)} MB of CSV): median ${(big.ms / 1000).toFixed(2)} s of ${runs} runs (target ≤ 3 s), peak RSS ${big.rssMB.toFixed(0)} MB (target ≤ 600 MB)`);
console.log(`  ${big.summary}`);
const small = benchScale(5000, 10000, 20000);
console.log(`cli end to end, 5,000 followers + 10,000 order rows + 20,000 engagement rows: median ${(small.ms / 1000).toFixed(2)} s, peak RSS ${small.rssMB.toFixed(0)} MB`);
console.log(`scaling 50,000 / 5,000 followers: ${(big.ms / small.ms).toFixed(1)}× (target ≤ 12×)`);

// Code.js: Sheets loads it whole for every custom-function cell and sidebar call.
const code = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
const times = [];
for (let i = 0; i < 20; i++) {
  const t0 = process.hrtime.bigint();
  const ctx = vm.createContext({});
  new vm.Script(code).runInContext(ctx);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
console.log(`dist/Code.js: ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB (budget 350 KB); compile + top level in a fresh V8 context: median ${median(times).toFixed(1)} ms of 20 (budget 60 ms)`);
