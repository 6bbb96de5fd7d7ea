// The add-on menu and the sidebar. onOpen may run in AuthMode.NONE, where only the menu may be built.
import { errorMessage } from './errors';

export const MENU_ITEMS: [string, string][] = [
  ['Score followers', 'scoreFollowers'],
  ['Open sidebar', 'showSidebar'],
  ['Insert example data', 'insertExampleData'],
  ['Clear scores and colours', 'clearScores'],
];

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [caption, fn] of MENU_ITEMS) menu.addItem(caption, fn);
  menu.addToUi();
}

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Followback');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Runs a menu action; a failure becomes one alert with a message the user can act on, not a stack trace. */
export function fromMenu<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch (e) {
    SpreadsheetApp.getUi().alert(`Followback: ${errorMessage(e)}`);
    return undefined;
  }
}

export function selectSheetRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number): void {
  const r = Math.floor(Number(row));
  if (!(r >= 1 && r <= sheet.getMaxRows())) throw new Error(`Row ${row} is not on the ${sheet.getName()} tab.`);
  sheet.activate();
  sheet.setActiveRange(sheet.getRange(r, 1, 1, sheet.getMaxColumns()));
}
