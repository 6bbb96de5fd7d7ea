// A1 notation <-> 1-based grid coordinates, as Sheets writes them.

export interface GridRange {
  /** 1-based first row */
  row: number;
  /** 1-based first column */
  column: number;
  numRows: number;
  numColumns: number;
  /** Whole columns (`D:F`, no rows given) or whole rows (`5:7`): getA1Notation() writes them back so, as Sheets does. */
  open?: { rows?: boolean; columns?: boolean };
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" → 1, "AA" → 27; 0 when not letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) return 0;
    n = n * 26 + (c - 64);
  }
  return n;
}

export function toA1(r: GridRange): string {
  if (r.open?.rows) return `${columnLetter(r.column)}:${columnLetter(r.column + r.numColumns - 1)}`;
  if (r.open?.columns) return `${r.row}:${r.row + r.numRows - 1}`;
  const start = `${columnLetter(r.column)}${r.row}`;
  if (r.numRows === 1 && r.numColumns === 1) return start;
  return `${start}:${columnLetter(r.column + r.numColumns - 1)}${r.row + r.numRows - 1}`;
}

/**
 * Parses "B2", "A1:C10", "A:C" (whole columns) and "2:5" (whole rows) against a grid of maxRows x maxColumns.
 * Returns null when the text is not A1 notation.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRange | null {
  const text = a1.replace(/\$/g, '').trim().toUpperCase();
  const parts = text.split(':');
  if (parts.length > 2) return null;
  const cells = parts.map((p) => /^([A-Z]*)(\d*)$/.exec(p));
  if (cells.some((m) => !m || (!m[1] && !m[2]))) return null;
  const [a, b = a] = cells as RegExpExecArray[];
  const col1 = a[1] ? columnNumber(a[1]) : 1;
  const row1 = a[2] ? Number(a[2]) : 1;
  const col2 = b[1] ? columnNumber(b[1]) : maxColumns;
  const row2 = b[2] ? Number(b[2]) : maxRows;
  if (parts.length === 1 && (!a[1] || !a[2])) return null;
  const row = Math.min(row1, row2);
  const column = Math.min(col1, col2);
  const g: GridRange = { row, column, numRows: Math.abs(row2 - row1) + 1, numColumns: Math.abs(col2 - col1) + 1 };
  if (!a[2] && !b[2]) g.open = { rows: true };
  else if (!a[1] && !b[1]) g.open = { columns: true };
  return g;
}
