// The sidebar's ticks on today's queue: Followed (appended to the Following tab), Not now, Never suggest, Mark all,
// and Undo, each recorded in the `Followback history` tab under the document lock, then today's queue planned again.
import { dayKey, standingEntries, listOf, type HistoryEntry } from '../core/history';
import { isPlatform } from '../core/platforms';
import { TICK_ACTIONS, type TickAction } from '../core/routine';
import { readFollowers, readTable } from '../core/table';
import { OUTPUT_HEADERS, type Cell, type Platform, type Settings } from '../core/types';
import { normalizeHandle } from '../core/values';
import type { Report, TickItem } from '../server/api';
import { KEYS, type OutputState, readJson } from './document-state';
import { UserError } from './errors';
import { appendHistory, readHistoryTab } from './history-sheet';
import { QUEUE_COLUMN, findBlock } from './layout';
import { withDocumentLock } from './lock';
import { writeColumn } from './output';
import { reportFromGrid, rowFromCells } from './report';
import { findTabs, readGrid, type TabSet } from './tabs';
import { routineNow } from './workbook-input';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Per call: "Mark all" sends today's list, which the daily pace keeps far below this. */
export const MAX_TICKS = 1000;
export const FOLLOWING_HEADERS = ['Handle', 'Followed on', 'Platform'];

/** The ticked handles, normalised, each once; bad input is refused by name. */
function handlesOf(items: unknown): string[] {
  if (!Array.isArray(items)) throw new UserError('Ticks: expected a list of accounts.');
  if (items.length > MAX_TICKS) throw new UserError(`Ticks: at most ${MAX_TICKS} accounts at once (got ${items.length}).`);
  const out: string[] = [];
  for (const it of items) {
    const raw = it && typeof it === 'object' ? (it as Partial<TickItem>).handle : undefined;
    const h = typeof raw === 'string' ? normalizeHandle(raw.slice(0, 300)) : '';
    if (h && !out.includes(h)) out.push(h);
  }
  if (!out.length) throw new UserError('Ticks: no account handle given; nothing was recorded.');
  return out;
}

interface RowFacts {
  score?: number;
  recommendation?: string;
  reason?: string;
  platform: Platform;
}

/** Score, recommendation, first reason and platform of each handle as the Followers tab holds them now. */
function factsOf(tabs: TabSet, grid: Cell[][], settings: Settings, handles: string[]): Map<string, RowFacts> {
  const out = new Map<string, RowFacts>();
  const sheet = tabs.followers;
  const block = findBlock(grid);
  if (sheet && block) {
    const table = readTable({ name: sheet.getName(), grid: grid.map((r) => r.slice(0, block.columnIndex)) }, 'followers', settings.columnOverrides?.followers);
    const wanted = new Set(handles);
    readFollowers(table).forEach((f, i) => {
      if (!wanted.has(f.handle) || out.has(f.handle)) return;
      const r = rowFromCells((grid[table.headerIndex + 1 + i] || []).slice(block.columnIndex, block.columnIndex + OUTPUT_HEADERS.length));
      const own = (f.platform || '').toLowerCase();
      out.set(f.handle, {
        score: r?.score,
        recommendation: r?.recommendation,
        reason: r ? r.reasons.split('; ')[0] || undefined : undefined,
        platform: isPlatform(own) ? own : settings.platform,
      });
    });
  }
  for (const h of handles) if (!out.has(h)) out.set(h, { platform: settings.platform });
  return out;
}

/** Writes `rows` below the tab's last row, in one block over the columns given (0-based), as plain text. */
function appendBlock(sheet: Sheet, cols: number[], rows: string[][]): void {
  const first = sheet.getLastRow() + 1;
  const width = Math.max(...cols) + 1;
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const need = first + rows.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  const lo = Math.min(...cols);
  const block = rows.map((r) => {
    const line: string[] = new Array(width - lo).fill('');
    cols.forEach((c, k) => (line[c - lo] = r[k]));
    return line;
  });
  const range = sheet.getRange(first, lo + 1, rows.length, width - lo);
  range.setNumberFormat('@');
  range.setValues(block);
}

/**
 * Appends the handles not yet on the Following tab: created with `Handle, Followed on, Platform` when missing or empty;
 * a tab in another layout gets each value in its own column (handle, else the profile URL; date and platform where it
 * has such columns). Throws, naming the tab, when it has neither a handle nor a profile URL column.
 */
