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

/** The list inside a section: the named array (FansList, Following), else the only array there. null = empty. */
function sectionList(section: Json, name: RegExp): Json[] | null | undefined {
  if (section === null) return null;
  if (Array.isArray(section)) return section;
  if (!isObject(section)) return undefined;
  const named = pick(section, name);
  if (Array.isArray(named)) return named;
  if (named === null) return null;
  const arrays = Object.keys(section).filter((k) => Array.isArray(section[k]));
  return arrays.length === 1 ? (section[arrays[0]] as Json[]) : undefined;
}

function entryOf(it: Json): RawEntry {
  if (!isObject(it)) return {};
  return { handle: pick(it, /^user\s*name$/i), date: parseFollowDate(pick(it, /^date$/i)) };
}

/** TikTok JSON, or undefined when the value is not a TikTok download. */
export function parseTikTokJson(data: Json): ParseOutcome | undefined {
  if (!isObject(data)) return undefined;
  const activity = pick(data, /^(your )?activity$/i);
  if (!isObject(activity)) return undefined;
  const sections: { kind: ImportKind; list: Json[] | null | undefined }[] = [
    { kind: 'followers', list: sectionList(pick(activity, /^(follower|followers|fans)( list)?$/i), /^fans\s*list$/i) },
    { kind: 'following', list: sectionList(pick(activity, /^following( list)?$/i), /^following$/i) },
  ];
  const out: Exclude<ParseOutcome, string> = [];
  for (const s of sections) {
    if (s.list === undefined) continue;
    const items = s.list || [];
    const { rows, skipped } = buildRows('tiktok', items.map(entryOf));
    if (items.length > 0 && rows.length === 0) return `the ${s.kind} entries hold no "UserName"`;
    out.push({ kind: s.kind, platform: 'tiktok', format: `TikTok ${s.kind} (JSON)`, rows, skipped });
  }
  if (out.length === 0) return 'a TikTok download without a Follower or Following section (expected ["Your Activity"]["Follower"]["FansList"])';
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
