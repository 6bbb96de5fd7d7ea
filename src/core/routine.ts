// The daily routine as the history tells it: who stays out of today's queue, how much of today's pace is used,
// what Undo takes back, and the plain words about the platform's ratio rule. Plain data in and out.
import { effectiveFollowing, historyState, listOf, readHistory, standingEntries, type HistoryEntry } from './history';
import { followLimit, PLATFORMS } from './platforms';
import type { Platform, Source } from './types';

/** The follow-queue actions a tick records (the history's other actions belong to other lists). */
export const TICK_ACTIONS = ['followed', 'not now', 'never'] as const;
export type TickAction = (typeof TICK_ACTIONS)[number];

export interface LastAction {
  action: TickAction;
  handles: string[];
  /** epoch ms */
  when: number;
}

/** What the history adds to a scoring: plain data (cached with the engine's Context). */
export interface Routine {
  /** handles kept out of today's queue: never, not now until its days are up, and follows the history records */
  skip: string[];
  followedToday: number;
  followedThisWeek: number;
  /** handles the business follows (Following tab and history, less unfollows and undone follows) */
  followingKnown: number;
  /** standing follows ticked after the following count was entered (all of them when it never was) */
  followedSinceCount: number;
  /** the latest follow-queue action still standing: what Undo takes back */
  last?: LastAction;
  /** rows of the history tab that could not be read (tab, row, column), skipped */
  problems: string[];
}

export interface RoutineOptions {
  now: number;
  timeZone?: string;
  notNowDays: number;
  /** epoch ms the following count was entered; undefined = never */
  countSince?: number;
}

/** The latest standing tick on the follow queue and every handle ticked with it (a "mark all" shares one time). */
export function lastAction(entries: HistoryEntry[]): LastAction | undefined {
  let last: LastAction | undefined;
  for (const e of standingEntries(entries)) {
    if (listOf(e) !== 'follow' || !(TICK_ACTIONS as readonly string[]).includes(e.action)) continue;
    if (!last || e.when > last.when) last = { action: e.action as TickAction, handles: [e.handle], when: e.when };
    else if (e.when === last.when && e.action === last.action && !last.handles.includes(e.handle)) last.handles.push(e.handle);
  }
  return last;
}

/** The routine from the history tab(s) and the Following tab's handles; the following list it implies. */
export function routineOf(history: Source[], tabFollowing: string[], opts: RoutineOptions): { routine: Routine; following: string[] } {
  const entries: HistoryEntry[] = [];
  const problems: string[] = [];
  for (const source of history) {
    const read = readHistory(source);
    entries.push(...read.entries);
    problems.push(...read.problems);
  }
  const state = historyState(entries, opts);
  const following = effectiveFollowing(tabFollowing, state);
  const skip = new Set<string>([...state.never, ...state.notNowUntil.follow.keys(), ...state.followed]);
  let since = 0;
  for (const e of standingEntries(entries)) {
    if (opts.countSince !== undefined && e.when <= opts.countSince) continue;
    if (e.action === 'followed' && listOf(e) === 'follow') since++;
    if (e.action === 'unfollowed') since--;
  }
  const routine: Routine = {
    skip: [...skip],
    followedToday: state.followedToday,
    followedThisWeek: state.followedThisWeek,
    followingKnown: following.size,
    followedSinceCount: Math.max(0, since),
    problems,
  };
  const last = lastAction(entries);
  if (last) routine.last = last;
  return { routine, following: [...following] };
}

/** How many the business follows now: the count entered plus the follows ticked since, never fewer than are known. */
export function followingNow(followingCount: number, routine?: Routine): number {
  if (!routine) return followingCount;
  return Math.max(followingCount + routine.followedSinceCount, routine.followingKnown);
}

export interface RatioView {
  following: number;
  ownFollowers: number;
  /** following ÷ followers now and after today's list; null with no followers */
  ratioNow: number | null;
  ratioAfter: number | null;
  /** the most the platform lets one follow with these followers; null where nothing limits it */
  limit: number | null;
}

export function ratioView(platform: Platform, following: number, ownFollowers: number, queued: number): RatioView {
  const limit = followLimit(platform, ownFollowers);
  const ratio = (n: number) => (ownFollowers > 0 ? Math.round((n / ownFollowers) * 100) / 100 : null);
  return { following, ownFollowers, ratioNow: ratio(following), ratioAfter: ratio(following + queued), limit: Number.isFinite(limit) ? limit : null };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** A plain warning when today's list reaches (or the account is past) what the platform tolerates; '' otherwise. */
export function ratioWarning(platform: Platform, v: RatioView, queued: number): string {
  const p = PLATFORMS[platform];
  if (v.limit === null) return '';
  const rule = p.ratio
    ? `${p.label} lets you follow ${fmt(p.ratio.freeUpTo)} accounts, then about ${Math.round(p.ratio.perFollower * 100)}% of your followers (${fmt(v.ownFollowers)})`
    : `${p.label} lets you follow at most ${fmt(p.cap)} accounts`;
  if (v.following >= v.limit) return `You follow ${fmt(v.following)}: ${rule}, so nobody is queued today. Gain followers or make room first.`;
  if (v.following + queued >= v.limit) return `Today's list stops at ${fmt(queued)}: ${rule}, which is ${fmt(v.limit)}.`;
  return '';
}
