// Clear scores and colours: gives each scored tab back as it was — the add-on's rules removed, the columns it
// inserted deleted, the rest of its block emptied and its number formats restored.
import { OUTPUT_HEADERS } from '../core/types';
import { removeColours } from './colours';
import { KEYS, OutputState, outputSheetIds, readJson, remove } from './document-state';
import { TEXT_COLUMNS } from './layout';
import { withDocumentLock } from './lock';
import { loadSettings } from './settings-store';
import { findTabs } from './tabs';

const WIDTH = OUTPUT_HEADERS.length;

function restore(sheet: GoogleAppsScript.Spreadsheet.Sheet, st: OutputState): void {
  const maxColumns = sheet.getMaxColumns();
  const maxRows = sheet.getMaxRows();
  const kept = WIDTH - st.inserted;
  if (st.inserted > 0 && st.column + WIDTH - 1 <= maxColumns) sheet.deleteColumns(st.column + kept, st.inserted);
  if (kept <= 0 || st.column > maxColumns) return;
  const width = Math.min(kept, maxColumns - st.column + 1);
  const lastRow = Math.min(st.lastRow, maxRows);
  const firstValueRow = st.hadHeaders ? st.headerRow + 1 : st.headerRow;
  if (lastRow >= firstValueRow) sheet.getRange(firstValueRow, st.column, lastRow - firstValueRow + 1, width).clearContent();
  if (lastRow < st.headerRow) return;
  for (const k of TEXT_COLUMNS) {
    if (k >= width) continue;
    const range = sheet.getRange(st.headerRow, st.column + k, lastRow - st.headerRow + 1, 1);
    const before = st.formats[k];
    if (before) range.setNumberFormat(before);
    else range.clearFormat();
  }
}

/** Returns how many tabs were cleared. */
export function clearAll(): number {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    let cleared = 0;
    const done = new Set<number>();
    for (const id of outputSheetIds()) {
      const st = readJson<OutputState>(KEYS.output(id));
      const sheet = ss.getSheetById(id);
      if (sheet) {
        removeColours(sheet);
        if (st) restore(sheet, st);
        cleared++;
        done.add(id);
      }
      remove(KEYS.output(id));
    }
    // Rules of ours on a Followers tab without recorded state (e.g. properties cleared by hand).
    const followers = findTabs(ss, loadSettings()).followers;
    if (followers && !done.has(followers.getSheetId()) && removeColours(followers)) cleared++;
    remove(KEYS.run);
    ss.toast(cleared ? 'Cleared Followback\'s scores and colours.' : 'There were no Followback scores to clear.', 'Followback', 5);
    return cleared;
  });
}
