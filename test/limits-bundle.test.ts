// Google's limits, through the built add-on in the emulator: 50,000 characters a cell, 10 million cells a
// spreadsheet, 9 KB a property value, 100 KB a cache value, and the 6-minute / 30-second run limits (kept by
// chunking: a chunk's Spreadsheet calls do not grow with its rows; the time per row is measured by
// scripts/hardening-figures.mjs, not asserted here).
import type { Cell } from '../src/core/types';
import type { Workbook } from '../src/emulator';
import { book, ensureBundle, errorOf, execution } from './hardening-gas';
import { recordFigures } from './property-arbitraries';

ensureBundle();

const CELL_CHARS = 50000;
const WORKBOOK_CELLS = 10000000;
const PROPERTY_BYTES = 9 * 1024;
const CACHE_BYTES = 100 * 1024;
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
/** Spreadsheet service calls only (the emulator also counts Cache, Properties and Lock calls). */
const sheetCalls = (byMethod: Record<string, number>) =>
  Object.entries(byMethod).reduce((n, [m, k]) => n + (/^(SpreadsheetApp|Spreadsheet|Sheet|Range)\./.test(m) ? k : 0), 0);

function followers(n: number, extra: (i: number) => Cell[] = () => []): Cell[][] {
  const rows: Cell[][] = [['Username', 'Full Name', 'Followers', 'Following', 'Posts']];
  for (let i = 0; i < n; i++) rows.push([`user_${i}`, `Person ${i}`, (i * 37) % 5000, (i * 11) % 3000, i % 400, ...extra(i)]);
  return rows;
}

function longestCell(b: Workbook): number {
  let max = 0;
  for (const s of b.sheets) for (const row of s.values) for (const v of row || []) if (typeof v === 'string' && v.length > max) max = v.length;
  return max;
}

const reached: Record<string, unknown> = {};
afterAll(() => recordFigures('limits-bundle', { limits: reached }));

// Found by this file: an order whose Billing Name is a 50,000-character paste made the whole menu run fail with
// Sheets' "Your input contains more than the maximum of 50000 characters in a single cell." (fixed in
// src/sheets/output.ts: cells are cut to 50,000 characters).
// Also found here and fixed: CUSTOMER_MATCH returned the full 50,043-character text (an error cell in Sheets).
describe('50,000 characters a cell', () => {
  // An order whose name is a 50,000-character paste: the Customer column must still fit in a cell.
  const longName = 'Jane Doe ' + 'x'.repeat(CELL_CHARS - 9);
  const tabs = () => [
    { name: 'Followers', values: [['Username', 'Full Name'], ['jane.doe', 'Jane Doe'], ['other', longName]] },
    {
      name: 'Orders',
      values: [
        ['Order ID', 'Email', 'Billing Name', 'Total', 'Financial Status'],
        ['1001', 'jane.doe@example.com', longName, 120, 'paid'],
        ['1002', '', longName, 80, 'paid'],
      ],
    },
  ];

  test('menu run: no cell the add-on writes is longer than 50,000 characters', () => {
    const b = book(tabs());
    const x = execution(b);
    x.call('scoreFollowers');
    expect(x.g.ui.alerts).toEqual([]);
    reached.longestCellWritten = longestCell(b);
    expect(longestCell(b)).toBeLessThanOrEqual(CELL_CHARS);
  });

  test('custom functions return no value longer than 50,000 characters', () => {
    const b = book(tabs());
    const out = execution(b, { customFunction: true }).call<Cell[][]>('CUSTOMER_MATCH', [['jane.doe'], ['other']]);
    for (const row of out) for (const v of row) expect(String(v).length).toBeLessThanOrEqual(CELL_CHARS);
  });
});

describe('10 million cells a spreadsheet', () => {
  test('a Followers tab that fills the grid: the add-on does not grow the workbook past 10,000,000 cells, or says so', () => {
    const b = book([{ name: 'Followers', values: followers(20) }]);
    const s = b.sheets[0];
    s.maxColumns = 10;
    s.maxRows = WORKBOOK_CELLS / 10; // 1,000,000 rows x 10 columns: the limit, already reached
    const x = execution(b);
    x.call('scoreFollowers');
    const cells = b.sheets.reduce((n, t) => n + t.maxRows * t.maxColumns, 0);
    reached.workbookCellsAfterRun = cells;
    if (cells > WORKBOOK_CELLS) {
      // Sheets would refuse the insert ("…above the limit of 10000000 cells"): the user must get that as a clear alert.
      expect(x.g.ui.alerts.join(' ')).toMatch(/10,?000,?000 cells|cell limit|too many cells/i);
    }
  });
});

