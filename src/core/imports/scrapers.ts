// What follower scrapers save as JSON: Instagram private-API pages ({"users": [...], "next_max_id": …, "has_more": …},
// one page a file or pages in one array) and plain arrays of profiles ([{"username": …, "fullName": …, …}]).
// Keys are matched with the Followers tab's own header synonyms (fields.ts), so "full_name", "fullName" and
// "Full Name" all read as the name, and NA / None / [] values stay unknown (rows.ts).
import { fieldOfHeader } from '../fields';
import { platformOfUrl } from '../values';
import { kindFromName } from './hints';
import { buildRows, type RawEntry } from './rows';
import type { ImportKind, ParseOutcome } from './types';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follower field → RawEntry key. */
const ENTRY_KEY: Record<string, keyof RawEntry> = {
  handle: 'handle', url: 'url', name: 'name', email: 'email', bio: 'bio', followers: 'followers', following: 'following',
  posts: 'posts', private: 'isPrivate', verified: 'verified', hasPicture: 'picture',
};

/** A profile: an object with a string under a handle key (username, handle, screen_name…). */
function isProfile(v: Json): v is Record<string, Json> {
  return isObject(v) && Object.keys(v).some((k) => fieldOfHeader('followers', k) === 'handle' && typeof v[k] === 'string');
}

function entryOf(p: Record<string, Json>): RawEntry {
  const e: RawEntry = {};
  for (const key of Object.keys(p)) {
    const field = fieldOfHeader('followers', key);
    const to = field && ENTRY_KEY[field];
    // Instagram's web API nests counts: "edge_followed_by": {"count": 1234}
    const v = p[key];
    const value = isObject(v) && typeof v.count === 'number' ? v.count : v;
    if (to && (e as Record<string, unknown>)[to] === undefined) (e as Record<string, unknown>)[to] = value;
  }
  return e;
}

/** A private-API page ({"users": [...], with its paging keys}). */
function isApiPage(v: Json): v is { users: Json[] } {
  return isObject(v) && Array.isArray(v.users) && ('next_max_id' in v || 'big_list' in v || 'page_size' in v || 'has_more' in v || v.users.every(isProfile));
}

/** Scraper JSON, or undefined when the value is neither private-API pages nor an array of profiles. */
export function parseScraperJson(data: Json, fileName: string, assume: ImportKind): ParseOutcome | undefined {
  const items = Array.isArray(data) ? data : [data];
  let pages = 0;
  const profiles: Json[] = [];
  for (const item of items) {
    if (isApiPage(item)) {
      pages++;
      profiles.push(...item.users);
    } else if (isProfile(item)) profiles.push(item);
    else return undefined;
  }
  if (profiles.length === 0 && pages === 0) return undefined;
  const entries = profiles.map((p) => (isObject(p) ? entryOf(p) : {}));
  const first = entries.find((e) => typeof e.url === 'string');
  // the private API is Instagram's; a list of profiles says its platform by its links, if at all
  const platform = (first && platformOfUrl(first.url as string)) || (pages || profiles.some((p) => isObject(p) && 'pk' in p) ? 'instagram' : '');
  const { rows, skipped } = buildRows(platform, entries);
  const named = kindFromName(fileName);
  const kind = named || assume;
  const shape = pages ? `private-API JSON, ${pages} page${pages === 1 ? '' : 's'}` : 'JSON list of profiles';
  const label = platform ? platform[0].toUpperCase() + platform.slice(1) : 'Scraped';
  return [{ kind, platform, format: `${label} ${kind} (${shape})`, rows, skipped, ...(named ? {} : { assumedKind: true }) }];
}
