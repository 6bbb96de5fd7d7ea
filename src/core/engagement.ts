// Engagement points per person from interaction rows (handle, type, date) or per-person count rows
// (handle + comments/likes/… columns, or handle + type + count): weighted by type, decayed by age.
import { cellAt, columnNumbers, dateOrder } from './table';
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

/** The columns of a log row the tally reads besides the per-type counts. */
const LOG_FIELDS = ['handle', 'date', 'type', 'count'] as const;

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

/**
 * What the engagement logs say with no clock in it, so that it can be cached for hours and read at any time
 * (engagementAt): per person, counts by type, the latest interaction and the points of each distinct date before
 * decay. Flat arrays of numbers and strings, one place per person in the order each first interacted: JSON
 * reads a few long arrays many times faster than an array per person.
 */
export interface EngagementLedger {
  /** the distinct dates of interactions, epoch ms */
  dates: number[];
  handles: string[];
  /** TYPES.length counts per person, in TYPES order */
  counts: number[];
  /** the latest dated interaction of each person, null when none is dated */
  last: (number | null)[];
  /** points of undated interactions, which count in full at any time */
  undated: number[];
  /** person i's dated points are pairs [index into dates, points] at days[dayStart[i]] up to days[dayStart[i + 1]] */
  dayStart: number[];
  days: number[];
}

/** One person's running totals (one shape for everyone, so the hot loop stays fast). */
interface Tally {
  undated: number;
  counts: number[];
  last: number;
  /** the first and the last of this person's dates in Days (-1: none) */
  head: number;
  tail: number;
}

/**
 * Every person's dated points, one linked list a person in three flat arrays: a date's index, its points, the next
 * of the person's dates (-1: none). An array a person cost 10 MB more on 60,000 people.
 */
interface Days {
  date: Int32Array;
  points: Float64Array;
  next: Int32Array;
  n: number;
}

function newDays(): Days {
  return { date: new Int32Array(1024), points: new Float64Array(1024), next: new Int32Array(1024), n: 0 };
}

