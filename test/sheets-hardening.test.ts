// Limits, concurrency and damaged workbooks: a clear message, and every user cell unchanged.
import * as server from '../src/server/index';
import { createWorkbook, type Workbook } from '../src/emulator';
import { contextFor, readCached, writeCached } from '../src/sheets/context-cache';
import { loadSettings } from '../src/sheets/settings-store';
import { placeOutput, writeRows } from '../src/sheets/output';
import { exampleBook, snapshot } from './sheets-fixtures';
import { execution } from './sheets-env';

function allSnapshots(book: Workbook) {
  return book.sheets.map((s) => snapshot(book, s.name));
}

describe('damaged workbooks get one clear message and stay unchanged', () => {
  const cases: [string, () => Workbook, RegExp][] = [
    ['no tabs of ours', () => createWorkbook([{ name: 'Sheet1', values: [['a', 'b']] }]), /No Followers tab found/],
    ['an empty Followers tab', () => createWorkbook([{ name: 'Followers', values: [] }]), /Followers: the table is empty/],
    ['no handle column', () => createWorkbook([{ name: 'Followers', values: [['Colour', 'Size'], ['red', 3]] }]), /^Followback: Followers: no .* column found/],
    ['orders without people columns', () => createWorkbook([
      { name: 'Followers', values: [['Username'], ['ann']] },
      { name: 'Orders', values: [['Lineitem name', 'Total'], ['Mug', 3]] },
    ]), /^Followback: Orders: /],
  ];
  test.each(cases)('%s', (_, make, expected) => {
    const book = make();
    const before = allSnapshots(book);
    const g = execution(book);
    server.scoreFollowers();
    expect(g.ui.alerts).toHaveLength(1);
    expect(g.ui.alerts[0]).toMatch(expected);
    expect(allSnapshots(book)).toEqual(before);
    expect(book.documentProperties).toEqual({});
  });

  test('headers on row 7 under a title, and 100% blank rows: output lines up with the rows', () => {
    const rows: unknown[][] = [['My followers export'], [], [], [], [], [], ['Username', 'Followers', 'Following']];
    for (let i = 0; i < 20; i++) rows.push(i % 4 === 3 ? ['', '', ''] : [`person${i}`, 100 + i, 50]);
    const book = createWorkbook([{ name: 'Followers', values: rows as never }]);
    const before = snapshot(book, 'Followers');
    execution(book);
    server.scoreFollowers();
    const after = snapshot(book, 'Followers');
    expect(after.values[6].slice(3)).toEqual(['Followback score', 'Recommendation', 'Bot risk', 'Customer', 'Customer ID', 'Match confidence', 'Engagement', 'Reasons', 'Follow queue']);
    expect(after.values.slice(0, 6).every((r) => r.slice(3).every((v) => v === ''))).toBe(true);
    after.values.slice(7).forEach((r, i) => expect(r[3] === '').toBe(i % 4 === 3));
    expect(after.rules[0].ranges).toEqual(['A8:L26']) // the last row is blank: the data range ends on row 26;
    execution(book);
    server.clearScores();
    expect(snapshot(book, 'Followers')).toEqual(before);
  });
});

describe('limits', () => {
  test('10 million cells: a clear message when the scores would not fit', () => {
    const book = exampleBook(10);
    book.sheets[0].maxRows = 1_000_000;
    book.sheets[0].maxColumns = 9; // 9 M cells already; 9 more columns would need 9 M more
    const before = snapshot(book, 'Orders');
    const g = execution(book);
    server.scoreFollowers();
    expect(g.ui.alerts[0]).toMatch(/limit of 10 million cells: the Followers tab needs 7 more columns/);
    expect(book.sheets[0].maxColumns).toBe(9);
    expect(snapshot(book, 'Orders')).toEqual(before);
  });

  test('settings over the 9 KB property limit are refused with a message', () => {
    const book = exampleBook(5);
    execution(book);
    const overrides: Record<string, string> = {};
    for (let i = 0; i < 120; i++) overrides[`field${i}`] = 'h'.repeat(80);
    const r = server.saveSettings({ columnOverrides: { followers: overrides } });
    expect(r.errors.map((e) => e.field)).toEqual(['columnOverrides']);
    expect(book.documentProperties['followback.settings']).toBe(JSON.stringify({ now: Date.UTC(2026, 10, 25) }));
  });

  test('a parsed context over 100 KB is cached in pieces, each under the limit, and read back whole', () => {
    const book = exampleBook(15000);
    execution(book);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const grid = ss.getSheetByName('Orders')!.getDataRange().getValues() as never;
    const sources = { orders: [{ name: 'Orders', grid }], engagement: [], following: [] };
    const settings = { ...loadSettings(), now: 1 };
    const ctx = contextFor(sources, settings, 1);
    const pieces = Object.entries(book.cache).filter(([k]) => /^followback\.orders\.[0-9a-f]{64}\.\d+$/.test(k));
    expect(JSON.stringify(ctx).length).toBeGreaterThan(100 * 1024);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every(([, v]) => new TextEncoder().encode(v.value).length <= 100 * 1024)).toBe(true);
    const key = Object.keys(book.cache).find((k) => /^followback\.orders\..*\.n$/.test(k))!.slice(0, -2);
    expect(readCached(key)).toEqual(JSON.parse(JSON.stringify({ customers: ctx.customers, ignoredOrders: ctx.ignoredOrders })));
    // read back whole from the three entries; another hour shares the orders' and the engagement's entries
    expect(contextFor(sources, settings, 1)).toEqual(JSON.parse(JSON.stringify(ctx)));
    const entries = () => Object.keys(book.cache).filter((k) => k.endsWith('.n')).length;
    expect(entries()).toBe(3);
    expect(contextFor(sources, settings, 3600001)).toEqual(JSON.parse(JSON.stringify(ctx)));
    expect(entries()).toBe(4);
    // A missing piece is a miss, not a wrong answer: parsed again, the same context
    delete book.cache[`${key}.1`];
    expect(readCached(key)).toBeNull();
    expect(contextFor(sources, settings, 1)).toEqual(ctx);
    expect(readCached(key)).not.toBeNull();
    expect(writeCached(key, ctx)).toBe(true);
  });
});

