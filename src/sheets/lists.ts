// The sidebar's Say thanks and Make room lists: built from the tabs by the engine (core/lists.ts), and each tick
// recorded in the Followback history under the document lock. Nothing else is written: an unfollow removes no row
// of the user's Following tab.
import { LIST_LABELS, type HistoryEntry } from '../core/history';
import { buildRoom, buildThanks, type ListSources } from '../core/lists';
import type { Settings, Source } from '../core/types';
import type { RoomAction, RoomReport, ThanksAction, ThanksReport } from '../server/api';
import { UserError } from './errors';
import { appendHistory } from './history-sheet';
import { withDocumentLock } from './lock';
import { loadSettings } from './settings-store';
import { findBlock, userGrid } from './layout';
import { findTabs, readGrid } from './tabs';
import { otherSources } from './workbook-input';

interface Read {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  settings: Settings;
  sources: ListSources;
  opts: { now: number; timeZone: string };
}

/** The Followers tab without the add-on's own columns (its scores are not profile data). */
function followersOnly(sheet: GoogleAppsScript.Spreadsheet.Sheet): Source {
  const grid = readGrid(sheet);
  return { name: sheet.getName(), grid: userGrid(grid, findBlock(grid)) };
}

function readAll(): Read {
  const settings = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs = findTabs(ss, settings);
  const sources: ListSources = { ...otherSources(tabs), followers: tabs.followers ? followersOnly(tabs.followers) : undefined };
  return { ss, settings, sources, opts: { now: settings.now ?? Date.now(), timeZone: ss.getSpreadsheetTimeZone() } };
}

/** YYYY-MM-DD in the spreadsheet's time zone; one formatter for a whole list (making one is slow). */
function dayFormat(timeZone: string): (ms: number | undefined) => string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  return (ms) => (ms === undefined ? '' : fmt.format(new Date(ms)));
}

/** People the sidebar shows at once: a day's work, not a page of thousands (the command line writes them all). */
export const THANKS_SHOWN = 50;

function thanksOf(r: Read): ThanksReport {
  const platform = r.settings.platform;
  if (!r.sources.engagement?.length) return { platform, items: [], notes: ['No Engagement tab: add one (handle, type, date, link, text) to see who to thank.'], days: 0 };
  const list = buildThanks(r.sources, r.settings, r.opts);
  const day = dayFormat(r.opts.timeZone);
  const more = list.items.length - THANKS_SHOWN;
  return {
    platform,
    items: list.items.slice(0, THANKS_SHOWN).map((i) => ({
      handle: i.handle,
      isCustomer: i.isCustomer,
      why: i.why,
      type: i.type ?? '',
      date: day(i.date),
      link: i.link ?? '',
      text: i.text ?? '',
    })),
    notes: [...(more > 0 ? [`${more.toLocaleString('en-US')} more after these ${THANKS_SHOWN}: they move up as you tick these.`] : []), ...list.notes, ...list.problems.slice(0, 3)],
    days: list.days,
  };
}

const NO_ROOM: RoomReport = {
  available: false, platform: '', items: [], candidates: 0, daily: 0, doneToday: 0, following: 0, followers: 0,
  cap: null, capLeft: null, capLeftAfter: null, ratio: null, ratioAfter: null, nearCap: false,
  notes: ['No Following tab: import the accounts you follow (Import, "accounts I follow") to see who to unfollow.'],
};

function roomOf(r: Read): RoomReport {
  const list = buildRoom(r.sources, r.settings, r.opts);
  if (!list) return { ...NO_ROOM, platform: r.settings.platform, notes: [...NO_ROOM.notes] };
  const { items, problems, protected: _kept, ...rest } = list;
  void _kept;
  const day = dayFormat(r.opts.timeZone);
  return {
    ...rest,
    available: true,
    platform: r.settings.platform,
    items: items.map((i) => ({ handle: i.handle, reasons: i.reasons, score: i.score, botRisk: i.botRisk, followedOn: day(i.followedOn) })),
    notes: [...list.notes, ...problems.slice(0, 3)],
  };
}

export function thanksReport(): ThanksReport {
  return thanksOf(readAll());
}

export function roomReport(): RoomReport {
  return roomOf(readAll());
}

const THANKS_ACTIONS: ThanksAction[] = ['thanked', 'not now'];
const ROOM_ACTIONS: RoomAction[] = ['unfollowed', 'keep'];

function checked<A extends string>(handle: unknown, action: unknown, allowed: A[]): { handle: string; action: A } {
  if (typeof handle !== 'string' || !handle.trim() || handle.length > 200) throw new UserError('Pick an account from the list.');
  if (!allowed.includes(action as A)) throw new UserError(`Unknown action "${String(action).slice(0, 40)}": use ${allowed.join(' or ')}.`);
  return { handle: handle.trim(), action: action as A };
}

interface ListKind<R> {
  list: 'thanks' | 'room';
  build: (r: Read) => R;
  /** the item of the list for a handle: what the history row says of it */
  find: (report: R, handle: string) => { score?: number; reason: string } | undefined;
}

const THANKS: ListKind<ThanksReport> = {
  list: 'thanks',
  build: thanksOf,
  find: (report, handle) => {
    const i = report.items.find((x) => x.handle === handle);
    return i && { reason: i.why };
  },
};

const ROOM: ListKind<RoomReport> = {
  list: 'room',
  build: roomOf,
  find: (report, handle) => {
    const i = report.items.find((x) => x.handle === handle);
    return i && { score: i.score, reason: i.reasons };
  },
};

/**
 * Under the document lock: the list as it stands, the handle's item in it (the server's words, not the client's),
 * one history row, then the list again.
 */
function mark<R>(kind: ListKind<R>, handle: string, action: HistoryEntry['action']): R {
  return withDocumentLock(() => {
    const r = readAll();
    const item = kind.find(kind.build(r), handle);
    if (!item) throw new UserError(`@${handle} is no longer on the ${LIST_LABELS[kind.list]} list.`);
    // The run's clock (the settings may fix "today" for a demo or a test): the history agrees with the lists.
    appendHistory(r.ss, [{ when: r.opts.now, handle, platform: r.settings.platform, action, score: item.score, recommendation: LIST_LABELS[kind.list], reason: item.reason.slice(0, 500) }]);
    return kind.build(readAll());
  });
}

/** Records Done (`thanked`) or `not now` for someone on the Say thanks list; returns the list without them. */
export function markThanksAction(handle: unknown, action: unknown): ThanksReport {
  const a = checked(handle, action, THANKS_ACTIONS);
  return mark(THANKS, a.handle, a.action);
}

/** Records `unfollowed` or `keep` for an account of the Make room list; the Following tab is left as it is. */
export function markRoomAction(handle: unknown, action: unknown): RoomReport {
  const a = checked(handle, action, ROOM_ACTIONS);
  return mark(ROOM, a.handle, a.action);
}
