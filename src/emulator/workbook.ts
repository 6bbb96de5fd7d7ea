// The emulated spreadsheet's state: plain data that tests, the preview page and the Apps Script objects share.
import type { Cell } from '../core/types';
import type { GridRange } from './a1';
import { DEFAULT_FORMAT, isDate, typeIn } from './typed';

export interface EmuRuleCondition {
  /** 'CUSTOM_FORMULA' | 'TEXT_EQUAL_TO' | 'TEXT_CONTAINS' | 'CELL_EMPTY' | 'CELL_NOT_EMPTY' | 'NUMBER_GREATER_THAN' … */
  type: string;
  values: (string | number)[];
}

export interface EmuRule {
  /** the rule's ranges on its sheet, 1-based */
  ranges: GridRange[];
  condition: EmuRuleCondition | null;
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
}

export interface EmuSheetState {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  /** 0-based rows of cell values; a missing row or cell is blank ('') */
  values: Cell[][];
  /** 0-based rows of formulas ('' or undefined = none) */
  formulas: string[][];
  /** 0-based rows of number formats (undefined = automatic) */
  formats: string[][];
  frozenRows: number;
  rules: EmuRule[];
}

export interface Workbook {
  sheets: EmuSheetState[];
  /** name of the active sheet */
  active: string;
  selection?: { sheet: string; a1: string };
  documentProperties: Record<string, string>;
  /** document cache: key → value and expiry (epoch ms) */
  cache: Record<string, { value: string; expires: number }>;
  /** each lock's owner (an execution id), null when free */
  locks: Record<LockKind, string | null>;
  nextSheetId: number;
  name: string;
  id: string;
  /** the spreadsheet's time zone (File ▸ Settings), IANA name; Etc/UTC when absent */
  timeZone?: string;
}

export type LockKind = 'document' | 'script' | 'user';

export interface TabInput {
  name: string;
  values: Cell[][];
  /** formulas by cell ('' = none); values then holds what each formula computed */
  formulas?: string[][];
  numberFormats?: string[][];
  frozenRows?: number;
}

export interface WorkbookOptions {
  /** parse strings as Sheets' import does ("Convert text to numbers, dates, and formulas") */
  typed?: boolean;
  name?: string;
}

/** A sheet whose grid is exactly the data's size, as after importing a file (at least 1 x 1). */
export function sheetFromData(id: number, tab: TabInput, typed = false): EmuSheetState {
  const rows = tab.values.length;
  const cols = tab.values.reduce((m, r) => Math.max(m, r.length), 0);
  const sheet = newSheet(id, tab.name, Math.max(rows, 1), Math.max(cols, 1));
  sheet.frozenRows = tab.frozenRows ?? 0;
  for (let r = 0; r < rows; r++) {
    const src = tab.values[r];
    const row: Cell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const v = src[c];
      if (typed) {
        const t = typeIn(v, undefined);
        row[c] = t.value;
        if (t.formula) setAt(sheet.formulas, r, c, t.formula);
      } else {
        row[c] = v === null || v === undefined ? '' : isDate(v) ? new Date(v.getTime()) : v;
      }
    }
    sheet.values[r] = row;
  }
  tab.formulas?.forEach((row, r) => row.forEach((f, c) => f && setAt(sheet.formulas, r, c, f)));
  tab.numberFormats?.forEach((row, r) => row.forEach((f, c) => f && setAt(sheet.formats, r, c, f)));
  return sheet;
}

export function newSheet(id: number, name: string, maxRows = 1000, maxColumns = 26): EmuSheetState {
  return { id, name, maxRows, maxColumns, values: [], formulas: [], formats: [], frozenRows: 0, rules: [] };
}

export function createWorkbook(tabs: TabInput[], opts: WorkbookOptions = {}): Workbook {
  const sheets = tabs.map((t, i) => sheetFromData(i + 1, t, opts.typed));
  if (sheets.length === 0) sheets.push(newSheet(1, 'Sheet1'));
  if (sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0) > 10_000_000) {
    throw new Error('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
  }
  const names = new Set<string>();
  for (const s of sheets) {
    const key = s.name.toLowerCase();
    if (names.has(key)) throw new Error(`A sheet with the name "${s.name}" already exists. Please enter another name.`);
    names.add(key);
  }
  return {
    sheets,
    active: sheets[0].name,
    documentProperties: {},
    cache: {},
    locks: { document: null, script: null, user: null },
    nextSheetId: sheets.length + 1,
    name: opts.name ?? 'Followback example',
    id: 'emulated-spreadsheet',
  };
}

