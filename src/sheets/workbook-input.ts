// The spreadsheet as the engine's input: each tab read once, the Followers tab without the add-on's own columns.
import type { WorkbookInput } from '../core/engine';
import { HISTORY_TAB } from '../core/history';
import type { Cell, Settings, Source } from '../core/types';
import { UserError } from './errors';
import { Block, findBlock, userGrid } from './layout';
import { TabSet, findTabs, missingFollowersMessage, readGrid, readSource } from './tabs';

export interface LoadedWorkbook {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  tabs: TabSet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** the Followers tab as read, output columns included */
  grid: Cell[][];
  block: Block | null;
  /** 1-based last column of the user's own data */
  userColumns: number;
  input: WorkbookInput;
}

export function otherSources(tabs: TabSet): { orders: Source[]; engagement: Source[]; following: Source[]; history: Source[] } {
  return {
    orders: tabs.orders.map(readSource),
    engagement: tabs.engagement.map(readSource),
    following: tabs.following.map(readSource),
    history: historySources(),
  };
}

/** The Followback history tab, when there is one: an `unfollowed` there means not followed any more. */
function historySources(): Source[] {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(HISTORY_TAB);
  return sheet ? [readSource(sheet)] : [];
}

/** Reads the Followers tab (throws UserError when there is none) and, unless `followersOnly`, the other tabs. */
export function loadWorkbook(settings: Settings, followersOnly = false): LoadedWorkbook {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs = findTabs(ss, settings);
  const sheet = tabs.followers;
  if (!sheet) throw new UserError(missingFollowersMessage(tabs));
  const grid = readGrid(sheet);
  const block = findBlock(grid);
  const mine = userGrid(grid, block);
  // The data range is as wide as the last column holding a value or a formula: nothing of the user's is to its right.
  const userColumns = block ? block.columnIndex : grid.length ? grid[0].length : 0;
  const followers: Source = { name: sheet.getName(), grid: mine };
  const input: WorkbookInput = followersOnly ? { followers } : { followers, ...otherSources(tabs) };
  return { ss, tabs, sheet, grid, block, userColumns, input };
}