/** Adds points on the date of this index to the person's list: to its entry when the date has one. */
function addDay(days: Days, e: Tally, index: number, points: number): void {
  // a person's rows of one date are usually next to each other: the last date first
  let j = e.tail;
  if (j >= 0 && days.date[j] !== index) for (j = e.head; j >= 0 && days.date[j] !== index; j = days.next[j]);
  if (j >= 0) {
    days.points[j] += points;
    return;
  }
  if (days.n === days.date.length) {
    const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
    days.date = grow(days.date, new Int32Array(days.n * 2));
    days.points = grow(days.points, new Float64Array(days.n * 2));
    days.next = grow(days.next, new Int32Array(days.n * 2));
  }
  const k = days.n++;
  days.date[k] = index;
  days.points[k] = points;
  days.next[k] = -1;
  if (e.tail >= 0) days.next[e.tail] = k;
  else e.head = k;
  e.tail = k;
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

/** A date as the hot loop needs it: when, and its place in the ledger's dates (-1: undated). */
interface Dated {
  date: number | undefined;
  index: number;
}

function tallyOne(slot: Slot, order: Slot[], days: Days, kind: Kind, count: number, when: Dated): void {
  if (!(count > 0)) return;
  if (count > MAX_COUNT) count = MAX_COUNT;
  let e = slot.tally;
  if (!e) {
    e = slot.tally = { undated: 0, counts: [0, 0, 0, 0, 0, 0, 0], last: NaN, head: -1, tail: -1 };
    order.push(slot);
  }
  const points = kind.weight * count;
  if (kind.index >= 0) e.counts[kind.index] += count;
  const date = when.date;
  if (date === undefined) {
    e.undated += points;
    return;
  }
  if (!(date <= e.last)) e.last = date;
  addDay(days, e, when.index, points);
}

/**
 * Engagement per normalised handle over every table given, at `now`. A row with per-type count columns adds each
 * count; a row with a type (and optionally a count) adds that many of the type; a row with only a handle adds one
 * interaction of unknown type. Points are rounded to two decimals at the end.
 */
export function readEngagement(tables: Table[], now: number): Map<string, Engagement> {
  return engagementAt(readEngagementLedger(tables), now);
}

/** The ledger of every table given (readEngagement without the clock). */
export function readEngagementLedger(tables: Table[]): EngagementLedger {
  const ledger = engagementLedger();
  for (const table of tables) ledger.add(table);
  return ledger.result();
}

/**
 * The engagement a ledger gives at `now`: each date's points decayed by its age, the undated in full. Rounded to
 * two decimals, as points are shown.
 */
export function engagementAt(ledger: EngagementLedger, now: number): Map<string, Engagement> {
  return new Map(engagementEntriesAt(ledger, now));
}

/** engagementAt as [handle, engagement] entries, as the context holds them (plain data). */
export function engagementEntriesAt(ledger: EngagementLedger, now: number): [string, Engagement][] {
  const decays = ledger.dates.map((d) => decay(d, now));
  const { handles, counts, last, undated, dayStart, days } = ledger;
  const entries: [string, Engagement][] = [];
  for (let i = 0; i < handles.length; i++) {
    const l = last[i];
    let points = undated[i];
    for (let j = dayStart[i]; j < dayStart[i + 1]; j += 2) points += days[j + 1] * decays[days[j]];
    entries.push([handles[i], engagementOf(points, counts, i * TYPES.length, l === null ? NaN : l)]);
  }
  return entries;
}

/**
 * One person's engagement from the points summed (the undated ones, then each date's decayed, in the order the
 * dates came: the ledger and a tally read at once sum alike, so the two agree to the last digit), rounded to two
 * decimals, and counts[at..at + TYPES.length) by type.
 */
function engagementOf(points: number, counts: number[], at: number, last: number): Engagement {
  const byType: Engagement['counts'] = {};
  for (let t = 0; t < TYPES.length; t++) if (counts[at + t]) byType[TYPES[t]] = counts[at + t];
  const e: Engagement = { points: Math.round(points * 100) / 100, counts: byType };
  if (!isNaN(last)) e.last = last;
  return e;
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
  const ledger = engagementLedger();
  return { add: ledger.add, result: () => ledger.at(now) };
}

interface LedgerBuilder {
  add(table: Table, dates?: 'MDY' | 'DMY'): void;
  result(): EngagementLedger;
  /** engagementAt(result(), now), without the ledger's copy of every tally (the command line's memory) */
  at(now: number): Map<string, Engagement>;
}

/** readEngagementLedger, a table or a part of one at a time. */
function engagementLedger(): LedgerBuilder {
  const order: Slot[] = [];
  const days = newDays();
  const typeCache = new Map<string, Kind>();
  // Logs repeat the same handles and days many times over: parse each distinct text once, and find a
  // handle's tally with one lookup of the text as written.
  const dateCaches = { MDY: new Map<string, Dated>(), DMY: new Map<string, Dated>() };
  const dates: number[] = [];
  const dateIndex = new Map<number, number>();
  const dated = (date: number | undefined): Dated => {
    if (date === undefined || !isFinite(date)) return { date: undefined, index: -1 };
    let index = dateIndex.get(date);
    if (index === undefined) {
      dateIndex.set(date, (index = dates.length));
      dates.push(date);
    }
    return { date, index };
  };
  const slots = new Map<string, Slot>();
  const written = new Map<string, Slot | null>();
  const slotOf = (handle: string): Slot | null => {
    if (!handle) return null;
    let slot = slots.get(handle);
    if (!slot) slots.set(handle, (slot = { handle, tally: null }));
    return slot;
  };
  const add = (table: Table, dateOrderOf = dateOrder(table, 'date')) => {
    const dateCache = dateCaches[dateOrderOf];
    // each column's number looked up once a table, not once a row (a keyed lookup a cell was a tenth of the read)
    const countCols = COUNT_FIELDS.filter(([field]) => table.columns[field] !== undefined).map(([field, type]) => [table.columns[field], kindOf(type)] as const);
    const { handle: handleCol, date: dateCol, type: typeCol, count: countCol } = columnNumbers(table, LOG_FIELDS);
    const rows = table.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row) continue;
      const handleCell = cellAt(row, handleCol);
      let slot: Slot | null | undefined;
      if (typeof handleCell === 'string') {
        slot = written.get(handleCell);
        if (slot === undefined) written.set(handleCell, (slot = slotOf(normalizeHandle(handleCell))));
      } else slot = slotOf(normalizeHandle(handleCell));
      if (!slot) continue;
      const dateCell = cellAt(row, dateCol);
      let when: Dated | undefined;
      if (typeof dateCell === 'string') {
        when = dateCache.get(dateCell);
        if (!when) dateCache.set(dateCell, (when = dated(parseDate(dateCell, dateOrderOf))));
      } else when = dated(parseDate(dateCell, dateOrderOf));
      let added = false;
      for (const [col, kind] of countCols) {
        const n = parseCount(row[col]);
        if (n !== undefined && n > 0) {
          tallyOne(slot, order, days, kind, n, when);
          added = true;
        }
      }
      if (added || (countCols.length && typeCol === undefined)) continue;
      let kind = UNKNOWN_KIND;
      if (typeCol !== undefined) {
        // few distinct labels in many rows: classify each once
        const typeCell = row[typeCol];
        const key = typeof typeCell === 'string' ? typeCell : String(typeCell);
        const known = typeCache.get(key);
        if (known) kind = known;
        else typeCache.set(key, (kind = kindOf(engagementType(typeCell))));
      }
      let count = 1;
      if (countCol !== undefined) {
        const n = parseCount(row[countCol]);
        if (n !== undefined) count = n;
      }
      tallyOne(slot, order, days, kind, count, when);
    }
  };
  const result = (): EngagementLedger => {
    const ledger: EngagementLedger = { dates: dates.slice(), handles: [], counts: [], last: [], undated: [], dayStart: [], days: [] };
    for (const { handle, tally: t } of order) {
      ledger.handles.push(handle);
      for (let k = 0; k < t!.counts.length; k++) ledger.counts.push(t!.counts[k]);
      ledger.last.push(isNaN(t!.last) ? null : t!.last);
      ledger.undated.push(t!.undated);
      ledger.dayStart.push(ledger.days.length);
      for (let j = t!.head; j >= 0; j = days.next[j]) ledger.days.push(days.date[j], days.points[j]);
    }
    ledger.dayStart.push(ledger.days.length);
    return ledger;
  };
  const at = (now: number): Map<string, Engagement> => {
    const decays = dates.map((d) => decay(d, now));
    const map = new Map<string, Engagement>();
    for (const { handle, tally: t } of order) {
      let points = t!.undated;
      for (let j = t!.head; j >= 0; j = days.next[j]) points += days.points[j] * decays[days.date[j]];
      map.set(handle, engagementOf(points, t!.counts, 0, t!.last));
    }
    return map;
  };
  return { add, result, at };
}
