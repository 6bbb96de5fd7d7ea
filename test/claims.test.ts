// One customer is one person: followers confidently linked to the same customer compete for her, on every face
// (match/claims.ts, engine.settleRows, the sidebar's finish, custom functions, the command line's two threads).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { settleClaims } from '../src/core/match/claims';
import { CONFIDENT } from '../src/core/match/decide';
import { DEFAULT_SETTINGS, scoreHandles, prepare, scoreWorkbook, type WorkbookInput } from '../src/core/engine';
import { createWorkbook } from '../src/emulator';
import type { Cell, Match, Settings } from '../src/core/types';
import { DIST, run } from './bundle-env';
import { snapshot } from './sheets-fixtures';

const match = (customer: number, p: number, confident = true): Match => ({ customer, confidence: Math.round(p * 100) / 100, confident, evidence: ['name matches'], odds: p / (1 - p) });

describe('settleClaims', () => {
  test('a customer two confident matches name is shared by their odds: the stronger keeps her, the weaker is Possible', () => {
    const strong = match(3, 0.99);
    const weak = match(3, 0.9);
    const other = match(5, 0.95);
    const out = settleClaims([strong, null, weak, other]);
    // odds 99 and 9: 99 / (1 + 99 + 9) and 9 / 109
    expect(out[0]!.confidence).toBe(0.91);
    expect(out[0]!.confident).toBe(0.91 >= CONFIDENT);
    expect(out[2]!.confidence).toBe(0.08);
    expect(out[2]!.confident).toBe(false);
    expect(out[2]!.evidence).toEqual(['name matches', 'another follower fits this customer too']);
    expect(out[1]).toBeNull();
    expect(out[3]).toBe(other); // a customer named once is left as it is
  });

  test('two equally strong claims leave neither confident; Possible matches do not compete', () => {
    const out = settleClaims([match(1, 0.98), match(1, 0.98), match(1, 0.6, false)]);
    expect(out.map((m) => m!.confident)).toEqual([false, false, false]);
    expect(out[0]!.confidence).toBe(0.49);
    expect(out[2]!.confidence).toBe(0.6);
  });

  test('three claims say how many others fit', () => {
    const out = settleClaims([match(2, 0.999), match(2, 0.8), match(2, 0.8)]);
    expect(out[1]!.evidence[1]).toBe('2 other followers fit this customer too');
    expect(out[0]!.confident).toBe(true);
  });
});

const settings = (): Settings => ({ ...DEFAULT_SETTINGS, now: Date.UTC(2026, 10, 25) });
const ORDERS = [['Email', 'Billing Name', 'Total', 'Financial Status'], ['zebedee.oyelaran@example.com', 'Zebedee Oyelaran', 40, 'paid']];
/** The customer follows as @zebedee.oyelaran; another account's handle spells her name too. */
const FOLLOWERS: Cell[][] = [['Username', 'Full name'], ['zebedee.oyelaran', 'Zebedee Oyelaran'], ['zebedeeoyelaran_studio', ''], ['someone_else', 'Ann Lee']];
const input = (followers = FOLLOWERS): WorkbookInput => ({ followers: { name: 'Followers', grid: followers }, orders: [{ name: 'Orders', grid: ORDERS }] });

describe('the engine', () => {
  test('each of the two is a confident link alone; together the handle that spells her name keeps her', () => {
    for (const row of [1, 2]) {
      const alone = scoreWorkbook(input([FOLLOWERS[0], FOLLOWERS[row]]), settings()).rows[0]!;
      expect(alone.customerId).toBe('zebedee.oyelaran@example.com');
    }
    const rows = scoreWorkbook(input(), settings()).rows;
    expect(rows[0]!.customerId).toBe('zebedee.oyelaran@example.com');
    expect(rows[1]!.customerId).toBe('');
    expect(rows[1]!.customer).toMatch(/^Possible: Zebedee Oyelaran/);
    expect(rows[1]!.reasons).toContain('another follower fits this customer too');
    expect(rows[1]!.matchConfidence as number).toBeLessThan(CONFIDENT);
  });

  test('a handle listed twice is one follower: its two rows do not compete', () => {
    const rows = scoreWorkbook(input([FOLLOWERS[0], FOLLOWERS[1], FOLLOWERS[1]]), settings()).rows;
    expect(rows.map((r) => r!.customerId)).toEqual(['zebedee.oyelaran@example.com', 'zebedee.oyelaran@example.com']);
  });

  test('custom functions settle among the handles asked: the whole column reads as the menu run', () => {
    const p = prepare(input(), settings());
    const whole = scoreWorkbook(input(), settings()).rows.map((r) => r && { ...r, queue: '' });
    expect(scoreHandles(p, ['zebedee.oyelaran', 'zebedeeoyelaran_studio', 'someone_else'])).toEqual(whole);
    // asked alone, the stranger's cell has no one to compete with
    expect(scoreHandles(p, ['zebedeeoyelaran_studio'])[0]!.customerId).toBe('zebedee.oyelaran@example.com');
  });
});

describe('through the bundle', () => {
  beforeAll(() => {
    if (!existsSync(join(DIST, 'Code.js')) || process.env.FOLLOWBACK_REBUILD) execFileSync('node', ['scripts/build.mjs'], { cwd: join(__dirname, '..'), stdio: 'pipe' });
  });

  test('sidebar chunks that split the two give the cells the menu gives', () => {
    const book = () => createWorkbook([{ name: 'Followers', values: FOLLOWERS }, { name: 'Orders', values: ORDERS }]);
    const menu = book();
    run(menu).code.scoreFollowers();
    const sidebar = book();
    const plan = run(sidebar).code.beginScoring() as { total: number };
    expect(plan.total).toBe(3);
    // one row a chunk: each chunk alone gives her Customer ID to its follower
    for (let s = 0; s < plan.total; s++) run(sidebar).code.scoreChunk(s, 1);
    const before = snapshot(sidebar, 'Followers').values;
    expect(before[2][6]).toBe('zebedee.oyelaran@example.com');
    run(sidebar).code.finishScoring();
    const after = snapshot(sidebar, 'Followers').values;
    expect(after[2][6]).toBe('');
    expect(after).toEqual(snapshot(menu, 'Followers').values);
  });

  test('a row listed twice reads the same in chunks as in the menu run (its name counts once in both)', () => {
    const rows = [FOLLOWERS[0], FOLLOWERS[1], ['ann.lee', 'Zebedee Oyelaran'], FOLLOWERS[1], FOLLOWERS[3]];
    const book = () => createWorkbook([{ name: 'Followers', values: rows }, { name: 'Orders', values: ORDERS }]);
    const menu = book();
    run(menu).code.scoreFollowers();
    const sidebar = book();
    const plan = run(sidebar).code.beginScoring() as { total: number };
    for (let s = 0; s < plan.total; s += 2) run(sidebar).code.scoreChunk(s, 2);
    run(sidebar).code.finishScoring();
    expect(snapshot(sidebar, 'Followers').values).toEqual(snapshot(menu, 'Followers').values);
  });
});
