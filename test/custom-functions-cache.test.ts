// A custom function answers as the bulk run does, whether its parsed orders come from the cache (keyed by each
// tab's fingerprint) or are parsed again because a tab changed; and the fingerprint sees every kind of edit.
import type { Workbook } from '../src/emulator';
import { OUTPUT_HEADERS } from '../src/core/types';
import { fingerprint } from '../src/sheets/fingerprint';
import { book, ensureBundle, execution } from './hardening-gas';

ensureBundle();
const NOW = Date.UTC(2026, 10, 25);
const FIRST = ['Jane', 'Amir', 'Mei', 'Jane', 'Olu', 'Sofia'];
const LAST = ['Doe', 'Khan', 'Chen', 'Silva', 'Doe'];

function shop(): Workbook {
  const followers: (string | number)[][] = [['Username', 'Full Name', 'Followers', 'Following', 'Posts']];
  const orders: (string | number)[][] = [['Order ID', 'Email', 'Billing Name', 'Total']];
  for (let i = 0; i < 40; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    followers.push([`${name.toLowerCase().replace(' ', '.')}${i % 3 ? i : `_${i}`}`, name, (i * 97) % 3000, (i * 31) % 900, i % 50]);
    if (i % 4 === 0) orders.push([String(1000 + i), `${name.toLowerCase().replace(' ', '.')}@example.com`, name, 20 + i]);
  }
  const b = book([
    { name: 'Followers', values: followers },
    { name: 'Orders', values: orders },
    { name: 'Engagement', values: [['Username', 'Type', 'Date'], [String(followers[5][0]), 'comment', '2026-11-20']] },
  ]);
  b.documentProperties['followback.settings'] = JSON.stringify({ now: NOW });
  return b;
}

/** The handles and the scores the menu run wrote to the Followers tab. */
function bulk(b: Workbook): { handles: string[][]; scores: unknown[] } {
  execution(b).call('scoreFollowers');
  const values = execution(b).g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!.getDataRange().getValues();
  const col = values[0].indexOf(OUTPUT_HEADERS[0]);
  expect(col).toBeGreaterThan(0);
  return { handles: values.slice(1).map((r) => [String(r[0])]), scores: values.slice(1).map((r) => [r[col]]) };
}

function custom(b: Workbook, handles: string[][]): { scores: unknown; cacheWrites: number } {
  const x = execution(b, { customFunction: true });
  const scores = x.call('FOLLOWBACK_SCORE', handles);
  return { scores, cacheWrites: x.g.calls.byMethod['Cache.putAll'] ?? 0 };
}

describe('custom functions and the context cache', () => {
  test('cached or parsed again after an edit, FOLLOWBACK_SCORE gives each cell what the bulk run wrote', () => {
    const b = shop();
    const run = bulk(b);
    const first = custom(b, run.handles);
    expect(first.scores).toEqual(run.scores);
    const second = custom(b, run.handles); // the fast path: orders from the cache, nothing written
    expect(second.cacheWrites).toBe(0);
    expect(second.scores).toEqual(run.scores);
    // A customer's order now names another follower: a new fingerprint, so the orders are parsed again.
    const x = execution(b);
    x.g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Orders')!.getRange(2, 2, 1, 2).setValues([[`${run.handles[7][0]}@example.com`, 'Mei Chen']]);
    const after = custom(b, run.handles); // before the menu runs again
    expect(after.cacheWrites).toBeGreaterThan(0);
    const rerun = bulk(b);
    expect(rerun.scores).not.toEqual(run.scores);
    expect(after.scores).toEqual(rerun.scores);
  });
});

describe('the three cache entries', () => {
  test("custom functions take the orders and the engagement the menu's run parsed; another hour reads only the rest again", () => {
    const b = shop();
    const run = bulk(b);
    const entries = (prefix: string) => Object.keys(b.cache).filter((k) => k.startsWith(prefix) && k.endsWith('.n')).length;
    // the menu's run left the orders and the engagement parsed (and not the rest, read at a time no other call shares)
    expect(entries('followback.orders.')).toBe(1);
    expect(entries('followback.engagement.')).toBe(1);
    expect(entries('followback.ctx.')).toBe(0);
    const first = execution(b, { customFunction: true });
    expect(first.call('FOLLOWBACK_SCORE', run.handles)).toEqual(run.scores);
    expect(first.g.calls.byMethod['Cache.putAll']).toBe(1); // the rest's entry
    // an hour later: the engagement's points and the history's days change, the orders and the logs do not
    b.documentProperties['followback.settings'] = JSON.stringify({ now: NOW + 3600000 });
    const later = execution(b, { customFunction: true });
    const scores = later.call('FOLLOWBACK_SCORE', run.handles);
    expect(later.g.calls.byMethod['Cache.putAll']).toBe(1);
    expect(entries('followback.orders.')).toBe(1);
    expect(entries('followback.engagement.')).toBe(1);
    expect(entries('followback.ctx.')).toBe(2);
    // and the answers are those of a context parsed whole at that hour
    const fresh = shop();
    fresh.documentProperties['followback.settings'] = JSON.stringify({ now: NOW + 3600000 });
    expect(execution(fresh, { customFunction: true }).call('FOLLOWBACK_SCORE', run.handles)).toEqual(scores);
  });
});

describe('custom functions read the history as the menu does', () => {
  const recommend = (b: Workbook, handles: string[][]) => execution(b, { customFunction: true }).call('FOLLOWBACK_RECOMMENDATION', handles);
  test('a follow ticked in the history is Already following; an undone one is not', () => {
    const b = shop();
    const handle = bulk(b).handles[3][0];
    expect(recommend(b, [[handle]])).not.toEqual([['Already following']]);
    const row = (action: string, when: string) => [when, handle, 'instagram', action, 40, 'Follow back', ''];
    const history = execution(b).g.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Followback history');
    history.getRange(1, 1, 2, 7).setValues([['When', 'Handle', 'Platform', 'Action', 'Score', 'Recommendation', 'Reason'], row('followed', '2026-11-24T10:00:00Z')]);
    expect(recommend(b, [[handle]])).toEqual([['Already following']]);
    execution(b).g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followback history')!.getRange(3, 1, 1, 7).setValues([row('undone', '2026-11-24T10:05:00Z')]);
    expect(recommend(b, [[handle]])).not.toEqual([['Already following']]);
  });
});

describe('fingerprint', () => {
  const grid = [['a', 1, true], ['b', '', new Date(NOW)]];
  test('the same cells give the same print; any edit, a type or a split of text gives another', () => {
    expect(fingerprint(grid.map((r) => r.slice()))).toBe(fingerprint(grid));
    const edits = [
      [['a', 1, true], ['b', '', new Date(NOW + 1)]],
      [['a', '1', true], ['b', '', new Date(NOW)]],
      [['a', 1, 'true'], ['b', '', new Date(NOW)]],
      [['a', 1, true], ['c', '', new Date(NOW)]],
      [['a', 1], [true, 'b', '', new Date(NOW)]],
      [['', 'a', 1, true], ['b', new Date(NOW)]],
    ];
    const prints = new Set([grid, ...edits].map(fingerprint));
    expect(prints.size).toBe(edits.length + 1);
  });
});