describe('concurrency', () => {
  test('settings saved during a run wait for the lock; a custom function reads during a run', () => {
    const book = exampleBook(50);
    const runner = execution(book, { executionId: 'run' });
    expect(runner.LockService.getDocumentLock().tryLock(10)).toBe(true);
    execution(book, { executionId: 'sidebar' });
    expect(() => server.saveSettings({ platform: 'x' })).toThrow(/already working on this spreadsheet/);
    execution(book, { executionId: 'cell', customFunction: true });
    expect(typeof server.FOLLOWBACK_SCORE('ann.smith0')).toBe('number');
    execution(book, { executionId: 'run' }).LockService.getDocumentLock().releaseLock();
  });

  test('a tab renamed while the sidebar scores: the run follows the tab', () => {
    const book = exampleBook(90);
    execution(book);
    const plan = server.beginScoring();
    execution(book);
    server.scoreChunk(0, 50);
    execution(book).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!.setName('My followers 2026');
    execution(book);
    expect(server.scoreChunk(50, 50).done).toBe(plan.total);
    execution(book);
    const report = server.finishScoring();
    expect(report.summary.scored).toBe(90);
  });

  test('a chunk after Clear asks to start again instead of writing into cleared columns', () => {
    const book = exampleBook(30);
    execution(book);
    server.beginScoring();
    execution(book);
    server.clearScores();
    execution(book);
    expect(() => server.scoreChunk(0, 30)).toThrow(/No scoring run is in progress/);
  });
});

test('a 50,000-character name: output cells stay within Sheets\' 50,000 characters', () => {
  const long = 'Ann ' + 'x'.repeat(49_990);
  const book = exampleBook(20, { extraOrders: [['#9002', 'other@example.com', 'paid', 10, '2026-05-12', 'Mug', long]] });
  book.sheets[0].values[1][1] = long;
  const g = execution(book);
  server.scoreFollowers();
  expect(g.ui.alerts).toEqual([]);
  const s = snapshot(book, 'Followers');
  expect(s.values.every((r) => r.every((v) => typeof v !== 'string' || v.length <= 50_000))).toBe(true);
  expect(s.values[0][7]).toBe('Followback score');
});

test('writeRows cuts a text over 50,000 characters instead of failing the run', () => {
  const book = createWorkbook([{ name: 'Followers', values: [['Username'], ['ann']] }]);
  const g = execution(book);
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!;
  const p = placeOutput(sheet, null, 0, 1, 1);
  writeRows(p, [[1, 'Skip', 2, '', '', '', 0, 'r'.repeat(60_000), '']]);
  const reasons = String(sheet.getRange(2, 9).getValue());
  expect(reasons).toHaveLength(50_000);
  expect(reasons.endsWith('…')).toBe(true);
});

test('settings saved while the sidebar scores do not change the run half-way', () => {
  const a = exampleBook(120);
  const b = exampleBook(120);
  execution(a);
  server.scoreFollowers();
  execution(b);
  const plan = server.beginScoring();
  execution(b);
  server.scoreChunk(0, 60);
  execution(b);
  expect(server.saveSettings({ followThreshold: 90, considerThreshold: 80 }).errors).toEqual([]);
  execution(b);
  server.scoreChunk(60, plan.total - 60);
  execution(b);
  server.finishScoring();
  expect(snapshot(b, 'Followers')).toEqual(snapshot(a, 'Followers'));
});

test('a second Score while a sidebar run is in progress is told to wait; an abandoned run can be taken over', () => {
  const book = exampleBook(40);
  execution(book);
  server.beginScoring();
  execution(book);
  server.scoreChunk(0, 10);
  execution(book);
  expect(() => server.beginScoring()).toThrow(/already scoring this spreadsheet .* 10 of 40 rows done/);
  const run = JSON.parse(book.documentProperties['followback.run']);
  book.documentProperties['followback.run'] = JSON.stringify({ ...run, touched: Date.now() - 3 * 60 * 1000 });
  execution(book);
  expect(server.beginScoring().total).toBe(40);
});

test('a chunk that fails ends the run, so the next Score starts at once', () => {
  const book = exampleBook(40);
  execution(book);
  server.beginScoring();
  const g = execution(book);
  g.SpreadsheetApp.getActiveSpreadsheet().deleteSheet(g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!);
  execution(book);
  expect(() => server.scoreChunk(0, 10)).toThrow(/was deleted while scoring/);
  expect(book.documentProperties['followback.run']).toBeUndefined();
});
