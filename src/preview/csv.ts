// "Download as CSV" of a tab: the values the grid shows, with text that a spreadsheet would run as a formula
// (leading = + - @, tab or carriage return) neutralised by a leading apostrophe.
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text; `raw` is the stored value (numbers are never neutralised), `shown` what the grid shows. */
export function csvCell(raw: unknown, shown: string): string {
  if (typeof raw === 'number' || typeof raw === 'boolean') return shown;
  return FORMULA_START.test(shown) ? `'${shown}` : shown;
}

/** The rows as CSV (RFC 4180 quoting, CRLF line ends as Sheets writes them); trailing blank rows and columns dropped. */
export function toCsv(raw: unknown[][], shown: string[][]): string {
  let last = shown.length;
  while (last > 0 && shown[last - 1].every((s) => s === '')) last--;
  let width = 0;
  for (let r = 0; r < last; r++) for (let c = shown[r].length; c > width; c--) if (shown[r][c - 1] !== '') width = c;
  const rows = shown.slice(0, last).map((line, r) => line.slice(0, width).map((s, c) => csvCell(raw[r]?.[c], s)));
  return Papa.unparse(rows, { newline: '\r\n' });
}