function appendFollowing(ss: Spreadsheet, tabs: TabSet, settings: Settings, handles: string[], facts: Map<string, RowFacts>, day: string): void {
  const chosen = settings.tabs?.following;
  let sheet = tabs.following[0] || (chosen ? ss.getSheetByName(chosen) : null) || ss.getSheetByName('Following');
  const row = (h: string) => [h, day, facts.get(h)!.platform];
  if (!sheet || sheet.getLastRow() === 0) {
    if (!sheet) sheet = ss.insertSheet(chosen || 'Following');
    appendBlock(sheet, [0, 1, 2], [FOLLOWING_HEADERS, ...handles.map(row)]);
    sheet.setFrozenRows(1);
    return;
  }
  const name = sheet.getName();
  const grid = readGrid(sheet);
  let table;
  try {
    table = readTable({ name, grid }, 'following', settings.columnOverrides?.following);
  } catch {
    throw new UserError(`The "${name}" tab has no Handle or Profile URL column, so Followback cannot add to it. Add a "Handle" header (or pick the column under Tabs and columns) and tick again; nothing was recorded.`);
  }
  const c = table.columns;
  const known = new Set<string>();
  for (const r of grid.slice(table.headerIndex + 1)) {
    for (const col of [c.handle, c.url]) if (col !== undefined && normalizeHandle(r[col] as Cell)) known.add(normalizeHandle(r[col] as Cell));
  }
  const fresh = handles.filter((h) => !known.has(h));
  if (!fresh.length) return;
  const cols: number[] = [];
  const values: ((h: string) => string)[] = [];
  // A tab with profile URLs but no handle column gets the handle in its URL column: read back, it is the same
  // account (normalizeHandle), and Code.js builds no URL (the sidebar alone makes profile links).
  cols.push(c.handle !== undefined ? c.handle : c.url);
  values.push((h) => h);
  if (c.date !== undefined && !cols.includes(c.date)) {
    cols.push(c.date);
    values.push(() => day);
  }
  if (c.platform !== undefined && !cols.includes(c.platform)) {
    cols.push(c.platform);
    values.push((h) => facts.get(h)!.platform);
  }
  appendBlock(sheet, cols, fresh.map((h) => values.map((v) => v(h))));
}

/**
 * Plans today's queue again from the scores on the Followers tab (`grid`, read once per call: a tick does not change
 * it) and rewrites the Follow queue column when it changed.
 */
function refreshedReport(tabs: TabSet, grid: Cell[][], settings: Settings, now: number): Report {
  const sheet = tabs.followers;
  const block = findBlock(grid);
  const report = sheet && block ? reportFromGrid(sheet.getName(), grid, block.columnIndex, settings, routineNow(tabs, settings, now)) : null;
  if (!sheet || !block || !report) throw new UserError('Recorded in the Followback history tab, but the Followers tab has no scores any more: press Score followers to plan today’s queue.');
  const headerRow = block.headerIndex + 1;
  const rows = grid.slice(headerRow, headerRow + grid.length);
  const queueAt = block.columnIndex + QUEUE_COLUMN;
  const next = new Map(report.queue.map((q) => [q.row, q.queue]));
  const values: Cell[] = rows.map((_, i) => next.get(headerRow + 1 + i) ?? '');
  const changed = rows.some((r, i) => String(r[queueAt] ?? '') !== String(values[i]));
  if (changed) {
    const state = readJson<OutputState>(KEYS.output(sheet.getSheetId())) as OutputState;
    writeColumn({ sheet, column: block.columnIndex + 1, headerRow, state }, QUEUE_COLUMN, values);
  }
  return report;
}

function clock(settings: Settings): number {
  return settings.now ?? Date.now();
}

/** Records one tick action for these accounts (Followed also appends them to the Following tab). */
export function recordTicks(action: TickAction, items: unknown, settings: Settings): Report {
  if (!(TICK_ACTIONS as readonly string[]).includes(action)) throw new UserError(`Ticks: unknown action "${String(action)}".`);
  const handles = handlesOf(items);
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const tabs = findTabs(ss, settings);
    const now = clock(settings);
    const grid = tabs.followers ? readGrid(tabs.followers) : [];
    const facts = factsOf(tabs, grid, settings, handles);
    // A tab created on first use would become the active one (insertSheet activates it): the user stays where they were.
    const active = ss.getActiveSheet();
    if (action === 'followed') appendFollowing(ss, tabs, settings, handles, facts, dayKey(now, ss.getSpreadsheetTimeZone()));
    const entries = handles.map((handle) => {
      const f = facts.get(handle)!;
      return { when: now, handle, platform: f.platform, action, score: f.score, recommendation: f.recommendation || 'Follow back', reason: f.reason };
    });
    appendHistory(ss, entries);
    if (ss.getActiveSheet().getName() !== active.getName()) ss.setActiveSheet(active);
    // Found again: the Following and history tabs may have just been created.
    return refreshedReport(findTabs(ss, settings), grid, settings, now);
  });
}

/**
 * Takes back the last tick: an `undone` row for each of its handles whose latest follow-queue action is still that one
 * (another sidebar's later tick is left alone). The Following row a `followed` appended stays: the add-on never deletes
 * a row, and the history's `undone` makes the next scoring treat the account as not followed.
 */
export function undoTicks(last: unknown, settings: Settings): Report {
  const o = (last && typeof last === 'object' ? last : {}) as { action?: unknown; handles?: unknown };
  const action = String(o.action ?? '') as TickAction;
  if (!(TICK_ACTIONS as readonly string[]).includes(action)) throw new UserError('Undo: nothing to undo.');
  const handles = handlesOf(Array.isArray(o.handles) ? o.handles.map((handle) => ({ handle })) : []);
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const now = clock(settings);
    const latest = new Map<string, HistoryEntry>();
    for (const e of standingEntries(readHistoryTab(ss).entries)) if (listOf(e) === 'follow') latest.set(e.handle, e);
    const undo = handles.map((h) => latest.get(h)).filter((e): e is HistoryEntry => !!e && e.action === action);
    if (!undo.length) throw new UserError('Nothing to undo: those ticks were already taken back (or the history rows were deleted).');
    appendHistory(
      ss,
      undo.map((e) => ({ when: Math.max(now, e.when + 1), handle: e.handle, platform: e.platform, action: 'undone' as const, score: e.score, recommendation: e.recommendation, reason: e.reason })),
    );
    const tabs = findTabs(ss, settings);
    return refreshedReport(tabs, tabs.followers ? readGrid(tabs.followers) : [], settings, now);
  });
}
