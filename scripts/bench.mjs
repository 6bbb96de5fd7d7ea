// `npm run bench`: end-to-end speed and memory of the command line, and the size and start-up cost
// of dist/Code.js. Prints figures; asserts nothing (targets are compared in the printed lines).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { writeBenchData } from './bench-data.mjs';
import { writeRealisticData } from './bench-realistic.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
console.log(`machine: ${machine}`);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs the real binary; wall time from outside, peak RSS and CPU time (both threads) from the child's own resource usage. */
function scoreOnce(paths) {
  const orders = [paths.orders].flat().flatMap((p) => ['--orders', p]);
  const args = [join(root, 'bin', 'followback.js'), 'score', paths.followers, ...orders, '--engagement', paths.engagement, '--out', join(dirname(paths.followers), 'out.csv'), '--now', '2026-11-25'];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, FOLLOWBACK_STATS: '1' }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`followback exited ${r.status}: ${r.stderr}`);
  const m = /maxRSS=(\d+) cpu=(\d+)/.exec(r.stderr);
  return { ms, rssMB: m ? Number(m[1]) / 1024 : NaN, cpuMs: m ? Number(m[2]) : NaN, stderr: r.stderr };
}

/** Writes a problem with `write(dir)`, scores it `runs` times: median wall and CPU time, highest peak RSS. */
function bench(write) {
  const dir = mkdtempSync(join(tmpdir(), 'followback-bench-'));
  try {
    const paths = write(dir);
    const files = [paths.followers, paths.orders, paths.engagement].flat();
    const sizeMB = files.reduce((n, p) => n + statSync(p).size, 0) / 2 ** 20;
    const results = Array.from({ length: runs }, () => scoreOnce(paths));
    return {
      ms: median(results.map((r) => r.ms)),
      cpuMs: median(results.map((r) => r.cpuMs)),
      rssMB: Math.max(...results.map((r) => r.rssMB)),
      sizeMB,
      summary: results[0].stderr.split('\n').find((l) => l.includes('followers scored')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const benchScale = (followers, orderRows, engagementRows) => bench((dir) => writeBenchData(dir, { followers, orderRows, engagementRows }));
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const load = () => `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;

/** Another figure script's output lines that match `keep`, indented. */
function figures(title, script, args, keep, env = {}) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${script} exited ${r.status}: ${r.stderr}`);
  console.log(title);
  for (const line of r.stdout.split('\n').filter((l) => keep.test(l))) console.log(`  ${line.trim()}`);
}

// BENCH_ONLY=cli: the command-line timings alone (the matching and bot-risk figures take minutes)
if (process.env.BENCH_ONLY !== 'cli') {
  figures('matching, two generated problems (Customer ID; target precision ≥ 0.99, recall ≥ 0.92, Possible for ≥ half the rest):', 'bench-match.mjs', [], /precision|followers ×/);
  figures('bot risk, each labelled collection of ../shared/datasets left out in turn (fitted on the other two; targets ROC AUC ≥ 0.95, balanced accuracy ≥ 0.90, Likely bot precision ≥ 0.85, ECE ≤ 0.05):', 'eval-bot-model.mjs', [], /^(labelled collections|left out|  at the shipped|  risk bin|  \d\.\d-\d\.\d|handle only|  a handle model|  fitted without one bot family|  digits|  handle signal)/);
}

const big = benchScale(50000, 100000, 200000);
console.log(`cli end to end, 50,000 followers + 100,000 Shopify order rows + 200,000 engagement rows (${big.sizeMB.toFixed(1)} MB of CSV): median ${seconds(big.ms)} of ${runs} runs (target ≤ 3 s), CPU ${seconds(big.cpuMs)}, peak RSS ${big.rssMB.toFixed(0)} MB (target ≤ 600 MB); ${load()}`);
console.log(`  ${big.summary}`);
const small = benchScale(5000, 10000, 20000);
console.log(`cli end to end, 5,000 followers + 10,000 order rows + 20,000 engagement rows: median ${seconds(small.ms)}, CPU ${seconds(small.cpuMs)}, peak RSS ${small.rssMB.toFixed(0)} MB`);
console.log(`scaling 50,000 / 5,000 followers: ${(big.ms / small.ms).toFixed(1)}× (target ≤ 12×)`);

// The realistic problem (scripts/bench-realistic.mjs): names of many cultures at Zipf-like frequencies, 20,000
// customers in a Shopify export and an Etsy export, a heavy-tailed engagement log.
const real = bench((dir) => writeRealisticData(dir));
console.log(`cli end to end, realistic: 50,000 followers, 20,000 customers in ~104,000 Shopify rows + an Etsy export, 200,000 engagement rows (${real.sizeMB.toFixed(1)} MB of CSV): median ${seconds(real.ms)} of ${runs} runs (target ≤ 3 s), CPU ${seconds(real.cpuMs)}, peak RSS ${real.rssMB.toFixed(0)} MB (target ≤ 600 MB); ${load()}`);
console.log(`  ${real.summary}`);
const realSmall = bench((dir) => writeRealisticData(dir, { followers: 5000, customers: 2000, shopifyRows: 10400, engagementRows: 20000 }));
console.log(`cli end to end, realistic at a tenth (5,000 followers, 2,000 customers): median ${seconds(realSmall.ms)}, CPU ${seconds(realSmall.cpuMs)}, peak RSS ${realSmall.rssMB.toFixed(0)} MB`);
console.log(`scaling realistic 50,000 / 5,000 followers: ${(real.ms / realSmall.ms).toFixed(1)}× wall, ${(real.cpuMs / realSmall.cpuMs).toFixed(1)}× CPU (target ≤ 12×)`);

// The add-on through dist/Code.js in the emulator: the menu's run, the sidebar's chunks and the custom functions,
// with the Apps Script estimate (scripts/hardening-figures.mjs, its timings alone)
const ADDON_COLUMNS = '(wall | script compute | rows | per row | Spreadsheet calls | Apps Script estimate | limit | fits up to)';
const ADDON_ROWS = /^\| (engine|menu|sidebar|FOLLOWBACK)/;
figures(`add-on, dist/Code.js against the emulator, 50,000 followers, 10,000 orders, 25,000 engagement rows ${ADDON_COLUMNS}:`, 'hardening-figures.mjs', [], ADDON_ROWS, { HARDENING_TIMINGS_ONLY: '1' });
// and on the realistic problem as tabs (BENCH_ONLY=cli leaves it out: about two minutes)
if (process.env.BENCH_ONLY !== 'cli') {
  const dir = mkdtempSync(join(tmpdir(), 'followback-bench-addon-'));
  try {
    writeRealisticData(dir);
    figures(`add-on on the realistic problem (the Shopify tab cut to 16 of its 79 columns, as Sheets' 10 million cells need) ${ADDON_COLUMNS}:`, 'hardening-figures.mjs', [], ADDON_ROWS, { HARDENING_TIMINGS_ONLY: '1', FOLLOWBACK_ADDON_DATA: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
