// The daily routine through dist/Code.js (gas-local over the emulator): ticks append to Following and the history
// under the lock, today's budget counts today's ticks, and a second day's queue skips what was ticked.
import { join } from 'node:path';
import vm from 'node:vm';
import { tabValues, type Workbook } from '../src/emulator';
import { HISTORY_HEADERS, HISTORY_TAB } from '../src/core/history';
import { OUTPUT_HEADERS } from '../src/core/types';
import { message, run } from './bundle-env';
import { errorOf, execution } from './hardening-gas';
import { exampleBook, exampleBook as makeBook } from './sheets-fixtures';
import { ensureBuilt } from './built';

beforeAll(() => {
  ensureBuilt();
});

const DAY1 = Date.UTC(2026, 11, 2, 15, 0, 0);
const DAY2 = DAY1 + 86_400_000;

/** One execution at a fixed clock (the bundle's own Date.now). */
function at(book: Workbook, now: number) {
  const r = run(book);
  vm.runInContext(`Date.now = () => ${now};`, r.code as unknown as vm.Context);
  return r;
}

type Report = { queue: { handle: string; row: number; queue: number; link?: string }[]; summary: Record<string, unknown> & { queued: number; last?: { action: string; handles: string[] } } };

function queueColumn(book: Workbook): string[] {
  const v = tabValues(book, 'Followers');
  const col = v[0].indexOf(OUTPUT_HEADERS[8]);
  return v.slice(1).map((r, i) => (r[col] === '' ? '' : `${r[0]}#${r[col]}#${i}`)).filter(Boolean);
}

test('ticks use up today’s pace; tomorrow the pace is full again and the queue skips what was ticked', () => {
  const book = exampleBook(400);
  book.timeZone = 'America/Los_Angeles';
  at(book, DAY1).code.saveSettings({ platform: 'instagram', dailyLimit: 20 });
  at(book, DAY1).code.scoreFollowers();
  let report = at(book, DAY1).code.getReport() as Report;
  expect(report.queue.length).toBe(20);
  const first = report.queue.slice(0, 8).map((q) => q.handle);
  const third = report.queue[8].handle;

  const active = book.active;
  report = at(book, DAY1).code.tickFollowed(first.slice(0, 5).map((handle) => ({ handle }))) as Report;
  // The two tabs were created, but the user stays on the tab they were on.
  expect(book.active).toBe(active);
  report = at(book, DAY1 + 1000).code.tickNotNow([{ handle: first[5] }]) as Report;
  report = at(book, DAY1 + 2000).code.tickNever([{ handle: first[6] }]) as Report;
  // 5 followed today: 15 left of the 20; not-now and never free their places for the next in line.
  expect(report.summary.followedToday).toBe(5);
  expect(report.queue.length).toBe(15);
  const shown = report.queue.map((q) => q.handle);
  for (const h of first.slice(0, 7)) expect(shown).not.toContain(h);
  expect(shown).toContain(first[7]);
  expect(shown).toContain(third);
  // The Follow queue column says the same as the sidebar.
  expect(queueColumn(book).length).toBe(15);

  const following = tabValues(book, 'Following');
  expect(following[0]).toEqual(['Handle', 'Followed on', 'Platform']);
  expect(following.slice(1).map((r) => r[0])).toEqual(first.slice(0, 5).map((h) => h.toLowerCase()));
  // 15:00 UTC is 07:00 in Los Angeles: the spreadsheet's day.
  expect(following[1][1]).toBe('2026-12-02');
  const history = tabValues(book, HISTORY_TAB);
  expect(history[0]).toEqual([...HISTORY_HEADERS]);
  expect(history.slice(1).map((r) => r[3])).toEqual(['followed', 'followed', 'followed', 'followed', 'followed', 'not now', 'never']);
  expect(history.slice(1).every((r) => r[5] === 'Follow back' || r[5] === 'Consider')).toBe(true);

  // Undo takes back the last tick (never) only.
  expect(report.summary.last).toEqual({ action: 'never', handles: [first[6].toLowerCase()], when: DAY1 + 2000 });
  report = at(book, DAY1 + 3000).code.undoLastTick(report.summary.last) as Report;
  expect(tabValues(book, HISTORY_TAB).slice(-1)[0][3]).toBe('undone');
  expect(report.queue.map((q) => q.handle)).toContain(first[6]);
  expect(report.summary.last?.action).toBe('not now');

  // Day two: a full pace again; the followed are Already following after scoring, the snoozed still out.
  at(book, DAY2).code.scoreFollowers();
  const day2 = at(book, DAY2).code.getReport() as Report;
  expect(day2.summary.followedToday).toBe(0);
  expect(day2.queue.length).toBe(20);
  const next = day2.queue.map((q) => q.handle);
  for (const h of [...first.slice(0, 6)]) expect(next).not.toContain(h);
  const values = tabValues(book, 'Followers');
  const rec = values[0].indexOf('Recommendation');
  for (const h of first.slice(0, 5)) expect(values.find((r) => r[0] === h)![rec]).toBe('Already following');
});

