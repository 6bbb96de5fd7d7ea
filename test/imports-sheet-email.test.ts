// importRows with LinkedIn connections that carry an email and scrapers' profile fields: the tab gets Email (and the
// profile columns) under headers the Followers reader finds, so the matcher can use the email as exact evidence.
import { createGlobals, createWorkbook, tabValues, type Workbook } from '../src/emulator';
import type { ImportedRow } from '../src/core/imports/types';
import { importRows } from '../src/sheets/import-sheet';
import { readTable } from '../src/core/table';

const g = globalThis as unknown as { SpreadsheetApp?: unknown };
function run(book: Workbook, kind: 'followers' | 'following', rows: ImportedRow[]) {
  g.SpreadsheetApp = createGlobals(book).SpreadsheetApp;
  try {
    return importRows(kind, rows);
  } finally {
    delete g.SpreadsheetApp;
  }
}
const li = (name: string, email?: string): ImportedRow => ({ handle: name.toLowerCase(), name, platform: 'linkedin', ...(email ? { email } : {}) });

test('a new Followers tab gets an Email column that the Followers reader maps to email', () => {
  const book = createWorkbook([{ name: 'Orders', values: [['Email'], ['a@b.co']] }]);
  run(book, 'followers', [li('Astra Belwood', 'Astra.B@Example.test'), li('Cai Dunmore')]);
  const values = tabValues(book, 'Followers');
  expect(values[0]).toEqual(['Handle', 'Name', 'Profile URL', 'Followed on', 'Platform', 'Email']);
  expect(values.slice(1).map((r) => r[5])).toEqual(['astra.b@example.test', '']);
  const t = readTable({ name: 'Followers', grid: values }, 'followers');
  expect(t.headers[t.columns.email]).toBe('Email');
});

test('an existing tab without Email gets the column added to the right; a tab with one is filled in', () => {
  const book = createWorkbook([{ name: 'Followers', values: [['Handle', 'Name'], ['old.one', 'Old One']] }]);
  const s = run(book, 'followers', [li('Astra Belwood', 'astra.b@example.test')]);
  expect(s.columnsAdded).toEqual(['Platform', 'Email']);
  expect(tabValues(book, 'Followers')[2]).toEqual(['astra belwood', 'Astra Belwood', 'linkedin', 'astra.b@example.test']);

  const mine = createWorkbook([{ name: 'Followers', values: [['Username', 'E-mail', 'Followers'], ['old.one', '', 5]] }]);
  const t = run(mine, 'followers', [li('Cai Dunmore', 'cai@example.test')]);
  expect(t.columnsAdded).toEqual(['Name', 'Platform']);
  const v = tabValues(mine, 'Followers');
  expect(v[2].slice(0, 3)).toEqual(['cai dunmore', 'cai@example.test', '']); // the user's Followers column left empty
});

test('a Following tab gets Email too', () => {
  const book = createWorkbook([]);
  run(book, 'following', [li('Dove Ashgrove', 'dove@example.test')]);
  expect(tabValues(book, 'Following')[0]).toEqual(['Handle', 'Name', 'Profile URL', 'Followed on', 'Platform', 'Email']);
});
