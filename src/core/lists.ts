// The Say thanks and Make room lists from a workbook's tabs (or the command line's files): the tables read, each
// person scored by the same engine as the follow queue, the history applied. The sidebar and the command line both
// call these two functions.
import { prepare, prepareFollowers, prepareWithoutFollowers, readContext, scoreHandles, scoreRows, settleRows, type Prepared } from './engine';
import { historyState, readHistory, type HistoryEntry, type HistoryState } from './history';
import { readMentions } from './mentions';
import { recentDaysOf } from './settings';
import { cellOf, dateOrder, readFollowers, readTable } from './table';
import { recentHandles, thanksList, type Person, type ThanksList } from './thanks';
import type { Follower, Settings, Source, Table } from './types';
import { roomList, type FollowedAccount, type RoomList } from './unfollow';
import { normalizeHandle, parseDate } from './values';

export interface ListSources {
  followers?: Source;
  orders?: Source[];
  engagement?: Source[];
  following?: Source[];
  history?: Source[];
}

export interface ListOptions {
  now: number;
  /** the spreadsheet's time zone, for "today" in the history */
  timeZone?: string;
  /** how long `not now` keeps someone off a list, in days */
  notNowDays?: number;
}

/** `not now` keeps someone off a list for this many days unless the settings say otherwise. */
export const NOT_NOW_DAYS = 7;

export function historyOf(sources: Source[] | undefined, settings: Settings, opts: ListOptions): { state: HistoryState; problems: string[] } {
  const entries: HistoryEntry[] = [];
  const problems: string[] = [];
  for (const s of sources ?? []) {
    const read = readHistory(s);
    entries.push(...read.entries);
    problems.push(...read.problems);
  }
  const notNowDays = opts.notNowDays ?? (settings as { notNowDays?: number }).notNowDays ?? NOT_NOW_DAYS;
  return { state: historyState(entries, { now: opts.now, timeZone: opts.timeZone, notNowDays }), problems };
}

/**
 * What the engine says about each handle: its Followers row when it has one, else the handle alone. The handles
 * are scored together, so a customer two of them claim is settled between them (one customer is one person: the
 * stranger who shares her name is not thanked for her orders).
 */
function personsOf(p: Prepared, handles: string[]): (handle: string) => Person | undefined {
  const rows = scoreHandles(p, handles);
  const byKey = new Map(p.customers.map((c) => [c.key, c]));
  const people = new Map<string, Person>();
  handles.forEach((handle, k) => {
    const row = rows[k];
    if (!row || people.has(handle)) return;
    const i = p.byHandle!.get(handle);
    const f = i !== undefined ? p.followers[i] : { index: -1, handle };
    const orders = row.customerId ? (byKey.get(row.customerId)?.orders ?? 0) : 0;
    people.set(handle, { recommendation: row.recommendation, botRisk: row.botRisk, coverage: p.assess(f).coverage, customerId: row.customerId, orders });
  });
  return (handle) => people.get(handle);
}

/** The Say thanks list; `problems` are history rows that could not be read. */
export function buildThanks(src: ListSources, settings: Settings, opts: ListOptions): ThanksList & { problems: string[] } {
  const overrides = settings.columnOverrides ?? {};
  const tables = (src.engagement ?? []).map((s) => readTable(s, 'engagement', overrides.engagement));
  const s = { ...settings, now: opts.now };
  const ctx = readContext({ orders: src.orders }, s, opts.now);
  const p = src.followers ? prepare({ followers: src.followers }, s, ctx) : prepareWithoutFollowers(ctx, s);
  const { state, problems } = historyOf(src.history, settings, opts);
  const read = readMentions(tables, opts.now);
  // (the recent window's handles only, as the list shows: an old log's thousands of names are not scored)
  const handles = recentHandles(read, opts.now, recentDaysOf(settings));
  const list = thanksList(read, personsOf(p, handles), { now: opts.now, days: recentDaysOf(settings), botThreshold: settings.botThreshold, history: state });
  if (!src.followers) list.notes.push('No Followers tab: bots can only be told from their profiles, so check these by hand.');
  return { ...list, problems };
}

