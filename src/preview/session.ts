// One open spreadsheet in the preview: the emulated workbook, the executions of Code.js over it, the custom-function
// cells (recalculated when their arguments change, as in Sheets) and the views the page asks for.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell } from '../core/types';
import type { EmuSheetState, Workbook } from '../emulator';
import { parseA1, toA1 } from '../preview-page/a1';
import { backgrounds, type RuleData } from './formats';
import { customFunctionNames, parseFormula, toRectangle, type FormulaCall } from './formulas';
import { readCsvFile, tabNameFor, type ImportedValue } from './files';
import { toCsv } from './csv';
import { Bundle, CUSTOM_FUNCTION_TIMEOUT_MS, messageOf, type EmulatorLike, type Outcome } from './runtime';

export interface EmulatorApi extends EmulatorLike<Workbook> {
  createWorkbook(tabs: { name: string; values: Cell[][] }[], opts?: { name?: string }): Workbook;
}

/** What an action did, for the page: the result and what the add-on showed. */
export interface Effects {
  ok: boolean;
  value?: unknown;
  error?: string;
  toasts: string[];
  alerts: string[];
  /** set when the execution opened the sidebar */
  sidebar?: { title: string };
  dialogs: { title: string; index: number }[];
  version: number;
  ms: number;
}

export interface SheetInfo {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
}

export interface PageState {
  title: string;
  version: number;
  sheets: SheetInfo[];
  active: string;
  /** the range the add-on selected, and a counter that moves each time it selects (even the same range again) */
  selection?: { sheet: string; a1: string; seq: number };
  menus: { title: string; items: { caption: string; functionName: string }[] }[];
  customFunctions: string[];
}

export interface CellWindow {
  sheet: string;
  row: number;
  values: string[][];
  /** 'r' for cells Sheets aligns right (numbers, dates), 'l' otherwise, one character per cell */
  align: string[];
  backgrounds: (string | null)[][];
  /** formulas and formula errors by "row,column" (1-based), for the formula bar and cell tooltips */
  formulas: Record<string, string>;
  notes: Record<string, string>;
}

interface Spill {
  /** the formula text, to follow the cell when columns or rows are inserted or deleted before it */
  formula: string;
  key: string;
  result: { rect: unknown[][] } | { error: string; display: string };
  /** the cells written below/right of the anchor, to clear them when the result changes */
  rows: number;
  columns: number;
  written: unknown[][] | null;
  /** why the result could not spill (#REF!); tried again at each recalculation */
  blocked?: string;
}

const ADDON_NAME = 'Followback';
/** the most rows one window request returns */
export const MAX_WINDOW = 1000;

function blank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b || (blank(a) && blank(b));
}

function findSheet(book: Workbook, name: string): EmuSheetState | undefined {
  const key = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === key);
}

function cellOf(s: EmuSheetState, row: number, column: number): Cell {
  const v = s.values[row - 1]?.[column - 1];
  return v === undefined || v === null ? '' : v;
}

function setCell(s: EmuSheetState, row: number, column: number, v: Cell): void {
  const line = s.values[row - 1] || (s.values[row - 1] = []);
  line[column - 1] = v;
}

export class PreviewSession {
  readonly bundle: Bundle;
  version = 0;
  private menus: PageState['menus'] = [];
  private sidebarHtml = '';
  private dialogs: { title: string; html: string }[] = [];
  private selectionSeq = 0;
  private lastSelection: Workbook['selection'];
  /** custom-function anchors by "sheetId:row:column" */
  private spills = new Map<string, Spill>();
  private calculatedVersion = -1;
  private lock = false;

  /** `dist`: the folder holding Code.js and the HTML files (dist/ of the repository) */
  constructor(
    readonly dist: string,
    private readonly emulator: EmulatorApi,
    readonly book: Workbook,
  ) {
    this.bundle = new Bundle(join(dist, 'Code.js'));
    this.lastSelection = book.selection;
  }

