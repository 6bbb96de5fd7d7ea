// What a person would see: display values and conditional-format backgrounds (for the preview page and tests).
import { columnNumber } from './a1';
import { display } from './typed';
import { EmuRule, EmuSheetState, findSheet, Workbook, valueAt } from './workbook';

/** A rule's test for one cell, for the conditions the emulator understands; null = cannot evaluate. */
function matches(s: EmuSheetState, rule: EmuRule, r: number, c: number, anchor: { row: number; column: number }): boolean | null {
  const cond = rule.condition;
  if (!cond) return null;
  const text = display(valueAt(s, r, c));
  const arg = String(cond.values[0] ?? '');
  switch (cond.type) {
    case 'TEXT_EQUAL_TO':
      return text.toLowerCase() === arg.toLowerCase();
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(arg.toLowerCase());
    case 'TEXT_STARTS_WITH':
      return text.toLowerCase().startsWith(arg.toLowerCase());
    case 'CELL_EMPTY':
      return text === '';
    case 'CELL_NOT_EMPTY':
      return text !== '';
    case 'CUSTOM_FORMULA': {
      // =$M2="Follow back" / =M2="x" / =$M$2="x": a reference relative to the range's top-left cell.
      const m = /^=\s*(\$?)([A-Za-z]+)(\$?)(\d+)\s*=\s*"((?:[^"]|"")*)"\s*$/.exec(arg);
      if (!m) return null;
      const refCol = columnNumber(m[2]) - 1 + (m[1] ? 0 : c - (anchor.column - 1));
      const refRow = Number(m[4]) - 1 + (m[3] ? 0 : r - (anchor.row - 1));
      return display(valueAt(s, refRow, refCol)).toLowerCase() === m[5].replace(/""/g, '"').toLowerCase();
    }
    default:
      return null;
  }
}

/** Backgrounds by cell of the first `rows` x `columns` cells: the first matching rule wins; null = none. */
export function backgrounds(s: EmuSheetState, rows: number, columns: number): (string | null)[][] {
  const out: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: (string | null)[] = new Array(columns).fill(null);
    for (let c = 0; c < columns; c++) {
      for (const rule of s.rules) {
        const g = rule.ranges.find((x) => r + 1 >= x.row && r + 1 < x.row + x.numRows && c + 1 >= x.column && c + 1 < x.column + x.numColumns);
        if (!g) continue;
        if (matches(s, rule, r, c, rule.ranges[0]) && rule.background) {
          line[c] = rule.background;
          break;
        }
      }
    }
    out.push(line);
  }
  return out;
}

export interface RenderedSheet {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** display values of the used area (lastRow x lastColumn) */
  display: string[][];
  formulas: string[][];
  backgrounds: (string | null)[][];
}

/** The used area of a tab as a person sees it. */
export function renderSheet(book: Workbook, name: string): RenderedSheet | null {
  const s = findSheet(book, name);
  if (!s) return null;
  let rows = 0;
  let cols = 0;
  s.values.forEach((row, r) => row && row.forEach((v, c) => {
    if (v !== '' && v !== null && v !== undefined) { rows = Math.max(rows, r + 1); cols = Math.max(cols, c + 1); }
  }));
  const grid = (f: (r: number, c: number) => string) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
  return {
    name: s.name,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    frozenRows: s.frozenRows,
    display: grid((r, c) => display(valueAt(s, r, c))),
    formulas: grid((r, c) => (s.formulas[r] && s.formulas[r][c]) || ''),
    backgrounds: backgrounds(s, rows, cols),
  };
}