describe('9 KB a document property', () => {
  // Found by this file and fixed (settings-store.ts): the size check counted characters, not UTF-8 bytes, so Arabic
  // column headers (2 bytes a character) passed it and setProperty threw Apps Script's raw "Argument too large: value".
  test('settings too large to store get a clear message, never "Argument too large"', () => {
    const b = book([{ name: 'Followers', values: followers(3) }]);
    // Hand-picked column headers in Arabic: 2 bytes a character, so 9,000 characters is ~18 KB.
    const header = (i: number) => 'عمود ' + 'ب'.repeat(60) + ' ' + i;
    const overrides: Record<string, string> = {};
    for (let i = 0; i < 70; i++) overrides[`field${i}`] = header(i);
    let result: { errors: { field: string; message: string }[] } | undefined;
    const err = errorOf(() => {
      result = execution(b).call('saveSettings', { columnOverrides: { followers: overrides } });
    });
    const stored = b.documentProperties['followback.settings'] || '';
    reached.settingsBytesStored = utf8(stored);
    expect(err).toBe('');
    expect(utf8(stored)).toBeLessThanOrEqual(PROPERTY_BYTES);
    if (!stored.includes('field69')) expect(result!.errors.map((e) => e.message).join(' ')).toMatch(/too many|too large|remove/i);
  });

  test('every property the add-on writes during a run stays under 9 KB', () => {
    const b = book([{ name: 'Followers', values: followers(3000) }]);
    const plan = execution(b).call<{ total: number; chunk: number }>('beginScoring');
    let max = 0;
    for (let start = 0; start < plan.total; start += plan.chunk) {
      execution(b).call('scoreChunk', start, plan.chunk);
      for (const v of Object.values(b.documentProperties)) max = Math.max(max, utf8(v));
    }
    execution(b).call('finishScoring');
    for (const v of Object.values(b.documentProperties)) max = Math.max(max, utf8(v));
    reached.largestPropertyBytes = max;
    expect(max).toBeLessThanOrEqual(PROPERTY_BYTES);
  });
});

describe('100 KB a cache value', () => {
  test('a large Orders tab is cached in pieces under 100 KB, and the chunks read it back', () => {
    const orders: Cell[][] = [['Order ID', 'Email', 'Billing Name', 'Total', 'Financial Status', 'Notes']];
    for (let i = 0; i < 8000; i++) orders.push([`#${1000 + i}`, `buyer${i}@example.com`, `Buyer ${i} Ñoño`, 10 + (i % 90), 'paid', `@insta_${i} ✨`]);
    const b = book([
      { name: 'Followers', values: followers(200) },
      { name: 'Orders', values: orders },
    ]);
    const plan = execution(b).call<{ total: number; chunk: number }>('beginScoring');
    const entries = Object.entries(b.cache);
    expect(entries.length).toBeGreaterThan(2); // the context was cached, in several pieces
    const largest = Math.max(...entries.map(([, e]) => utf8(e.value)));
    reached.largestCacheValueBytes = largest;
    reached.cachePieces = entries.length - 1;
    expect(largest).toBeLessThanOrEqual(CACHE_BYTES);
    const x = execution(b);
    x.call('scoreChunk', 0, plan.total);
    expect(x.g.calls.byMethod['Cache.getAll'] || x.g.calls.byMethod['Cache.get']).toBeGreaterThan(0);
  });
});

describe('6 minutes a run, 30 seconds a custom function: work is bounded per call', () => {
  const callsFor = (rows: number, count: number) => {
    const b = book([
      { name: 'Followers', values: followers(rows) },
      { name: 'Orders', values: [['Email', 'Billing Name', 'Total'], ['a@example.com', 'A B', 10]] },
    ]);
    execution(b).call('beginScoring');
    const x = execution(b);
    x.call('scoreChunk', 0, count);
    return sheetCalls(x.g.calls.byMethod);
  };

  test('a chunk makes the same number of Spreadsheet calls for 50 rows as for 2,000', () => {
    const small = callsFor(2000, 50);
    const large = callsFor(2000, 2000);
    reached.spreadsheetCallsPerChunk = large;
    expect(large).toBe(small);
  });

  test('the chunk size keeps a chunk to one google.script.run call well under 6 minutes', () => {
    const b = book([{ name: 'Followers', values: followers(10) }]);
    const plan = execution(b).call<{ total: number; chunk: number }>('beginScoring');
    reached.chunkRows = plan.chunk;
    expect(plan.chunk).toBeGreaterThan(0);
    expect(plan.chunk).toBeLessThanOrEqual(5000);
  });

  test('the menu run makes the same number of Spreadsheet calls for 100 rows as for 10,000', () => {
    const calls = (n: number) => {
      const x = execution(book([{ name: 'Followers', values: followers(n) }]));
      x.call('scoreFollowers');
      return sheetCalls(x.g.calls.byMethod);
    };
    const a = calls(100);
    const c = calls(10000);
    reached.spreadsheetCallsMenuRun = c;
    expect(c).toBe(a);
  });

  test('a custom function over 5,000 handles reads each tab once (calls do not grow with the range)', () => {
    const b = book([{ name: 'Followers', values: followers(5000) }]);
    const run = (n: number) => {
      const x = execution(b, { customFunction: true });
      const handles = Array.from({ length: n }, (_, i) => [`user_${i}`]);
      const out = x.call<Cell[][]>('FOLLOWBACK_SCORE', handles);
      expect(out).toHaveLength(n);
      return sheetCalls(x.g.calls.byMethod);
    };
    const few = run(10);
    const many = run(5000);
    reached.spreadsheetCallsCustomFunction = many;
    expect(many).toBe(few);
  });
});
