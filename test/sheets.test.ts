// src/sheets through the server's exports, against the emulator: what the add-on writes, keeps and gives back.
import * as server from '../src/server/index';
import { createWorkbook, renderSheet, type Workbook } from '../src/emulator';
import { OUTPUT_HEADERS, RECOMMENDATIONS } from '../src/core/types';
import { BUSY_MESSAGE } from '../src/sheets/lock';
import { exampleBook, snapshot } from './sheets-fixtures';
import { execution } from './sheets-env';

const headerRow = (book: Workbook) => renderSheet(book, 'Followers')!.display[0];

describe('menu', () => {
  test('onOpen in AuthMode.NONE builds the menu and touches nothing else', () => {
    const book = exampleBook(10);
    const before = JSON.stringify(book);
    const g = execution(book, { authMode: 'NONE' });
    server.onOpen({ authMode: 'NONE' });
    expect(g.ui.menus).toEqual([
      {
        title: 'Followback',
        items: [
          { caption: 'Score followers', functionName: 'scoreFollowers' },
          { caption: 'Open sidebar', functionName: 'showSidebar' },
          { caption: 'Insert example data', functionName: 'insertExampleData' },
          { caption: 'Clear scores and colours', functionName: 'clearScores' },
        ],
      },
    ]);
    expect(Object.keys(g.calls.byMethod).every((m) => m.startsWith('Ui.') || m === 'SpreadsheetApp.getUi')).toBe(true);
    expect(JSON.stringify(book)).toBe(before);
  });
});

