// The `Followback history` tab: its header, its actions, and what the rows the user left in it say today.
// The add-on only appends; the user may sort, filter or delete rows, so the state is rebuilt from whatever
// is left, in time order, never from row order.
import { cleanText, normalizeHandle, parseDate, parseCount } from './values';
import type { Cell, Source } from './types';

export const HISTORY_TAB = 'Followback history';
export const HISTORY_HEADERS = ['When', 'Handle', 'Platform', 'Action', 'Score', 'Recommendation', 'Reason'] as const;
export const HISTORY_ACTIONS = ['followed', 'not now', 'never', 'undone', 'thanked', 'unfollowed', 'keep'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/**
 * Which list an action was taken on. The history's columns are fixed by the design, so the list is carried by
 * the Recommendation column: the follow queue writes the row's recommendation, the other lists their own name.
 */
export type HistoryList = 'follow' | 'thanks' | 'room';
export const LIST_LABELS: Record<Exclude<HistoryList, 'follow'>, string> = { thanks: 'Say thanks', room: 'Make room' };

export interface HistoryEntry {
  /** epoch ms */
  when: number;
  /** normalised handle */
  handle: string;
  platform: string;
  action: HistoryAction;
  score?: number;
  recommendation?: string;
  reason?: string;
  /** 1-based row on the tab (0 for entries not read from a tab) */
  row: number;
}

export interface HistoryRead {
  entries: HistoryEntry[];
  /** one line per row that could not be read: tab, row, column and why; the row is skipped, never rewritten */
  problems: string[];
}

export function listOf(e: Pick<HistoryEntry, 'recommendation'>): HistoryList {
  if (e.recommendation === LIST_LABELS.thanks) return 'thanks';
  if (e.recommendation === LIST_LABELS.room) return 'room';
  return 'follow';
}

function isAction(s: string): s is HistoryAction {
  return (HISTORY_ACTIONS as readonly string[]).includes(s);
}

const key = (v: Cell) => cleanText(v).toLowerCase().replace(/\s+/g, ' ');

/** Finds the header row (within the first 10 rows) by the history's own header names, in any column order. */
function findHeader(grid: Cell[][]): { index: number; col: Record<string, number> } | null {
  for (let r = 0; r < Math.min(10, grid.length); r++) {
    const col: Record<string, number> = {};
    (grid[r] || []).forEach((c, i) => {
      const h = HISTORY_HEADERS.find((name) => name.toLowerCase() === key(c));
      if (h && col[h] === undefined) col[h] = i;
    });
    if (col.Handle !== undefined && col.Action !== undefined) return { index: r, col };
  }
  return null;
}

/** Reads the history rows; blank rows are skipped silently, unreadable ones are named and skipped. */
export function readHistory(source: Source): HistoryRead {
  const header = findHeader(source.grid);
  if (!header) {
    const empty = source.grid.every((row) => row.every((c) => cleanText(c) === ''));
    return { entries: [], problems: empty ? [] : [`${source.name}: no "Handle" and "Action" header in the first 10 rows; the history is not read.`] };
  }
  const { index, col } = header;
  const entries: HistoryEntry[] = [];
  const problems: string[] = [];
  for (let r = index + 1; r < source.grid.length; r++) {
    const row = source.grid[r] || [];
    const at = (h: string) => (col[h] === undefined ? '' : row[col[h]]);
    if (HISTORY_HEADERS.every((h) => cleanText(at(h)) === '')) continue;
    const where = (h: string, why: string) => `${source.name} (row ${r + 1}, column "${h}"): ${why}; the row is skipped.`;
    const handle = normalizeHandle(at('Handle'));
    const action = key(at('Action'));
    const when = parseDate(at('When'));
    if (!handle) problems.push(where('Handle', 'no handle'));
    else if (!isAction(action)) problems.push(where('Action', `"${cleanText(at('Action')).slice(0, 40)}" is not one of ${HISTORY_ACTIONS.join(', ')}`));
    else if (when === undefined) problems.push(where('When', `"${cleanText(at('When')).slice(0, 40)}" is not a date`));
    else {
      const rec = cleanText(at('Recommendation'));
      entries.push({
        when,
        handle,
        platform: cleanText(at('Platform')).toLowerCase(),
        action,
        score: parseCount(at('Score')),
        recommendation: rec || undefined,
        reason: cleanText(at('Reason')) || undefined,
        row: r + 1,
      });
    }
  }
  return { entries, problems };
}

/** Entries in time order; `undone` removes the latest still-standing action of that handle on the same list. */
export function standingEntries(entries: HistoryEntry[]): HistoryEntry[] {
  return resolveUndo(entries).standing;
}

/** Standing entries, and the entries an `undone` took back (both in time order). */
export function resolveUndo(entries: HistoryEntry[]): { standing: HistoryEntry[]; undone: HistoryEntry[] } {
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.when - b.e.when || a.i - b.i);
  const standing: (HistoryEntry | null)[] = [];
  const last = new Map<string, number[]>();
  const undone: HistoryEntry[] = [];
  for (const { e } of sorted) {
    const k = `${listOf(e)}\u0000${e.handle}`;
    const stack = last.get(k) ?? [];
    if (e.action === 'undone') {
      const j = stack.pop();
      if (j !== undefined) {
        undone.push(standing[j]!);
        standing[j] = null;
      }
    } else {
      stack.push(standing.length);
      standing.push(e);
    }
    last.set(k, stack);
  }
  return { standing: standing.filter((e): e is HistoryEntry => e !== null), undone };
}

