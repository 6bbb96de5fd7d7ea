// dist/Code.js as Apps Script runs it: loaded through gas-local with the emulator's globals, every global driven.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkbook, renderSheet } from '../src/emulator';
import { OUTPUT_HEADERS, RECOMMENDATIONS } from '../src/core/types';
import { DIST, run } from './bundle-env';
import { exampleBook, snapshot } from './sheets-fixtures';

const GLOBALS = [
  'onOpen', 'onInstall', 'scoreFollowers', 'showSidebar', 'insertExampleData', 'clearScores', 'getStatus', 'getSettings',
  'saveSettings', 'beginScoring', 'scoreChunk', 'finishScoring', 'getReport', 'selectRow', 'importRows',
  'tickFollowed', 'tickNotNow', 'tickNever', 'markAllFollowed', 'undoLastTick',
  'FOLLOWBACK_SCORE', 'FOLLOWBACK_RECOMMENDATION', 'FOLLOWBACK_REASONS', 'CUSTOMER_MATCH', 'BOT_RISK',
];

beforeAll(() => {
  if (!existsSync(join(DIST, 'Code.js')) || process.env.FOLLOWBACK_REBUILD) {
    execFileSync('node', ['scripts/build.mjs'], { cwd: join(__dirname, '..'), stdio: 'pipe' });
  }
});

test('loading Code.js into a fresh context (what every custom-function cell pays)', () => {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = process.hrtime.bigint();
    run(createWorkbook([]));
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`gas-local load of dist/Code.js: best ${Math.min(...times).toFixed(1)} ms of 5`);
  expect(times.length).toBe(5);
});

test('every public global is a top-level function; custom functions carry @customfunction and named parameters', () => {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const { code: bundle } = run(exampleBook(5));
  for (const name of GLOBALS) expect(typeof bundle[name]).toBe('function');
  for (const name of ['FOLLOWBACK_SCORE', 'FOLLOWBACK_RECOMMENDATION', 'FOLLOWBACK_REASONS', 'CUSTOMER_MATCH']) {
    expect(code).toMatch(new RegExp(`@customfunction\\s*\\*/\\s*function ${name}\\(handles\\)`));
  }
  expect(code).toMatch(/@customfunction\s*\*\/\s*function BOT_RISK\(followers, following, posts, has_profile_pic, bio, handle\)/);
});

test('onOpen: the menu only in AuthMode.NONE, the same menu in FULL', () => {
  const book = exampleBook(5);
  const before = JSON.stringify(book);
  const none = run(book, { authMode: 'NONE' });
  none.code.onOpen({ authMode: 'NONE' });
  expect(none.g.ui.menus[0].items.map((i) => i.caption)).toEqual(['Score followers', 'Open sidebar', 'Insert example data', 'Clear scores and colours']);
  expect(Object.keys(none.g.calls.byMethod).filter((m) => !m.startsWith('Ui.') && m !== 'SpreadsheetApp.getUi')).toEqual([]);
  expect(JSON.stringify(book)).toBe(before);
  const full = run(book, { authMode: 'FULL' });
  full.code.onInstall({ authMode: 'FULL' });
  expect(full.g.ui.menus).toEqual(none.g.ui.menus);
});

test('showSidebar serves dist/Sidebar.html', () => {
  const { g, code } = run(exampleBook(5));
  code.showSidebar();
  expect(g.ui.sidebar?.title).toBe('Followback');
  if (existsSync(join(DIST, 'Sidebar.html'))) expect(g.ui.sidebar?.html).toBe(readFileSync(join(DIST, 'Sidebar.html'), 'utf8'));
});

test('scoreFollowers: values, colours, toast; twice = same; Clear restores exactly', () => {
  const book = exampleBook(200);
  const original = snapshot(book, 'Followers');
  const { g, code } = run(book);
  code.scoreFollowers();
  expect(g.ui.alerts).toEqual([]);
  const once = snapshot(book, 'Followers');
  expect(once.values[0].slice(7)).toEqual([...OUTPUT_HEADERS]);
  expect(once.values.slice(1).every((r) => RECOMMENDATIONS.includes(r[8] as never))).toBe(true);
  expect(once.rules.map((r) => r.values[0])).toEqual(['=$I2="Follow back"', '=$I2="Consider"', '=$I2="Likely bot"', '=$I2="Already following"']);
  expect(g.ui.toasts[0]).toMatch(/^Followback: Scored 200 followers/);
  run(book).code.scoreFollowers();
  expect(snapshot(book, 'Followers')).toEqual(once);
  run(book).code.clearScores();
  expect(snapshot(book, 'Followers')).toEqual(original);
});