describe('scoring from the menu', () => {
  test('writes the nine columns right of the user\'s, as text where it is text, and colours rows', () => {
    const book = exampleBook(120);
    const before = snapshot(book, 'Followers');
    const g = execution(book);
    server.scoreFollowers();
    expect(g.ui.alerts).toEqual([]);
    const after = snapshot(book, 'Followers');
    const userCols = before.size[1];
    expect(after.size).toEqual([before.size[0], userCols + 9]); // the exact-size grid had to grow
    expect(after.values[0].slice(userCols)).toEqual([...OUTPUT_HEADERS]);
    // Every user cell unchanged.
    expect(after.values.map((r) => r.slice(0, userCols))).toEqual(before.values);
    const recs = after.values.slice(1).map((r) => r[userCols + 1]);
    expect(recs.every((r) => RECOMMENDATIONS.includes(r as never))).toBe(true);
    expect(after.values.slice(1).every((r) => typeof r[userCols] === 'number')).toBe(true);
    expect(after.formats[1][userCols + 1]).toBe('@');
    expect(after.formats[1][userCols + 7]).toBe('@');
    expect(after.rules.map((r) => r.background)).toEqual(['#d9ead3', '#fff2cc', '#f4cccc', '#cfe2f3']);
    expect(after.rules[0].ranges).toEqual(['A2:P121']);
    expect(after.rules[0].values).toEqual(['=$I2="Follow back"']);
    expect(g.ui.toasts[0]).toMatch(/^Followback: Scored 120 followers: \d+ Follow back, \d+ Consider, \d+ Skip, \d+ Likely bot, \d+ Already following/);
    // Rendered colours follow the Recommendation column.
    const bg = renderSheet(book, 'Followers')!.backgrounds;
    const botRow = recs.indexOf('Likely bot');
    if (botRow >= 0) expect(bg[botRow + 1][0]).toBe('#f4cccc');
  });

  test('running twice gives the same sheet; Clear gives the tab back exactly', () => {
    const book = exampleBook(60);
    const original = snapshot(book, 'Followers');
    execution(book);
    server.scoreFollowers();
    const once = snapshot(book, 'Followers');
    execution(book);
    server.scoreFollowers();
    expect(snapshot(book, 'Followers')).toEqual(once);
    const g = execution(book);
    server.clearScores();
    expect(snapshot(book, 'Followers')).toEqual(original);
    expect(Object.keys(book.documentProperties).filter((k) => k.startsWith('followback.output'))).toEqual([]);
    expect(g.ui.toasts).toEqual(["Followback: Cleared Followback's scores and colours."]);
  });

  test('on a 1000 x 26 sheet: no columns inserted; user formulas, formats and rules kept; Clear restores', () => {
    const book = exampleBook(30);
    let g = execution(book);
    // Re-create Followers as a typed-in sheet with a formula, a format and a rule of the user's.
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const src = ss.getSheetByName('Followers')!.getDataRange().getValues();
    ss.getSheetByName('Followers')!.setName('Old list');
    const sheet = ss.insertSheet('Followers');
    sheet.getRange(1, 1, src.length, src[0].length).setValues(src);
    sheet.getRange(1, 8).setValue('Ratio');
    sheet.getRange(2, 8).setFormula('=D2/E2');
    sheet.getRange(2, 4, src.length - 1, 1).setNumberFormat('#,##0');
    const userRule = g.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('no').setBackground('#000000').setRanges([sheet.getRange('G2:G31')]).build();
    sheet.setConditionalFormatRules([userRule]);
    const original = snapshot(book, 'Followers');
    g = execution(book);
    server.scoreFollowers();
    const after = snapshot(book, 'Followers');
    expect(after.size).toEqual([1000, 26]);
    expect(after.values[0].slice(8, 17)).toEqual([...OUTPUT_HEADERS]);
    expect(after.formulas[1][7]).toBe('=D2/E2');
    expect(after.rules[0]).toEqual(original.rules[0]);
    expect(after.rules).toHaveLength(5);
    execution(book);
    server.clearScores();
    expect(snapshot(book, 'Followers')).toEqual(original);
  });

  test('user text that looks like a formula is written as text', () => {
    const book = exampleBook(20, {
      extraOrders: [['#9001', 'carla.smith2@example.com', 'paid', 50, '2026-05-12', 'Mug', '=HYPERLINK("http://evil.example","click")']],
    });
    // The follower whose name is a formula too.
    book.sheets[0].values[3][1] = '=HYPERLINK("http://evil.example","click")';
    const g = execution(book);
    server.scoreFollowers();
    expect(g.ui.alerts).toEqual([]);
    const s = snapshot(book, 'Followers');
    const block = s.formulas.map((r) => r.slice(7, 16));
    expect(block.every((r) => r.every((f) => f === ''))).toBe(true);
    expect(s.values.some((r) => r.slice(7).some((v) => typeof v === 'string' && v.includes('=HYPERLINK')))).toBe(true);
  });

  test('a second run while another holds the lock gets a clear message and writes nothing', () => {
    const book = exampleBook(20);
    const before = snapshot(book, 'Followers');
    const other = execution(book, { executionId: 'other' });
    expect(other.LockService.getDocumentLock().tryLock(100)).toBe(true);
    const g = execution(book, { executionId: 'mine' });
    server.scoreFollowers();
    expect(g.ui.alerts).toEqual([`Followback: ${BUSY_MESSAGE}`]);
    expect(snapshot(book, 'Followers')).toEqual(before);
  });

  test('no Followers tab: one clear alert', () => {
    const book = createWorkbook([{ name: 'Sheet1', values: [['a']] }]);
    const g = execution(book);
    server.scoreFollowers();
    expect(g.ui.alerts[0]).toMatch(/No Followers tab found/);
  });
});