test('undo of a follow: the Following row stays, the history makes the account not followed again', () => {
  const book = exampleBook(60);
  at(book, DAY1).code.scoreFollowers();
  const report = at(book, DAY1).code.getReport() as Report;
  const h = report.queue[0].handle;
  const after = at(book, DAY1).code.markAllFollowed(report.queue.map((q) => ({ handle: q.handle }))) as Report;
  expect(after.queue).toEqual([]);
  expect(after.summary.last?.handles.length).toBe(report.queue.length);
  const undone = at(book, DAY1 + 10).code.undoLastTick(after.summary.last) as Report;
  expect(undone.queue.map((q) => q.handle)).toEqual(report.queue.map((q) => q.handle));
  expect(tabValues(book, 'Following').slice(1).map((r) => r[0])).toContain(h.toLowerCase());
  at(book, DAY1 + 20).code.scoreFollowers();
  const values = tabValues(book, 'Followers');
  const rec = values[0].indexOf('Recommendation');
  expect(values.find((r) => r[0] === h)![rec]).not.toBe('Already following');
});

describe('bad input and two sidebars', () => {
  // exampleBook stores a fixed "now" for its scores; these tests run on DAY1's clock instead.
  const exampleBook = (n: number) => {
    const b = makeBook(n);
    at(b, DAY1).code.saveSettings({});
    return b;
  };
  const queueOf = (b: Workbook) => (at(b, DAY1).code.getReport() as Report).queue.map((q) => q.handle);

  test('a Following tab in the user’s own layout gets new handles in its own columns, its rows untouched', () => {
    const b = exampleBook(60);
    b.sheets.push({ ...b.sheets[0], id: 99, name: 'Following', maxRows: 3, maxColumns: 3, values: [['Notes', 'Username', 'Date followed'], ['old friend', '@Someone', '2026-01-01']], formulas: [], formats: [], frozenRows: 0, rules: [] });
    at(b, DAY1).code.scoreFollowers();
    const [a, c] = queueOf(b);
    at(b, DAY1).code.tickFollowed([{ handle: a }, { handle: 'someone' }, { handle: c }]);
    expect(tabValues(b, 'Following')).toEqual([
      ['Notes', 'Username', 'Date followed'],
      ['old friend', '@Someone', '2026-01-01'],
      ['', a, '2026-12-02'],
      ['', c, '2026-12-02'],
    ]);
  });

  test('a Following tab of profile URLs only: the handle goes in its URL column and reads back as the same account', () => {
    const b = exampleBook(60);
    b.sheets.push({ ...b.sheets[0], id: 96, name: 'Following', maxRows: 2, maxColumns: 1, values: [['Profile URL'], ['https://www.instagram.com/someone/']], formulas: [], formats: [], frozenRows: 0, rules: [] });
    at(b, DAY1).code.scoreFollowers();
    const [a] = queueOf(b);
    at(b, DAY1).code.tickFollowed([{ handle: a }, { handle: 'someone' }]);
    expect(tabValues(b, 'Following')).toEqual([['Profile URL'], ['https://www.instagram.com/someone/'], [a]]);
    at(b, DAY1 + 10).code.scoreFollowers();
    const v = tabValues(b, 'Followers');
    expect(v.find((r) => r[0] === a)![v[0].indexOf('Recommendation')]).toBe('Already following');
  });

  test('a Following tab with no handle column: a clear message naming it, nothing recorded anywhere', () => {
    const b = exampleBook(30);
    at(b, DAY1).code.scoreFollowers();
    const first = queueOf(b)[0];
    // Added after scoring (scoring itself names a tab it cannot read).
    b.sheets.push({ ...b.sheets[0], id: 98, name: 'Following', maxRows: 2, maxColumns: 2, values: [['Who', 'When'], ['x', 'y']], formulas: [], formats: [], frozenRows: 0, rules: [] });
    const msg = message(() => at(b, DAY1).code.tickFollowed([{ handle: first }]));
    expect(msg).toMatch(/"Following" tab has no Handle or Profile URL column.*nothing was recorded/);
    expect(b.sheets.some((s) => s.name === HISTORY_TAB)).toBe(false);
    expect(tabValues(b, 'Following')).toEqual([['Who', 'When'], ['x', 'y']]);
  });

  test('a history edited by hand (moved columns, blank rows, text dates, a handle twice, junk) is read; bad rows are named', () => {
    const b = exampleBook(60);
    at(b, DAY1).code.scoreFollowers();
    const [a, c, d] = queueOf(b);
    b.sheets.push({
      ...b.sheets[0], id: 97, name: HISTORY_TAB, maxRows: 8, maxColumns: 4, formulas: [], formats: [], frozenRows: 1, rules: [],
      values: [
        ['Action', 'Handle', 'When', 'Platform'],
        ['followed', a, '2026-12-02T10:00:00Z', 'instagram'],
        ['', '', '', ''],
        ['followed', a.toUpperCase(), '2026-12-01', 'instagram'],
        ['never', c, '2026-11-01', ''],
        ['waved', d, '2026-12-02', ''],
        ['not now', d, 'last tuesday', ''],
      ],
    });
    const report = at(b, DAY1).code.getReport() as Report;
    expect(report.summary.followedToday).toBe(1);
    const shown = report.queue.map((q) => q.handle);
    expect(shown).not.toContain(a);
    expect(shown).not.toContain(c);
    expect(shown).toContain(d); // neither unreadable row keeps d out
    const run = at(b, DAY1);
    run.code.scoreFollowers();
    expect(run.g.ui.toasts[0]).toMatch(/Followback history \(row 6, column "Action"\): "waved" is not one of/);
    expect(run.g.ui.toasts[0]).toMatch(/Followback history \(row 7, column "When"\): "last tuesday" is not a date/);
    // Never rewritten: the rows are as the user left them, and a new tick goes below them.
    const before = tabValues(b, HISTORY_TAB);
    at(b, DAY1).code.tickNotNow([{ handle: d }]);
    const after = tabValues(b, HISTORY_TAB);
    // The missing headers are added to the right of the user's; their rows are otherwise as they were.
    expect(after[0]).toEqual(['Action', 'Handle', 'When', 'Platform', 'Score', 'Recommendation', 'Reason']);
    expect(after.slice(1, before.length).map((r) => r.slice(0, 4))).toEqual(before.slice(1).map((r) => r.slice(0, 4)));
    // The new row in the user's layout: Action, Handle, When, Platform, then the added columns.
    expect(after[before.length].slice(0, 2)).toEqual(['not now', d]);
    expect(after[before.length][5]).toBe('Follow back');
  });

  test('two sidebars ticking at once: the second waits for the lock (clear message), then loses nothing', () => {
    const b = exampleBook(60);
    at(b, DAY1).code.scoreFollowers();
    const [a, c] = queueOf(b);
    let err = '';
    execution(b, {}, (m) => {
      if (m === 'setValues' && !err) err = errorOf(() => execution(b).call('tickFollowed', [{ handle: c }])) || 'none';
    }).call('tickFollowed', [{ handle: a }]);
    expect(err).toMatch(/already working/);
    execution(b).call('tickFollowed', [{ handle: c }]);
    const rows = tabValues(b, HISTORY_TAB).slice(1);
    expect(rows.map((r) => [r[1], r[3]])).toEqual([[a, 'followed'], [c, 'followed']]);
    expect(tabValues(b, 'Following').slice(1).map((r) => r[0])).toEqual([a, c]);
  });

  test('a tick on a row re-scored (moved) meanwhile records the handle it was given', () => {
    const b = exampleBook(60);
    at(b, DAY1).code.scoreFollowers();
    const item = (at(b, DAY1).code.getReport() as Report).queue[0];
    // The user inserts a row above: the sheet row the sidebar showed now holds someone else.
    const f = b.sheets.find((s) => s.name === 'Followers')!;
    f.values.splice(1, 0, ['someone.else', 'Someone Else', '', 10, 10, 1, 'yes']);
    at(b, DAY1).code.tickFollowed([{ handle: item.handle, row: item.row }]);
    expect(tabValues(b, HISTORY_TAB)[1][1]).toBe(item.handle);
    expect(tabValues(b, 'Following')[1][0]).toBe(item.handle);
  });
});

test('a tick’s Spreadsheet calls do not grow with rows (200 vs 2,000 followers)', () => {
  const calls = (n: number) => {
    const b = exampleBook(n);
    at(b, DAY1).code.scoreFollowers();
    const q = (at(b, DAY1).code.getReport() as Report).queue;
    at(b, DAY1).code.tickFollowed([{ handle: q[0].handle }]); // creates the tabs
    const r = at(b, DAY1 + 1);
    const t = process.hrtime.bigint();
    r.code.tickFollowed([{ handle: q[1].handle }]);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    return { calls: r.g.calls, ms };
  };
  const small = calls(200);
  const large = calls(2000);
  console.log(`tickFollowed: 200 rows → ${small.calls.total} service calls (${small.ms.toFixed(0)} ms), 2,000 rows → ${large.calls.total} (${large.ms.toFixed(0)} ms), gas-local`);
  expect(large.calls.byMethod).toEqual(small.calls.byMethod);
});
