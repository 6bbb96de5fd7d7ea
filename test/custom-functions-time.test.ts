// A formula over a long range answers within Apps Script's 30 seconds: the handles scored in time keep their
// values, the rest say why they are empty and where the whole list is scored (instead of one timeout error).
import { DEFAULT_SETTINGS, prepare, scoreHandles, scoreWorkbook, type WorkbookInput } from '../src/core/engine';
import type { Cell, Settings } from '../src/core/types';
import { OUTPUT_HEADERS } from '../src/core/types';
import { book, ensureBundle, execution } from './hardening-gas';

const NOW = Date.UTC(2026, 10, 25);
const NAMES = ['Jane Doe', 'Amir Khan', 'Mei Chen', 'Olu Ade', 'Sofia Silva', 'Ravi Rao'];

function grids(n: number): { followers: Cell[][]; orders: Cell[][] } {
  const followers: Cell[][] = [['Username', 'Full Name', 'Followers', 'Following', 'Posts']];
  const orders: Cell[][] = [['Order ID', 'Email', 'Billing Name', 'Total']];
  for (let i = 0; i < n; i++) {
    const name = NAMES[i % NAMES.length];
    const handle = `${name.toLowerCase().replace(' ', '.')}${i}`;
    followers.push([handle, name, (i * 97) % 3000, (i * 31) % 900, i % 50]);
    if (i % 3 === 0) orders.push([String(1000 + i), `${handle}@example.com`, name, 20 + i]);
  }
  return { followers, orders };
}

describe('scoreHandles with a time limit', () => {
  const g = grids(12);
  const input: WorkbookInput = { followers: { name: 'Followers', grid: g.followers }, orders: [{ name: 'Orders', grid: g.orders }] };
  const settings: Settings = { ...DEFAULT_SETTINGS, now: NOW };
  const handles: Cell[] = ['', ...g.followers.slice(1).map((r) => r[0]), null];

  test('stops where goOn says no: the scored handles read as without a limit, blanks stay null, the rest undefined', () => {
    const whole = scoreHandles(prepare(input, settings), handles);
    let asked = 0;
    const part = scoreHandles(prepare(input, settings), handles, () => ++asked <= 5);
    expect(part[0]).toBeNull();
    expect(part[handles.length - 1]).toBeNull();
    expect(part.slice(1, 6)).toEqual(whole.slice(1, 6));
    expect(part.slice(6, handles.length - 1).every((r) => r === undefined)).toBe(true);
    expect(whole.every((r) => r !== undefined)).toBe(true);
    expect(whole.slice(1, 6).every((r) => r && typeof r.score === 'number')).toBe(true);
  });

  test('a limit never reached changes nothing', () => {
    expect(scoreHandles(prepare(input, settings), handles, () => true)).toEqual(scoreHandles(prepare(input, settings), handles));
    expect(scoreWorkbook(input, settings).rows.map((r) => r && r.score)).toEqual(scoreHandles(prepare(input, settings), handles.slice(1, -1)).map((r) => r && r.score));
  });
});

describe('FOLLOWBACK_SCORE through the bundle', () => {
  ensureBundle();

  function shop() {
    const g = grids(30);
    const b = book([
      { name: 'Followers', values: g.followers as (string | number)[][] },
      { name: 'Orders', values: g.orders as (string | number)[][] },
    ]);
    b.documentProperties['followback.settings'] = JSON.stringify({ now: NOW });
    return b;
  }

  function bulkScores(b: ReturnType<typeof shop>): { handles: string[][]; scores: Cell[] } {
    execution(b).call('scoreFollowers');
    const values = execution(b).g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!.getDataRange().getValues();
    const col = values[0].indexOf(OUTPUT_HEADERS[0]);
    return { handles: values.slice(1).map((r) => [String(r[0])]), scores: values.slice(1).map((r) => r[col] as Cell) };
  }

  test('when the 30 seconds run out, the cells not reached say so, and the ones reached hold their scores', () => {
    const b = shop();
    const { handles, scores } = bulkScores(b);
    const asked = [...handles, [''], ...handles.slice(0, 3)];
    const x = execution(b, { customFunction: true });
    // the script's clock moves a second each time it is read: the formula's 24 seconds pass within the range
    x.run('(() => { let t = Date.now(); Date.now = () => (t += 1000); })()');
    const out = x.call<Cell[][]>('FOLLOWBACK_SCORE', asked).map((r) => r[0]);
    const late = out.map((v) => typeof v === 'string' && v.startsWith('Followback: not scored'));
    const first = late.indexOf(true);
    expect(first).toBeGreaterThanOrEqual(1); // the first handle is always scored
    // a prefix is scored as the menu scored it; after the first late cell, every handle is late (the blank stays blank)
    out.slice(0, first).forEach((v, i) => expect(v).toEqual(scores[i]));
    out.slice(first).forEach((v, k) => expect(asked[first + k][0] === '' ? v === '' : late[first + k]).toBe(true));
    const done = asked.slice(0, first).filter((h) => h[0] !== '').length;
    expect(out[first]).toContain(`after ${done} of 33 handles`);
    expect(out[first]).toContain('Score followers');
  });

  test('a one-cell formula is answered however long reading the tabs took', () => {
    const b = shop();
    const { handles, scores } = bulkScores(b);
    const x = execution(b, { customFunction: true });
    x.run('(() => { let t = Date.now(); Date.now = () => (t += 60000); })()');
    expect(x.call('FOLLOWBACK_SCORE', handles[4][0])).toEqual(scores[4]);
  });

  test('with time to spare, every cell is scored', () => {
    const b = shop();
    const { handles, scores } = bulkScores(b);
    expect(execution(b, { customFunction: true }).call<Cell[][]>('FOLLOWBACK_SCORE', handles).map((r) => r[0])).toEqual(scores);
  });
});