  private readFile = (name: string): string => {
    const file = join(this.dist, `${name.replace(/\.html$/, '')}.html`);
    if (!/^[\w-]+(\.html)?$/.test(name) || !existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
    return readFileSync(file, 'utf8');
  };

  private globals(opts: { authMode?: 'NONE' | 'LIMITED' | 'FULL'; customFunction?: boolean }) {
    return this.emulator.createGlobals(this.book, { ...opts, readFile: this.readFile, addonName: ADDON_NAME });
  }

  get customFunctions(): string[] {
    this.bundle.reloadIfChanged();
    return customFunctionNames(this.bundle.source);
  }

  private effects(out: Outcome): Effects {
    this.version++;
    const ui = out.ui;
    if (ui.menus.length) this.menus = ui.menus.map((m) => ({ title: m.title, items: m.items.map((i) => ({ ...i })) }));
    const effects: Effects = {
      ok: out.ok,
      toasts: [...ui.toasts],
      alerts: [...ui.alerts],
      dialogs: [],
      version: this.version,
      ms: out.ms,
    };
    if (out.ok) effects.value = out.value;
    else effects.error = out.error;
    if (ui.sidebar) {
      this.sidebarHtml = ui.sidebar.html;
      effects.sidebar = { title: ui.sidebar.title };
    }
    for (const d of ui.dialogs ?? []) {
      this.dialogs.push(d);
      effects.dialogs.push({ title: d.title, index: this.dialogs.length - 1 });
    }
    const sel = this.book.selection;
    if (sel !== this.lastSelection || JSON.stringify(sel) !== JSON.stringify(this.lastSelection)) this.selectionSeq++;
    this.lastSelection = sel;
    return effects;
  }

  /** Executions do not interleave: like the server's one worker per document. */
  private exclusive<T>(work: () => T): T {
    if (this.lock) throw new Error('Another execution is running');
    this.lock = true;
    try {
      return work();
    } finally {
      this.lock = false;
    }
  }

  /** The document was opened: onOpen(e) in AuthMode.LIMITED builds the add-on menu. */
  open(): Effects {
    return this.exclusive(() => {
      const g = this.globals({ authMode: 'LIMITED' });
      const e = (g as { event?: unknown }).event ?? { authMode: 'LIMITED' };
      const out = this.bundle.functions.includes('onOpen') ? this.bundle.run(g, 'onOpen', [e]) : { ok: true, ui: g.ui, ms: 0 };
      return this.effects(out);
    });
  }

  /** A menu item or a `google.script.run` call: any global of Code.js except private ones (ending in `_`). */
  call(name: string, args: unknown[]): Effects {
    return this.exclusive(() => {
      if (!/^[A-Za-z$][\w$]*$/.test(name) || name.endsWith('_') || !this.bundle.functions.includes(name)) {
        const g = this.globals({});
        return this.effects({ ok: false, error: `Script function not found: ${name}`, ui: g.ui, ms: 0 });
      }
      return this.effects(this.bundle.run(this.globals({ authMode: 'FULL' }), name, args));
    });
  }

  sidebarPage(): string {
    if (this.sidebarHtml.includes('<')) return this.sidebarHtml;
    return this.readFile('Sidebar');
  }

  dialogPage(index: number): string {
    const d = this.dialogs[index];
    if (!d) throw new Error(`No dialog ${index}`);
    return d.html;
  }

  state(): PageState {
    this.recalculate();
    const sel = this.book.selection;
    return {
      title: this.book.name,
      version: this.version,
      sheets: this.book.sheets.map((s) => ({ name: s.name, maxRows: s.maxRows, maxColumns: s.maxColumns, frozenRows: s.frozenRows })),
      active: this.book.active,
      selection: sel ? { sheet: sel.sheet, a1: sel.a1, seq: this.selectionSeq } : undefined,
      menus: this.menus,
      customFunctions: this.customFunctions,
    };
  }

  setActive(name: string): void {
    const s = findSheet(this.book, name);
    if (!s) throw new Error(`No tab named ${name}`);
    this.book.active = s.name;
  }

  /** The user clicked a cell: it becomes the active range the add-on reads (no scroll: the user is already there). */
  userSelect(name: string, a1: string): void {
    const s = this.sheet(name);
    if (!parseA1(a1)) throw new Error(`${a1} is not a range`);
    this.book.active = s.name;
    this.book.selection = { sheet: s.name, a1 };
    this.lastSelection = this.book.selection;
  }

  private sheet(name: string): EmuSheetState {
    const s = findSheet(this.book, name);
    if (!s) throw new Error(`No tab named ${name}`);
    return s;
  }

  /** Display values through the emulated Range.getDisplayValues(), so the grid shows what Sheets would. */
  private displayValues(s: EmuSheetState, row: number, count: number, columns: number): string[][] {
    const g = this.globals({ authMode: 'FULL' }) as unknown as {
      SpreadsheetApp: { getActiveSpreadsheet(): { getSheetByName(n: string): { getRange(r: number, c: number, nr: number, nc: number): { getDisplayValues(): string[][] } } } };
    };
    return g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(s.name).getRange(row, 1, count, columns).getDisplayValues();
  }

  /** Rows [row, row + count) of a tab, clipped to its grid, with rendered conditional formats. */
  window(name: string, row: number, count: number): CellWindow {
    this.recalculate();
    const s = this.sheet(name);
    const first = Math.max(1, Math.min(Math.floor(row) || 1, s.maxRows));
    const n = Math.max(0, Math.min(Math.floor(count) || 0, MAX_WINDOW, s.maxRows - first + 1));
    const columns = s.maxColumns;
    const values = n ? this.displayValues(s, first, n, columns) : [];
    const align: string[] = [];
    const formulas: Record<string, string> = {};
    const notes: Record<string, string> = {};
    for (let r = first; r < first + n; r++) {
      let a = '';
      for (let c = 1; c <= columns; c++) {
        const v = cellOf(s, r, c);
        a += typeof v === 'number' || v instanceof Date ? 'r' : 'l';
        const f = s.formulas[r - 1]?.[c - 1];
        if (f) {
          formulas[`${r},${c}`] = f;
          const spill = this.spills.get(`${s.id}:${r}:${c}`);
          const error = spill ? spill.blocked ?? ('error' in spill.result ? spill.result.error : undefined) : undefined;
          if (error) notes[`${r},${c}`] = error;
        }
      }
      align.push(a);
    }
    const rules: RuleData[] = s.rules.map((rule) => ({
      ranges: rule.ranges.map((g) => ({ row: g.row, column: g.column, numRows: g.numRows, numColumns: g.numColumns })),
      type: rule.condition?.type ?? '',
      values: rule.condition?.values ?? [],
      background: rule.background ?? null,
    }));
    const bg = n ? backgrounds(rules, first, n, columns, (r, c) => cellOf(s, r, c)) : [];
    return { sheet: s.name, row: first, values, align, backgrounds: bg, formulas, notes };
  }

  /** The formula bar: a plain value or a formula of the add-on's custom functions, written through the emulator. */
  writeCell(name: string, a1: string, input: string): Effects {
    const s = this.sheet(name);
    const ref = parseA1(a1);
    if (!ref || ref.lastRow !== ref.row || ref.lastColumn !== ref.column) throw new Error(`${a1} is not one cell`);
    if (ref.row > s.maxRows || ref.column > s.maxColumns) throw new Error(`${a1} is outside the tab's grid`);
    if (input.trim().startsWith('=')) parseFormula(input, this.customFunctions); // refuses formulas the preview cannot evaluate
    const out = this.exclusive(() => {
      const g = this.globals({ authMode: 'FULL' }) as unknown as {
        ui: Outcome['ui'];
        SpreadsheetApp: { getActiveSpreadsheet(): { getSheetByName(n: string): { getRange(a: string): { setValue(v: unknown): void } } } };
      };
      const started = Date.now();
      try {
        g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(s.name).getRange(toA1(ref.row, ref.column)).setValue(input);
        return { ok: true, ui: g.ui, ms: Date.now() - started };
      } catch (e) {
        return { ok: false, error: messageOf(e), ui: g.ui, ms: Date.now() - started };
      }
    });
    const entered = this.spills.get(`${s.id}:${ref.row}:${ref.column}`);
    if (entered) entered.key = ''; // re-entering a formula recalculates it, as in Sheets
    const effects = this.effects(out);
    this.recalculate();
    return effects;
  }

  /** A dropped file becomes a new tab (a unique name from the file's); throws FileProblem for a bad file. */
  addFile(file: string, bytes: Uint8Array, preferredName?: string): string {
    const values: ImportedValue[][] = readCsvFile(file, bytes);
    const name = tabNameFor(file, this.book.sheets.map((s) => s.name), preferredName);
    const imported = this.emulator.createWorkbook([{ name, values }]).sheets[0];
    imported.id = this.book.nextSheetId++;
    this.book.sheets.push(imported);
    this.book.active = imported.name;
    this.version++;
    return imported.name;
  }

  /** The tab as CSV, the values it shows, formula-like text neutralised. */
  csv(name: string): string {
    this.recalculate();
    const s = this.sheet(name);
    let rows = 0;
    let columns = 0;
    const height = Math.min(s.maxRows, Math.max(s.values.length, s.formulas.length));
    for (let r = 0; r < height; r++) {
      const line = s.values[r];
      if (!line) continue;
      for (let c = Math.min(line.length, s.maxColumns); c > 0; c--) {
        if (!blank(line[c - 1])) {
          rows = r + 1;
          columns = Math.max(columns, c);
          break;
        }
      }
    }
    if (!rows || !columns) return '';
    const shown = this.displayValues(s, 1, rows, columns);
    const raw = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cellOf(s, r + 1, c + 1)));
    return toCsv(raw, shown);
  }

  /** Custom-function cells: evaluated again when their arguments (or the formula) changed since the last time. */
  recalculate(): void {
    if (this.calculatedVersion === this.version) return;
    this.calculatedVersion = this.version;
    const functions = this.customFunctions;
    const anchors: { s: EmuSheetState; row: number; column: number; formula: string; key: string }[] = [];
    for (const s of this.book.sheets) {
      s.formulas.forEach((line, r0) => {
        if (!line) return;
        line.forEach((f, c0) => {
          if (f) anchors.push({ s, row: r0 + 1, column: c0 + 1, formula: f, key: `${s.id}:${r0 + 1}:${c0 + 1}` });
        });
      });
    }
    const live = new Set(anchors.map((a) => a.key));
    // A formula whose cell moved (the add-on inserted or deleted columns before it) carries its spill along:
    // its record follows it when the same formula sits over the same spilled values at the new place.
    for (const a of anchors) {
      if (this.spills.has(a.key)) continue;
      for (const [key, spill] of this.spills) {
        if (live.has(key) || spill.formula !== a.formula || !key.startsWith(`${a.s.id}:`)) continue;
        if (!this.intact(a.s, a.row, a.column, spill)) continue;
        this.spills.delete(key);
        this.spills.set(a.key, spill);
        break;
      }
    }
    for (const [key, spill] of this.spills) {
      if (live.has(key)) continue;
      const [id, r, c] = key.split(':').map(Number);
      const s = this.book.sheets.find((x) => x.id === id);
      if (s) this.clearSpill(s, r, c, spill);
      this.spills.delete(key);
    }
    for (const a of anchors) this.evaluateCell(a.s, a.row, a.column, a.formula, functions, a.key);
  }

  private argValues(call: FormulaCall, s: EmuSheetState, row: number, column: number): { args: unknown[] } | { error: string; display: string } {
    const args: unknown[] = [];
    for (const a of call.args) {
      if (a.kind === 'value') {
        args.push(a.value);
        continue;
      }
      const target = a.ref.sheet ? findSheet(this.book, a.ref.sheet) : s;
      if (!target) return { error: `Unresolved sheet name '${a.ref.sheet}'.`, display: '#REF!' };
      const lastRow = Math.min(a.ref.lastRow ?? target.maxRows, target.maxRows);
      const lastColumn = Math.min(a.ref.lastColumn ?? target.maxColumns, target.maxColumns);
      if (a.ref.row > lastRow || a.ref.column > lastColumn) return { error: `Range ${a.text} is outside the tab's grid.`, display: '#REF!' };
      if (target === s && row >= a.ref.row && row <= lastRow && column >= a.ref.column && column <= lastColumn) {
        return { error: `Circular dependency detected: ${a.text} includes the formula's own cell.`, display: '#REF!' };
      }
      if (a.ref.row === lastRow && a.ref.column === lastColumn && a.ref.lastRow !== undefined && a.ref.lastColumn !== undefined) {
        args.push(cellOf(target, a.ref.row, a.ref.column)); // a single cell arrives as a value, a range as rows of values
        continue;
      }
      const rect: Cell[][] = [];
      for (let r = a.ref.row; r <= lastRow; r++) {
        const line: Cell[] = [];
        for (let c = a.ref.column; c <= lastColumn; c++) line.push(cellOf(target, r, c));
        rect.push(line);
      }
      args.push(rect);
    }
    return { args };
  }

  private evaluateCell(s: EmuSheetState, row: number, column: number, formula: string, functions: string[], key: string): void {
    const previous = this.spills.get(key);
    let call: FormulaCall | null = null;
    let result: Spill['result'];
    let cacheKey: string;
    try {
      call = parseFormula(formula, functions);
    } catch (e) {
      result = { error: messageOf(e), display: /^=\s*[\w.]+\s*\(/.test(formula) ? '#NAME?' : '#ERROR!' };
    }
    const resolved = call ? this.argValues(call, s, row, column) : null;
    if (resolved && 'error' in resolved) result = resolved;
    if (call && resolved && 'args' in resolved) {
      cacheKey = `${formula}\u0000${JSON.stringify(resolved.args)}`;
      if (previous && previous.key === cacheKey) {
        if (this.intact(s, row, column, previous)) return;
        result = previous.result;
      } else {
        const out = this.bundle.run(this.globals({ customFunction: true }), call.name, resolved.args, CUSTOM_FUNCTION_TIMEOUT_MS);
        result = out.ok ? { rect: toRectangle(out.value) } : { error: out.error ?? 'Error', display: '#ERROR!' };
      }
    } else cacheKey = `${formula}\u0000error`;
    const spill: Spill = { formula, key: cacheKey, result: result!, rows: 1, columns: 1, written: null };
    if (previous) this.clearSpill(s, row, column, previous);
    this.write(s, row, column, spill);
    this.spills.set(key, spill);
  }

  /** True when every spilled cell still holds what was written there. */
  private intact(s: EmuSheetState, row: number, column: number, spill: Spill): boolean {
    if (spill.blocked || !spill.written) return false;
    for (let r = 0; r < spill.rows; r++) {
      for (let c = 0; c < spill.columns; c++) if (!sameValue(cellOf(s, row + r, column + c), spill.written[r][c])) return false;
    }
    return true;
  }

  private clearSpill(s: EmuSheetState, row: number, column: number, spill: Spill): void {
    if (!spill.written) return;
    for (let r = 0; r < spill.rows; r++) {
      for (let c = 0; c < spill.columns; c++) {
        if (r === 0 && c === 0) continue;
        if (sameValue(cellOf(s, row + r, column + c), spill.written[r][c]) && !s.formulas[row + r - 1]?.[column + c - 1]) {
          setCell(s, row + r, column + c, '');
        }
      }
    }
  }

  /** Writes the result from the anchor down and right, or an error in the anchor when it does not fit. */
  private write(s: EmuSheetState, row: number, column: number, spill: Spill): void {
    spill.blocked = undefined;
    const fail = (error: string, display: string) => {
      spill.rows = 1;
      spill.columns = 1;
      spill.written = [[display]];
      setCell(s, row, column, display);
      return error;
    };
    if ('error' in spill.result) {
      fail(spill.result.error, spill.result.display);
      return;
    }
    const rect = spill.result.rect;
    const rows = rect.length;
    const columns = rect[0].length;
    if (row + rows - 1 > s.maxRows) {
      spill.blocked = fail(`Result was not automatically expanded, please insert more rows (${row + rows - 1 - s.maxRows}).`, '#REF!');
      return;
    }
    if (column + columns - 1 > s.maxColumns) {
      spill.blocked = fail(`Result was not automatically expanded, please insert more columns (${column + columns - 1 - s.maxColumns}).`, '#REF!');
      return;
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        if (r === 0 && c === 0) continue;
        if (!blank(cellOf(s, row + r, column + c)) || s.formulas[row + r - 1]?.[column + c - 1]) {
          spill.blocked = fail(`Array result was not expanded because it would overwrite data in ${toA1(row + r, column + c)}.`, '#REF!');
          return;
        }
      }
    }
    const written: unknown[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < columns; c++) {
        const v = rect[r][c];
        const cell: Cell =
          typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date ? v : v === null || v === undefined ? '' : String(v);
        setCell(s, row + r, column + c, cell);
        line.push(cell);
      }
      written.push(line);
    }
    spill.rows = rows;
    spill.columns = columns;
    spill.written = written;
  }
}

