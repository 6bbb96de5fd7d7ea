// Scoring the Followers tab: all at once from the menu, or in chunks from the sidebar (each call well under
// Apps Script's limits). Reads each tab once, writes each block once, under the document lock.
import { assignQueue, prepare, prepareRead, scoreRows, scoreWorkbook, settleRows, toCells, validateSettings } from '../core/engine';
import { fullNameCounts } from '../core/match';
import { readFollowers, readTable } from '../core/table';
import { OUTPUT_HEADERS, type Cell, type Follower, type ResultRow, type Settings, type Table } from '../core/types';
import type { ChunkResult, Report, ScoringPlan } from '../server/api';
import { applyColours } from './colours';
import { contextFor } from './context-cache';
import { KEYS, OutputState, RunState, readJson, remove, writeJson } from './document-state';
import { UserError, errorMessage } from './errors';
import { utf8Bytes } from './limits';
import { QUEUE_COLUMN } from './layout';
import { BUSY_MESSAGE, withDocumentLock } from './lock';
import { Placement, placeOutput, writeColumn, writeRows } from './output';
import { buildReport, countsText, rowFromCells } from './report';
import { loadSettings } from './settings-store';
import { findTabs, readGrid } from './tabs';
import { loadWorkbook, otherSources, routineNow } from './workbook-input';

/**
 * Rows of the sidebar's first scoreChunk call: about 20 s of Apps Script time on the README's estimate (ten times
 * the script's compute in the emulator plus a second per Spreadsheet call), far under its 6-minute limit. Later
 * chunks are sized from the time the last one took (src/client/scoring-run.ts), aiming at CHUNK_TARGET_MS.
 */
export const CHUNK_ROWS = 2000;
export const CHUNK_TARGET_MS = 20_000;
/** A sidebar run with no call for this long was abandoned; a new run may take over. */
export const STALE_RUN_MS = 2 * 60 * 1000;

function toastDone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: Report): void {
  const s = report.summary;
  ss.toast(
    `Scored ${s.scored.toLocaleString('en-US')} followers: ${countsText(s.counts)}. Today's follow queue: ${s.queued.toLocaleString('en-US')}.` +
      (report.warnings && report.warnings.length ? ` ${report.warnings.join(' ')}` : ''),
    'Followback',
    10,
  );
}

/** The menu's Score followers: the whole tab in one run. */
export function scoreAll(): Report {
  const settings = loadSettings();
  return withDocumentLock(() => {
    const wb = loadWorkbook(settings);
    const now = settings.now ?? Date.now();
    const runSettings = { ...settings, now };
    // through the cache: the orders' and the engagement's entries it leaves have no clock in them, so custom
    // functions find them parsed
    const { followers, ...others } = wb.input;
    const scored = scoreWorkbook(wb.input, runSettings, contextFor({ orders: [], engagement: [], following: [], ...others }, runSettings, now, false));
    const table = scored.table;
    const placement = placeOutput(wb.sheet, wb.block, table.headerIndex, wb.userColumns, table.rows.length);
    writeRows(placement, scored.rows.map(toCells));
    colour(placement, table.rows.length);
    const report = buildReport(wb.sheet.getName(), table, scored.followers, scored.rows, scored.summary, scored.warnings, settings.platform);
    toastDone(wb.ss, report);
    // A toast passes in seconds: an orders tab that made no customer at all is said where it cannot be missed.
    if (scored.noPurchases.length) SpreadsheetApp.getUi().alert(`Followback: ${scored.noPurchases.join('\n\n')}`);
    return report;
  });
}

function colour(p: Placement, dataRows: number): void {
  applyColours(p.sheet, p.column, p.headerRow + 1, p.headerRow + dataRows);
}

// ---- the sidebar's chunked run ----

