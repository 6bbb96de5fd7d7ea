// The Make room list: accounts the business follows that it could unfollow to make room under the platform's cap,
// weakest first (not following back, likely bots, never engaged, followed longest ago), never a customer, never
// someone who engaged recently, never an account ticked Keep, and no more a day than a safe unfollow pace.
import type { HistoryState } from './history';
import { PLATFORMS, UNFOLLOW_DAILY } from './platforms';
import type { Engagement, Platform, ResultRow } from './types';

const DAY = 86_400_000;

/** One account of the Following tab, as the engine scored it. */
export interface FollowedAccount {
  handle: string;
  /** epoch ms, when the tab says */
  followedOn?: number;
  row: Pick<ResultRow, 'score' | 'recommendation' | 'botRisk' | 'customer' | 'customerId' | 'reasons'>;
  engagement?: Engagement;
}

export interface RoomOptions {
  now: number;
  /** "engaged recently": within this many days */
  days: number;
  platform: Platform;
  /** accounts followed now (the settings); 0 = count the Following tab */
  followingCount: number;
  /** handles that follow the business (the Followers tab) */
  followers: Set<string>;
  /** the Following tab has profile columns (followers, following, posts…): bot checks are possible */
  profileColumns: boolean;
  history?: Pick<HistoryState, 'keep' | 'unfollowed' | 'unfollowedToday' | 'notNowUntil'>;
}

export interface RoomItem {
  handle: string;
  /** plain words, most important first, joined by "; " */
  reasons: string;
  score: number;
  botRisk: number;
  followedOn?: number;
  followsBack: boolean;
}

export interface RoomList {
  /** today's candidates, weakest first, at most the pace left today */
  items: RoomItem[];
  /** every candidate, before the pace */
  candidates: number;
  /** the platform's safe unfollows a day, and how many the history says were done today */
  daily: number;
  doneToday: number;
  following: number;
  followers: number;
  /** null where the platform has no cap */
  cap: number | null;
  capLeft: number | null;
  /** follows left under the cap once today's list is unfollowed */
  capLeftAfter: number | null;
  /** following ÷ followers, now and after today's list; null without followers */
  ratio: number | null;
  ratioAfter: number | null;
  /** within 10% of the cap */
  nearCap: boolean;
  /** accounts kept off the list, by why */
  protected: { customers: number; engaged: number; kept: number };
  notes: string[];
}

/** Within this share of the cap the sidebar opens the list by itself. */
export const NEAR_CAP = 0.9;

function engagedSince(e: Engagement | undefined, from: number): boolean {
  if (!e || !(e.points > 0)) return false;
  // Undated counts (a per-person export) cannot show the engagement is old: it protects the account.
  return e.last === undefined || e.last >= from;
}

function ago(ms: number, now: number): string {
  const days = Math.max(0, Math.floor((now - ms) / DAY));
  if (days < 1) return 'today';
  if (days < 60) return days === 1 ? 'yesterday' : `${days} days ago`;
  const months = Math.floor(days / 30.44);
  if (months < 24) return `${months} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
}

function reasonsOf(a: FollowedAccount, followsBack: boolean, likelyBot: boolean, now: number): string {
  const out: string[] = [];
  if (!followsBack) out.push('Does not follow you back');
  if (likelyBot) out.push(a.row.reasons.split('; ').find((r) => r.startsWith('Bot signs')) || 'Likely bot');
  if (!a.engagement || !(a.engagement.points > 0)) out.push('No engagement found');
  else if (a.engagement.last !== undefined) out.push(`Last engaged ${ago(a.engagement.last, now)}`);
  out.push('Never bought');
  if (a.followedOn !== undefined) out.push(`Followed ${ago(a.followedOn, now)}`);
  return out.join('; ');
}

interface Candidate {
  item: RoomItem;
  weakness: number;
}

/** Candidates weakest first: not following back, then likely bot, then never engaged; then followed longest ago. */
function order(a: Candidate, b: Candidate): number {
  const fa = a.item.followedOn ?? Infinity;
  const fb = b.item.followedOn ?? Infinity;
  return b.weakness - a.weakness || (fa === fb ? 0 : fa < fb ? -1 : 1) || a.item.score - b.item.score || (a.item.handle < b.item.handle ? -1 : 1);
}

export function roomList(accounts: FollowedAccount[], opts: RoomOptions): RoomList {
  const h = opts.history;
  const from = opts.now - opts.days * DAY;
  const prot = { customers: 0, engaged: 0, kept: 0 };
  const seen = new Set<string>();
  const found: Candidate[] = [];
  let following = 0;
  for (const a of accounts) {
    if (!a.handle || seen.has(a.handle) || h?.unfollowed.has(a.handle)) continue;
    seen.add(a.handle);
    following++;
    if (h?.keep.has(a.handle)) prot.kept++;
    else if (a.row.customerId || a.row.customer) prot.customers++; // a possible customer too: check by hand first
    else if (engagedSince(a.engagement, from)) prot.engaged++;
    else if ((h?.notNowUntil.room.get(a.handle) ?? 0) > opts.now) continue;
    else {
      const followsBack = opts.followers.has(a.handle);
      const likelyBot = opts.profileColumns && a.row.recommendation === 'Likely bot';
      if (followsBack && !likelyBot) continue;
      const engaged = !!a.engagement && a.engagement.points > 0;
      found.push({
        weakness: (followsBack ? 0 : 4) + (likelyBot ? 2 : 0) + (engaged ? 0 : 1),
        item: { handle: a.handle, reasons: reasonsOf(a, followsBack, likelyBot, opts.now), score: a.row.score, botRisk: a.row.botRisk, followedOn: a.followedOn, followsBack },
      });
    }
  }
  found.sort(order);
  const daily = UNFOLLOW_DAILY[opts.platform].daily;
  const doneToday = h?.unfollowedToday ?? 0;
  const items = found.slice(0, Math.max(0, daily - doneToday)).map((c) => c.item);
  return { items, candidates: found.length, daily, doneToday, protected: prot, notes: notesOf(opts, found.length, items.length, daily - doneToday), ...capOf(opts, following, items.length) };
}

function capOf(opts: RoomOptions, listed: number, freed: number) {
  const following = opts.followingCount > 0 ? opts.followingCount : listed;
  const cap = PLATFORMS[opts.platform].cap;
  const followers = opts.followers.size;
  const finite = Number.isFinite(cap);
  const ratio = (n: number) => (followers ? Math.round((n / followers) * 100) / 100 : null);
  return {
    following,
    followers,
    cap: finite ? cap : null,
    capLeft: finite ? Math.max(0, cap - following) : null,
    capLeftAfter: finite ? Math.max(0, cap - following + freed) : null,
    ratio: ratio(following),
    ratioAfter: ratio(Math.max(0, following - freed)),
    nearCap: finite && following >= NEAR_CAP * cap,
  };
}

function notesOf(opts: RoomOptions, candidates: number, shown: number, left: number): string[] {
  const notes: string[] = [];
  if (!opts.profileColumns) notes.push('Bot checks need profile columns (followers, following, posts, profile picture) on the Following tab; this list uses follow-back, engagement and orders alone.');
  if (left <= 0 && candidates) notes.push(`Today's safe pace of ${UNFOLLOW_DAILY[opts.platform].daily} unfollows is used up: come back tomorrow.`);
  else if (candidates > shown) notes.push(`${(candidates - shown).toLocaleString('en-US')} more after today's ${shown.toLocaleString('en-US')}, at a safe pace of ${UNFOLLOW_DAILY[opts.platform].daily} a day.`);
  return notes;
}
