// Bluesky: pages of app.bsky.graph.getFollowers ({"subject": …, "followers": [profile views], "cursor": …}) or
// getFollows ({"follows": […]}), or several pages saved as one JSON array. A profile view has did, handle,
// displayName, description, avatar, createdAt, indexedAt, labels. createdAt is when the *account* was made,
// not when it followed, so it is not used as the follow date.
import { kindFromName } from './hints';
import { buildRows, type RawEntry } from './rows';
import type { ImportKind, ParseOutcome } from './types';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isProfile = (v: Json): boolean => isObject(v) && typeof v.did === 'string' && v.did.startsWith('did:');

function entryOf(p: Record<string, Json>): RawEntry {
  const handle = typeof p.handle === 'string' && p.handle !== 'handle.invalid' ? p.handle : p.did;
  return { handle, name: p.displayName };
}

function pageLists(page: Json): { kind: ImportKind; items: Json[] } | undefined {
  if (!isObject(page)) return undefined;
  if (Array.isArray(page.followers) && page.followers.every(isProfile)) return { kind: 'followers', items: page.followers };
  if (Array.isArray(page.follows) && page.follows.every(isProfile)) return { kind: 'following', items: page.follows };
  return undefined;
}

/** Bluesky JSON, or undefined when the value is not a Bluesky follow page. */
export function parseBlueskyJson(data: Json, fileName: string, assume: ImportKind): ParseOutcome | undefined {
  const pages = Array.isArray(data) ? data : [data];
  const byKind: Record<ImportKind, Json[]> = { followers: [], following: [] };
  const seen: Partial<Record<ImportKind, true>> = {};
  let pageCount = 0;
  const bare: Json[] = [];
  for (const page of pages) {
    const found = pageLists(page);
    if (found) {
      byKind[found.kind].push(...found.items);
      seen[found.kind] = true;
      pageCount++;
    } else if (isProfile(page)) bare.push(page);
    else return undefined;
  }
  if (pageCount === 0 && bare.length === 0) return undefined;
  const named = kindFromName(fileName);
  if (bare.length) {
    byKind[named || assume].push(...bare);
    seen[named || assume] = true;
  }
  const out: Exclude<ParseOutcome, string> = [];
  for (const kind of ['followers', 'following'] as ImportKind[]) {
    if (!seen[kind]) continue;
    const { rows, skipped } = buildRows('bluesky', byKind[kind].map((p) => entryOf(p as Record<string, Json>)));
    const assumed = bare.length > 0 && !named && pageCount === 0;
    out.push({ kind, platform: 'bluesky', format: `Bluesky ${kind} (JSON)`, rows, skipped, ...(assumed ? { assumedKind: true } : {}) });
  }
  return out;
}
