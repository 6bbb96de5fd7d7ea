// What the sidebar shows before scoring: the tabs and columns found, row counts and problems to fix.
// Reads only each tab's first rows (for headers) and its last row number: cheap on a 50,000-row tab.
import { readContext } from '../core/engine';
import { readTable } from '../core/table';
import type { Cell, Settings, Source, TableKind } from '../core/types';
import { cleanText } from '../core/values';
import type { Status } from '../server/api';
import { errorMessage } from './errors';
import { findBlock, userGrid } from './layout';
import { KINDS, findTabs, missingFollowersMessage, readSource } from './tabs';

const HEAD_ROWS = 10;

function empty<T>(make: () => T): Record<TableKind, T> {
  return { followers: make(), orders: make(), engagement: make(), following: make() };
}

export function statusOf(settings: Settings): Status {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs = findTabs(ss, settings);
  const status: Status = {
    tabs: empty<string | null>(() => null),
    allTabs: tabs.names,
    columns: empty<Record<string, string>>(() => ({})),
    rows: empty(() => 0),
    headers: empty<string[]>(() => []),
    problems: [],
  };
  for (const m of tabs.missing) status.problems.push(`The ${m.kind} tab "${m.name}" chosen in the settings no longer exists.`);
  if (!tabs.followers) status.problems.push(missingFollowersMessage(tabs));
  for (const kind of KINDS) {
    const sheets = kind === 'followers' ? (tabs.followers ? [tabs.followers] : []) : tabs[kind];
    const sheet = sheets[0];
    if (!sheet) continue;
    const name = sheet.getName();
    status.tabs[kind] = name;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    if (lastRow === 0 || lastColumn === 0) {
      status.problems.push(`The ${name} tab is empty.`);
      continue;
    }
    let head = sheet.getRange(1, 1, Math.min(HEAD_ROWS, lastRow), lastColumn).getValues() as Cell[][];
    if (kind === 'followers') head = userGrid(head, findBlock(head));
    try {
      const table = readTable({ name, grid: head }, kind, settings.columnOverrides?.[kind]);
      status.rows[kind] = Math.max(0, lastRow - table.headerIndex - 1);
      status.headers![kind] = table.headers.filter(Boolean);
      for (const [field, col] of Object.entries(table.columns)) status.columns[kind][field] = table.headers[col] || '';
    } catch (e) {
      status.problems.push(errorMessage(e));
      status.headers![kind] = (head.find((r) => r.some((c) => c !== '')) || []).map((c) => cleanText(c)).filter(Boolean);
    }
  }
  if (tabs.orders.length) status.problems.push(...ordersProblems(tabs.orders, settings));
  return status;
}

/**
 * Orders tabs that hold no purchase (abandoned checkouts, sign-ups, a transactions export): named before scoring.
 * The first rows decide whether the whole tab is read: a tab whose first orders count costs no more calls.
 */
function ordersProblems(sheets: GoogleAppsScript.Spreadsheet.Sheet[], settings: Settings): string[] {
  const problems: string[] = [];
  const now = settings.now ?? Date.now();
  const noPurchases = (source: Source) => readContext({ orders: [source] }, settings, now).noPurchases ?? [];
  for (const sheet of sheets) {
    try {
      const rows = Math.min(HEAD_ROWS + 10, sheet.getLastRow());
      const columns = sheet.getLastColumn();
      if (rows === 0 || columns === 0) continue;
      const head = { name: sheet.getName(), grid: sheet.getRange(1, 1, rows, columns).getValues() as Cell[][] };
      if (noPurchases(head).length === 0) continue;
      problems.push(...(rows < sheet.getLastRow() ? noPurchases(readSource(sheet)) : noPurchases(head)));
    } catch {
      // a tab that cannot be read is reported above
    }
  }
  return problems;
}