describe('sidebar calls', () => {
  test('chunked scoring writes what the menu writes', () => {
    const a = exampleBook(250);
    const b = exampleBook(250);
    execution(a);
    server.scoreFollowers();
    execution(b);
    const plan = server.beginScoring();
    expect(plan.total).toBe(250);
    for (let start = 0; start < plan.total; start += 100) {
      execution(b);
      expect(server.scoreChunk(start, 100).done).toBe(Math.min(start + 100, 250));
    }
    execution(b);
    const report = server.finishScoring();
    expect(snapshot(b, 'Followers')).toEqual(snapshot(a, 'Followers'));
    expect(report.summary.scored).toBe(250);
    expect(report.queue.map((q) => q.queue)).toEqual(report.queue.map((_, i) => i + 1));
    execution(b);
    expect(server.getReport()).toEqual({ ...report, warnings: [] });
  });

  test('status, settings, selectRow', () => {
    const book = exampleBook(40);
    execution(book);
    const st = server.getStatus();
    expect(st.tabs).toEqual({ followers: 'Followers', orders: 'Orders', engagement: 'Engagement', following: null });
    expect(st.rows.followers).toBe(40);
    expect(st.columns.followers.handle).toBe('Username');
    const bad = server.saveSettings({ platform: 'myspace' });
    expect(bad.errors[0].field).toBe('platform');
    const ok = server.saveSettings({ platform: 'x', followingCount: 120 });
    expect(ok.errors).toEqual([]);
    execution(book);
    expect(server.getSettings().platform).toBe('x');
    server.selectRow(5);
    expect(book.selection).toEqual({ sheet: 'Followers', a1: 'A5:G5' });
  });
});

describe('custom functions', () => {
  test('one value or a range in, the same shape out; read-only context works', () => {
    const book = exampleBook(50);
    execution(book, { customFunction: true });
    const one = server.FOLLOWBACK_SCORE('carla.smith2');
    expect(typeof one).toBe('number');
    const range = server.FOLLOWBACK_RECOMMENDATION([['ann.smith0', ''], ['@bob.smith1', 'nobody.here']]) as unknown[][];
    expect(range).toHaveLength(2);
    expect(range.map((r) => r.length)).toEqual([2, 2]);
    expect(range[0][1]).toBe('');
    expect(RECOMMENDATIONS).toContain(range[1][1]);
    const match = server.CUSTOMER_MATCH([['ann.smith0'], ['nobody.here']]) as unknown[][];
    expect(String(match[0][0])).toMatch(/ann\.smith0@example\.com/);
    expect(match[1][0]).toBe('');
  });

  test('a missing Orders tab is one clear text value; BOT_RISK needs no tabs', () => {
    const book = createWorkbook([{ name: 'Sheet1', values: [['x']] }]);
    execution(book, { customFunction: true });
    expect(server.CUSTOMER_MATCH([['a'], ['b']])).toMatch(/^Followback: no Orders tab found/);
    const risk = server.BOT_RISK([[12], [900]], [[7400], [300]], [[0], [250]], [['no'], ['yes']]) as number[][];
    expect(risk.map((r) => r.length)).toEqual([1, 1]);
    expect(risk[0][0]).toBeGreaterThan(risk[1][0]);
    expect(typeof server.BOT_RISK(100, 200)).toBe('number');
  });

  test('BOT_RISK starts from the saved share of bots among the followers', () => {
    const book = createWorkbook([{ name: 'Sheet1', values: [['x']] }]);
    execution(book, { customFunction: true });
    const before = server.BOT_RISK(300, 280, 40, 'yes') as number;
    execution(book);
    expect(server.saveSettings({ botBaseRate: 40 }).errors).toEqual([]);
    execution(book, { customFunction: true });
    expect(server.BOT_RISK(300, 280, 40, 'yes')).toBeGreaterThan(before);
  });
});

