// `followback import` through runImport with an in-memory file system.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runImport, IMPORT_HEADERS } from '../src/cli/import';

const FIX = join(__dirname, 'fixtures', 'imports');

function memIo(files: Record<string, Uint8Array | string>) {
  const written: Record<string, string> = {};
  let out = '';
  let err = '';
  return {
    io: {
      readFile(path: string): Uint8Array {
        const f = files[path];
        if (f === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
        return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      },
      writeFile(path: string, data: string) {
        written[path] = data;
      },
      stdout(s: string) {
        out += s;
      },
      stderr(s: string) {
        err += s;
      },
    },
    written,
    out: () => out,
    err: () => err,
  };
}
const fx = (rel: string): Uint8Array => new Uint8Array(readFileSync(join(FIX, rel)));
const table = (csv: string): string[][] => Papa.parse<string[]>(csv.trim()).data;

test('several followers_N parts → one CSV, each handle once, ISO dates, exit 0', () => {
  const m = memIo({ 'followers_1.json': fx('instagram/followers_1.json'), 'followers_2.json': fx('instagram/followers_2.json') });
  const code = runImport(['followers_1.json', 'followers_2.json', '--out', 'followers.csv'], m.io);
  expect(code).toBe(0);
  const rows = table(m.written['followers.csv']);
  expect(rows[0]).toEqual(IMPORT_HEADERS);
  expect(rows.slice(1).map((r) => r[0])).toEqual(['jane.doe', 'bob_builds', 'carla.makes', 'dan.the.man', 'eve_knits', 'frank.ceramics']);
  expect(rows[1]).toEqual(['jane.doe', '', 'https://www.instagram.com/jane.doe', '2025-01-13', 'instagram']);
  expect(m.err()).toMatch(/6 followers, 1 duplicate dropped → followers\.csv/);
  expect(m.out()).toBe('');
});

test('without --out the CSV goes to standard output', () => {
  const m = memIo({ 'Follower.txt': fx('tiktok/Follower.txt') });
  expect(runImport(['Follower.txt'], m.io)).toBe(0);
  expect(table(m.out()).slice(1).map((r) => r[0])).toEqual(['jane.doe', 'quinn.q']);
});

test('--following keeps the following lists of a zip and says what it skipped', () => {
  const m = memIo({ 'instagram.zip': fx('instagram-download.zip') });
  expect(runImport(['--following', 'instagram.zip', '--out=following.csv'], m.io)).toBe(0);
  const rows = table(m.written['following.csv']);
  expect(rows.slice(1).map((r) => r[0])).toEqual(['jane.doe', 'gina.shop']);
  expect(m.err()).toMatch(/followers_1\.json: skipped, it is a followers list \(leave out --following/);
});

test('X ids stay exact text in the CSV (never numbers, never an exponent)', () => {
  const m = memIo({ 'follower.js': fx('x/follower.js') });
  expect(runImport(['follower.js', '--out', 'o.csv'], m.io)).toBe(0);
  const csv = m.written['o.csv'];
  expect(csv).toContain('\n1295862231402459136,');
  expect(csv).toContain('\n9007199254740993,');
  expect(csv).not.toMatch(/e\+/i);
});

test('text a spreadsheet would run as a formula is neutralised in every cell', () => {
  const m = memIo({ 'people_who_followed_you.json': fx('other/formula-names.json') });
  expect(runImport(['people_who_followed_you.json', '--out', 'o.csv'], m.io)).toBe(0);
  const rows = table(m.written['o.csv']).slice(1);
  for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
  const pairs = rows.map((r) => r.slice(0, 2));
  expect(pairs).toEqual(
    expect.arrayContaining([
      ["'=1+2", "'=1+2"],
      ["'+1 555", "'+1 555"],
      ['home', "'@home"],
    ]),
  );
  // the HYPERLINK name is either written neutralised or, when normalizeHandle finds no key in it, skipped and said so
  const hyperlink = pairs.find((p) => /hyperlink/i.test(p[1]));
  if (hyperlink) expect(hyperlink[1]).toBe(`'=HYPERLINK("http://evil")`);
  else expect(m.err()).toMatch(/1 entry without a username skipped/);
});

test('a damaged or unknown file: one line naming it, the others still written, exit 1', () => {
  const m = memIo({ 'followers_1.json': fx('instagram/followers_1.json'), 'followers_3.json': fx('instagram/followers_3.json'), 'notes.txt': 'hello' });
  const code = runImport(['followers_1.json', 'followers_3.json', 'notes.txt', '--out', 'f.csv'], m.io);
  expect(code).toBe(1);
  const lines = m.err().trim().split('\n');
  expect(lines.filter((l) => l.startsWith('followback import: followers_3.json: damaged JSON'))).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith('followback import: notes.txt: '))).toHaveLength(1);
  expect(table(m.written['f.csv'])).toHaveLength(5);
  expect(m.err()).toMatch(/2 files could not be read and were left out/);
});

test('a missing file is named; nothing to write → exit 1 and no output', () => {
  const m = memIo({});
  expect(runImport(['nope.json', '--out', 'f.csv'], m.io)).toBe(1);
  expect(m.err()).toMatch(/nope\.json: cannot read the file \(ENOENT\)/);
  expect(m.written['f.csv']).toBeUndefined();
});

test('only following lists without --following: nothing written, the reason given', () => {
  const m = memIo({ 'following.json': fx('instagram/following.json') });
  expect(runImport(['following.json', '--out', 'f.csv'], m.io)).toBe(1);
  expect(m.err()).toMatch(/add --following/);
  expect(m.written['f.csv']).toBeUndefined();
});

test('usage errors exit 2', () => {
  for (const argv of [[], ['--bogus', 'a.json'], ['a.json', '--out']]) {
    const m = memIo({ 'a.json': '[]' });
    expect(runImport(argv, m.io)).toBe(2);
    expect(m.err()).toMatch(/Usage: followback import/);
  }
});

test('LinkedIn and Mastodon CSVs read through papaparse', () => {
  const m = memIo({ 'Connections.csv': fx('linkedin/Connections.csv'), 'following_accounts.csv': fx('mastodon/following_accounts.csv') });
  expect(runImport(['Connections.csv', 'following_accounts.csv', '--following', '--out', 'f.csv'], m.io)).toBe(0);
  const rows = table(m.written['f.csv']).slice(1);
  expect(rows.map((r) => r[0])).toEqual(['jane-doe-1a2b3c', 'elodie-brule', 'hidden person', 'gargron@mastodon.social', 'user@fosstodon.org']);
  expect(table(m.written['f.csv'])[0]).toEqual(['Handle', 'Name', 'Profile URL', 'Followed on', 'Platform', 'Email']);
  expect(rows[0]).toEqual(['jane-doe-1a2b3c', 'Jane Doe', 'https://www.linkedin.com/in/jane-doe-1a2b3c', '2024-03-12', 'linkedin', '']);
  expect(rows[1][5]).toBe('elodie@example.com'); // the email LinkedIn gives is kept: exact evidence for matching
});
