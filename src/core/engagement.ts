// Engagement points per person from interaction rows (handle, type, date) or per-person count rows
// (handle + comments/likes/… columns, or handle + type + count): weighted by type, decayed by age.
import { cellOf, dateOrder } from './table';
import type { Engagement, EngagementType, Table } from './types';
import { cleanText, normalizeHandle, parseCount, parseDate } from './values';

/** Points per interaction: what the business would most like to reward comes first. */
export const ENGAGEMENT_WEIGHTS: Record<EngagementType, number> = { mention: 5, tag: 4, share: 4, comment: 3, dm: 3, save: 2, like: 1 };
/** Points for an interaction whose type is missing or not recognised. */
export const UNKNOWN_WEIGHT = 1;
/** An interaction loses half its weight every 30 days. */
export const HALF_LIFE_DAYS = 30;

const DAY_MS = 86400000;
/** One person's count of one kind of interaction above this is a broken cell (a formula gone wrong), not data. */
export const MAX_COUNT = 1e6;

/** Count columns of a per-person table, by the type they count. */
const COUNT_FIELDS: [string, EngagementType][] = [
  ['mentions', 'mention'], ['tags', 'tag'], ['shares', 'share'], ['comments', 'comment'], ['dms', 'dm'], ['saves', 'save'], ['likes', 'like'],
];

let typeWords: Map<string, EngagementType> | undefined;

function exactTypes(): Map<string, EngagementType> {
  if (!typeWords) {
    const groups: [EngagementType, string[]][] = [
      ['comment', ['comment', 'comments', 'commented', 'reply', 'replies', 'replied', 'story reply', 'response']],
      ['mention', ['mention', 'mentions', 'mentioned', 'at mention', '@mention', 'story mention']],
      ['tag', ['tag', 'tags', 'tagged', 'photo tag', 'tagged you']],
      ['share', ['share', 'shares', 'shared', 'repost', 'reposts', 'reposted', 'retweet', 'retweets', 'retweeted', 'rt', 'reshare', 'reshared', 'quote', 'quote tweet', 'boost', 'boosted', 'stitch', 'duet']],
      ['save', ['save', 'saves', 'saved', 'bookmark', 'bookmarks', 'bookmarked']],
      ['dm', ['dm', 'dms', 'message', 'messages', 'direct message', 'direct messages', 'pm', 'private message', 'messaged', 'inbox']],
      ['like', ['like', 'likes', 'liked', 'heart', 'hearts', 'hearted', 'reaction', 'reactions', 'react', 'reacted', 'favorite', 'favorites', 'favourite', 'favourites', 'favorited', 'fav', 'fave', 'love', 'loved']],
    ];
    typeWords = new Map();
    for (const [type, words] of groups) for (const w of words) typeWords.set(w, type);
  }
  return typeWords;
}

/** Keyword fallbacks for longer labels ("Story mention", "Comment reply", "Post like"), strongest first. */
const TYPE_KEYWORDS: [RegExp, EngagementType][] = [
  [/mention|@/, 'mention'],
  [/\btag/, 'tag'],
  [/share|repost|retweet|boost/, 'share'],
  [/comment|repl/, 'comment'],
  [/save|bookmark/, 'save'],
  [/\bdms?\b|message/, 'dm'],
  [/like|heart|reaction|favou?rite/, 'like'],
];

/** An interaction type from the words people and platforms use; undefined when unrecognised. */
export function engagementType(v: unknown): EngagementType | undefined {
  const raw = cleanText(v as string).toLowerCase();
  if (!raw) return undefined;
  const s = raw.replace(/^@\s*/, '@').replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();
  const exact = exactTypes().get(s) || exactTypes().get(s.replace(/^@/, 'at '));
  if (exact) return exact;
  for (const [re, type] of TYPE_KEYWORDS) if (re.test(s)) return type;
  return undefined;
}

/** 0.5 ^ (age / half-life); undated, and future, interactions count in full. */
export function decay(date: number | undefined, now: number): number {
  if (date === undefined || !isFinite(now)) return 1;
  const age = (now - date) / DAY_MS;
  return age <= 0 ? 1 : Math.pow(0.5, age / HALF_LIFE_DAYS);
}

/** Types in a fixed order: a person's counts are kept in a plain array until the end. */
const TYPES = Object.keys(ENGAGEMENT_WEIGHTS) as EngagementType[];

/** One person's running totals (one shape for everyone, so the hot loop stays fast). */
interface Tally {
  points: number;
  counts: number[];
  last: number;
}

/** A handle as written in a log, shared by every spelling that normalises to it; its tally from its first interaction. */
interface Slot {
  handle: string;
  tally: Tally | null;
}

/** A kind of interaction as the hot loop needs it: its place in Tally.counts (-1 when unknown) and its points. */
interface Kind {
  index: number;
  weight: number;
}

const UNKNOWN_KIND: Kind = { index: -1, weight: UNKNOWN_WEIGHT };
const KINDS = new Map<EngagementType, Kind>(TYPES.map((t, index) => [t, { index, weight: ENGAGEMENT_WEIGHTS[t] }]));
const kindOf = (type: EngagementType | undefined): Kind => (type ? KINDS.get(type)! : UNKNOWN_KIND);

