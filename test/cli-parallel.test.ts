// The command line's two-thread path (large followers files) gives exactly the one-thread result.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
let paths: { followers: string; orders: string; engagement: string };

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'fb-par-'));
  // The benchmark's generator (an ES module) run in its own process.
  const script = `import(${JSON.stringify(join(root, 'scripts', 'bench-data.mjs'))}).then((m) => console.log(JSON.stringify(m.writeBenchData(${JSON.stringify(dir)}, { followers: 20000, orderRows: 20000, engagementRows: 30000, seed: 3 }))))`;
  paths = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
});

function score(extra: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(root, 'bin', 'followback.js'), 'score', paths.followers, '--orders', paths.orders, '--engagement', paths.engagement, '--now', '2026-11-25', ...extra], {
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