test('the number of Spreadsheet calls does not grow with rows (200 vs 2,000)', () => {
  const count = (n: number) => {
    const { g, code } = run(exampleBook(n));
    code.scoreFollowers();
    expect(g.ui.alerts).toEqual([]);
    return g.calls;
  };
  const small = count(200);
  const large = count(2000);
  console.log(
    `scoreFollowers service calls: 200 rows → ${small.total} (${small.spreadsheet} Spreadsheet), 2,000 rows → ${large.total} (${large.spreadsheet} Spreadsheet)`,
  );
  expect(large.byMethod).toEqual(small.byMethod);

  expect(large.byMethod['Range.getValues']).toBe(3);
  expect(large.byMethod['Range.setValues']).toBe(1);
});

test('user formulas and rules are kept; formula-looking text stays text', () => {
  const evil = '=HYPERLINK("http://evil.example","click")';
  const book = exampleBook(30, { extraOrders: [['#9001', 'ann.smith0@example.com', 'paid', 50, '2026-05-12', 'Mug', evil]] });
  book.sheets[0].values[2][1] = evil;
  book.sheets[0].values[4][1] = '+1 555 0100';
  book.sheets[0].values[5][1] = '@mention';
  let { g } = run(book);
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!;
  sheet.getRange('C2').setFormula('=B2&"!"');
  sheet.setConditionalFormatRules([
    g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$D2>1000').setBackground('#ead1dc').setRanges([sheet.getRange('A2:G31')]).build(),
  ]);
  const before = snapshot(book, 'Followers');
  ({ g } = run(book));
  run(book).code.scoreFollowers();
  const after = snapshot(book, 'Followers');
  expect(after.formulas[1][2]).toBe('=B2&"!"');
  expect(after.rules[0]).toEqual(before.rules[0]);
  expect(after.formulas.every((r) => r.slice(7).every((f) => f === ''))).toBe(true);
  const customer = after.values[1][7 + OUTPUT_HEADERS.indexOf('Customer')];
  expect(String(customer)).toContain('ann.smith0@example.com');
  expect(g.ui.alerts).toEqual([]);
});

test('a run while another execution holds the document lock gets a clear message and changes nothing', () => {
  const book = exampleBook(20);
  const before = snapshot(book, 'Followers');
  const first = run(book, { executionId: 'first' });
  expect(first.g.LockService.getDocumentLock().tryLock(1000)).toBe(true);
  const second = run(book, { executionId: 'second' });
  second.code.scoreFollowers();
  expect(second.g.ui.alerts[0]).toMatch(/already working on this spreadsheet/);
  expect(() => second.code.beginScoring()).toThrow(/already working on this spreadsheet/);
  expect(snapshot(book, 'Followers')).toEqual(before);
  first.g.LockService.getDocumentLock().releaseLock();
  run(book, { executionId: 'third' }).code.scoreFollowers();
  expect(snapshot(book, 'Followers').values[0][7]).toBe('Followback score');
});

test('sidebar calls: status, settings, chunked scoring, report, selectRow, clear', () => {
  const book = exampleBook(300);
  const status = run(book).code.getStatus() as { tabs: Record<string, string | null>; rows: Record<string, number> };
  expect(status.tabs.followers).toBe('Followers');
  expect(status.rows.followers).toBe(300);
  const saved = run(book).code.saveSettings({ platform: 'tiktok', followingCount: 50, dailyLimit: 20 }) as { errors: unknown[] };
  expect(saved.errors).toEqual([]);
  expect((run(book).code.getSettings() as { platform: string }).platform).toBe('tiktok');
  const plan = run(book).code.beginScoring() as { total: number; chunk: number };
  expect(plan.total).toBe(300);
  for (let s = 0; s < plan.total; s += 120) run(book).code.scoreChunk(s, 120);
  const report = run(book).code.finishScoring() as { summary: { queued: number; dailyLimit: number }; queue: { row: number; queue: number }[] };
  expect(report.summary.dailyLimit).toBe(20);
  expect(report.queue.length).toBe(report.summary.queued);
  expect(report.queue.length).toBeLessThanOrEqual(20);
  expect(JSON.parse(JSON.stringify(run(book).code.getReport()))).toEqual(JSON.parse(JSON.stringify({ ...report, warnings: [] })));
  if (report.queue.length) {
    run(book).code.selectRow(report.queue[0].row);
    expect(book.selection?.a1).toBe(`A${report.queue[0].row}:P${report.queue[0].row}`);
  }
  run(book).code.clearScores();
  expect(run(book).code.getReport()).toBeNull();
});

