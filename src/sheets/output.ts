// Writing the nine output columns: placed once (inserting grid columns only when the sheet is too narrow), text
// columns set to plain text before any value is written, every row in one setValues() block.
import { OUTPUT_HEADERS, type Cell } from '../core/types';
import { KEYS, OutputState, readJson, writeJson } from './document-state';
import { Block, TEXT_COLUMNS, runs } from './layout';
import { UserError, errorMessage } from './errors';
import { MAX_CELL_CHARS, fitCell } from './limits';

const WIDTH = OUTPUT_HEADERS.length;
const AUTOMATIC = '0.###############';

export interface Placement {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** 1-based first output column */
  column: number;
  /** 1-based header row */
  headerRow: number;
  state: OutputState;
}

/**
 * Finds or creates the output block for a table whose header is on 0-based row `headerIndex` and which has
 * `dataRows` rows below it; the headers are written and the text columns formatted as plain text.
 * `usedColumns` = the user's columns (1-based last column with content left of the block).
 */
export function placeOutput(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  found: Block | null,
  headerIndex: number,
  usedColumns: number,
  dataRows: number,
): Placement {
  const sheetId = sheet.getSheetId();
  const headerRow = headerIndex + 1;
  const lastRow = headerRow + dataRows;
  let state = readJson<OutputState>(KEYS.output(sheetId));
  const column = found ? found.columnIndex + 1 : usedColumns + 1;
  // Our block moved with the user's column edits: same columns, same things to undo.
  if (state && found) state.column = column;
  // Our block is gone (its columns deleted): start over.
  if (state && state.column !== column) state = null;
  if (!state) {
    let inserted = 0;
    const maxColumns = sheet.getMaxColumns();
    const need = column + WIDTH - 1 - maxColumns;
    if (need > 0) {
      try {
        sheet.insertColumnsAfter(maxColumns, need);
      } catch (e) {
        if (!/limit of \d+ cells/.test(errorMessage(e))) throw e;
        throw new UserError(
          `this spreadsheet is at Google Sheets' limit of 10 million cells: the ${sheet.getName()} tab needs ${need} more column${need > 1 ? 's' : ''} ` +
            `(${(need * sheet.getMaxRows()).toLocaleString('en-US')} cells) for the scores. Delete unused rows, columns or tabs and try again.`,
        );
      }
      inserted = need;
    }
    // What Clear gives back: each column's format before the first run, when the column had one format.
    const before = sheet.getRange(headerRow, column, lastRow - headerRow + 1, WIDTH - inserted || 1).getNumberFormats();
    const formats: (string | null)[] = OUTPUT_HEADERS.map((_, k) => {
      if (k >= WIDTH - inserted) return null;
      const first = before[0][k];
      const uniform = before.every((row) => row[k] === first);
      return uniform && first !== AUTOMATIC ? first : null;
    });
    state = { sheetId, column, inserted, headerRow, hadHeaders: !!found, lastRow, formats };
  }
  state.headerRow = headerRow;
  state.lastRow = Math.max(state.lastRow, lastRow);
  writeJson(KEYS.output(sheetId), state);
  for (const [a, b] of runs(TEXT_COLUMNS)) {
    sheet.getRange(headerRow, column + a, lastRow - headerRow + 1, b - a + 1).setNumberFormat('@');
  }
  return { sheet, column, headerRow, state };
}

/** Writes the headers and `rows` (nine cells each) below them, starting at data row `start` (0-based). */
export function writeRows(p: Placement, rows: Cell[][], start = 0, withHeaders = true): void {
  // A reason quoting a 50,000-character name must not sink the whole write.
  const fitted = rows.map((r) => (r.some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS) ? r.map(fitCell) : r));
  const block = withHeaders && start === 0 ? [OUTPUT_HEADERS.slice() as Cell[], ...fitted] : fitted;
  if (!block.length) return;
  const first = withHeaders && start === 0 ? p.headerRow : p.headerRow + 1 + start;
  p.sheet.getRange(first, p.column, block.length, WIDTH).setValues(block);
}

/** Writes one column of the block (0-based offset) for data rows [0, values.length). */
export function writeColumn(p: Placement, offset: number, values: Cell[]): void {
  if (!values.length) return;
  p.sheet.getRange(p.headerRow + 1, p.column + offset, values.length, 1).setValues(values.map((v) => [v]));
}
