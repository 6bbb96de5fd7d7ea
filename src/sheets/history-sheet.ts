// The `Followback history` tab in the spreadsheet: created on first use, read whole, appended to in one block.
// Callers hold the document lock around an append, so two sidebars ticking at once lose no row.
import { HISTORY_HEADERS, HISTORY_TAB, type HistoryEntry, type HistoryRead, historyRow, readHistory } from '../core/history';
import { runs } from './layout';
import { readSource } from './tabs';

function historySheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheetByName(HISTORY_TAB);
}

/** The rows left on the history tab; no tab = no history. */
export function readHistoryTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): HistoryRead {
  const sheet = historySheet(ss);
  return sheet ? readHistory(readSource(sheet)) : { entries: [], problems: [] };
}

/** 0-based column of each history header on the tab's header row (found in the first 10 rows), by name in any case. */
function layoutOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): { headerRow: number; col: Partial<Record<string, number>>; width: number } | null {
  const rows = Math.min(10, sheet.getLastRow());
  const width = Math.max(1, sheet.getLastColumn());
  if (rows < 1) return null;
  const top = sheet.getRange(1, 1, rows, width).getValues();
  for (let r = 0; r < top.length; r++) {
    const col: Partial<Record<string, number>> = {};
    top[r].forEach((c, i) => {
      const h = HISTORY_HEADERS.find((name) => name.toLowerCase() === String(c ?? '').trim().toLowerCase());
      if (h && col[h] === undefined) col[h] = i;
    });
    if (col.Handle !== undefined && col.Action !== undefined) return { headerRow: r + 1, col, width };
  }
  return null;
}

/**
 * Appends entries below the last row of the tab (creating it with its header when missing), each value in the
 * column whose header names it: a user who moved columns gets the new rows in their layout, and a header they
 * deleted is added again to the right. Text columns are plain text first, so a handle or reason that starts with
 * `=` stays text. The user's own rows are not rewritten: a sort or filter they made stays as it is.
 */
export function appendHistory(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, entries: Omit<HistoryEntry, 'row'>[]): void {
  if (!entries.length) return;
  let sheet = historySheet(ss);
  if (!sheet) {
    sheet = ss.insertSheet(HISTORY_TAB);
    sheet.getRange(1, 1, 1, HISTORY_HEADERS.length).setValues([[...HISTORY_HEADERS]]);
    sheet.setFrozenRows(1);
  }
  const found = layoutOf(sheet);
  const col: Partial<Record<string, number>> = found ? { ...found.col } : {};
  const headerRow = found ? found.headerRow : sheet.getLastRow() + 1;
  let next = found ? found.width : 0;
  const added: string[] = [];
  for (const h of HISTORY_HEADERS) if (col[h] === undefined) (col[h] = next++), added.push(h);
  const width = next;
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (added.length) sheet.getRange(headerRow, col[added[0]]! + 1, 1, added.length).setValues([added]);
  const first = sheet.getLastRow() + 1;
  const need = first + entries.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  const cols = HISTORY_HEADERS.map((h) => col[h]!);
  const lo = Math.min(...cols);
  const hi = Math.max(...cols);
  // When stays a date and Score a number; the other columns are text the add-on wrote from user data.
  const text = HISTORY_HEADERS.filter((h) => h !== 'When' && h !== 'Score').map((h) => col[h]!);
  for (const [a, b] of runs(text)) sheet.getRange(first, a + 1, entries.length, b - a + 1).setNumberFormat('@');
  const block = entries.map((e) => {
    const line: unknown[] = new Array(hi - lo + 1).fill('');
    historyRow(e).forEach((v, k) => (line[cols[k] - lo] = v));
    return line;
  });
  sheet.getRange(first, lo + 1, entries.length, hi - lo + 1).setValues(block);
}
