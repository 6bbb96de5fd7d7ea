// Custom functions: one value or a range of handles in, the same shape out. Read-only; a missing or broken tab
// gives one clear text value instead of a stack trace. Parsed orders and engagement come from the cache.
import { botInputOf, assessBot } from '../core/botrisk';
import { prepareForHandles, prepareWithoutFollowers, scoreHandles, validateSettings, type Prepared } from '../core/engine';
import type { Cell, Follower, ResultRow, Settings } from '../core/types';
import { cleanText, isBlank, isUnknown, normalizeHandle, parseBool, parseCount } from '../core/values';
import { contextFor } from './context-cache';
import { errorMessage } from './errors';
import { fitCell } from './limits';
import { findBlock, userGrid } from './layout';
import { loadSettings } from './settings-store';
import { findTabs, readGrid, readSource } from './tabs';

export type CellInput = Cell | Cell[][];
export type CellOutput = Cell | Cell[][];

const HOUR = 3600000;
/**
 * Apps Script stops a custom function after 30 seconds and shows only an error
 * (https://developers.google.com/apps-script/guides/services/quotas: "Custom function runtime"). Handles are scored
 * until this long after the call began; the rest say why they are empty, and the 6 seconds left settle the
 * customers the scored ones share and return the range (loading Code.js came before the clock started).
 */
export const FORMULA_SECONDS = 24;

/** A range arrives as a 2-D array; anything else is one value. */
function asGrid(input: unknown): { grid: Cell[][]; single: boolean } {
  if (Array.isArray(input)) {
    if (input.length && Array.isArray(input[0])) return { grid: input as Cell[][], single: false };
    return { grid: [input as Cell[]], single: false };
  }
  return { grid: [[input as Cell]], single: true };
}

/** The input's shape; each text cut to Sheets' 50,000 characters a cell. */
function shaped(grid: Cell[][], single: boolean, values: Cell[]): CellOutput {
  if (single) return fitCell(values[0]);
  let k = 0;
  return grid.map((row) => row.map(() => fitCell(values[k++])));
}

function message(e: unknown): string {
  return fitCell(`Followback: ${errorMessage(e)}`);
}

/** The engine prepared from the spreadsheet's tabs for these handles; a Followers tab is optional. */
function prepared(settings: Settings, needOrders: boolean, handles: Cell[]): Prepared {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs = findTabs(ss, settings);
  if (needOrders && !tabs.orders.length) {
    throw new Error('no Orders tab found. Add your order export as a tab named "Orders" (or pick it in the sidebar).');
  }
  // Within an hour the same tabs give the same answer (and the same cache entry).
  const now = settings.now ?? Math.floor(Date.now() / HOUR) * HOUR;
  const s = { ...settings, now };
  const read = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => (tabs.nameOf?.has(sheet) ? { name: tabs.nameOf.get(sheet)!, grid: readGrid(sheet) } : readSource(sheet));
  const sources = { orders: tabs.orders.map(read), engagement: tabs.engagement.map(read), following: tabs.following.map(read) };
  // The history decides who is followed (ticks, undone follows, unfollows), as it does for the menu's run.
  const routine = tabs.history ? { history: [read(tabs.history)], timeZone: ss.getSpreadsheetTimeZone() } : {};
  const ctx = contextFor({ ...sources, ...routine }, s, now);
  if (needOrders && !ctx.customers.length) throw new Error(`the ${tabs.orders[0].getName()} tab has no orders to match.`);
  if (!tabs.followers) return prepareWithoutFollowers(ctx, s);
  const grid = readGrid(tabs.followers);
  if (!grid.length) return prepareWithoutFollowers(ctx, s);
  return prepareForHandles({ followers: { name: tabs.nameOf?.get(tabs.followers) ?? tabs.followers.getName(), grid: userGrid(grid, findBlock(grid)) } }, s, ctx, handles);
}

/** The stored settings; the defaults where a custom function may not read document properties. */
function readableSettings(): Settings {
  try {
    return loadSettings();
  } catch {
    return validateSettings({}).settings;
  }
}

/** Scores every handle of the input and picks one output value per handle. */
export function byHandle(handles: unknown, pick: (r: ResultRow) => Cell, needOrders = false): CellOutput {
  const started = Date.now();
  try {
    const { grid, single } = asGrid(handles);
    const flat = ([] as Cell[]).concat(...grid);
    if (flat.every((h) => isBlank(h))) return shaped(grid, single, flat.map(() => ''));
    const p = prepared(readableSettings(), needOrders, flat);
    // (the first handle is always scored: one more costs milliseconds, and a one-cell formula should answer)
    let tried = 0;
    const rows = scoreHandles(p, flat, () => tried++ === 0 || Date.now() - started < FORMULA_SECONDS * 1000);
    const late = rows.some((r) => r === undefined) ? notReached(rows) : '';
    return shaped(grid, single, rows.map((r) => (r ? pick(r) : r === undefined ? late : '')));
  } catch (e) {
    return message(e);
  }
}

/** What a cell left unscored says: how far the formula got, and where the whole list is scored at once. */
function notReached(rows: (ResultRow | null | undefined)[]): string {
  let done = 0;
  let asked = 0;
  for (const r of rows) {
    if (r !== null) asked++;
    if (r) done++;
  }
  return `Followback: not scored: Apps Script gives a formula 30 seconds, and they ran out after ${done.toLocaleString('en-US')} of ${asked.toLocaleString('en-US')} handles. Score the whole tab with Extensions ▸ Followback ▸ Score followers, or give the formula a shorter range.`;
}

/** BOT_RISK: profile numbers in, risk 0-100 out; arguments may be ranges of one shape or single values. */
export function botRisk(args: unknown[]): CellOutput {
  try {
    const shapes = args.map(asGrid);
    const lead = shapes.find((s) => !s.single) || shapes[0];
    const baseRate = readableSettings().botBaseRate / 100;
    const at = (k: number, i: number, j: number): Cell => {
      const s = shapes[k];
      if (!s) return undefined;
      if (s.single) return s.grid[0][0];
      const row = s.grid[i];
      return row ? row[j] : undefined;
    };
    const out: Cell[] = [];
    lead.grid.forEach((row, i) =>
      row.forEach((_, j) => {
        const v = [0, 1, 2, 3, 4, 5].map((k) => at(k, i, j));
        if (v.every((x) => isBlank(x) || isUnknown(x))) {
          out.push('');
          return;
        }
        const f: Follower = {
          index: -1,
          handle: normalizeHandle(v[5]),
          followers: parseCount(v[0]),
          following: parseCount(v[1]),
          posts: parseCount(v[2]),
          hasPicture: parseBool(v[3]),
          // an empty bio cell is known to be empty; a scraper's NA or [] reads as that empty cell
          bio: shapes[4] ? (isUnknown(v[4]) ? '' : cleanText(v[4])) : undefined,
        };
        out.push(Math.max(0, Math.min(100, Math.round(assessBot(botInputOf(f), baseRate).risk * 100))));
      }),
    );
    return shaped(lead.grid, lead.single, out);
  } catch (e) {
    return message(e);
  }
}
