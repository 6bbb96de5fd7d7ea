// The command line through the real binary (bin/followback.js → build/cli.js), as a user runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { OUTPUT_HEADERS } from '../src/core/types';
import { ensureBuilt } from './built';

const root = join(__dirname, '..');
const fx = (name: string) => join(__dirname, 'fixtures', 'cli', name);

function followback(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'followback.js'), ...args], { encoding: 'utf8', cwd: root });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  ensureBuilt();
});

const allArgs = ['score', fx('followers.csv'), '--orders', fx('orders.csv'), '--engagement', fx('engagement.csv'), '--following', fx('following.csv'), '--now', '2026-11-25'];

describe('followback score', () => {
  let rows: string[][];
  let byHandle: Map<string, Record<string, string>>;

  beforeAll(() => {
    const r = followback(allArgs);
    expect(r.stderr).toMatch(/followers scored/);
    expect(r.status).toBe(0);
    rows = Papa.parse<string[]>(r.stdout.trim()).data;
    byHandle = new Map(rows.slice(1).map((row) => [row[0], Object.fromEntries(rows[0].map((h, i) => [h, row[i]]))]));
  });

  test('writes the user rows unchanged, then the nine columns', () => {
    const input = Papa.parse<string[]>(readFileSync(fx('followers.csv'), 'utf8').trim()).data;
    expect(rows[0]).toEqual([...input[0], ...OUTPUT_HEADERS]);
    expect(rows.length).toBe(input.length);
    rows.forEach((row, i) => expect(row.slice(0, input[0].length)).toEqual(input[i]));
  });

  test('a customer found by email is Follow back with a Customer ID', () => {
    const jane = byHandle.get('jane.doe')!;
    expect(jane.Recommendation).toBe('Follow back');
    expect(jane['Customer ID']).toBe('jane.doe@example.com');
    expect(jane.Customer).toMatch(/Jane Doe · jane\.doe@example\.com · 2 orders · \$200\.00/);
    expect(Number(jane['Follow queue'])).toBeGreaterThan(0);
  });

  test('a handle written in an order note links the customer', () => {
    expect(byHandle.get('@marco_bakes')!['Customer ID']).toBe('bread.lover@example.net');
  });

  test('engagement counts, recency-weighted', () => {
    const lena = byHandle.get('https://www.instagram.com/lena.k/')!;
    expect(Number(lena.Engagement)).toBeGreaterThan(5);
    expect(lena.Reasons).toMatch(/Engaged/);
  });

  test('bots, followed accounts and blank rows', () => {
    expect(byHandle.get('user83749201_x')!.Recommendation).toBe('Likely bot');
    expect(byHandle.get('already.friend')!.Recommendation).toBe('Already following');
    const blank = rows.find((r) => r.slice(0, 8).every((c) => c === ''))!;
    expect(blank.slice(8)).toEqual(OUTPUT_HEADERS.map(() => ''));
  });

  test('bot risk is a whole number from 0 to 100; match confidence has two decimals', () => {
    for (const r of byHandle.values()) {
      if (!r.Recommendation) continue;
      expect(Number(r['Bot risk'])).toBeGreaterThanOrEqual(0);
      expect(Number(r['Bot risk'])).toBeLessThanOrEqual(100);
      expect(Number.isInteger(Number(r['Followback score']))).toBe(true);
      if (r['Match confidence']) expect(r['Match confidence']).toMatch(/^(0(\.\d{1,2})?|1)$/);
    }
  });

  test('--out writes the same CSV to a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fb-cli-'));
    const out = join(dir, 'scored.csv');
    const r = followback([...allArgs, '--out', out]);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(followback(allArgs).stdout);
  });

  test('a refunded order does not make a customer', () => {
    expect(followback(allArgs).stdout).not.toMatch(/refund\.me@example\.org/);
  });

  test('the daily limit caps the queue', () => {
    const r = followback([...allArgs, '--daily-limit', '1']);
    const data = Papa.parse<string[]>(r.stdout.trim()).data;
    const q = data[0].indexOf('Follow queue');
    expect(data.slice(1).filter((row) => row[q] !== '').map((row) => row[q])).toEqual(['1']);
  });
});

