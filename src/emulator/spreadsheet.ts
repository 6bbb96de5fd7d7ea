// SpreadsheetApp, Spreadsheet, Sheet, Range and conditional-format rules over a Workbook, with Google's semantics:
// 1-based coordinates, a fixed grid, '' for blanks, values parsed as if typed, Google's error messages.
import type { Cell } from '../core/types';
import { GridRange, parseA1, toA1 } from './a1';
import { Execution, assertAuthorized, assertWrite, counted } from './context';
import { computable, evaluateFormula, shiftFormula } from './formulas';
import { display, isDate, storedFormat, typeIn } from './typed';
import {
  EmuRule,
  EmuRuleCondition,
  EmuSheetState,
  Workbook,
  deleteColumns,
  findSheet,
  formatAt,
  formulaAt,
  insertColumns,
  insertRows,
  lastColumn,
  lastRow,
  newSheet,
  numberFormatAt,
  setAt,
  valueAt,
} from './workbook';

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';
const MAX_CELLS = 10_000_000;
const MAX_CELL_CHARS = 50_000;

/** Sheets refuses to grow a spreadsheet past 10 million cells. */
function checkCells(x: Execution, added: number): void {
  const total = x.book.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  if (total + added > MAX_CELLS) {
    throw new Error(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
  }
}

/** `'Tab'!A1:B2` or `Tab!A1` as its sheet name and A1 part; null without a sheet. */
function sheetPrefix(a1: string): { sheet: string; a1: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(a1);
  return m ? { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), a1: m[3] } : null;
}

/**
 * A cell's value, a formula the emulator computes computed now from the cells it reads (on any tab);
 * a cell in a reference cycle is #REF!, as Sheets shows a circular dependency.
 */
function liveValue(book: Workbook, s: EmuSheetState, r: number, c: number, visiting: Set<string>): Cell {
  const f = formulaAt(s, r, c);
  if (!f || !computable(f)) return valueAt(s, r, c);
  const key = `${s.id}:${r}:${c}`;
  if (visiting.has(key)) return '#REF!';
  visiting.add(key);
  const sheetOf = (name: string | null) => (name === null ? s : findSheet(book, name));
  const v = evaluateFormula(
    f,
    (name, row, column) => {
      const t = sheetOf(name);
      return t ? liveValue(book, t, row - 1, column - 1, visiting) : undefined;
    },
    (name) => {
      const t = sheetOf(name);
      return t ? { rows: t.maxRows, columns: t.maxColumns } : undefined;
    },
  );
  visiting.delete(key);
  return v;
}

/** The Color object Sheets returns for a background: RGB, with its hex string. */
function colorObject(hex: string) {
  const rgb = { asHexString: () => hex, getRed: () => parseInt(hex.slice(1, 3), 16), getGreen: () => parseInt(hex.slice(3, 5), 16), getBlue: () => parseInt(hex.slice(5, 7), 16) };
  return { getColorType: () => 'RGB', asRgbColor: () => rgb };
}

