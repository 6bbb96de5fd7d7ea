// Parsed orders, engagement and following (the engine's Context) cached in CacheService, keyed by a SHA-256 of the
// tabs' content, split into pieces under the 100 KB per value limit. A cache failure only costs a re-parse.
import { readContext, type Context } from '../core/engine';
import type { Settings, Source } from '../core/types';
import { fingerprint } from './fingerprint';

const PIECE_CHARS = 30000; // ≤ 90 KB even when every character takes 3 bytes in UTF-8
const MAX_PIECES = 300;
const TTL_SECONDS = 3600;

export interface ContextSources {
  orders: Source[];
  engagement: Source[];
  following: Source[];
  /** the history tab: follows, not now, never, undone and unfollowed change the queue and who is followed */
  history?: Source[];
  timeZone?: string;
}

function hex(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += ((b + 256) % 256).toString(16).padStart(2, '0');
  return s;
}

/** Each tab by its name and a fingerprint of its cells: hashing the tabs' JSON took seconds on a large shop. */
const printed = (sources: Source[]) => sources.map((s) => [s.name, fingerprint(s.grid)]);

export function contextKey(sources: ContextSources, settings: Settings, now: number): string {
  const routine = sources.history ? [printed(sources.history), sources.timeZone || '', settings.notNowDays ?? 7, settings.followingCountOn ?? 0] : null;
  const text = JSON.stringify([2, now, settings.columnOverrides || null, printed(sources.orders), printed(sources.engagement), printed(sources.following), routine]);
  return `followback.ctx.${hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8))}`;
}

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache() || CacheService.getScriptCache();
  } catch {
    return null;
  }
}

export function readCached(key: string): Context | null {
  const c = cache();
  if (!c) return null;
  try {
    const n = Number(c.get(`${key}.n`));
    if (!n) return null;
    const keys = Array.from({ length: n }, (_, i) => `${key}.${i}`);
    const got = c.getAll(keys);
    if (keys.some((k) => typeof got[k] !== 'string')) return null;
    return JSON.parse(keys.map((k) => got[k]).join('')) as Context;
  } catch {
    return null;
  }
}

export function writeCached(key: string, ctx: Context): boolean {
  const c = cache();
  if (!c) return false;
  const json = JSON.stringify(ctx);
  const n = Math.ceil(json.length / PIECE_CHARS) || 1;
  if (n > MAX_PIECES) return false;
  const values: Record<string, string> = {};
  for (let i = 0; i < n; i++) values[`${key}.${i}`] = json.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS);
  try {
    c.putAll(values, TTL_SECONDS);
    c.put(`${key}.n`, String(n), TTL_SECONDS); // written last: a reader never sees a count without its pieces
    return true;
  } catch {
    return false;
  }
}

/** The Context for these tabs: from the cache when their content is unchanged, else parsed and cached. */
export function contextFor(sources: ContextSources, settings: Settings, now: number): Context {
  const key = contextKey(sources, settings, now);
  const hit = readCached(key);
  if (hit) return hit;
  const ctx = readContext(sources, settings, now);
  writeCached(key, ctx);
  return ctx;
}