export function beginRun(): ScoringPlan {
  const settings = loadSettings();
  return withDocumentLock(() => {
    const running = readJson<RunState>(KEYS.run);
    const since = running ? Date.now() - (running.touched || 0) : Infinity;
    if (since < STALE_RUN_MS) {
      throw new UserError(
        `Followback is already scoring this spreadsheet (a run started from a sidebar, ${running!.done.toLocaleString('en-US')} of ` +
          `${running!.total.toLocaleString('en-US')} rows done). Wait for it to finish, or use Clear scores and colours to stop it.`,
      );
    }
    const wb = loadWorkbook(settings);
    const now = settings.now ?? Date.now();
    const runSettings = { ...settings, now };
    // Parses everything once: a bad tab is reported now, and the chunks find the orders already in the cache.
    const p = prepare(wb.input, runSettings, contextFor(otherSources(wb.tabs), runSettings, now));
    const total = p.table.rows.length;
    const placement = placeOutput(wb.sheet, wb.block, p.table.headerIndex, wb.userColumns, total);
    writeRows(placement, []); // headers only
    const run: RunState = {
      sheetId: wb.sheet.getSheetId(),
      tab: wb.sheet.getName(),
      column: placement.column,
      headerRow: placement.headerRow,
      userColumns: placement.column - 1,
      total,
      done: 0,
      started: now,
      touched: Date.now(),
      warnings: p.warnings.slice(0, 5),
    };
    // Each property value must stay under 9 KB: keep the settings with the run when they fit.
    if (utf8Bytes(JSON.stringify(settings)) < 6000) run.settings = settings;
    writeJson(KEYS.run, run);
    return { total, chunk: CHUNK_ROWS, targetMs: CHUNK_TARGET_MS };
  });
}

function currentRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { run: RunState; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
  const run = readJson<RunState>(KEYS.run);
  if (!run) throw new UserError('No scoring run is in progress. Press Score to start again.');
  const sheet = ss.getSheetById(run.sheetId);
  if (!sheet) throw new UserError(`The tab "${run.tab}" was deleted while scoring. Press Score to start again.`);
  return { run, sheet };
}

function placementOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, run: RunState): Placement {
  const state = readJson<OutputState>(KEYS.output(run.sheetId));
  if (!state) throw new UserError('The score columns were cleared while scoring. Press Score to start again.');
  return { sheet, column: run.column, headerRow: run.headerRow, state };
}

/** Scores data rows [start, start + count) and writes them (without queue numbers). */
function runSettings(run: RunState): Settings {
  return run.settings ? validateSettings(run.settings).settings : loadSettings();
}

/** Scores a chunk and says how long it took in this execution: the sidebar sizes the next chunk from it. */
export function scoreRunChunk(start: number, count: number): ChunkResult {
  const started = Date.now();
  const { done } = endingRunOnFailure(() => chunk(start, count));
  return { done, ms: Date.now() - started };
}

/** A run that failed (other than by waiting for the lock) is over: the sidebar's next Score must not be told to wait. */
function endingRunOnFailure<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (errorMessage(e) !== BUSY_MESSAGE) {
      try {
        remove(KEYS.run);
      } catch {
        // the original error is the one to report
      }
    }
    throw e;
  }
}

function chunk(start: number, count: number): { done: number } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { run, sheet } = currentRun(ss);
  const settings = runSettings(run);
  const first = Math.max(0, Math.floor(Number(start) || 0));
  const n = Math.min(Math.max(0, Math.floor(Number(count) || 0)), run.total - first);
  if (n <= 0) return { done: Math.min(first, run.total) };
  const atStart = { ...settings, now: run.started };
  const tabs = findTabs(ss, settings);
  const ctx = contextFor(otherSources(tabs), atStart, run.started);
  // The header rows and this chunk's rows only: the user's columns, two reads.
  const head = sheet.getRange(1, 1, run.headerRow, run.userColumns).getValues() as Cell[][];
  const body = sheet.getRange(run.headerRow + 1 + first, 1, n, run.userColumns).getValues() as Cell[][];
  // The matcher's prior depends on how many followers the whole tab has, and its name frequencies on which full
  // names they show, so a chunk scores as the whole tab would.
  const names = nameCountsOf(sheet, run, head, settings);
  const p = prepare({ followers: { name: run.tab, grid: head.concat(body) } }, atStart, ctx, run.total, names);
  if (p.table.headerIndex !== run.headerRow - 1) throw new UserError(`The header row of "${run.tab}" moved while scoring. Press Score to start again.`);
  const cells = scoreRows(p, 0, n).map(toCells);
  withDocumentLock(() => {
    writeRows(placementOf(sheet, run), cells, first, false);
    const now = readJson<RunState>(KEYS.run);
    if (now) writeJson(KEYS.run, { ...now, done: Math.max(now.done, first + n), touched: Date.now() });
  });
  return { done: first + n };
}

