// importRows (src/sheets/import-sheet.ts) against the in-memory Apps Script emulator (src/emulator).
import { createGlobals, createWorkbook, findSheet, tabValues, type Workbook } from '../src/emulator';
import type { ImportedRow } from '../src/core/imports/types';
import { importRows, MAX_IMPORT_ROWS } from '../src/sheets/import-sheet';
import { OUTPUT_HEADERS } from '../src/core/types';

const g = globalThis as unknown as { SpreadsheetApp?: unknown };

/** One execution against the book, as the server's importRows call would be. */
function run(book: Workbook, kind: 'followers' | 'following', rows: ImportedRow[], options?: Parameters<typeof importRows>[2]) {
  const globals = createGlobals(book);
  g.SpreadsheetApp = globals.SpreadsheetApp;
  try {
    const summary = importRows(kind, rows, options);
    return { summary, calls: globals.calls };
  } finally {
    delete g.SpreadsheetApp;
  }
}

const ig = (handle: string, day?: string): ImportedRow => ({
  handle,
  url: `https://www.instagram.com/${handle}`,
  platform: 'instagram',
  ...(day ? { date: Date.parse(day + 'T12:00:00Z') } : {}),
});

test('a missing Followers tab is created: Handle, Profile URL, Followed on, Platform; dates as ISO text', () => {
  const book = createWorkbook([{ name: 'Orders', values: [['Email'], ['a@b.co']] }]);
  const { summary } = run(book, 'followers', [ig('jane.doe', '2025-01-13'), ig('bob_builds')]);
  expect(summary).toEqual({ added: 2, duplicates: 0, tab: 'Followers' });
  expect(tabValues(book, 'Followers')).toEqual([
    ['Handle', 'Profile URL', 'Followed on', 'Platform'],
    ['jane.doe', 'https://www.instagram.com/jane.doe', '2025-01-13', 'instagram'],
    ['bob_builds', 'https://www.instagram.com/bob_builds', '', 'instagram'],
  ]);
  expect(findSheet(book, 'Followers')!.formats[1][2]).toBe('@');
  expect(findSheet(book, 'Orders')!.values).toEqual([['Email'], ['a@b.co']]);
});

test('a Name column is added when the rows carry names (Facebook, Bluesky, LinkedIn)', () => {
  const book = createWorkbook([]);
  run(book, 'followers', [{ handle: 'josé garcía', name: 'José García', platform: 'facebook' }]);
  expect(tabValues(book, 'Followers')).toEqual([
    ['Handle', 'Name', 'Profile URL', 'Followed on', 'Platform'],
    ['josé garcía', 'José García', '', '', 'facebook'],
  ]);
});

test('an existing tab: new handles appended below, duplicates skipped, existing rows untouched, missing columns added', () => {
  const user = [
    ['My followers', '', '', ''],
    ['Username', 'Full Name', 'Followers', 'Bio'],
    ['@Jane.Doe', 'Jane Doe', 120, 'pots'],
    ['https://www.instagram.com/_u/bob_builds', '', 40, ''],
    ['carla.makes', 'Carla', 3, ''],
  ];
  const book = createWorkbook([{ name: 'Followers', values: user }]);
  const before = JSON.stringify(tabValues(book, 'Followers'));
  const rows = [ig('jane.doe', '2025-01-01'), ig('bob_builds'), ig('dan.the.man', '2025-02-02'), { ...ig('eve'), name: 'Eve K' }, ig('dan.the.man')];
  const { summary } = run(book, 'followers', rows);
  expect(summary).toEqual({ added: 2, duplicates: 3, tab: 'Followers', columnsAdded: ['Profile URL', 'Followed on', 'Platform'] });
  const after = tabValues(book, 'Followers');
  // the user's cells are unchanged; only empty header cells to the right were filled
  expect(after.slice(0, 5).map((r) => r.slice(0, 4))).toEqual(JSON.parse(before));
  expect(after[1]).toEqual(['Username', 'Full Name', 'Followers', 'Bio', 'Profile URL', 'Followed on', 'Platform']);
  expect(after.slice(5)).toEqual([
    ['dan.the.man', '', '', '', 'https://www.instagram.com/dan.the.man', '2025-02-02', 'instagram'],
    ['eve', 'Eve K', '', '', 'https://www.instagram.com/eve', '', 'instagram'],
  ]);
  // cells the import did not write keep their format (the Followers count column is not turned into text)
  expect(findSheet(book, 'Followers')!.formats[5]?.[2]).toBeUndefined();
});

test('importing the same list twice adds nothing the second time', () => {
  const book = createWorkbook([]);
  const rows = [ig('a1'), ig('b2'), ig('c3')];
  expect(run(book, 'following', rows).summary).toEqual({ added: 3, duplicates: 0, tab: 'Following' });
  expect(run(book, 'following', rows).summary).toEqual({ added: 0, duplicates: 3, tab: 'Following' });
  expect(tabValues(book, 'Following')).toHaveLength(4);
});

test('a Following tab found by name case-insensitively, or by a name containing "following"', () => {
  const book = createWorkbook([{ name: 'accounts we are FOLLOWING', values: [['Account address'], ['gargron@mastodon.social']] }]);
  const { summary } = run(book, 'following', [{ handle: 'gargron@mastodon.social', platform: 'mastodon' }, { handle: 'user@fosstodon.org', platform: 'mastodon' }]);
  expect(summary).toMatchObject({ added: 1, duplicates: 1, tab: 'accounts we are FOLLOWING' });
  expect(tabValues(book, 'accounts we are FOLLOWING').map((r) => r[0])).toEqual(['Account address', 'gargron@mastodon.social', 'user@fosstodon.org']);
});