function checkRange(s: EmuSheetState, g: GridRange): void {
  if (!Number.isInteger(g.row) || !Number.isInteger(g.column) || !Number.isInteger(g.numRows) || !Number.isInteger(g.numColumns)) {
    throw new Error('Cannot find method getRange(' + [g.row, g.column, g.numRows, g.numColumns].join(',') + ').');
  }
  if (g.row < 1) throw new Error('The starting row of the range is too small.');
  if (g.column < 1) throw new Error('The starting column of the range is too small.');
  if (g.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (g.numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (g.row + g.numRows - 1 > s.maxRows || g.column + g.numColumns - 1 > s.maxColumns) throw new Error(OUTSIDE);
}

function checkShape(data: unknown, g: GridRange): unknown[][] {
  if (!Array.isArray(data)) throw new Error('The parameters (String) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
  if (data.length !== g.numRows) {
    throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${g.numRows}.`);
  }
  for (const row of data) {
    if (!Array.isArray(row)) throw new Error('The parameters (number[]) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
    if (row.length !== g.numColumns) {
      throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${g.numColumns}.`);
    }
  }
  return data as unknown[][];
}

export class EmuRange {
  constructor(
    readonly x: Execution,
    readonly s: EmuSheetState,
    readonly g: GridRange,
  ) {}

  private out(v: Cell): Cell {
    return isDate(v) ? this.x.makeDate(v.getTime()) : v;
  }
  /** The cell's value as Sheets shows it: a formula the emulator computes is computed afresh (its inputs may have changed). */
  private value(r: number, c: number): Cell {
    return liveValue(this.x.book, this.s, r, c, new Set());
  }
  private map<T>(f: (r: number, c: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.g;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numColumns);
      for (let j = 0; j < numColumns; j++) line[j] = f(row - 1 + i, column - 1 + j);
      out[i] = line;
    }
    return out;
  }
  private write(r: number, c: number, input: unknown): void {
    if (typeof input === 'string' && input.length > MAX_CELL_CHARS) {
      throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    }
    const t = typeIn(input, formatAt(this.s, r, c));
    if (t.formula) {
      setAt(this.s.formulas, r, c, t.formula);
      // a function the emulator does not compute is one Sheets would not know either
      setAt(this.s.values, r, c, computable(t.formula) ? liveValue(this.x.book, this.s, r, c, new Set()) : '#NAME?');
      return;
    }
    setAt(this.s.values, r, c, t.value);
    if (this.s.formulas[r] && this.s.formulas[r][c]) this.s.formulas[r][c] = '';
  }

  getRow() { return this.g.row; }
  getRowIndex() { return this.g.row; }
  getColumn() { return this.g.column; }
  getNumRows() { return this.g.numRows; }
  getNumColumns() { return this.g.numColumns; }
  getLastRow() { return this.g.row + this.g.numRows - 1; }
  getLastColumn() { return this.g.column + this.g.numColumns - 1; }
  getA1Notation() { return toA1(this.g); }
  getBackground() { return '#ffffff'; }
  getBackgroundObject() { return colorObject('#ffffff'); }
  getGridId() { return this.s.id; }
  getSheet() { return wrapSheet(this.x, this.s); }

  getValues(): Cell[][] { return this.map((r, c) => this.out(this.value(r, c))); }
  getValue(): Cell { return this.out(this.value(this.g.row - 1, this.g.column - 1)); }
  getDisplayValues(): string[][] { return this.map((r, c) => display(this.value(r, c))); }
  getDisplayValue(): string { return display(this.value(this.g.row - 1, this.g.column - 1)); }
  getFormulas(): string[][] { return this.map((r, c) => formulaAt(this.s, r, c)); }
  getFormula(): string { return formulaAt(this.s, this.g.row - 1, this.g.column - 1); }
  getNumberFormats(): string[][] { return this.map((r, c) => numberFormatAt(this.s, r, c)); }
  getNumberFormat(): string { return numberFormatAt(this.s, this.g.row - 1, this.g.column - 1); }
  isBlank(): boolean {
    return this.map((r, c) => valueAt(this.s, r, c) === '' && !formulaAt(this.s, r, c)).every((row) => row.every(Boolean));
  }

  setValues(values: unknown[][]) {
    assertWrite(this.x, 'setValues');
    const data = checkShape(values, this.g);
    const { row, column } = this.g;
    for (let i = 0; i < data.length; i++) for (let j = 0; j < data[i].length; j++) this.write(row - 1 + i, column - 1 + j, data[i][j]);
    return this.getThis();
  }
  setValue(value: unknown) {
    assertWrite(this.x, 'setValue');
    this.map((r, c) => this.write(r, c, value));
    return this.getThis();
  }
  /** Over a block, each cell gets the formula with its relative references moved, as Sheets fills it. */
  setFormula(formula: string) {
    assertWrite(this.x, 'setFormula');
    const f = formula.startsWith('=') ? formula : `=${formula}`;
    this.map((r, c) => this.write(r, c, shiftFormula(f, r - this.g.row + 1, c - this.g.column + 1)));
    return this.getThis();
  }
  setFormulas(formulas: string[][]) {
    assertWrite(this.x, 'setFormulas');
    const data = checkShape(formulas, this.g);
    this.map((r, c) => {
      const f = String(data[r - this.g.row + 1][c - this.g.column + 1] ?? '');
      if (f) this.write(r, c, f.startsWith('=') ? f : `=${f}`);
      else this.write(r, c, '');
    });
    return this.getThis();
  }
  setNumberFormat(format: string) {
    assertWrite(this.x, 'setNumberFormat');
    const f = storedFormat(format);
    this.map((r, c) => setAt(this.s.formats, r, c, f));
    return this.getThis();
  }
  setNumberFormats(formats: string[][]) {
    assertWrite(this.x, 'setNumberFormats');
    const data = checkShape(formats, this.g);
    this.map((r, c) => setAt(this.s.formats, r, c, storedFormat(data[r - this.g.row + 1][c - this.g.column + 1])));
    return this.getThis();
  }
  clearContent() {
    assertWrite(this.x, 'clearContent');
    this.map((r, c) => {
      if (this.s.values[r]) this.s.values[r][c] = '';
      if (this.s.formulas[r]) this.s.formulas[r][c] = '';
    });
    return this.getThis();
  }
  clearFormat() {
    assertWrite(this.x, 'clearFormat');
    this.map((r, c) => {
      if (this.s.formats[r]) this.s.formats[r][c] = undefined as unknown as string;
    });
    return this.getThis();
  }
  /** clear(), or clear({ contentsOnly: true }) / clear({ formatOnly: true }) for one of the two. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    assertWrite(this.x, 'clear');
    if (!options?.formatOnly) this.clearContent();
    if (!options?.contentsOnly) this.clearFormat();
    return this.getThis();
  }
  activate() {
    this.x.book.active = this.s.name;
    this.x.book.selection = { sheet: this.s.name, a1: toA1(this.g) };
    return this.getThis();
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
    return wrapRange(this.x, this.s, {
      row: this.g.row + rowOffset,
      column: this.g.column + columnOffset,
      numRows: numRows ?? this.g.numRows,
      numColumns: numColumns ?? this.g.numColumns,
    });
  }
  getCell(row: number, column: number) {
    if (row > this.g.numRows || column > this.g.numColumns) throw new Error(OUTSIDE);
    return wrapRange(this.x, this.s, { row: this.g.row + row - 1, column: this.g.column + column - 1, numRows: 1, numColumns: 1 });
  }
  /** a fresh counted wrapper, so chained calls count like Apps Script's */
  private getThis() {
    return wrapRange(this.x, this.s, this.g);
  }
}

