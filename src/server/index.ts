// The only file whose exports become Apps Script globals (scripts/build.mjs copies each export's JSDoc).
// Each export only delegates: the logic lives in src/sheets. Top-level code must do no work.
import type { Settings } from '../core/types';
import { clearAll } from '../sheets/clear';
import { CellOutput, botRisk, byHandle } from '../sheets/custom-functions';
import { insertExamples } from '../sheets/example-data';
import { markRoomAction, markThanksAction, roomReport, thanksReport } from '../sheets/lists';
import { importRows as importIntoSheet } from '../sheets/import-sheet';
import { withDocumentLock } from '../sheets/lock';
import { buildMenu, fromMenu, openSidebar } from '../sheets/menu';
import { currentReport, selectFollowerRow } from '../sheets/report';
import { beginRun, finishRun, scoreAll, scoreRunChunk } from '../sheets/scoring';
import { loadSettings, saveSettings as storeSettings } from '../sheets/settings-store';
import { recordTicks, undoTicks } from '../sheets/routine';
import { statusOf } from '../sheets/status';
import type { ChunkResult, FieldError, ImportSummary, ImportedRow, Report, RoomAction, RoomReport, ScoringPlan, Status, ThanksAction, ThanksReport, TickAction, TickItem } from './api';

/**
 * Adds the Followback menu. Safe in AuthMode.NONE: it builds the menu and touches nothing else.
 * @param {Object} e the open event
 */
export function onOpen(e: unknown): void {
  void e;
  buildMenu();
}

/**
 * Runs when the add-on is installed: adds the menu.
 * @param {Object} e the install event
 */
export function onInstall(e: unknown): void {
  onOpen(e);
}

/** Menu: scores every follower on the Followers tab, writes the nine output columns and colours the rows. */
export function scoreFollowers(): void {
  fromMenu(scoreAll);
}

/** Menu: opens the Followback sidebar. */
export function showSidebar(): void {
  openSidebar();
}

/** Menu: adds example Followers, Orders and Engagement tabs (never overwrites a tab). */
export function insertExampleData(): void {
  fromMenu(() => insertExamples());
}

/**
 * Menu and sidebar: removes the scores and colours and gives the tab back as it was. A failure is thrown (not
 * alerted) so that the sidebar hears of it; from the menu, Sheets shows the message.
 */
export function clearScores(): void {
  clearAll();
}

/** Sidebar: the tabs and columns found, row counts and problems. */
export function getStatus(): Status {
  return statusOf(loadSettings());
}

/** Sidebar: the settings stored in this spreadsheet (defaults when none). */
export function getSettings(): Settings {
  return loadSettings();
}

/**
 * Sidebar: validates and stores the settings; nothing is stored when a field is invalid.
 * @param {Object} settings the settings from the form
 */
export function saveSettings(settings: unknown): { settings: Settings; errors: FieldError[] } {
  return withDocumentLock(() => storeSettings(settings));
}

/** Sidebar: starts a chunked scoring run; returns the row count and the chunk size. */
export function beginScoring(): ScoringPlan {
  return beginRun();
}

/**
 * Sidebar: scores and writes data rows [start, start + count) of the Followers tab.
 * @param {number} start first data row, 0-based
 * @param {number} count how many rows
 */
export function scoreChunk(start: number, count: number): ChunkResult {
  return scoreRunChunk(start, count);
}

/** Sidebar: assigns today's follow queue, colours the rows and returns the report. */
export function finishScoring(): Report {
  return finishRun();
}

/** Sidebar: the report of the last scoring, read from the sheet; null when the tab has no scores. */
export function getReport(): Report | null {
  return currentReport(loadSettings());
}

/**
 * Sidebar: selects a row of the Followers tab.
 * @param {number} row 1-based sheet row
 */
export function selectRow(row: number): void {
  selectFollowerRow(loadSettings(), row);
}

/**
 * Sidebar: appends imported follower or following rows (new handles only) to their tab.
 * @param {string} kind 'followers' or 'following'
 * @param {Object[]} rows the imported rows
 */
export function importRows(kind: 'followers' | 'following', rows: ImportedRow[]): ImportSummary {
  const settings = loadSettings();
  return withDocumentLock(() =>
    importIntoSheet(kind, rows, { tabName: settings.tabs?.[kind], overrides: settings.columnOverrides?.[kind] }),
  );
}

/** Sidebar: the Say thanks list (mentions, tags, shares and comments of the last days; customers first). */
export function getThanksList(): ThanksReport {
  return thanksReport();
}

/**
 * Sidebar: records Done (`thanked`) or `not now` in the Followback history; returns the list again.
 * @param {string} handle the account, as the list gave it
 * @param {string} action 'thanked' or 'not now'
 */
