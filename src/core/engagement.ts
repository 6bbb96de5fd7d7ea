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

function add(map: Map<string, Engagement>, handle: string, type: EngagementType | undefined, count: number, date: number | undefined, now: number): void {
  if (!(count > 0)) return;
  if (count > MAX_COUNT) count = MAX_COUNT;
  let e = map.get(handle);
  if (!e) {
    e = { points: 0, counts: {} };
    map.set(handle, e);
  }
  const weight = type ? ENGAGEMENT_WEIGHTS[type] : UNKNOWN_WEIGHT;
  e.points += weight * count * decay(date, now);
  if (type) e.counts[type] = (e.counts[type] || 0) + count;
  if (date !== undefined && (e.last === undefined || date > e.last)) e.last = date;
}

/**
 * Engagement per normalised handle over every table given. A row with per-type count columns adds each count;
 * a row with a type (and optionally a count) adds that many of the type; a row with only a handle adds one
 * interaction of unknown type. Points are rounded to two decimals at the end.
 */
export function readEngagement(tables: Table[], now: number): Map<string, Engagement> {
  const map = new Map<string, Engagement>();
  const typeCache = new Map<string, EngagementType | undefined>();
  // Logs repeat the same handles and days many times over: parse each distinct text once.
  const handleCache = new Map<string, string>();
  for (const table of tables) {
    const dateCache = new Map<string, number | undefined>();
    const countCols = COUNT_FIELDS.filter(([field]) => table.columns[field] !== undefined);
    const hasType = table.columns.type !== undefined;
    const hasCount = table.columns.count !== undefined;
    const order = dateOrder(table, 'date');
    for (let i = 0; i < table.rows.length; i++) {
      const handleCell = cellOf(table, i, 'handle');
      let handle: string;
      if (typeof handleCell === 'string') {
        const known = handleCache.get(handleCell);
        if (known === undefined) handleCache.set(handleCell, (handle = normalizeHandle(handleCell)));
        else handle = known;
      } else handle = normalizeHandle(handleCell);
      if (!handle) continue;
      const dateCell = cellOf(table, i, 'date');
      let date: number | undefined;
      if (typeof dateCell === 'string') {
        if (dateCache.has(dateCell)) date = dateCache.get(dateCell);
        else dateCache.set(dateCell, (date = parseDate(dateCell, order)));
      } else date = parseDate(dateCell, order);
      let added = false;
      for (const [field, type] of countCols) {
        const n = parseCount(cellOf(table, i, field));
        if (n !== undefined && n > 0) {
          add(map, handle, type, n, date, now);
          added = true;
        }
      }
      if (added || (countCols.length && !hasType)) continue;
      const typeCell = cellOf(table, i, 'type');
      let type: EngagementType | undefined;
      if (hasType) {
        // few distinct labels in many rows: classify each once
        const key = typeof typeCell === 'string' ? typeCell : String(typeCell);
        if (typeCache.has(key)) type = typeCache.get(key);
        else typeCache.set(key, (type = engagementType(typeCell)));
      }
      let count = 1;
      if (hasCount) {
        const n = parseCount(cellOf(table, i, 'count'));
        if (n !== undefined) count = n;
      }
      add(map, handle, type, count, date, now);
    }
  }
  map.forEach((e) => {
    e.points = Math.round(e.points * 100) / 100;
  });
  return map;
}
