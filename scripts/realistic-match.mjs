#!/usr/bin/env node
// Customer links on the realistic problem of the speed benchmark (scripts/bench-realistic.mjs), a generator written
// for speed, on which no weight or threshold is fitted (one level was added after reading its errors, see the README): the real command line scores it, and each Customer ID is
// checked against who the customer is.
//   node scripts/realistic-match.mjs [seeds, default 2026,7,8] [--small]   (--small: 5,000 followers, 2,000 customers)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { writeRealisticData } from './bench-realistic.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
export { readCsvFile } from ${JSON.stringify(join(root, 'src/cli/csv.ts'))};
export { readOrderTables } from ${JSON.stringify(join(root, 'src/core/purchases.ts'))};
export { buildCustomers } from ${JSON.stringify(join(root, 'src/core/customers.ts'))};
`;
const out = await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', target: 'es2020', write: false });
const work = mkdtempSync(join(tmpdir(), 'realistic-match-'));
writeFileSync(join(work, 'bundle.mjs'), out.outputFiles[0].text);
const { readCsvFile, readOrderTables, buildCustomers } = await import(pathToFileURL(join(work, 'bundle.mjs')).href);

const arg = process.argv.slice(2).find((a) => /^\d+(,\d+)*$/.test(a));
const seeds = (arg || '2026,7,8').split(',').map(Number);
const list = process.argv.includes('--list');
const small = process.argv.includes('--small') ? { followers: 5000, customers: 2000, shopifyRows: 10400, engagementRows: 20000 } : {};

/** Minimal RFC 4180 reader for the command line's own output. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

try {
  for (const seed of seeds) {
    const dir = join(work, String(seed));
    rmSync(dir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', dir]);
    const data = writeRealisticData(dir, { ...small, seed });
    const outFile = join(dir, 'out.csv');
    const args = [join(root, 'bin', 'followback.js'), 'score', data.followers, ...data.orders.flatMap((p) => ['--orders', p]), '--engagement', data.engagement, '--out', outFile, '--now', '2026-11-25'];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`followback exited ${run.status}: ${run.stderr}`);
    // the customers as the command line built them, to know whose orders each Customer ID holds
    const orders = readOrderTables(data.orders.map((p) => readCsvFile(p, readFileSync)));
    const records = new Map(buildCustomers(orders.tables).customers.map((c) => [c.key, c]));
    const truth = new Map();
    for (const t of data.truth) if (t.handle) (truth.get(t.handle) || truth.set(t.handle, []).get(t.handle)).push(t);
    const grid = parseCsv(readFileSync(outFile, 'utf8'));
    const head = grid[0];
    const col = (h) => head.indexOf(h);
    let confident = 0;
    let right = 0;
    let possibleRight = 0;
    for (const row of grid.slice(1)) {
      const handle = row[col('username')];
      const id = row[col('Customer ID')];
      const mine = truth.get(handle) || [];
      const holds = (rec) => !!rec && mine.some((t) => rec.emails.includes(t.email) || (t.etsyUser && rec.handles.includes(t.etsyUser.toLowerCase())));
      if (id) {
        confident++;
        if (holds(records.get(id))) right++;
        else if (list) {
          const rec = records.get(id);
          console.log(`WRONG @${handle} "${row[col('full_name')]}" -> ${rec.names.join('/')} <${rec.emails.join(',')}> [${rec.handles.join(',')}] ${row[col('Match confidence')]} | ${row[col('Reasons')]}${mine.length ? ' (truth ' + mine.map((t) => t.email).join(',') + ')' : ''}`);
        }
      } else if (mine.length && row[col('Customer')].startsWith('Possible: ')) possibleRight++;
    }
    const buyers = truth.size;
    const missed = buyers - right;
    console.log(
      `realistic problem (scripts/bench-realistic.mjs), seed ${seed}: ${records.size} customers, ${grid.length - 1} followers (${buyers} are customers): ` +
        `confident ${confident} (wrong ${confident - right}); precision ${(right / confident).toFixed(3)}, recall ${(right / buyers).toFixed(3)}; ` +
        `Possible: … for ${possibleRight} of the ${missed} customers not linked (at most; the shown customer is not checked)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