describe('bad input: one clear line, non-zero exit, no partial output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fb-cli-bad-'));

  test('missing file', () => {
    const out = join(dir, 'a.csv');
    const r = followback(['score', join(dir, 'nope.csv'), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/nope\.csv: file not found/);
    expect(existsSync(out)).toBe(false);
  });

  test('no handle column: names the file and the columns found', () => {
    const r = followback(['score', fx('no-handle.csv')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no-handle\.csv/);
    expect(r.stderr).toMatch(/full_name/);
    expect(r.stdout).toBe('');
  });

  test('unclosed quote: names the file and the row', () => {
    const out = join(dir, 'b.csv');
    const r = followback(['score', fx('unclosed.csv'), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unclosed\.csv \(row \d+\): unclosed quote/);
    expect(existsSync(out)).toBe(false);
  });

  test('an orders file with no people columns', () => {
    const bad = join(dir, 'orders-bad.csv');
    writeFileSync(bad, 'Lineitem name,Lineitem price\nMug,12.00\n');
    const r = followback(['score', fx('followers.csv'), '--orders', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/orders-bad\.csv/);
  });

  test('a binary file', () => {
    const bin = join(dir, 'photo.csv');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const r = followback(['score', bin]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/photo\.csv: this is not a CSV text file/);
  });

  test('bad options get the usage and exit 2', () => {
    expect(followback(['score', fx('followers.csv'), '--platform', 'myspace']).status).toBe(2);
    expect(followback(['score', fx('followers.csv'), '--bogus']).stderr).toMatch(/unknown option --bogus/);
    expect(followback(['frobnicate']).status).toBe(2);
  });

  test('--out naming a folder: one line saying so, before any scoring', () => {
    const r = followback([...allArgs, '--out', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`followback: ${dir}: is a folder: name a file, e.g. --out FOLDER/scored.csv; nothing was written\n`);
  });

  test('--out on a full disk (/dev/full): one line, exit 1', () => {
    const r = followback([...allArgs, '--out', '/dev/full']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').pop()).toBe('followback: /dev/full: the disk is full: free some space or name a file on another disk; nothing was written');
  });

  test('a row wider than its header: one line, exit 1, no output file', () => {
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, readFileSync(fx('followers.csv'), 'utf8').replace('Ceramics and coffee', 'Ceramics, coffee'));
    const out = join(dir, 'w.csv');
    const r = followback(['score', wide, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`followback: ${wide}: row 2 has 9 fields, the header 8: is a comma inside an unquoted value?\n`);
    expect(existsSync(out)).toBe(false);
  });

  test('an existing output file is left as it was when the run fails', () => {
    const out = join(dir, 'keep.csv');
    writeFileSync(out, 'precious');
    followback(['score', fx('no-handle.csv'), '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe('precious');
  });
});

describe('CSV injection', () => {
  test('text the add-on writes that starts with = + - @ is neutralised; user cells stay as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fb-cli-inj-'));
    const orders = join(dir, 'orders.csv');
    writeFileSync(orders, 'Order ID,Email,Billing Name,Total,Handle\n1,x@example.com,"=cmd|\' /C calc\'!A0",10.00,"=HYPERLINK(""http://evil.example"",""x"")"\n');
    const r = followback(['score', fx('followers.csv'), '--orders', orders]);
    expect(r.status).toBe(0);
    const data = Papa.parse<string[]>(r.stdout.trim()).data;
    const c = data[0].indexOf('Customer');
    for (const row of data.slice(1)) {
      for (const cell of row.slice(c)) expect(cell).not.toMatch(/^[=+\-@]/);
    }
    // The user's own cell is written back exactly as it came.
    expect(data.some((row) => row[0] === '=HYPERLINK("http://evil.example","x")')).toBe(true);
  });
});
