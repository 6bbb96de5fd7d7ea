// The damaged-workbook corpus (test/fixtures/damaged/wb-*.json) through the built add-on (dist/Code.js) in the
// emulator, by the menu (scoreFollowers), by the sidebar's chunked run (beginScoring / scoreChunk / finishScoring)
// and by a custom function. Each bad workbook gets one clear message naming the tab; each readable one is scored.
// Either way every user cell (values, formulas, number formats) and every user colour rule is unchanged afterwards.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../src/cli/csv';
import { DEFAULT_SETTINGS, scoreWorkbook, type WorkbookInput } from '../src/core/engine';
import { guessKind } from '../src/core/table';
import { InputError, OUTPUT_HEADERS, type Cell } from '../src/core/types';
import { createWorkbook, tabValues, type TabInput, type Workbook } from '../src/emulator';
import { book, ensureBundle, errorOf, execution, snapshot, userAreas } from './hardening-gas';
import { recordFigures } from './property-arbitraries';

const dir = join(__dirname, 'fixtures', 'damaged');
ensureBundle();

interface WbCase {
  file: string;
  /** fragments of the one message the user must see; absent = scored */
  error?: RegExp[];
  /** data rows expected to get a score */
  scored?: number;
}

const CASES: WbCase[] = [
  { file: 'wb-missing-followers.json', error: [/No Followers tab found/] },
  { file: 'wb-followers-renamed.json', error: [/No Followers tab found/] },
  { file: 'wb-followers-no-handle.json', error: [/^Followers\b/, /no handle column/, /Columns found: Full Name, Bio/] },
  { file: 'wb-orders-no-people.json', error: [/^Orders\b/, /no customer column/, /Columns found: Order ID, Total/] },
  { file: 'wb-engagement-no-handle.json', error: [/^Engagement\b/, /no handle column/, /Columns found: Type, Date/] },
  { file: 'wb-empty-followers.json', error: [/Followers/, /empty/] },
  { file: 'wb-header-row7.json', scored: 3 },
  { file: 'wb-all-blank.json', scored: 0 },
  { file: 'wb-duplicate-headers.json', scored: 2 },
  { file: 'wb-sheets-errors.json' },
];

test('every wb-*.json file of the corpus has a case', () => {
  const files = readdirSync(dir).filter((f) => /^wb-.*\.json$/.test(f));
  expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
});

/** The workbook of a case, with a user formula, a number format and a user colour rule on every tab that has data. */
function load(file: string): Workbook {
  const { tabs } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { tabs: TabInput[] };
  const b = book(
    tabs.map((t) => {
      const last = t.values.length - 1;
      if (last < 1 || !t.values[last].length) return t;
      const v = t.values[last][0];
      const formulas: string[][] = [];
      formulas[last] = [typeof v === 'number' ? `=${v}` : `="${String(v ?? '').replace(/"/g, '""')}"`];
      const numberFormats: string[][] = [];
      numberFormats[last] = ['@'];
      return { ...t, formulas, numberFormats };
    }),
  );
  for (const s of b.sheets) s.rules.push({ ranges: [{ row: 1, column: 1, numRows: 3, numColumns: 1 }], condition: { type: 'TEXT_CONTAINS', values: ['jane'] }, background: '#abcdef' });
  return b;
}

const clone = (b: Workbook): Workbook => {
  const copy = JSON.parse(JSON.stringify(b), (_k, v) => (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v) ? new Date(v) : v));
  return copy as Workbook;
};

/** User cells unchanged; user rules kept; no tab added, removed or renamed. */
function expectUserCellsKept(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): void {
  expect(after.map((s) => [s.id, s.name])).toEqual(before.map((s) => [s.id, s.name]));
  before.forEach((b, i) => {
    const a = after[i];
    expect([a.name, a.values]).toEqual([b.name, b.values]);
    expect([a.name, a.formulas]).toEqual([b.name, b.formulas]);
    expect([a.name, a.formats]).toEqual([b.name, b.formats]);
    for (const rule of b.rules) expect(a.rules).toContainEqual(rule);
  });
}

