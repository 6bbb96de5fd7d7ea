// A1 notation, shared by the preview page (column letters, name box) and the preview server (formula arguments,
// selections, conditional-format ranges). Rows and columns are 1-based, as in Sheets.

import { columnLetter, columnNumber } from '../emulator/a1';

export { columnLetter, columnNumber };

/** A rectangle; an absent end means "to the edge of the sheet" (A2:A, 3:3, A:A). */
export interface A1Range {
  sheet?: string;
  row: number;
  column: number;
  /** inclusive; undefined = open-ended (last row of the sheet) */
  lastRow?: number;
  /** inclusive; undefined = open-ended (last column of the sheet) */
  lastColumn?: number;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/;

function splitSheet(ref: string): { sheet?: string; body: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { body: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, body: ref.slice(bang + 1) };
}

/** Parses "A2", "A2:A", "B2:D10", "A:A", "2:5", "'My tab'!A2:A"; null when it is not a reference. */
export function parseA1(ref: string): A1Range | null {
  const { sheet, body } = splitSheet(ref.trim());
  const [a, b, extra] = body.split(':');
  if (extra !== undefined || !a) return null;
  const m1 = CELL.exec(a);
  if (!m1 || (!m1[1] && !m1[2])) return null;
  if (b === undefined) {
    if (!m1[1] || !m1[2]) return null; // a single cell needs both a column and a row
    const row = Number(m1[2]);
    const column = columnNumber(m1[1]);
    if (row < 1) return null;
    return { sheet, row, column, lastRow: row, lastColumn: column };
  }
  const m2 = CELL.exec(b);
  if (!m2 || (!m2[1] && !m2[2])) return null;
  const row = m1[2] ? Number(m1[2]) : 1;
  const column = m1[1] ? columnNumber(m1[1]) : 1;
  // A2:A and A:A are open at the bottom; 2:5 is open on the right.
  const lastRow = m2[2] ? Number(m2[2]) : undefined;
  const lastColumn = m2[1] ? columnNumber(m2[1]) : undefined;
  if (row < 1 || (lastRow !== undefined && lastRow < row) || (lastColumn !== undefined && lastColumn < column)) return null;
  if (!m1[1] && m2[1]) return null; // "2:B" is not a range
  return { sheet, row, column, lastRow, lastColumn };
}

/** "B3", or "B3:D9" for a rectangle. */
export function toA1(row: number, column: number, lastRow = row, lastColumn = column): string {
  const start = `${columnLetter(column)}${row}`;
  return lastRow === row && lastColumn === column ? start : `${start}:${columnLetter(lastColumn)}${lastRow}`;
}