/** Profile fields the bot model reads: a Following tab with none of them gets no bot check. */
const PROFILE_FIELDS = ['followers', 'following', 'posts', 'hasPicture', 'bio', 'joined', 'lastPost', 'private'];

/**
 * The Following tab's accounts with whatever profile columns it has. It is read twice: as a following list (handle,
 * followed on) and as a followers list (profile columns); the profile is used only when both reads agree on the
 * header row and the handle's column, and no profile field sits in the handle's column ("Following" is both a
 * handle header of a following list and a count header of a followers list).
 */
function followedAccounts(src: Source, settings: Settings): { table: Table; followers: Follower[]; dates: (number | undefined)[]; profile: boolean } {
  const table = readTable(src, 'following', settings.columnOverrides?.following);
  const handleCol = table.columns.handle ?? table.columns.url;
  const order = dateOrder(table, 'date');
  const dates = table.rows.map((_, i) => parseDate(cellOf(table, i, 'date'), order));
  const handles = table.rows.map((_, i) => normalizeHandle(cellOf(table, i, 'handle')) || normalizeHandle(cellOf(table, i, 'url')));
  let profile: Table | null = null;
  try {
    const t = readTable(src, 'followers', settings.columnOverrides?.followers);
    const same = t.headerIndex === table.headerIndex && (t.columns.handle ?? t.columns.url) === handleCol;
    const fields = PROFILE_FIELDS.filter((f) => t.columns[f] !== undefined && t.columns[f] !== handleCol);
    if (same && fields.length) profile = { ...t, columns: Object.fromEntries(Object.entries(t.columns).filter(([f, c]) => c !== handleCol || f === 'handle' || f === 'url')) };
  } catch {
    profile = null; // no profile columns a followers list would name
  }
  const read = profile ? readFollowers(profile) : [];
  const followers = handles.map((handle, index) => ({ ...(read[index] ?? {}), index, handle }));
  return { table, followers, dates, profile: !!profile };
}

/** The Make room list, or null when there is no Following tab; `problems` are history rows that could not be read. */
export function buildRoom(src: ListSources, settings: Settings, opts: ListOptions): (RoomList & { problems: string[] }) | null {
  if (!src.following || !src.following.length) return null;
  const s = { ...settings, now: opts.now };
  const overrides = settings.columnOverrides ?? {};
  // Followed accounts are scored as if not followed: "Already following" would hide a bot.
  const ctx = readContext({ orders: src.orders, engagement: src.engagement }, s, opts.now);
  const followerHandles = new Set<string>();
  if (src.followers) {
    for (const f of readFollowers(readTable(src.followers, 'followers', overrides.followers))) if (f.handle) followerHandles.add(f.handle);
  }
  const accounts: FollowedAccount[] = [];
  let profileColumns = true;
  for (const source of src.following) {
    const read = followedAccounts(source, settings);
    if (!read.profile) profileColumns = false;
    const p = prepareFollowers(read.followers, ctx, s);
    const rows = scoreRows(p);
    // two followed accounts that claim one customer: she is one of them (both stay protected, the other as Possible)
    settleRows(p, read.followers, rows);
    read.followers.forEach((f, i) => {
      const row = rows[i];
      if (f.handle && row) accounts.push({ handle: f.handle, followedOn: read.dates[i], row, engagement: p.engagement.get(f.handle) });
    });
  }
  const { state, problems } = historyOf(src.history, settings, opts);
  const list = roomList(accounts, {
    now: opts.now,
    days: recentDaysOf(settings),
    platform: settings.platform,
    followingCount: settings.followingCount,
    followers: followerHandles,
    profileColumns,
    history: state,
  });
  return { ...list, problems };
}
