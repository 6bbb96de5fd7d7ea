// The Say thanks list: the people who mentioned, tagged, shared or commented on the business lately, each once,
// customers first, then the most engaged, with the newest post's link and words and why this one.
import { ENGAGEMENT_WEIGHTS } from './engagement';
import type { HistoryState } from './history';
import type { Mention, MentionRead } from './mentions';
import { MIN_BOT_COVERAGE } from './score';
import type { EngagementType, Recommendation } from './types';

const DAY = 86_400_000;

/** What the engine says about a handle (its Followers row when it has one, else the handle alone). */
export interface Person {
  recommendation: Recommendation;
  /** 0-100 */
  botRisk: number;
  /** share of the bot model's inputs known (0..1): a profile row, or a handle alone */
  coverage: number;
  /** a confident customer's key; '' otherwise */
  customerId: string;
  /** confident customer's orders; 0 otherwise */
  orders: number;
}

export interface ThanksOptions {
  now: number;
  /** "recent": the last this many days */
  days: number;
  /** bot risk (0-100) at or above which someone who is not a customer is left out */
  botThreshold: number;
  history?: Pick<HistoryState, 'thanked' | 'notNowUntil'>;
}

export interface ThanksItem {
  handle: string;
  isCustomer: boolean;
  /** why this one, e.g. "customer · 3 orders · mentioned you 4 times in the last 30 days" */
  why: string;
  /** the shown post: the newest (with a link, when several are as new) */
  type?: EngagementType;
  date?: number;
  link?: string;
  text?: string;
  /** thanked interactions in the window */
  interactions: number;
}

export interface ThanksList {
  items: ThanksItem[];
  /** plain-language notes on what the data lacked or what was left out */
  notes: string[];
  days: number;
}

interface Group {
  handle: string;
  counts: Map<EngagementType | undefined, number>;
  points: number;
  shown: Mention;
}

/** The better mention to show: newer, then one with a link, then one with text. */
function better(a: Mention, b: Mention): boolean {
  const da = a.date ?? -Infinity;
  const db = b.date ?? -Infinity;
  if (da !== db) return da > db;
  if (!!a.link !== !!b.link) return !!a.link;
  return !!a.text && !b.text;
}

/** A mention in the window the list shows (an undated one counts: the export gave no date to leave it out by). */
const isRecent = (m: Mention, from: number) => m.date === undefined || m.date >= from;

/** The handles the list can show: those with a mention in the last `days` days. */
export function recentHandles(read: MentionRead, now: number, days: number): string[] {
  const from = now - days * DAY;
  return [...new Set(read.mentions.filter((m) => isRecent(m, from)).map((m) => m.handle))];
}

function groupRecent(read: MentionRead, from: number): Group[] {
  const groups = new Map<string, Group>();
  for (const m of read.mentions) {
    if (!isRecent(m, from)) continue;
    let g = groups.get(m.handle);
    if (!g) groups.set(m.handle, (g = { handle: m.handle, counts: new Map(), points: 0, shown: m }));
    g.counts.set(m.type, (g.counts.get(m.type) ?? 0) + m.count);
    g.points += m.count * (m.type ? ENGAGEMENT_WEIGHTS[m.type] : 1);
    if (better(m, g.shown)) g.shown = m;
  }
  return [...groups.values()];
}

const DID: [EngagementType | undefined, string][] = [
  ['mention', 'mentioned you'], ['tag', 'tagged you'], ['share', 'shared your posts'], ['comment', 'commented'], [undefined, 'posted about you'],
];

function times(n: number): string {
  const r = Math.round(n);
  return r === 1 ? 'once' : r === 2 ? 'twice' : `${r.toLocaleString('en-US')} times`;
}

function whyOf(g: Group, p: Person | undefined, days: number, dated: boolean): string {
  const parts: string[] = [];
  if (p && p.customerId) parts.push(`customer · ${p.orders} order${p.orders === 1 ? '' : 's'}`);
  const did = DID.filter(([t]) => g.counts.has(t)).map(([t, words]) => `${words} ${times(g.counts.get(t)!)}`);
  if (did.length) parts.push(did.join(', ') + (dated ? ` in the last ${days} days` : ''));
  return parts.join(' · ');
}

