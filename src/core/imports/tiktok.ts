// TikTok's data download: user_data_tiktok.json (["Your Activity"]["Follower"]["FansList"] and
// ["Your Activity"]["Following"]["Following"]), the older user_data.json (["Activity"]["Follower List"]…),
// and the TXT variant: "Date: 2025-08-02 01:00:44 UTC" then "Username: jane.doe".
import { parseFollowDate } from './follow-dates';
import { kindFromName } from './hints';
import { buildRows, type RawEntry } from './rows';
import type { ImportKind, ParseOutcome } from './types';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A key of `o` matched case-insensitively against a pattern. */
function pick(o: Record<string, Json>, pattern: RegExp): Json {
  const key = Object.keys(o).find((k) => pattern.test(k.trim()));
  return key === undefined ? undefined : o[key];
}

/**
 * The list inside a section: the named array (FansList, Following), else the only array there. null, {} and a
 * section holding only nulls or empty objects are an empty list (TikTok writes them for an account with none).
 */
function sectionList(section: Json, name: RegExp): Json[] | null | undefined {
  if (section === null) return null;
  if (Array.isArray(section)) return section;
  if (!isObject(section)) return undefined;
  const named = pick(section, name);
  if (Array.isArray(named)) return named;
  if (named === null) return null;
  const arrays = Object.keys(section).filter((k) => Array.isArray(section[k]));
  if (arrays.length === 1) return section[arrays[0]] as Json[];
  const nothing = (v: Json): boolean => v === null || (isObject(v) && Object.keys(v).every((k) => nothing(v[k])));
  return arrays.length === 0 && nothing(section) ? null : undefined;
}

function entryOf(it: Json): RawEntry {
  if (!isObject(it)) return {};
  return { handle: pick(it, /^user\s*name$/i), date: parseFollowDate(pick(it, /^date$/i)) };
}

const FOLLOWER_KEY = /^(follower|followers|fans)( list)?$/i;
const FOLLOWING_KEY = /^following( list)?$/i;

/**
 * TikTok JSON, or undefined when the value is not a TikTok download. The lists sit under "Your Activity" (2022 on),
 * "Activity" (older) or "Profile" (["Profile"]["Follower List"], ["Profile"]["Following List"]["Following"]); a list
 * that is null, {} or missing where the other is present is the account's empty list.
 */
export function parseTikTokJson(data: Json): ParseOutcome | undefined {
  if (!isObject(data)) return undefined;
  const roots = [pick(data, /^(your )?activity$/i), pick(data, /^profile$/i)].filter(isObject);
  if (roots.length === 0) return undefined;
  const find = (key: RegExp, inner: RegExp): Json[] | null | undefined => {
    let found: Json[] | null | undefined;
    for (const root of roots) {
      if (!Object.keys(root).some((k) => key.test(k.trim()))) continue;
      const list = sectionList(pick(root, key), inner);
      if (list) return list;
      if (list === null) found = null;
    }
    return found;
  };
  const sections: { kind: ImportKind; list: Json[] | null | undefined }[] = [
    { kind: 'followers', list: find(FOLLOWER_KEY, /^fans\s*list$/i) },
    { kind: 'following', list: find(FOLLOWING_KEY, /^following$/i) },
  ];
  if (sections.every((s) => s.list === undefined)) {
    return 'a TikTok download without a Follower or Following list (expected ["Your Activity"]["Follower"]["FansList"] or ["Profile"]["Follower List"])';
  }
  const out: Exclude<ParseOutcome, string> = [];
  for (const s of sections) {
    const items = s.list || [];
    const { rows, skipped } = buildRows('tiktok', items.map(entryOf));
    if (items.length > 0 && rows.length === 0) return `the ${s.kind} entries hold no "UserName"`;
    out.push({ kind: s.kind, platform: 'tiktok', format: `TikTok ${s.kind} (JSON)`, rows, skipped });
  }
  return out;
}

/** True when the text looks like TikTok's TXT list. */
export function looksLikeTikTokText(text: string): boolean {
  return /^\s*username\s*:/im.test(text.slice(0, 4000));
}

export function parseTikTokText(text: string, fileName: string, assume: ImportKind): ParseOutcome {
  const entries: RawEntry[] = [];
  let date: number | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^\s*(date|username)\s*:\s*(.*?)\s*$/i.exec(line);
    if (!m) continue;
    if (m[1].toLowerCase() === 'date') date = parseFollowDate(m[2]);
    else {
      entries.push({ handle: m[2], date });
      date = undefined;
    }
  }
  const named = kindFromName(fileName);
  const kind = named || assume;
  const { rows, skipped } = buildRows('tiktok', entries);
  if (rows.length === 0) return 'no "Username:" lines with a username';
  return [{ kind, platform: 'tiktok', format: `TikTok ${kind} (TXT)`, rows, skipped, ...(named ? {} : { assumedKind: true }) }];
}