describe('example data', () => {
  test('adds four tabs, never overwrites, and scores', () => {
    const book = createWorkbook([{ name: 'Orders', values: [['mine']] }]);
    let g = execution(book);
    server.insertExampleData();
    expect(book.sheets.map((s) => s.name)).toEqual(['Orders', 'Followers', 'Engagement', 'Following']);
    expect(book.sheets[0].values).toEqual([['mine']]);
    expect(g.ui.toasts[0]).toMatch(/Kept your existing Orders tab unchanged/);
    const fresh = createWorkbook([]);
    g = execution(fresh);
    server.insertExampleData();
    expect(fresh.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Followers', 'Orders', 'Engagement', 'Following']);
    g = execution(fresh);
    server.scoreFollowers();
    expect(g.ui.alerts).toEqual([]);
    const recs = renderSheet(fresh, 'Followers')!.display.slice(1).map((r) => r[10]);
    expect(recs.filter((r) => r === 'Likely bot').length).toBeGreaterThanOrEqual(3);
    expect(headerRow(fresh).slice(9)).toEqual([...OUTPUT_HEADERS]);
  });
});

describe('the user edits columns between runs', () => {
  test('a column inserted left of the scores: the block moves, Clear still removes exactly its columns', () => {
    const book = exampleBook(25);
    const cols = book.sheets[0].maxColumns;
    execution(book);
    server.scoreFollowers();
    let g = execution(book);
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!;
    sheet.insertColumnsBefore(2, 1);
    sheet.getRange(1, 2).setValue('Notes');
    execution(book);
    server.scoreFollowers();
    const scored = snapshot(book, 'Followers');
    expect(scored.size[1]).toBe(cols + 1 + 9);
    expect(scored.values[0].slice(cols + 1)).toEqual([...OUTPUT_HEADERS]);
    expect(scored.rules.map((r) => r.ranges[0])).toEqual(Array(4).fill(`A2:Q26`));
    g = execution(book);
    server.clearScores();
    const cleared = snapshot(book, 'Followers');
    expect(cleared.size[1]).toBe(cols + 1);
    expect(cleared.values[0]).toEqual(['Username', 'Notes', 'Full name', 'Bio', 'Followers', 'Following', 'Posts', 'Profile picture']);
    expect(cleared.rules).toEqual([]);
    expect(g.ui.alerts).toEqual([]);
  });
});

test('the plain-text and queue columns are the ones named in OUTPUT_HEADERS', () => {
  const { TEXT_COLUMNS, QUEUE_COLUMN } = jest.requireActual('../src/sheets/layout');
  expect(TEXT_COLUMNS.map((k: number) => OUTPUT_HEADERS[k])).toEqual(['Recommendation', 'Customer', 'Customer ID', 'Reasons']);
  expect(OUTPUT_HEADERS[QUEUE_COLUMN]).toBe('Follow queue');
});

test('Clear while another run holds the lock throws the clear message (the sidebar hears of it)', () => {
  const book = exampleBook(10);
  execution(book);
  server.scoreFollowers();
  const before = snapshot(book, 'Followers');
  execution(book, { executionId: 'other' }).LockService.getDocumentLock().tryLock(10);
  execution(book, { executionId: 'me' });
  expect(() => server.clearScores()).toThrow(BUSY_MESSAGE);
  expect(snapshot(book, 'Followers')).toEqual(before);
});

test('custom functions: a broken or empty tab gives one clear text value, never a stack trace', () => {
  const broken = createWorkbook([{ name: 'Followers', values: [['Colour'], ['red']] }]);
  execution(broken, { customFunction: true });
  const out = server.FOLLOWBACK_SCORE([['ann'], ['bob']]);
  expect(out).toMatch(/^Followback: Followers: no .*column found/);
  expect(String(out)).not.toMatch(/\n\s+at /);
  const emptyOrders = createWorkbook([{ name: 'Followers', values: [['Username'], ['ann']] }, { name: 'Orders', values: [] }]);
  execution(emptyOrders, { customFunction: true });
  expect(server.CUSTOMER_MATCH('ann')).toMatch(/^Followback: Orders: the table is empty/);
  const noFollowersTab = createWorkbook([{ name: 'Sheet1', values: [['x']] }]);
  execution(noFollowersTab, { customFunction: true });
  expect(typeof server.FOLLOWBACK_SCORE('someone')).toBe('number');
  expect(server.FOLLOWBACK_SCORE('')).toBe('');
});