test('custom functions: shape in = shape out, read-only, clear text for a missing tab', () => {
  const book = exampleBook(100);
  const { code } = run(book, { customFunction: true });
  expect(typeof code.FOLLOWBACK_SCORE('ann.smith0')).toBe('number');
  const grid = code.FOLLOWBACK_REASONS([['ann.smith0', 'bob.smith1', ''], ['nobody', '@carla.smith2', 'x']]) as unknown[][];
  expect(grid.map((r) => r.length)).toEqual([3, 3]);
  expect(grid[0][2]).toBe('');
  expect(typeof grid[1][0]).toBe('string');
  const recs = code.FOLLOWBACK_RECOMMENDATION([['ann.smith0'], ['bob.smith1']]) as unknown[][];
  expect(recs.every((r) => RECOMMENDATIONS.includes(r[0] as never))).toBe(true);
  const matched = code.CUSTOMER_MATCH([['ann.smith0'], ['nobody']]) as unknown[][];
  expect(String(matched[0][0])).toContain('ann.smith0@example.com');
  expect(matched[1][0]).toBe('');
  const bare = run(createWorkbook([{ name: 'Sheet1', values: [['x']] }]), { customFunction: true });
  expect(bare.code.CUSTOMER_MATCH([['a']])).toMatch(/^Followback: no Orders tab found/);
  expect(typeof bare.code.FOLLOWBACK_SCORE('someone')).toBe('number');
});

test('custom functions: 10,000 handles in one call, cached orders reused (the time is printed, not asserted)', () => {
  const book = exampleBook(10000);
  const handles = book.sheets[0].values.slice(1).map((r) => [r[0]]);
  const first = run(book, { customFunction: true });
  let t = Date.now();
  const out = first.code.FOLLOWBACK_SCORE(handles) as unknown[][];
  const cold = Date.now() - t;
  expect(out).toHaveLength(10000);
  expect(out.every((r) => r.length === 1 && typeof r[0] === 'number')).toBe(true);
  expect(Object.keys(book.cache).some((k) => k.startsWith('followback.ctx.'))).toBe(true);
  // Warm cache, best of two runs; CPU time as well as wall time, so other processes on a busy machine
  // are not mistaken for the add-on's cost.
  let warm = Infinity;
  let warmCpu = Infinity;
  let calls = 0;
  for (let k = 0; k < 2; k++) {
    const next = run(book, { customFunction: true });
    t = Date.now();
    const cpu = process.cpuUsage();
    const again = next.code.FOLLOWBACK_SCORE(handles);
    const used = process.cpuUsage(cpu);
    warm = Math.min(warm, Date.now() - t);
    warmCpu = Math.min(warmCpu, Math.round((used.user + used.system) / 1000));
    calls = next.g.calls.spreadsheet;
    // the parsed orders and the rest came from the cache: one read of the counts, one of the pieces, no write
    expect(next.g.calls.byMethod['Cache.getAll']).toBe(2);
    expect(next.g.calls.byMethod['Cache.putAll'] ?? 0).toBe(0);
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
  }
  // printed for the README's row (target ≤ 2 s); a timed assertion fails on a loaded host, not on slow code
  console.log(`FOLLOWBACK_SCORE of 10,000 handles: ${cold} ms (cold cache), ${warm} ms wall / ${warmCpu} ms CPU (warm cache); ${calls} Spreadsheet calls`);
});

test('BOT_RISK needs no tabs and takes single values or ranges', () => {
  const { g, code } = run(createWorkbook([]), { customFunction: true });
  const one = code.BOT_RISK(3, 7480, 0, 'no', '', 'user83726152') as number;
  const person = code.BOT_RISK(812, 640, 233, 'yes', 'Ceramics lover', 'maria.lopez') as number;
  expect(one).toBeGreaterThan(person);
  const grid = code.BOT_RISK([[3], [812]], [[7480], [640]]) as number[][];
  expect(grid.map((r) => r.length)).toEqual([1, 1]);
  expect(code.BOT_RISK([[''], [5]], [[''], [10]])).toEqual([[''], [expect.any(Number)]]);
  expect(g.calls.spreadsheet).toBe(0);
});