export function wrapRange(x: Execution, s: EmuSheetState, g: GridRange): EmuRange {
  checkRange(s, g);
  return counted(x, 'Range', new EmuRange(x, s, { ...g }));
}

function rangeParts(range: unknown): { s: EmuSheetState; g: GridRange } {
  const r = range as EmuRange;
  if (!r || !r.s || !r.g) throw new Error('The parameters don\'t match the method signature: a Range is required.');
  return { s: r.s, g: r.g };
}

export class EmuSheet {
  constructor(
    readonly x: Execution,
    readonly s: EmuSheetState,
  ) {}

  getName() { return this.s.name; }
  setName(name: string) {
    assertWrite(this.x, 'setName');
    const other = findSheet(this.x.book, name);
    if (other && other !== this.s) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (this.x.book.active === this.s.name) this.x.book.active = name;
    this.s.name = name;
    return this.self();
  }
  getSheetId() { return this.s.id; }
  getIndex() { return this.x.book.sheets.indexOf(this.s) + 1; }
  getParent() { return wrapSpreadsheet(this.x); }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): EmuRange {
    if (typeof a === 'string') {
      // 'Other tab'!A1:B2 names its own sheet, whichever sheet it is asked of (as in Sheets)
      const named = sheetPrefix(a);
      if (named) {
        const other = findSheet(this.x.book, named.sheet);
        if (!other) throw new Error('Range not found');
        return wrapSheet(this.x, other).getRange(named.a1);
      }
      const g = parseA1(a, this.s.maxRows, this.s.maxColumns);
      if (!g) throw new Error('Range not found');
      return wrapRange(this.x, this.s, g);
    }
    if (column === undefined) throw new Error('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    return wrapRange(this.x, this.s, { row: a, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 });
  }
  getDataRange() {
    return wrapRange(this.x, this.s, { row: 1, column: 1, numRows: Math.max(1, lastRow(this.s)), numColumns: Math.max(1, lastColumn(this.s)) });
  }
  getLastRow() { return lastRow(this.s); }
  getLastColumn() { return lastColumn(this.s); }
  getMaxRows() { return this.s.maxRows; }
  getMaxColumns() { return this.s.maxColumns; }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    assertWrite(this.x, 'insertColumnsAfter');
    if (afterPosition < 1 || afterPosition > this.s.maxColumns) throw new Error(OUTSIDE);
    if (!(howMany >= 1)) throw new Error('The number of columns to insert must be at least 1.');
    checkCells(this.x, howMany * this.s.maxRows);
    insertColumns(this.s, afterPosition, howMany);
    return this.self();
  }
  insertColumnAfter(afterPosition: number) { return this.insertColumnsAfter(afterPosition, 1); }
  insertColumnsBefore(beforePosition: number, howMany: number) {
    assertWrite(this.x, 'insertColumnsBefore');
    if (beforePosition < 1 || beforePosition > this.s.maxColumns) throw new Error(OUTSIDE);
    checkCells(this.x, howMany * this.s.maxRows);
    insertColumns(this.s, beforePosition - 1, howMany);
    return this.self();
  }
  insertColumnBefore(beforePosition: number) { return this.insertColumnsBefore(beforePosition, 1); }
  deleteColumns(columnPosition: number, howMany: number) {
    assertWrite(this.x, 'deleteColumns');
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.s.maxColumns) throw new Error(OUTSIDE);
    if (howMany >= this.s.maxColumns) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    deleteColumns(this.s, columnPosition, howMany);
    return this.self();
  }
  deleteColumn(columnPosition: number) { return this.deleteColumns(columnPosition, 1); }
  insertRowsAfter(afterPosition: number, howMany: number) {
    assertWrite(this.x, 'insertRowsAfter');
    if (afterPosition < 1 || afterPosition > this.s.maxRows) throw new Error(OUTSIDE);
    checkCells(this.x, howMany * this.s.maxColumns);
    insertRows(this.s, afterPosition, howMany);
    return this.self();
  }
  insertRowAfter(afterPosition: number) { return this.insertRowsAfter(afterPosition, 1); }
  getFrozenRows() { return this.s.frozenRows; }
  setFrozenRows(rows: number) {
    assertWrite(this.x, 'setFrozenRows');
    if (rows < 0 || rows > this.s.maxRows) throw new Error(OUTSIDE);
    this.s.frozenRows = rows;
  }
  getFrozenColumns() { return 0; }
  autoResizeColumns(_start: number, _num: number) { assertWrite(this.x, 'autoResizeColumns'); return this.self(); }
  setColumnWidth(_column: number, _width: number) { assertWrite(this.x, 'setColumnWidth'); return this.self(); }
  getConditionalFormatRules() {
    return this.s.rules.map((r) => wrapRule(this.x, this.s, cloneRule(r)));
  }
  setConditionalFormatRules(rules: unknown[]) {
    assertWrite(this.x, 'setConditionalFormatRules');
    if (!Array.isArray(rules)) throw new Error('The parameters don\'t match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.');
    this.s.rules = rules.map((r) => {
      const state = (r as EmuConditionalFormatRule).state;
      if (!state) throw new Error('The parameters don\'t match the method signature: ConditionalFormatRule[] is required.');
      return cloneRule(state);
    });
  }
  clearConditionalFormatRules() {
    assertWrite(this.x, 'clearConditionalFormatRules');
    this.s.rules = [];
  }
  activate() {
    this.x.book.active = this.s.name;
    return this.self();
  }
  setActiveRange(range: unknown) {
    const { s, g } = rangeParts(range);
    if (s !== this.s) throw new Error('The range must be on the same sheet.');
    this.x.book.active = s.name;
    this.x.book.selection = { sheet: s.name, a1: toA1(g) };
    return wrapRange(this.x, s, g);
  }
  setActiveSelection(a: unknown) {
    return this.setActiveRange(typeof a === 'string' ? this.getRange(a) : a);
  }
  getActiveRange() {
    const sel = this.x.book.selection;
    return sel && sel.sheet === this.s.name ? this.getRange(sel.a1) : this.getRange(1, 1);
  }
  clear() {
    assertWrite(this.x, 'clear');
    this.s.values = [];
    this.s.formulas = [];
    this.s.formats = [];
    return this.self();
  }
  clearContents() {
    assertWrite(this.x, 'clearContents');
    this.s.values = [];
    this.s.formulas = [];
    return this.self();
  }
  isSheetHidden() { return false; }
  private self() { return wrapSheet(this.x, this.s); }
}

