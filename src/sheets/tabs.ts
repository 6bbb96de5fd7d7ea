// Which tab holds what: the sidebar's choice first, else the DESIGN.md name rules. Each tab is read with one getValues().
import { HISTORY_TAB } from '../core/history';
import { guessKind } from '../core/table';
import type { Cell, Settings, Source, TableKind } from '../core/types';

export const KINDS: TableKind[] = ['followers', 'orders', 'engagement', 'following'];

export interface TabSet {
  followers: GoogleAppsScript.Spreadsheet.Sheet | null;
  orders: GoogleAppsScript.Spreadsheet.Sheet[];
  engagement: GoogleAppsScript.Spreadsheet.Sheet[];
  following: GoogleAppsScript.Spreadsheet.Sheet[];
  /** every tab name, in order */
  names: string[];
  /** tab names chosen in the settings that no longer exist */
  missing: { kind: TableKind; name: string }[];
  /** the add-on's `Followback history` tab, when it exists */
  history?: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** each tab's name as read already: a custom function pays a second per Spreadsheet call */
  nameOf?: Map<GoogleAppsScript.Spreadsheet.Sheet, string>;
}

export function findTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): TabSet {
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const chosen = settings.tabs || {};
  const nameOf = new Map(sheets.map((s, i) => [s, names[i]]));
  const out: TabSet = { followers: null, orders: [], engagement: [], following: [], names, missing: [], nameOf };
  const byKind: Record<TableKind, GoogleAppsScript.Spreadsheet.Sheet[]> = { followers: [], orders: [], engagement: [], following: [] };
  const picked = new Set<number>();
  for (const kind of KINDS) {
    const want = chosen[kind];
    if (!want) continue;
    const i = names.findIndex((n) => n.toLowerCase() === want.toLowerCase());
    if (i < 0) out.missing.push({ kind, name: want });
    else {
      byKind[kind].push(sheets[i]);
      picked.add(i);
    }
  }
  names.forEach((name, i) => {
    const kind = guessKind(name);
    if (!kind || chosen[kind] || picked.has(i)) return;
    byKind[kind].push(sheets[i]);
  });
  out.followers = byKind.followers[0] || null;
  out.orders = byKind.orders;
  out.engagement = byKind.engagement;
  out.following = byKind.following;
  const h = names.findIndex((n) => n.toLowerCase() === HISTORY_TAB.toLowerCase());
  out.history = h >= 0 ? sheets[h] : null;
  return out;
}

/** The whole used area of a tab in one read ('' for blanks). */
export function readGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet): Cell[][] {
  const v = sheet.getDataRange().getValues() as Cell[][];
  // An empty sheet's data range is A1 alone.
  return v.length === 1 && v[0].length === 1 && v[0][0] === '' ? [] : v;
}

export function readSource(sheet: GoogleAppsScript.Spreadsheet.Sheet): Source {
  return { name: sheet.getName(), grid: readGrid(sheet) };
}

export function missingFollowersMessage(tabs: TabSet): string {
  const chosen = tabs.missing.find((m) => m.kind === 'followers');
  if (chosen) return `The Followers tab "${chosen.name}" chosen in the settings no longer exists. Pick a tab in the sidebar.`;
  return 'No Followers tab found. Add a tab named "Followers" with a column of handles (or profile links), or use Insert example data.';
}