test('text that looks like a formula, a number or a date stays text', () => {
  const book = createWorkbook([]);
  run(book, 'followers', [
    { handle: '1295862231402459136', url: 'https://twitter.com/intent/user?user_id=1295862231402459136', platform: 'x' },
    { handle: '=hyperlink(x)', name: '=HYPERLINK("http://evil")', platform: 'facebook' },
    { handle: '+1 555', name: '-5', platform: 'facebook' },
    { handle: 'true', name: '2024-01-01', platform: 'facebook' },
  ]);
  const sheet = findSheet(book, 'Followers')!;
  const values = tabValues(book, 'Followers');
  expect(values.slice(1).map((r) => r.slice(0, 2))).toEqual([
    ['1295862231402459136', ''],
    ['=hyperlink(x)', '=HYPERLINK("http://evil")'],
    ['+1 555', '-5'],
    ['true', '2024-01-01'],
  ]);
  for (const row of values.slice(1)) for (const v of row) expect(typeof v).toBe('string');
  expect(sheet.formulas.flat().filter(Boolean)).toEqual([]);
});

test('Spreadsheet calls do not grow with rows; the grid grows when needed', () => {
  const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ig(`${prefix}${i}`, '2025-03-01'));
  const seed = [['Handle', 'Name'], ['seed', 'Seed']];
  const small = createWorkbook([{ name: 'Followers', values: seed }]);
  const big = createWorkbook([{ name: 'Followers', values: seed }]);
  const a = run(small, 'followers', rows(10, 's')).calls;
  const b = run(big, 'followers', rows(MAX_IMPORT_ROWS, 'b')).calls;
  expect(b.total).toBe(a.total); // both outgrow the seeded grid (exactly the data size) and insert rows once
  expect(b.byMethod["Sheet.insertRowsAfter"]).toBe(1);
  expect(b.byMethod['Range.getValues']).toBe(a.byMethod['Range.getValues']);
  expect(a.byMethod['Range.setValues']).toBeLessThanOrEqual(2);
  expect(tabValues(big, 'Followers')).toHaveLength(2 + MAX_IMPORT_ROWS);
  const again = run(big, 'followers', rows(MAX_IMPORT_ROWS, 'b'));
  expect(again.summary.added).toBe(0);
  expect(again.calls.byMethod['Range.getValues']).toBe(3); // header area, handle column, URL column
});

test('a tab with no handle column: a clear error naming it, nothing written', () => {
  const book = createWorkbook([{ name: 'Followers', values: [['Notes'], ['call Jane']] }]);
  const before = JSON.stringify(book.sheets);
  expect(() => run(book, 'followers', [ig('jane.doe')])).toThrow(/^Followers: .*handle/i);
  expect(JSON.stringify(book.sheets)).toBe(before);
});

test('rows from the sidebar are re-checked: handles normalised, junk rows skipped, chunk size capped', () => {
  const book = createWorkbook([]);
  const junk = [null, 42, { handle: '' }, { handle: '@Jane.Doe', date: 'yesterday' }, { url: 'https://www.tiktok.com/@Nina_N' }] as unknown as ImportedRow[];
  const { summary } = run(book, 'followers', junk);
  expect(summary).toEqual({ added: 2, duplicates: 0, tab: 'Followers', skipped: 3 });
  expect(tabValues(book, 'Followers').slice(1).map((r) => r[0])).toEqual(['jane.doe', 'nina_n']);
  expect(() => run(book, 'followers', new Array(MAX_IMPORT_ROWS + 1).fill(ig('x')))).toThrow(/at most/);
  expect(() => run(book, 'bogus' as 'followers', [])).toThrow(/unknown list kind/);
});

test('output columns of a scored tab keep their format; new columns go after them', () => {
  const header = ['Handle', ...OUTPUT_HEADERS];
  const book = createWorkbook([{ name: 'Followers', values: [header, ['jane.doe', 80, 'Follow back', 3, '', '', '', 5, 'customer', 1]] }]);
  run(book, 'followers', [ig('bob', '2025-01-01')]);
  const values = tabValues(book, 'Followers');
  expect(values[0]).toEqual([...header, 'Profile URL', 'Followed on', 'Platform']);
  expect(values[2]).toEqual(['bob', '', '', '', '', '', '', '', '', '', 'https://www.instagram.com/bob', '2025-01-01', 'instagram']);
  const formats = findSheet(book, 'Followers')!.formats[2] || [];
  expect(formats.slice(1, 10).filter((f) => f === '@')).toEqual([]);
});

test('a tab named in the settings is used (and created when missing)', () => {
  const book = createWorkbook([{ name: 'Followers', values: [['Handle'], ['a']] }]);
  const { summary } = run(book, 'followers', [ig('b')], { tabName: 'IG followers 2025' });
  expect(summary.tab).toBe('IG followers 2025');
  expect(tabValues(book, 'Followers')).toEqual([['Handle'], ['a']]);
  expect(tabValues(book, 'IG followers 2025')[1][0]).toBe('b');
});