/** The nine output cells of each data row of the Followers tab, as the sheet holds them. */
function outputOf(b: Workbook, tab = 'Followers'): { header: number; rows: Cell[][] } | null {
  const s = b.sheets.find((x) => x.name === tab)!;
  for (let r = 0; r < s.values.length; r++) {
    const row = s.values[r] || [];
    const c = row.indexOf(OUTPUT_HEADERS[0]);
    if (c >= 0 && OUTPUT_HEADERS.every((h, k) => row[c + k] === h)) {
      return { header: r, rows: s.values.slice(r + 1).map((x) => (x || []).slice(c, c + 9).map((v) => v ?? '')) };
    }
  }
  return null;
}

let messages = 0;
let runs = 0;
/** distinct workbooks tried (a case run by menu, sidebar and custom function counts once) */
const tried = new Set<string>();
afterAll(() => recordFigures('corpus-bundle', { cases: tried.size, messagesChecked: messages, bundleRuns: runs }));

describe.each(CASES.map((c) => [c.file, c] as const))('%s', (_f, c) => {
  test('menu: one clear alert, or scored; user cells unchanged', () => {
    tried.add(c.file);
    const b = load(c.file);
    const areas = userAreas(b);
    const before = snapshot(b, areas);
    const x = execution(b);
    x.call('scoreFollowers');
    runs++;
    expectUserCellsKept(before, snapshot(b, areas));
    if (c.error) {
      expect(x.g.ui.alerts).toHaveLength(1);
      const msg = x.g.ui.alerts[0].replace(/^Followback: /, '');
      for (const re of c.error) expect(msg).toMatch(re);
      expect(msg).not.toMatch(/TypeError|undefined|\bat \w+ \(/);
      expect(outputOf(b, b.sheets[0].name)).toBeNull(); // nothing written
      expect(snapshot(b)).toEqual(before.map((s) => ({ ...s }))); // not one cell anywhere
      messages++;
      return;
    }
    expect(x.g.ui.alerts).toEqual([]);
    const out = outputOf(b)!;
    expect(out).not.toBeNull();
    if (c.scored !== undefined) expect(out.rows.filter((r) => typeof r[0] === 'number')).toHaveLength(c.scored);
    // Clear gives every tab back exactly as it was: all cells, formats, rules and the grid's size.
    execution(b).call('clearScores');
    expect(snapshot(b)).toEqual(snapshot(load(c.file)));
    expect(b.sheets.map((s) => [s.maxRows, s.maxColumns])).toEqual(load(c.file).sheets.map((s) => [s.maxRows, s.maxColumns]));
  });

  test('sidebar run: the same message from beginScoring, or the same output as the menu', () => {
    const b = load(c.file);
    const areas = userAreas(b);
    const before = snapshot(b, areas);
    const menuBook = clone(b);
    const err = errorOf(() => {
      const plan = execution(b).call<{ total: number; chunk: number }>('beginScoring');
      const chunk = Math.max(1, Math.min(plan.chunk, 2)); // small chunks: exercise the seams
      for (let start = 0; start < plan.total; start += chunk) execution(b).call('scoreChunk', start, chunk);
      execution(b).call('finishScoring');
    });
    runs++;
    expectUserCellsKept(before, snapshot(b, areas));
    if (c.error) {
      for (const re of c.error) expect(err).toMatch(re);
      messages++;
      return;
    }
    expect(err).toBe('');
    execution(menuBook).call('scoreFollowers');
    expect(outputOf(b)).toEqual(outputOf(menuBook));
  });

  test('custom function: a value or a clear error, and no write', () => {
    const b = load(c.file);
    const before = snapshot(b);
    const err = errorOf(() => execution(b, { customFunction: true }).call('FOLLOWBACK_SCORE', [['jane.doe'], ['#N/A'], ['']]));
    runs++;
    expect(snapshot(b)).toEqual(before);
    if (err) expect(err).not.toMatch(/TypeError|undefined is not|Cannot read prop/);
  });
});

/** The engine on a workbook's tabs, found by name as the add-on finds them: its InputError message, or the rows scored. */
function engineOn(tabs: TabInput[]): { message?: string; scored?: number } | null {
  const input: WorkbookInput = { followers: undefined as never, orders: [], engagement: [], following: [] };
  for (const t of tabs) {
    const kind = guessKind(t.name);
    const source = { name: t.name, grid: t.values };
    if (kind === 'followers' && !input.followers) input.followers = source;
    else if (kind && kind !== 'followers') input[kind]!.push(source);
  }
  if (!input.followers) return null; // which tab holds the followers is the add-on's question, not the engine's
  try {
    return { scored: scoreWorkbook(input, { ...DEFAULT_SETTINGS }).summary.scored };
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return { message: (e as Error).message };
  }
}

describe('the engine and the add-on tell the same story', () => {
  // Every workbook of the corpus, and every CSV of the corpus that parses, pasted as a tab (a followers file as
  // "Followers", an orders file as "Orders" next to followers-ok.csv, …): the add-on's alert is the engine's message.
  const csvTabs = (file: string): TabInput[] | null => {
    const role = /^orders/.test(file) ? 'Orders' : /^engagement/.test(file) ? 'Engagement' : /^following/.test(file) ? 'Following' : 'Followers';
    let grid: Cell[][];
    try {
      grid = parseCsv(file, new Uint8Array(readFileSync(join(dir, file)))).grid;
    } catch {
      return null; // a file-level problem (binary, unclosed quote, empty): the command line's alone
    }
    const tabs: TabInput[] = [{ name: role, values: grid }];
    if (role !== 'Followers') tabs.unshift({ name: 'Followers', values: parseCsv('f', new Uint8Array(readFileSync(join(dir, 'followers-ok.csv')))).grid });
    return tabs;
  };
  const all = readdirSync(dir)
    .filter((f) => /\.(csv|json)$/.test(f))
    .map((f) => [f, f.endsWith('.json') ? (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { tabs: TabInput[] }).tabs : csvTabs(f)] as const)
    .filter((x): x is readonly [string, TabInput[]] => !!x[1]);

  // CSV files as File ▸ Import makes them (numbers, dates, TRUE/FALSE and formulas converted), and as pasted text.
  const typedCases = all.filter(([f]) => f.endsWith('.csv')).map(([f, tabs]) => [`${f} imported`, tabs] as const);
  test.each(typedCases.map(([f, tabs]) => [f, tabs]))('%s', (f, tabs) => {
    tried.add(f as string);
    const b = createWorkbook(tabs as TabInput[], { typed: true });
    const typed = (tabs as TabInput[]).map((t) => ({ name: t.name, values: tabValues(b, t.name) }));
    const engine = engineOn(typed);
    if (!engine) return;
    const areas = userAreas(b);
    const before = snapshot(b, areas);
    const x = execution(b);
    x.call('scoreFollowers');
    runs++;
    expectUserCellsKept(before, snapshot(b, areas));
    if (engine.message) {
      expect(x.g.ui.alerts).toEqual([`Followback: ${engine.message}`]);
      messages++;
    } else {
      expect(x.g.ui.alerts).toEqual([]);
      const out = outputOf(b);
      expect(out ? out.rows.filter((r) => typeof r[0] === 'number').length : 0).toBe(engine.scored);
    }
  });

  test.each(all.map(([f, tabs]) => [f, tabs]))('%s', (f, tabs) => {
    tried.add(`${f} (as tabs)`);
    const engine = engineOn(tabs as TabInput[]);
    if (!engine) return;
    const b = book(tabs as TabInput[]);
    const x = execution(b);
    x.call('scoreFollowers');
    runs++;
    if (engine.message) {
      expect(x.g.ui.alerts).toEqual([`Followback: ${engine.message}`]);
      messages++;
    } else {
      expect(x.g.ui.alerts).toEqual([]);
      const out = outputOf(b);
      expect(out ? out.rows.filter((r) => typeof r[0] === 'number').length : 0).toBe(engine.scored);
    }
  });
});

describe('a 60,000-row Followers tab (generated)', () => {
  test('menu and sidebar score every row, blank rows stay blank, user cells unchanged, both runs agree', () => {
    tried.add('60,000 rows');
    const rows: Cell[][] = [['Username', 'Full Name', 'Followers', 'Following', 'Posts']];
    for (let i = 0; i < 60000; i++) rows.push(i % 97 === 0 ? ['', '', '', '', ''] : [`user_${i}`, `Person ${i}`, (i * 37) % 5000, (i * 7) % 3000, i % 300]);
    const tabs = [
      { name: 'Followers', values: rows },
      { name: 'Orders', values: [['Order ID', 'Email', 'Billing Name', 'Total'], ['1', 'user_5@example.com', 'Person 5', 20]] },
    ];
    const menuBook = book(tabs);
    const areas = userAreas(menuBook);
    const before = snapshot(menuBook, areas);
    const x = execution(menuBook);
    x.call('scoreFollowers');
    runs++;
    expect(x.g.ui.alerts).toEqual([]);
    expectUserCellsKept(before, snapshot(menuBook, areas));
    const out = outputOf(menuBook)!;
    expect(out.rows).toHaveLength(60000);
    out.rows.forEach((r, i) => expect([i, typeof r[0]]).toEqual([i, i % 97 === 0 ? 'string' : 'number']));

    const sideBook = book(tabs);
    const plan = execution(sideBook).call<{ total: number; chunk: number }>('beginScoring');
    expect(plan.total).toBe(60000);
    for (let start = 0; start < plan.total; start += plan.chunk) execution(sideBook).call('scoreChunk', start, plan.chunk);
    execution(sideBook).call('finishScoring');
    runs++;
    expectUserCellsKept(before, snapshot(sideBook, areas));
    expect(outputOf(sideBook)).toEqual(out);
  });
});

describe('tabs renamed while the sidebar is open', () => {
  const base = (): Workbook => load('wb-duplicate-headers.json');

  test('the Followers tab renamed between beginScoring and scoreChunk: rows land on that tab, or a clear message', () => {
    tried.add('renamed mid-run');
    const b = base();
    const areas = userAreas(b);
    const before = snapshot(b, areas);
    const menuBook = clone(b);
    execution(menuBook).call('scoreFollowers');
    const plan = execution(b).call<{ total: number }>('beginScoring');
    execution(b).call('scoreChunk', 0, 1);
    execution(b).g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!.setName('Fans');
    const err = errorOf(() => {
      execution(b).call('scoreChunk', 1, plan.total);
      execution(b).call('finishScoring');
    });
    runs++;
    const renamed = before.map((s) => (s.name === 'Followers' ? { ...s, name: 'Fans' } : s));
    expectUserCellsKept(renamed, snapshot(b, { ...areas, Fans: areas.Followers }));
    if (err) {
      expect(err).toMatch(/Followers|Fans/);
      expect(err).toMatch(/again/i);
      messages++;
    } else {
      expect(outputOf(b, 'Fans')).toEqual(outputOf(menuBook));
    }
  });

  test('a Followers tab chosen in the settings, then renamed: the message names it', () => {
    tried.add('chosen tab renamed');
    const b = base();
    execution(b).call('saveSettings', { tabs: { followers: 'Followers' } });
    execution(b).g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!.setName('Fans');
    const before = snapshot(b);
    const x = execution(b);
    x.call('scoreFollowers');
    runs++;
    expect(x.g.ui.alerts).toHaveLength(1);
    expect(x.g.ui.alerts[0]).toMatch(/"Followers"/);
    expect(x.g.ui.alerts[0]).toMatch(/no longer exists/);
    expect(snapshot(b)).toEqual(before);
    const status = execution(b).call<{ problems: string[] }>('getStatus');
    expect(status.problems.join(' ')).toMatch(/Followers/);
    messages += 2;
  });

  test('the Orders tab renamed mid-run: every chunk is scored against the same orders', () => {
    tried.add('orders renamed mid-run');
    const b = load('wb-header-row7.json');
    const menuBook = clone(b);
    execution(menuBook).call('scoreFollowers');
    const plan = execution(b).call<{ total: number }>('beginScoring');
    execution(b).call('scoreChunk', 0, 1);
    execution(b).g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Orders')!.setName('Old stuff');
    const err = errorOf(() => {
      execution(b).call('scoreChunk', 1, plan.total);
      execution(b).call('finishScoring');
    });
    runs++;
    if (err) expect(err).toMatch(/Orders|again/);
    else expect(outputOf(b)).toEqual(outputOf(menuBook));
  });
});