export function findSheet(book: Workbook, name: string): EmuSheetState | undefined {
  const key = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === key);
}

export function setAt<T>(grid: T[][], r: number, c: number, v: T): void {
  (grid[r] || (grid[r] = []))[c] = v;
}

export function valueAt(s: EmuSheetState, r: number, c: number): Cell {
  const row = s.values[r];
  const v = row ? row[c] : undefined;
  return v === undefined || v === null ? '' : v;
}

export function formulaAt(s: EmuSheetState, r: number, c: number): string {
  const row = s.formulas[r];
  return (row && row[c]) || '';
}

export function formatAt(s: EmuSheetState, r: number, c: number): string | undefined {
  const row = s.formats[r];
  return row ? row[c] : undefined;
}

export function numberFormatAt(s: EmuSheetState, r: number, c: number): string {
  return formatAt(s, r, c) || DEFAULT_FORMAT;
}

/** Last 1-based row / column holding a value or formula (0 when the sheet is empty). */
export function lastRow(s: EmuSheetState): number {
  for (let r = Math.min(s.maxRows, Math.max(s.values.length, s.formulas.length)) - 1; r >= 0; r--) {
    if (rowHasContent(s, r)) return r + 1;
  }
  return 0;
}

function rowHasContent(s: EmuSheetState, r: number): boolean {
  const v = s.values[r];
  if (v && v.some((x) => x !== '' && x !== null && x !== undefined)) return true;
  const f = s.formulas[r];
  return !!f && f.some((x) => !!x);
}

export function lastColumn(s: EmuSheetState): number {
  let last = 0;
  const n = Math.max(s.values.length, s.formulas.length);
  for (let r = 0; r < n; r++) {
    const v = s.values[r];
    if (v) for (let c = Math.min(v.length, s.maxColumns) - 1; c >= last; c--) if (v[c] !== '' && v[c] !== null && v[c] !== undefined) { last = c + 1; break; }
    const f = s.formulas[r];
    if (f) for (let c = Math.min(f.length, s.maxColumns) - 1; c >= last; c--) if (f[c]) { last = c + 1; break; }
  }
  return last;
}

/** Inserts `count` blank columns before 0-based column index `at` (rules' ranges move like Sheets moves them). */
export function insertColumns(s: EmuSheetState, at: number, count: number): void {
  for (const grid of [s.values, s.formulas, s.formats] as unknown[][][]) {
    for (const row of grid) if (row && row.length > at) row.splice(at, 0, ...new Array(count).fill(undefined));
  }
  s.maxColumns += count;
  const col = at + 1;
  for (const rule of s.rules) {
    for (const r of rule.ranges) {
      if (r.column >= col) r.column += count;
      else if (r.column + r.numColumns - 1 >= col) r.numColumns += count;
    }
  }
}

/** Deletes `count` columns from 1-based column `column`. */
export function deleteColumns(s: EmuSheetState, column: number, count: number): void {
  const at = column - 1;
  for (const grid of [s.values, s.formulas, s.formats] as unknown[][][]) for (const row of grid) if (row) row.splice(at, count);
  s.maxColumns -= count;
  const end = column + count - 1;
  for (const rule of s.rules) {
    rule.ranges = rule.ranges
      .map((r) => {
        const first = r.column;
        const last = r.column + r.numColumns - 1;
        const keptBefore = Math.max(0, Math.min(last, column - 1) - first + 1);
        const keptAfter = Math.max(0, last - Math.max(first, end + 1) + 1);
        const numColumns = keptBefore + keptAfter;
        return { ...r, column: first < column ? first : Math.max(column, first - count), numColumns };
      })
      .filter((r) => r.numColumns > 0);
  }
  s.rules = s.rules.filter((r) => r.ranges.length > 0);
}

export function insertRows(s: EmuSheetState, at: number, count: number): void {
  for (const grid of [s.values, s.formulas, s.formats] as unknown[][][]) if (grid.length > at) grid.splice(at, 0, ...new Array(count).fill(undefined));
  s.maxRows += count;
  const row = at + 1;
  for (const rule of s.rules) {
    for (const r of rule.ranges) {
      if (r.row >= row) r.row += count;
      else if (r.row + r.numRows - 1 >= row) r.numRows += count;
    }
  }
}
