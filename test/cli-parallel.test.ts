// The command line's two-thread path (large followers files) gives exactly the one-thread result.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Papa from 'papaparse';
import { join } from 'node:path';
import { ensureBuilt } from './built';

const root = join(__dirname, '..');
let paths: { followers: string; orders: string; engagement: string };
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'fb-par-'));
  // The benchmark's generator (an ES module) run in its own process.
  const script = `import(${JSON.stringify(join(root, 'scripts', 'bench-data.mjs'))}).then((m) => console.log(JSON.stringify(m.writeBenchData(${JSON.stringify(dir)}, { followers: 20000, orderRows: 20000, engagementRows: 30000, seed: 3 }))))`;
  paths = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
});

function score(extra: string[], env: Record<string, string> = {}, followers = paths.followers) {
  return spawnSync(process.execPath, [join(root, 'bin', 'followback.js'), 'score', followers, '--orders', paths.orders, '--engagement', paths.engagement, '--now', '2026-11-25', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 28,
  });
}

test('the followers file is large enough for two threads', () => {
  expect(statSync(paths.followers).size).toBeGreaterThan(1_500_000);
});

test('two threads and one thread write the same CSV', () => {
  const two = score([]);
  const one = score([], { FOLLOWBACK_THREADS: '1' });
  expect(two.status).toBe(0);
  expect(one.status).toBe(0);
  expect(two.stdout.length).toBeGreaterThan(1_000_000);
  expect(two.stdout).toBe(one.stdout);
  expect(two.stderr.split('\n').filter((l) => l.includes('followers scored'))).toEqual(one.stderr.split('\n').filter((l) => l.includes('followers scored')));
});

test('a bad orders file read by the worker still gives one clear line and exit 1', () => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'followback.js'), 'score', paths.followers, '--orders', join(root, 'nope-orders.csv')], { encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^followback: .*nope-orders\.csv: file not found$/)]);
  expect(r.stdout).toBe('');
});

test('two threads and one thread agree on followed accounts and on a file scored before', () => {
  // every seventh follower is followed already: the worker learns it from the main thread
  const handles = readFileSync(paths.followers, 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean);
  const following = join(dir, 'following.csv');
  writeFileSync(following, ['username', ...handles.filter((_, i) => i % 7 === 3)].join('\n') + '\n');
  const two = score(['--following', following]);
  const one = score(['--following', following], { FOLLOWBACK_THREADS: '1' });
  expect(two.status).toBe(0);
  expect(two.stdout).toBe(one.stdout);
  const followed = two.stdout.split('\n').filter((l) => l.includes(',Already following,'));
  expect(followed.length).toBeGreaterThan(handles.length / 8);
  // the output fed back in: its nine columns are replaced, not added twice, on both paths
  const again = join(dir, 'scored-before.csv');
  writeFileSync(again, two.stdout);
  const twoAgain = score([], {}, again);
  const oneAgain = score([], { FOLLOWBACK_THREADS: '1' }, again);
  expect(twoAgain.status).toBe(0);
  expect(twoAgain.stdout).toBe(oneAgain.stdout);
  expect(twoAgain.stdout.split('\n')[0].split(',').filter((h) => h === 'Followback score')).toHaveLength(1);
});

test('a row wider than its header is refused on both threads: orders read by the worker, engagement streamed by the main thread', () => {
  const widen = (path: string, row: number) => {
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[row - 1] += ',an extra field';
    const bad = join(dir, `wide-${row}-${path.split('/').pop()}`);
    writeFileSync(bad, lines.join('\n'));
    return bad;
  };
  const orders = widen(paths.orders, 15000);
  const header = readFileSync(paths.orders, 'utf8').split('\n', 1)[0].split(',').length;
  // rows are records, as a spreadsheet counts them: notes with line breaks make them fewer than lines
  const record = Papa.parse(readFileSync(orders, 'utf8').split('\n').slice(0, 15000).join('\n')).data.length;
  expect(record).toBeLessThan(15000);
  const r1 = spawnSync(process.execPath, [join(root, 'bin', 'followback.js'), 'score', paths.followers, '--orders', orders, '--engagement', paths.engagement], { encoding: 'utf8' });
  expect(r1.status).toBe(1);
  expect(r1.stderr.trim().split('\n')).toEqual([`followback: ${orders}: row ${record} has ${header + 1} fields, the header ${header}: is a comma inside an unquoted value?`]);
  const engagement = widen(paths.engagement, 20000);
  const r2 = spawnSync(process.execPath, [join(root, 'bin', 'followback.js'), 'score', paths.followers, '--orders', paths.orders, '--engagement', engagement], { encoding: 'utf8' });
  expect(r2.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^followback: .*wide-20000-.*: row 20000 has \d+ fields, the header \d+: is a comma/)]);
  expect(r2.status).toBe(1);
});

test('an orders file holding no purchase is named on both paths, and the two outputs agree', () => {
  const tx = join(dir, 'transactions_export.csv');
  writeFileSync(tx, 'Order,Name,Kind,Gateway,Created At,Status,Amount,Currency\n5012345678,#1001,sale,shopify_payments,2026-05-12 12:08:27 -0700,success,42.00,USD\n');
  const two = score(['--orders', tx]);
  const one = score(['--orders', tx], { FOLLOWBACK_THREADS: '1' });
  expect(two.status).toBe(0);
  expect(two.stdout).toBe(one.stdout);
  for (const r of [two, one]) expect(r.stderr).toMatch(/followback: .*transactions_export\.csv: this is a transactions export .*names no person/);
});
