// Engagement rows one by one (who, what kind, when, the post's link and words) for the Say thanks list. The scoring
// tally (engagement.ts) sums rows without keeping them; this reader keeps only the kinds worth a thank-you.
import { engagementType } from './engagement';
import { safeLink, shortText } from './display-safe';
import { cellOf, dateOrder } from './table';
import type { Cell, EngagementType, Table } from './types';
import { cleanText, normalizeHandle, parseCount, parseDate } from './values';

/** What a business thanks someone for: they put it in public. Likes, saves and DMs are not thanked in public. */
export const THANKED_TYPES: readonly EngagementType[] = ['mention', 'tag', 'share', 'comment'];

const COUNT_COLUMNS: [string, EngagementType][] = [['mentions', 'mention'], ['tags', 'tag'], ['shares', 'share'], ['comments', 'comment']];
const DAY = 86_400_000;

export interface Mention {
  handle: string;
  /** undefined: the row names no kind, but carries a post (a link or text) */
  type?: EngagementType;
  /** epoch ms; undefined in an export without dates */
  date?: number;
  link?: string;
  text?: string;
  count: number;
}

export interface MentionRead {
  mentions: Mention[];
  /** every table read had a date column */
  dated: boolean;
  /** some row had a link column */
  linkColumn: boolean;
  /** rows of a dated table with no readable date: left out (a date decides "recent") */
  undated: number;
  /** rows dated more than a day after now: left out (not "recent"; a typo or a time-zone slip) */
  future: number;
  /** links that were not http(s) addresses: the row stays, without its link */
  badLinks: number;
}

/** The thanked kind of a row: its type, or, for a row without one, a post when it has a link or text. */
function kindOf(table: Table, i: number, hasPost: boolean): EngagementType | undefined | null {
  if (table.columns.type === undefined) return hasPost ? undefined : null;
  const type = engagementType(cellOf(table, i, 'type'));
  if (type) return THANKED_TYPES.includes(type) ? type : null;
  return hasPost && !cleanText(cellOf(table, i, 'type')) ? undefined : null;
}

/** A date cell read once per distinct text (null in the cache: not a date). */
function dateOf(cell: Cell, order: 'MDY' | 'DMY', cache: Map<string, number | null>): number | undefined {
  if (typeof cell !== 'string') return parseDate(cell, order);
  const hit = cache.get(cell);
  if (hit !== undefined) return hit === null ? undefined : hit;
  const d = parseDate(cell, order);
  cache.set(cell, d === undefined ? null : d);
  return d;
}

/** Reads the thanked rows of engagement tables (the Engagement tab or --engagement files). */
export function readMentions(tables: Table[], now: number): MentionRead {
  const out: MentionRead = { mentions: [], dated: tables.length > 0, linkColumn: false, undated: 0, future: 0, badLinks: 0 };
  for (const table of tables) {
    const dated = table.columns.date !== undefined;
    if (!dated) out.dated = false;
    if (table.columns.link !== undefined) out.linkColumn = true;
    const order = dateOrder(table, 'date');
    const counts = COUNT_COLUMNS.filter(([field]) => table.columns[field] !== undefined);
    // Logs repeat the same handles and days many times over: each distinct text is read once.
    const handles = new Map<string, string>();
    const dates = new Map<string, number | null>();
    for (let i = 0; i < table.rows.length; i++) {
      const handleCell = cellOf(table, i, 'handle');
      let handle = typeof handleCell === 'string' ? handles.get(handleCell) : undefined;
      if (handle === undefined) {
        handle = normalizeHandle(handleCell);
        if (typeof handleCell === 'string') handles.set(handleCell, handle);
      }
      if (!handle) continue;
      const rawLink = cellOf(table, i, 'link');
      const link = safeLink(rawLink);
      if (!link && cleanText(rawLink)) out.badLinks++;
      const text = shortText(cellOf(table, i, 'text')) || undefined;
      const date = dated ? dateOf(cellOf(table, i, 'date'), order, dates) : undefined;
      if (dated && date === undefined) {
        out.undated++;
        continue;
      }
      if (date !== undefined && date > now + DAY) {
        out.future++;
        continue;
      }
      const base = { handle, date, link, text };
      let counted = false;
      for (const [field, type] of counts) {
        const n = parseCount(cellOf(table, i, field));
        if (n !== undefined && n > 0) {
          out.mentions.push({ ...base, type, count: n });
          counted = true;
        }
      }
      if (counted || (counts.length && table.columns.type === undefined)) continue;
      const type = kindOf(table, i, !!(link || text));
      if (type === null) continue;
      const n = table.columns.count === undefined ? 1 : parseCount(cellOf(table, i, 'count')) ?? 1;
      if (n > 0) out.mentions.push({ ...base, type, count: n });
    }
  }
  return out;
}
