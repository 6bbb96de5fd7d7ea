// The `Followback history` tab in the spreadsheet: created on first use, read whole, appended to in one block.
// Callers hold the document lock around an append, so two sidebars ticking at once lose no row.
import { HISTORY_HEADERS, HISTORY_TAB, type HistoryEntry, type HistoryRead, historyRow, readHistory } from '../core/history';
import { readSource } from './tabs';

function historySheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheetByName(HISTORY_TAB);
}

/** The rows left on the history tab; no tab = no history. */
export function readHistoryTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): HistoryRead {
  const sheet = historySheet(ss);
  return sheet ? readHistory(readSource(sheet)) : { entries: [], problems: [] };
}

/**
 * Appends entries below the last row of the tab (creating it with its header when missing). Text columns are
 * plain text first, so a handle or reason that starts with `=` stays text. The user's own rows are not read back
 * or rewritten: a sort or filter they made stays as it is.
 */
export function appendHistory(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, entries: Omit<HistoryEntry, 'row'>[]): void {
  if (!entries.length) return;
  let sheet = historySheet(ss);
  if (!sheet) {
    sheet = ss.insertSheet(HISTORY_TAB);
    sheet.getRange(1, 1, 1, HISTORY_HEADERS.length).setValues([[...HISTORY_HEADERS]]);
    sheet.setFrozenRows(1);
  }
  const first = sheet.getLastRow() + 1;
  const width = HISTORY_HEADERS.length;
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const need = first + entries.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  const block = sheet.getRange(first, 1, entries.length, width);
  // When stays a date and Score a number; the other columns are text the add-on wrote from user data.
  sheet.getRange(first, 2, entries.length, 3).setNumberFormat('@');
  sheet.getRange(first, 6, entries.length, 2).setNumberFormat('@');
  block.setValues(entries.map(historyRow));
}