test('custom-function context cannot write, toast or open UI', () => {
  const book = exampleBook(10);
  const before = snapshot(book, 'Followers');
  const { code } = run(book, { customFunction: true });
  // The menu handlers fail on their first write, and their alert fails too: nothing is written.
  expect(() => code.scoreFollowers()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  expect(() => code.clearScores()).toThrow(/^You do not have permission to call /);
  expect(() => code.beginScoring()).toThrow(/^You do not have permission to call /);
  expect(() => code.saveSettings({ platform: 'x' })).toThrow(/^You do not have permission to call setProperty/);
  expect(snapshot(book, 'Followers')).toEqual(before);
  expect(book.documentProperties).toEqual({ 'followback.settings': JSON.stringify({ now: Date.UTC(2026, 10, 25) }) });
});

test('insertExampleData: four tabs, never overwriting; then scored', () => {
  const book = createWorkbook([{ name: 'followers', values: [['Handle'], ['@mine']] }]);
  const { g, code } = run(book);
  code.insertExampleData();
  expect(book.sheets.map((s) => s.name)).toEqual(['followers', 'Orders', 'Engagement', 'Following']);
  expect(book.sheets[0].values).toEqual([['Handle'], ['@mine']]);
  expect(g.ui.toasts[0]).toMatch(/Kept your existing Followers tab unchanged/);
  const fresh = createWorkbook([]);
  run(fresh).code.insertExampleData();
  const orders = fresh.sheets.find((s) => s.name === 'Orders')!;
  expect(orders.maxColumns).toBeGreaterThan(26);
  const scored = run(fresh);
  scored.code.scoreFollowers();
  expect(scored.g.ui.alerts).toEqual([]);
  const view = renderSheet(fresh, 'Followers')!;
  const col = view.display[0].indexOf('Recommendation');
  const recs = view.display.slice(1).map((r) => r[col]);
  expect(recs.filter((r) => r === 'Likely bot').length).toBeGreaterThanOrEqual(3);
  const customers = view.display.slice(1).map((r) => r[col + 2]).filter(Boolean);
  expect(customers.length).toBeGreaterThanOrEqual(3);
});

test('a 20,000-row workbook scored from the menu', () => {
  const book = exampleBook(20000);
  const { g, code } = run(book);
  const t = Date.now();
  code.scoreFollowers();
  const ms = Date.now() - t;
  expect(g.ui.alerts).toEqual([]);
  expect(book.sheets[0].values[20000][8]).not.toBe('');
  console.log(`scoreFollowers on 20,000 rows: ${ms} ms, ${g.calls.spreadsheet} Spreadsheet calls (${g.calls.total} service calls)`);
});

test('importRows (under the document lock): a Following list, then those followers are Already following', () => {
  const book = exampleBook(40);
  const rows = [{ handle: '@ann.smith0' }, { handle: 'bob.smith1', name: 'Bob' }, { handle: 'https://www.instagram.com/carla.smith2/' }];
  const summary = run(book).code.importRows('following', rows) as { added: number; tab: string };
  expect(summary).toMatchObject({ added: 3, tab: 'Following' });
  const again = run(book).code.importRows('following', rows) as { added: number; duplicates: number };
  expect(again).toMatchObject({ added: 0, duplicates: 3 });
  const scored = run(book);
  scored.code.scoreFollowers();
  expect(scored.g.ui.alerts).toEqual([]);
  const view = renderSheet(book, 'Followers')!;
  const col = view.display[0].indexOf('Recommendation');
  expect(view.display.slice(1, 4).map((r) => r[col])).toEqual(['Already following', 'Already following', 'Already following']);
  expect(snapshot(book, 'Followers').rules.map((r) => r.background)).toContain('#cfe2f3');
  const busy = run(book, { executionId: 'holder' });
  busy.g.LockService.getDocumentLock().tryLock(10);
  expect(() => run(book, { executionId: 'importer' }).code.importRows('following', [{ handle: 'new.person' }])).toThrow(/already working on this spreadsheet/);
});