/** A date as the hot loop needs it: when, and the share of its weight an interaction then still has. */
interface Dated {
  date: number | undefined;
  decay: number;
}

function tallyOne(slot: Slot, order: Slot[], kind: Kind, count: number, when: Dated): void {
  if (!(count > 0)) return;
  if (count > MAX_COUNT) count = MAX_COUNT;
  let e = slot.tally;
  if (!e) {
    e = slot.tally = { points: 0, counts: [0, 0, 0, 0, 0, 0, 0], last: NaN };
    order.push(slot);
  }
  e.points += kind.weight * count * when.decay;
  if (kind.index >= 0) e.counts[kind.index] += count;
  const date = when.date;
  if (date !== undefined && !(date <= e.last)) e.last = date;
}

/**
 * Engagement per normalised handle over every table given. A row with per-type count columns adds each count;
 * a row with a type (and optionally a count) adds that many of the type; a row with only a handle adds one
 * interaction of unknown type. Points are rounded to two decimals at the end.
 */
export function readEngagement(tables: Table[], now: number): Map<string, Engagement> {
  const tally = engagementTally(now);
  for (const table of tables) tally.add(table);
  return tally.result();
}

export interface EngagementTally {
  /**
   * Adds a table's rows. A file read in parts adds each part as a table with the first part's header and
   * columns, and the first part's date order (`dates`), so it sums up exactly as the whole table would.
   */
  add(table: Table, dates?: 'MDY' | 'DMY'): void;
  result(): Map<string, Engagement>;
}

/** readEngagement, a table or a part of one at a time. */
export function engagementTally(now: number): EngagementTally {
  const order: Slot[] = [];
  const typeCache = new Map<string, Kind>();
  // Logs repeat the same handles and days many times over: parse each distinct text once, and find a
  // handle's tally with one lookup of the text as written.
  const dateCaches = { MDY: new Map<string, Dated>(), DMY: new Map<string, Dated>() };
  const dated = (date: number | undefined): Dated => ({ date, decay: decay(date, now) });
  const slots = new Map<string, Slot>();
  const written = new Map<string, Slot | null>();
  const slotOf = (handle: string): Slot | null => {
    if (!handle) return null;
    let slot = slots.get(handle);
    if (!slot) slots.set(handle, (slot = { handle, tally: null }));
    return slot;
  };
  const add = (table: Table, dates = dateOrder(table, 'date')) => {
    const dateCache = dateCaches[dates];
    const countCols = COUNT_FIELDS.filter(([field]) => table.columns[field] !== undefined).map(([field, type]) => [field, kindOf(type)] as const);
    const hasType = table.columns.type !== undefined;
    const hasCount = table.columns.count !== undefined;
    for (let i = 0; i < table.rows.length; i++) {
      const handleCell = cellOf(table, i, 'handle');
      let slot: Slot | null | undefined;
      if (typeof handleCell === 'string') {
        slot = written.get(handleCell);
        if (slot === undefined) written.set(handleCell, (slot = slotOf(normalizeHandle(handleCell))));
      } else slot = slotOf(normalizeHandle(handleCell));
      if (!slot) continue;
      const dateCell = cellOf(table, i, 'date');
      let when: Dated | undefined;
      if (typeof dateCell === 'string') {
        when = dateCache.get(dateCell);
        if (!when) dateCache.set(dateCell, (when = dated(parseDate(dateCell, dates))));
      } else when = dated(parseDate(dateCell, dates));
      let added = false;
      for (const [field, kind] of countCols) {
        const n = parseCount(cellOf(table, i, field));
        if (n !== undefined && n > 0) {
          tallyOne(slot, order, kind, n, when);
          added = true;
        }
      }
      if (added || (countCols.length && !hasType)) continue;
      let kind = UNKNOWN_KIND;
      if (hasType) {
        // few distinct labels in many rows: classify each once
        const typeCell = cellOf(table, i, 'type');
        const key = typeof typeCell === 'string' ? typeCell : String(typeCell);
        const known = typeCache.get(key);
        if (known) kind = known;
        else typeCache.set(key, (kind = kindOf(engagementType(typeCell))));
      }
      let count = 1;
      if (hasCount) {
        const n = parseCount(cellOf(table, i, 'count'));
        if (n !== undefined) count = n;
      }
      tallyOne(slot, order, kind, count, when);
    }
  };
  const result = () => {
    const map = new Map<string, Engagement>();
    for (const { handle, tally } of order) {
      const counts: Engagement['counts'] = {};
      for (let t = 0; t < TYPES.length; t++) if (tally!.counts[t]) counts[TYPES[t]] = tally!.counts[t];
      const e: Engagement = { points: Math.round(tally!.points * 100) / 100, counts };
      if (!isNaN(tally!.last)) e.last = tally!.last;
      map.set(handle, e);
    }
    return map;
  };
  return { add, result };
}