/** The follow queue's "Some bot signs" (score.ts): too doubtful to thank in public. */
const SOME_BOT_SIGNS = 50;

function isBot(p: Person | undefined, threshold: number): boolean {
  if (!p) return false;
  if (p.recommendation === 'Likely bot') return true;
  // A confident customer bought: a real person, whatever the profile looks like (as in the follow queue).
  if (p.customerId) return false;
  // As in the follow queue, a handle alone ("jenny1987") is too little to call someone a bot: the risk counts only
  // when enough of the profile is known (a Followers row with counts), and then from "some bot signs" up.
  return p.coverage >= MIN_BOT_COVERAGE && p.botRisk >= Math.min(SOME_BOT_SIGNS, threshold);
}

/** Already thanked for what is shown (thanked after its newest post), or snoozed with `not now` on this list. */
function answered(g: Group, opts: ThanksOptions, from: number): boolean {
  const h = opts.history;
  if (!h) return false;
  const thanked = h.thanked.get(g.handle);
  if (thanked !== undefined && thanked >= (g.shown.date ?? from)) return true;
  return (h.notNowUntil.thanks.get(g.handle) ?? 0) > opts.now;
}

function notesOf(read: MentionRead, bots: number): string[] {
  const notes: string[] = [];
  const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-US')} ${k === 1 ? one : many}`;
  if (!read.dated) notes.push('The engagement data has no dates: every row counts as recent, and the list is ordered by its counts.');
  if (!read.linkColumn) notes.push('Links are missing: add a Permalink, Link, URL or Post URL column to the engagement data to open each post from the list.');
  if (read.undated) notes.push(`${n(read.undated, 'engagement row has', 'engagement rows have')} no readable date and ${read.undated === 1 ? 'was' : 'were'} left out.`);
  if (read.future) notes.push(`${n(read.future, 'engagement row is', 'engagement rows are')} dated in the future and ${read.future === 1 ? 'was' : 'were'} left out.`);
  if (read.badLinks) notes.push(`${n(read.badLinks, 'link is', 'links are')} not a web address (http or https) and ${read.badLinks === 1 ? 'is' : 'are'} not shown as a link.`);
  if (bots) notes.push(`${n(bots, 'likely bot', 'likely bots')} left out.`);
  return notes;
}

/** Customers first (newest post first), then the most engaged (ties: newest first), each person once. */
export function thanksList(read: MentionRead, about: (handle: string) => Person | undefined, opts: ThanksOptions): ThanksList {
  const from = opts.now - opts.days * DAY;
  let bots = 0;
  const kept: { g: Group; p?: Person }[] = [];
  for (const g of groupRecent(read, from)) {
    const p = about(g.handle);
    if (isBot(p, opts.botThreshold)) bots++;
    else if (!answered(g, opts, from)) kept.push({ g, p });
  }
  const newest = (g: Group) => g.shown.date ?? -Infinity;
  kept.sort((a, b) => {
    const ca = a.p?.customerId ? 1 : 0;
    const cb = b.p?.customerId ? 1 : 0;
    if (ca !== cb) return cb - ca;
    if (!ca && a.g.points !== b.g.points) return b.g.points - a.g.points;
    return newest(b.g) - newest(a.g) || b.g.points - a.g.points || (a.g.handle < b.g.handle ? -1 : 1);
  });
  const items = kept.map(({ g, p }): ThanksItem => {
    const m = g.shown;
    let interactions = 0;
    for (const c of g.counts.values()) interactions += c;
    return { handle: g.handle, isCustomer: !!p?.customerId, why: whyOf(g, p, opts.days, read.dated), type: m.type, date: m.date, link: m.link, text: m.text, interactions };
  });
  return { items, notes: notesOf(read, bots), days: opts.days };
}