/**
 * One customer is one person: chunks scored apart may each have given her Customer ID to a different follower. The
 * rows that share a Customer ID are linked again with the whole tab's matcher, settled as the menu's run settles
 * them, and written again (one write, only when some changed).
 */
function settleChunks(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  run: RunState,
  settings: Settings,
  table: Table,
  followers: Follower[],
  rows: (ResultRow | null)[],
  placement: Placement,
): void {
  const ids = rows.flatMap((r) => (r && r.customerId ? [r.customerId] : []));
  if (new Set(ids).size === ids.length) return;
  const atStart = { ...settings, now: run.started };
  const p = prepareRead(table, followers, contextFor(otherSources(findTabs(ss, settings)), atStart, run.started), atStart);
  const changed = settleRows(p, followers, rows);
  if (!changed.length) return;
  const from = changed[0];
  writeRows(placement, rows.slice(from, changed[changed.length - 1] + 1).map(toCells), from, false);
}

/**
 * The full names the followers of the whole tab show, with how many: its name columns only, one read each, put back in
 * place and read as readFollowers reads them (so a chunk sees the names the menu's whole run sees).
 */
function nameCountsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, run: RunState, head: Cell[][], settings: Settings): [string, number][] {
  if (run.total <= 0) return [];
  const overrides = settings.columnOverrides?.followers;
  const { columns } = readTable({ name: run.tab, grid: head }, 'followers', overrides);
  const fields = ['name', 'firstName', 'lastName'].filter((f) => columns[f] !== undefined);
  if (!fields.length) return [];
  // the handles too: a row listed twice shows its name once, as in the menu's whole run
  for (const f of ['handle', 'url']) if (columns[f] !== undefined) fields.push(f);
  const rows: Cell[][] = Array.from({ length: run.total }, () => []);
  for (const field of fields) {
    const c = columns[field];
    const values = sheet.getRange(run.headerRow + 1, c + 1, run.total, 1).getValues() as Cell[][];
    for (let i = 0; i < run.total; i++) rows[i][c] = values[i][0];
  }
  const followers = readFollowers(readTable({ name: run.tab, grid: head.concat(rows) }, 'followers', overrides));
  return fullNameCounts(followers.map((f) => f.name), followers.map((f) => f.handle));
}

/** Queue numbers, colours and the toast, from the rows the chunks wrote. */
export function finishRun(): Report {
  return endingRunOnFailure(finish);
}

function finish(): Report {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(() => {
    const { run, sheet } = currentRun(ss);
    const settings = runSettings(run);
    const placement = placementOf(sheet, run);
    const grid = readGrid(sheet);
    const userPart = grid.map((r) => r.slice(0, run.userColumns));
    const table = readTable({ name: run.tab, grid: userPart }, 'followers', settings.columnOverrides?.followers);
    const followers = readFollowers(table);
    const rows = table.rows.map((_, i) => rowFromCells((grid[table.headerIndex + 1 + i] || []).slice(run.column - 1, run.column - 1 + OUTPUT_HEADERS.length)));
    settleChunks(ss, run, settings, table, followers, rows, placement);
    const routine = routineNow(findTabs(ss, settings), settings, run.started);
    const summary = assignQueue(rows, { ...settings, now: run.started }, followers.map((f) => f.handle), routine);
    writeColumn(placement, QUEUE_COLUMN, rows.map((r) => (r ? r.queue : '')));
    colour(placement, table.rows.length);
    remove(KEYS.run);
    const report = buildReport(run.tab, table, followers, rows, summary, run.warnings || [], settings.platform);
    toastDone(ss, report);
    return report;
  });
}
