// Parsed orders, engagement and following (the engine's Context) cached in CacheService, keyed by a SHA-256 of the
// tabs' fingerprints, split into pieces under the 100 KB per value limit. A cache failure only costs a re-parse.
// Three entries: what the orders say and what the engagement says (no clock in either: every hour, the menu, the
// sidebar and the custom functions share them) and the rest (follows and history, read at a given time).
import { readContext, readEngagementPart, readOrdersPart, type Context, type OrdersPart } from '../core/engine';
import { engagementEntriesAt, type EngagementLedger } from '../core/engagement';
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

/** The context but what the orders and the engagement say. */
type RestPart = Omit<Context, keyof OrdersPart | 'engagement'>;

function hex(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += ((b + 256) % 256).toString(16).padStart(2, '0');
  return s;
}

/** Each tab by its name and a fingerprint of its cells: hashing the tabs' JSON took seconds on a large shop. */
const printed = (sources: Source[]) => sources.map((s) => [s.name, fingerprint(s.grid)]);

const digest = (prefix: string, text: string) => `${prefix}${hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8))}`;

/** The key of what the orders tabs say, read with these settings' column choices. */
export function ordersKey(sources: Pick<ContextSources, 'orders'>, settings: Settings): string {
  return digest('followback.orders.', JSON.stringify([1, settings.columnOverrides?.orders || null, printed(sources.orders)]));
}

/** The key of what the engagement tabs say, read with these settings' column choices. */
export function engagementKey(sources: Pick<ContextSources, 'engagement'>, settings: Settings): string {
  return digest('followback.engagement.', JSON.stringify([1, settings.columnOverrides?.engagement || null, printed(sources.engagement)]));
}

/** The key of the rest of the context at `now`. */
export function contextKey(sources: ContextSources, settings: Settings, now: number): string {
  const routine = sources.history ? [printed(sources.history), sources.timeZone || '', settings.notNowDays ?? 7, settings.followingCountOn ?? 0] : null;
  return digest('followback.ctx.', JSON.stringify([4, now, settings.columnOverrides?.following || null, printed(sources.following), routine]));
}

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache() || CacheService.getScriptCache();
  } catch {
    return null;
  }
}

/** The values cached under these keys (null for each one missing or incomplete), in two calls whatever their number. */
export function readCachedAll(keys: string[]): (unknown | null)[] {
  const c = cache();
  if (!c) return keys.map(() => null);
  try {
    const counts = c.getAll(keys.map((k) => `${k}.n`));
    const ns = keys.map((k) => Number(counts[`${k}.n`]) || 0);
    const pieces = keys.flatMap((k, j) => Array.from({ length: ns[j] }, (_, i) => `${k}.${i}`));
    const got = pieces.length ? c.getAll(pieces) : {};
    return keys.map((k, j) => {
      if (!ns[j]) return null;
      const parts: string[] = [];
      for (let i = 0; i < ns[j]; i++) {
        const v = got[`${k}.${i}`];
        if (typeof v !== 'string') return null;
        parts.push(v);
      }
      try {
        return JSON.parse(parts.join('')) as unknown;
      } catch {
        return null;
      }
    });
  } catch {
    return keys.map(() => null);
  }
}

export function readCached(key: string): unknown | null {
  return readCachedAll([key])[0];
}

export function writeCached(key: string, value: unknown): boolean {
  const c = cache();
  if (!c) return false;
  const json = JSON.stringify(value);
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

/**
 * The Context for these tabs: each part from the cache when its tabs are unchanged, else parsed and cached.
 * `keepRest` false: the rest is not cached (the menu's run reads it once, at a time no other call shares).
 */
export function contextFor(sources: ContextSources, settings: Settings, now: number, keepRest = true): Context {
  const okey = ordersKey(sources, settings);
  const ekey = engagementKey(sources, settings);
  // (without keepRest the rest's key is not worked out: it fingerprints every history cell)
  const rkey = keepRest ? contextKey(sources, settings, now) : '';
  const [orders, ledger, rest] = readCachedAll(keepRest ? [okey, ekey, rkey] : [okey, ekey]) as [OrdersPart | null, EngagementLedger | null, RestPart | null];
  const part = orders ?? readOrdersPart(sources.orders, settings);
  if (!orders) writeCached(okey, part);
  const said = ledger ?? readEngagementPart(sources.engagement, settings);
  if (!ledger) writeCached(ekey, said);
  if (rest) return joined(part, said, rest, now);
  const ctx = readContext(sources, settings, now, part, said);
  if (!keepRest) return ctx;
  const { customers, ignoredOrders, noPurchases, engagement, ...others } = ctx;
  writeCached(rkey, others);
  return ctx;
}

/** A context from its three parts, in the field order readContext gives. */
function joined(orders: OrdersPart, ledger: EngagementLedger, rest: RestPart, now: number): Context {
  const { following, ...after } = rest;
  return { customers: orders.customers, ignoredOrders: orders.ignoredOrders, engagement: engagementEntriesAt(ledger, now), following, ...(orders.noPurchases ? { noPurchases: orders.noPurchases } : {}), ...after };
}
