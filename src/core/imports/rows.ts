// One account → ImportedRow: the handle normalised once, the way the engine does (normalizeHandle), and a
// canonical profile URL where the platform has one.
import { isUnknown, normalizeEmail, normalizeHandle, parseBool, parseCount } from '../values';
import { repairText } from './text';
import type { ImportedRow } from './types';

/** A raw entry as a parser found it; strings may still hold mojibake. */
export interface RawEntry {
  handle?: unknown;
  url?: unknown;
  name?: unknown;
  date?: number;
  email?: unknown;
  /** profile fields (scrapers' pages): read with the engine's own parsers */
  bio?: unknown;
  followers?: unknown;
  following?: unknown;
  posts?: unknown;
  isPrivate?: unknown;
  verified?: unknown;
  picture?: unknown;
}

/** A JSON value as a cell for the engine's parsers: numbers and booleans as they are, anything else as text. */
const cell = (v: unknown): string | number | boolean | undefined =>
  typeof v === 'number' || typeof v === 'boolean' ? v : typeof v === 'string' ? v : undefined;

/** Email and profile fields of an entry, the unknown ones (NA, None, [], blank) left out. */
function profileOf(raw: RawEntry, row: ImportedRow): void {
  const email = normalizeEmail(cell(raw.email));
  if (email) row.email = email;
  const bio = typeof raw.bio === 'string' && !isUnknown(raw.bio) ? repairText(raw.bio) : '';
  if (bio) row.bio = bio;
  for (const key of ['followers', 'following', 'posts'] as const) {
    const n = parseCount(cell(raw[key]));
    if (n !== undefined) row[key] = n;
  }
  for (const key of ['isPrivate', 'verified'] as const) {
    const b = parseBool(cell(raw[key]));
    if (b !== undefined) row[key] = b;
  }
  const picture = typeof raw.picture === 'string' && !isUnknown(raw.picture) ? raw.picture.trim() : '';
  if (picture) row.picture = picture;
}

/** The profile page of a handle, for platforms whose URL follows from it. */
export function profileUrl(platform: string, handle: string): string | undefined {
  if (!handle) return undefined;
  switch (platform) {
    case 'instagram':
      return 'https://www.instagram.com/' + handle;
    case 'threads':
      return 'https://www.threads.com/@' + handle;
    case 'tiktok':
      return 'https://www.tiktok.com/@' + handle;
    case 'bluesky':
      return 'https://bsky.app/profile/' + handle;
    case 'mastodon': {
      const at = handle.indexOf('@');
      return at > 0 ? `https://${handle.slice(at + 1)}/@${handle.slice(0, at)}` : undefined;
    }
    default:
      return undefined;
  }
}

/** Platforms whose file URL is kept as written (it cannot be rebuilt from the handle). */
const KEEP_URL: Record<string, true> = { x: true, linkedin: true, facebook: true };

/** The row for one entry, or null when it holds no handle at all. */
export function buildRow(platform: string, raw: RawEntry): ImportedRow | null {
  const url = repairText(raw.url);
  const handle = normalizeHandle(repairText(raw.handle)) || (url ? normalizeHandle(url) : '');
  if (!handle) return null;
  const row: ImportedRow = { handle, platform };
  const link = KEEP_URL[platform] ? url : profileUrl(platform, handle) || url;
  if (link) row.url = link;
  const name = repairText(raw.name).replace(/\s+/g, ' ');
  if (name && !isUnknown(name)) row.name = name;
  if (raw.date !== undefined && isFinite(raw.date)) row.date = raw.date;
  profileOf(raw, row);
  return row;
}

/** Rows for many entries; counts the entries that held no handle. */
export function buildRows(platform: string, entries: RawEntry[]): { rows: ImportedRow[]; skipped: number } {
  const rows: ImportedRow[] = [];
  let skipped = 0;
  for (const e of entries) {
    const r = buildRow(platform, e);
    if (r) rows.push(r);
    else skipped++;
  }
  return { rows, skipped };
}