export function wrapSheet(x: Execution, s: EmuSheetState): EmuSheet {
  return counted(x, 'Sheet', new EmuSheet(x, s));
}

export class EmuSpreadsheet {
  constructor(readonly x: Execution) {}
  private get book() { return this.x.book; }
  private activeState(): EmuSheetState {
    return findSheet(this.book, this.book.active) || this.book.sheets[0];
  }

  getId() { return this.book.id; }
  getName() { return this.book.name; }
  getUrl() { return `https://docs.google.com/spreadsheets/d/${this.book.id}/edit`; }
  getSpreadsheetTimeZone() { return this.book.timeZone || 'Etc/UTC'; }
  getSpreadsheetLocale() { return 'en_US'; }
  getSheets() { return this.book.sheets.map((s) => wrapSheet(this.x, s)); }
  getNumSheets() { return this.book.sheets.length; }
  getSheetByName(name: string) {
    const s = findSheet(this.book, String(name));
    return s ? wrapSheet(this.x, s) : null;
  }
  getSheetById(id: number) {
    const s = this.book.sheets.find((t) => t.id === id);
    return s ? wrapSheet(this.x, s) : null;
  }
  insertSheet(a?: string | number, b?: number) {
    assertWrite(this.x, 'insertSheet');
    let name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : b;
    if (name !== undefined && findSheet(this.book, name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (name === undefined) {
      let n = this.book.sheets.length + 1;
      while (findSheet(this.book, `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    checkCells(this.x, 1000 * 26);
    const s = newSheet(this.book.nextSheetId++, name);
    const at = index === undefined ? this.book.sheets.length : Math.max(0, Math.min(index, this.book.sheets.length));
    this.book.sheets.splice(at, 0, s);
    this.book.active = s.name; // Sheets activates the new sheet
    return wrapSheet(this.x, s);
  }
  deleteSheet(sheet: unknown) {
    assertWrite(this.x, 'deleteSheet');
    const s = (sheet as EmuSheet).s;
    if (this.book.sheets.length <= 1) throw new Error('This operation is not allowed. A spreadsheet must have at least one visible sheet.');
    this.book.sheets = this.book.sheets.filter((t) => t !== s);
    if (this.book.active === s.name) this.book.active = this.book.sheets[0].name;
  }
  getActiveSheet() { return wrapSheet(this.x, this.activeState()); }
  setActiveSheet(sheet: unknown) {
    const s = (sheet as EmuSheet).s;
    this.book.active = s.name;
    return wrapSheet(this.x, s);
  }
  getActiveRange() { return wrapSheet(this.x, this.activeState()).getActiveRange(); }
  setActiveRange(range: unknown) {
    const { s } = rangeParts(range);
    return wrapSheet(this.x, s).setActiveRange(range);
  }
  setActiveSelection(a: unknown) {
    return typeof a === 'string' ? this.setActiveRange(this.getRange(a)) : this.setActiveRange(a);
  }
  getRange(a1: string) {
    return wrapSheet(this.x, this.activeState()).getRange(a1);
  }
  toast(msg: string, title?: string, _timeoutSeconds?: number) {
    assertWrite(this.x, 'toast');
    this.x.ui.toasts.push(title ? `${title}: ${msg}` : String(msg));
  }
}

export function wrapSpreadsheet(x: Execution): EmuSpreadsheet {
  return counted(x, 'Spreadsheet', new EmuSpreadsheet(x));
}

// ---- conditional formatting ----

function cloneRule(r: EmuRule): EmuRule {
  return { ...r, ranges: r.ranges.map((g) => ({ ...g })), condition: r.condition ? { type: r.condition.type, values: [...r.condition.values] } : null };
}

export class EmuConditionalFormatRule {
  constructor(
    readonly x: Execution,
    readonly sheet: EmuSheetState | null,
    readonly state: EmuRule,
  ) {}
  getRanges() {
    if (!this.sheet) return [];
    return this.state.ranges.map((g) => wrapRange(this.x, this.sheet as EmuSheetState, g));
  }
  getBooleanCondition() {
    const st = this.state;
    if (!st.condition) return null;
    const cond = st.condition;
    return {
      getCriteriaType: () => cond.type,
      getCriteriaValues: () => [...cond.values],
      getBackground: () => st.background ?? null,
      getBackgroundObject: () => (st.background ? colorObject(st.background) : null),
      getFontColor: () => st.fontColor ?? null,
      getBold: () => st.bold ?? null,
      getItalic: () => st.italic ?? null,
      getStrikethrough: () => null,
      getUnderline: () => null,
    };
  }
  getGradientCondition() { return null; }
  copy() { return wrapBuilder(this.x, this.sheet, cloneRule(this.state)); }
}

function wrapRule(x: Execution, sheet: EmuSheetState | null, state: EmuRule) {
  return counted(x, 'ConditionalFormatRule', new EmuConditionalFormatRule(x, sheet, state));
}

export class EmuRuleBuilder {
  constructor(
    readonly x: Execution,
    private sheet: EmuSheetState | null,
    readonly state: EmuRule,
  ) {}
  /** Criteria values keep their type: Sheets gives a number criterion back as a number. */
  private when(type: string, values: unknown[]) {
    this.state.condition = { type, values: values.map((v) => (typeof v === 'number' ? v : String(v))) } as EmuRuleCondition;
    return counted(this.x, 'ConditionalFormatRuleBuilder', this);
  }
  private set(f: (s: EmuRule) => void) {
    f(this.state);
    return counted(this.x, 'ConditionalFormatRuleBuilder', this);
  }
  whenFormulaSatisfied(formula: string) { return this.when('CUSTOM_FORMULA', [formula]); }
  whenTextEqualTo(text: string) { return this.when('TEXT_EQUAL_TO', [text]); }
  whenTextContains(text: string) { return this.when('TEXT_CONTAINS', [text]); }
  whenTextStartsWith(text: string) { return this.when('TEXT_STARTS_WITH', [text]); }
  whenCellEmpty() { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty() { return this.when('CELL_NOT_EMPTY', []); }
  whenNumberGreaterThan(n: number) { return this.when('NUMBER_GREATER_THAN', [n]); }
  whenNumberLessThan(n: number) { return this.when('NUMBER_LESS_THAN', [n]); }
  whenNumberBetween(a: number, b: number) { return this.when('NUMBER_BETWEEN', [a, b]); }
  setBackground(color: string | null) { return this.set((s) => (s.background = color ? String(color).toLowerCase() : null)); }
  setFontColor(color: string | null) { return this.set((s) => (s.fontColor = color ? String(color).toLowerCase() : null)); }
  setBold(bold: boolean | null) { return this.set((s) => (s.bold = bold)); }
  setItalic(italic: boolean | null) { return this.set((s) => (s.italic = italic)); }
  setRanges(ranges: unknown[]) {
    const parts = ranges.map(rangeParts);
    this.sheet = parts.length ? parts[0].s : null;
    if (parts.some((p) => p.s !== this.sheet)) throw new Error('All ranges of a conditional format rule must be on the same sheet.');
    return this.set((s) => (s.ranges = parts.map((p) => ({ ...p.g }))));
  }
  getRanges() { return this.sheet ? this.state.ranges.map((g) => wrapRange(this.x, this.sheet as EmuSheetState, g)) : []; }
  getBooleanCondition() { return new EmuConditionalFormatRule(this.x, this.sheet, this.state).getBooleanCondition(); }
  copy() { return wrapBuilder(this.x, this.sheet, cloneRule(this.state)); }
  build() {
    if (!this.state.condition) throw new Error('Conditional format rule must have a condition.');
    if (!this.state.background && !this.state.fontColor && this.state.bold == null && this.state.italic == null) {
      throw new Error('Conditional format rule must have a format.');
    }
    return wrapRule(this.x, this.sheet, cloneRule(this.state));
  }
}

function wrapBuilder(x: Execution, sheet: EmuSheetState | null, state: EmuRule) {
  return counted(x, 'ConditionalFormatRuleBuilder', new EmuRuleBuilder(x, sheet, state));
}

export const BOOLEAN_CRITERIA = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
};

// ---- SpreadsheetApp and its Ui ----

export function createSpreadsheetApp(x: Execution) {
  const app = {
    getActiveSpreadsheet() {
      assertAuthorized(x, 'SpreadsheetApp.getActiveSpreadsheet');
      return wrapSpreadsheet(x);
    },
    getActive() {
      assertAuthorized(x, 'SpreadsheetApp.getActive');
      return wrapSpreadsheet(x);
    },
    getActiveSheet() {
      assertAuthorized(x, 'SpreadsheetApp.getActiveSheet');
      return wrapSpreadsheet(x).getActiveSheet();
    },
    getActiveRange() {
      assertAuthorized(x, 'SpreadsheetApp.getActiveRange');
      return wrapSpreadsheet(x).getActiveRange();
    },
    getUi() {
      if (x.mode === 'CUSTOM_FUNCTION') throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      return createUi(x);
    },
    newConditionalFormatRule() {
      return wrapBuilder(x, null, { ranges: [], condition: null });
    },
    flush() {},
    BooleanCriteria: BOOLEAN_CRITERIA,
  };
  return counted(x, 'SpreadsheetApp', app);
}

const BUTTON = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
}

export function createUi(x: Execution) {
  const menu = (title: string) => {
    const items: { caption: string; functionName: string }[] = [];
    const m = {
      addItem(caption: string, functionName: string) {
        items.push({ caption: String(caption), functionName: String(functionName) });
        return m;
      },
      addSeparator() { return m; },
      addSubMenu(_sub: unknown) { return m; },
      addToUi() {
        x.ui.menus.push({ title, items });
      },
    };
    return m;
  };
  const ui = {
    Button: BUTTON,
    ButtonSet: BUTTON_SET,
    createAddonMenu() { return menu(x.opts.addonName ?? 'Followback'); },
    createMenu(caption: string) { return menu(String(caption)); },
    alert(a: string, b?: unknown, _c?: unknown) {
      if (x.mode === 'NONE') throw new Error('You do not have permission to call Ui.alert in AuthMode.NONE.');
      x.ui.alerts.push(typeof b === 'string' ? `${a}: ${b}` : String(a));
      return BUTTON.OK;
    },
    showSidebar(html: HtmlLike) {
      if (x.mode === 'NONE') throw new Error('You do not have permission to call Ui.showSidebar in AuthMode.NONE.');
      x.ui.sidebar = { title: html.getTitle(), html: html.getContent() };
    },
    showModalDialog(html: HtmlLike, title: string) {
      x.ui.dialogs.push({ title: String(title), html: html.getContent() });
    },
    showModelessDialog(html: HtmlLike, title: string) {
      x.ui.dialogs.push({ title: String(title), html: html.getContent() });
    },
  };
  return counted(x, 'Ui', ui);
}