/** The calendar day of `ms` in `timeZone` (the spreadsheet's), as YYYY-MM-DD. */
export function dayKey(ms: number, timeZone?: string): string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  return fmt.format(new Date(ms));
}

export interface HistoryState {
  /** handles whose latest follow action is `followed` */
  followed: Set<string>;
  /** handles whose latest follow action is `unfollowed`: treated as not followed, even when on the Following tab */
  unfollowed: Set<string>;
  /** `never`: kept out of the follow queue for good */
  never: Set<string>;
  /** `keep`: never an unfollow candidate */
  keep: Set<string>;
  /** per list, handles snoozed by `not now` until the given epoch ms */
  notNowUntil: Record<HistoryList, Map<string, number>>;
  /** handle -> epoch ms of the latest `thanked` */
  thanked: Map<string, number>;
  /** `followed` entries dated today (spreadsheet time zone) */
  followedToday: number;
  /** `unfollowed` entries dated today */
  unfollowedToday: number;
  /** `followed` entries in the last 7 days, today included */
  followedThisWeek: number;
  /**
   * handles whose `followed` was undone and not followed again: treated as not followed even when the Following tab
   * still holds the row the tick appended (the add-on never deletes a row; see effectiveFollowing)
   */
  undoneFollows: Set<string>;
}

export interface StateOptions {
  now: number;
  timeZone?: string;
  /** how long `not now` keeps an account out, in days */
  notNowDays: number;
}

const DAY = 86_400_000;

/** What the standing history says today. */
export function historyState(entries: HistoryEntry[], opts: StateOptions): HistoryState {
  const s: HistoryState = {
    followed: new Set(),
    unfollowed: new Set(),
    never: new Set(),
    keep: new Set(),
    notNowUntil: { follow: new Map(), thanks: new Map(), room: new Map() },
    thanked: new Map(),
    followedToday: 0,
    unfollowedToday: 0,
    followedThisWeek: 0,
    undoneFollows: new Set(),
  };
  const today = dayKey(opts.now, opts.timeZone);
  const { standing, undone } = resolveUndo(entries);
  for (const e of undone) if (e.action === 'followed') s.undoneFollows.add(e.handle);
  for (const e of standing) {
    const isToday = dayKey(e.when, opts.timeZone) === today;
    switch (e.action) {
      case 'followed':
        s.followed.add(e.handle);
        s.unfollowed.delete(e.handle);
        if (isToday) s.followedToday++;
        if (opts.now - e.when < 7 * DAY && e.when <= opts.now + DAY) s.followedThisWeek++;
        break;
      case 'unfollowed':
        s.unfollowed.add(e.handle);
        s.followed.delete(e.handle);
        if (isToday) s.unfollowedToday++;
        break;
      case 'never':
        s.never.add(e.handle);
        break;
      case 'keep':
        s.keep.add(e.handle);
        break;
      case 'thanked':
        s.thanked.set(e.handle, Math.max(e.when, s.thanked.get(e.handle) ?? 0));
        break;
      case 'not now': {
        const until = e.when + opts.notNowDays * DAY;
        const map = s.notNowUntil[listOf(e)];
        if (until > opts.now) map.set(e.handle, Math.max(until, map.get(e.handle) ?? 0));
        break;
      }
    }
  }
  for (const h of s.followed) s.undoneFollows.delete(h);
  return s;
}

/**
 * Whom the business follows: the Following tab's handles and the history's standing follows, less those the
 * history says were unfollowed or whose follow was undone (a tick's Following row stays; the history decides).
 */
export function effectiveFollowing(tab: Iterable<string>, s: HistoryState): Set<string> {
  const out = new Set<string>();
  for (const h of tab) if (!s.unfollowed.has(h) && !(s.undoneFollows.has(h) && !s.followed.has(h))) out.add(h);
  for (const h of s.followed) out.add(h);
  return out;
}

/** A history row as the tab holds it, in HISTORY_HEADERS order. */
export function historyRow(e: Omit<HistoryEntry, 'row'>): Cell[] {
  return [new Date(e.when), e.handle, e.platform, e.action, e.score ?? '', e.recommendation ?? '', e.reason ?? ''];
}