export function markThanks(handle: string, action: ThanksAction): ThanksReport {
  return markThanksAction(handle, action);
}

/** Sidebar: the Make room list (accounts to unfollow today, weakest first, at a safe pace). */
export function getMakeRoomList(): RoomReport {
  return roomReport();
}

/**
 * Sidebar: records `unfollowed` or `keep` in the Followback history (the Following tab is not changed).
 * @param {string} handle the account, as the list gave it
 * @param {string} action 'unfollowed' or 'keep'
 */
export function markMakeRoom(handle: string, action: RoomAction): RoomReport {
  return markRoomAction(handle, action);
}

/**
 * Sidebar: ticks accounts of today's queue as followed: appended to the Following tab (new handles only) and the
 * history; returns today's queue planned again.
 * @param {Object[]} items the accounts ({handle})
 */
export function tickFollowed(items: TickItem[]): Report {
  return recordTicks('followed', items, loadSettings());
}

/**
 * Sidebar: "Not now": keeps the accounts out of the queue for the set number of days (recorded in the history).
 * @param {Object[]} items the accounts ({handle})
 */
export function tickNotNow(items: TickItem[]): Report {
  return recordTicks('not now', items, loadSettings());
}

/**
 * Sidebar: "Never suggest": keeps the accounts out of the queue for good (recorded in the history).
 * @param {Object[]} items the accounts ({handle})
 */
export function tickNever(items: TickItem[]): Report {
  return recordTicks('never', items, loadSettings());
}

/**
 * Sidebar: "Mark all of today's as followed", in one history time so that one Undo takes them all back.
 * @param {Object[]} items today's queue ({handle})
 */
export function markAllFollowed(items: TickItem[]): Report {
  return recordTicks('followed', items, loadSettings());
}

/**
 * Sidebar: takes back the last tick (an `undone` row in the history for each of its accounts).
 * @param {Object} last the action and its handles, as the report's summary.last gives them
 */
export function undoLastTick(last: { action: TickAction; handles: string[] }): Report {
  return undoTicks(last, loadSettings());
}

/**
 * The Followback score (0-100) of each handle: customers first, then engaged people, never bots.
 * @param {string} handles a handle, a profile link, or a range of them
 * @return the score of each handle, in the same shape
 * @customfunction
 */
export function FOLLOWBACK_SCORE(handles: unknown): CellOutput {
  return byHandle(handles, (r) => r.score);
}

/**
 * The recommendation for each handle: Follow back, Consider, Skip, Likely bot or Already following.
 * @param {string} handles a handle, a profile link, or a range of them
 * @return the recommendation of each handle, in the same shape
 * @customfunction
 */
export function FOLLOWBACK_RECOMMENDATION(handles: unknown): CellOutput {
  return byHandle(handles, (r) => r.recommendation);
}

/**
 * Why each handle got its score, in plain language, most important first.
 * @param {string} handles a handle, a profile link, or a range of them
 * @return the reasons for each handle, in the same shape
 * @customfunction
 */
export function FOLLOWBACK_REASONS(handles: unknown): CellOutput {
  return byHandle(handles, (r) => r.reasons);
}

/**
 * Who each handle is in the Orders tab, e.g. "Jane Doe · jane@example.com · 3 orders · $240.00"; "Possible: …" for an
 * unsure match; empty when none. Include the Orders range as an extra argument to recompute when orders change.
 * @param {string} handles a handle, a profile link, or a range of them
 * @return the matched customer of each handle, in the same shape
 * @customfunction
 */
export function CUSTOMER_MATCH(handles: unknown): CellOutput {
  return byHandle(handles, (r) => r.customer, true);
}

/**
 * The estimated chance, in percent (0-100), that an account is a bot, spam or fake. Needs no tabs.
 * @param {number} followers the account's follower count (a value or a range)
 * @param {number} following how many accounts it follows
 * @param {number} posts its number of posts (optional)
 * @param {boolean} has_profile_pic whether it has a profile picture: yes/no, TRUE/FALSE (optional)
 * @param {string} bio its bio text (optional)
 * @param {string} handle its handle (optional)
 * @return the bot risk of each account, in the shape of the ranges given
 * @customfunction
 */
export function BOT_RISK(followers: unknown, following: unknown, posts?: unknown, has_profile_pic?: unknown, bio?: unknown, handle?: unknown): CellOutput {
  const args = [followers, following, posts, has_profile_pic, bio, handle];
  // Sheets passes omitted trailing arguments as undefined: they stay unknown, not "empty".
  while (args.length && args[args.length - 1] === undefined) args.pop();
  return botRisk(args);
}

