// Meta's data downloads: Instagram and Threads follower/following lists (JSON, old and new shapes, and HTML)
// and Facebook's people_who_followed_you.json. Every string in Meta's JSON is mojibake (each UTF-8 byte
// escaped as \u00XX), repaired per string in buildRow.
import { normalizeHandle, platformOfUrl } from '../values';
import { fromUnix, parseFollowDate } from './follow-dates';
import { kindFromName } from './hints';
import { buildRows, type RawEntry } from './rows';
import { decodeEntities, repairText } from './text';
import type { ImportKind, ParseOutcome } from './types';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys of Meta's wrapper objects that hold a follower or following list. */
const RELATIONSHIP_KEYS: Record<string, { kind: ImportKind; platform?: string }> = {
  relationships_followers: { kind: 'followers' },
  relationships_following: { kind: 'following' },
  text_post_app_text_post_app_followers: { kind: 'followers', platform: 'threads' },
  text_post_app_text_post_app_following: { kind: 'following', platform: 'threads' },
};

/** True for an entry of Instagram's list shape ({title, media_list_data, string_list_data}). */
function isListEntry(v: Json): boolean {
  return isObject(v) && (Array.isArray(v.string_list_data) || (typeof v.title === 'string' && 'media_list_data' in v));
}

/** Username = value, else title (newer files), else the last part of the URL (/_u/ links included). */
function entriesOf(items: Json[]): { entries: RawEntry[]; platforms: Record<string, number> } {
  const entries: RawEntry[] = [];
  const platforms: Record<string, number> = {};
  for (const item of items) {
    if (!isObject(item)) {
      entries.push({});
      continue;
    }
    const title = repairText(item.title);
    const list = Array.isArray(item.string_list_data) ? item.string_list_data.filter(isObject) : [];
    if (list.length === 0) {
      entries.push({ handle: title });
      continue;
    }
    for (const d of list) {
      const href = repairText(d.href);
      const p = href ? platformOfUrl(href) : undefined;
      if (p) platforms[p] = (platforms[p] || 0) + 1;
      entries.push({ handle: repairText(d.value) || title || href, url: href, date: fromUnix(d.timestamp) });
    }
  }
  return { entries, platforms };
}

function listOutcome(items: Json[], kind: ImportKind, platformHint: string | undefined, shape: string, assumed: boolean): ParseOutcome {
  const { entries, platforms } = entriesOf(items);
  const platform = platformHint || ((platforms.threads || 0) > (platforms.instagram || 0) ? 'threads' : 'instagram');
  const { rows, skipped } = buildRows(platform, entries);
  if (items.length > 0 && rows.length === 0) return 'no usernames in the list entries (expected "value", "title" or an "href" profile link)';
  const label = platform === 'threads' ? 'Threads' : 'Instagram';
  return [{ kind, platform, format: `${label} ${kind} (${shape})`, rows, skipped, ...(assumed ? { assumedKind: true } : {}) }];
}

/** A Facebook entry has a name and a time, and none of Instagram's or Bluesky's fields. */
function isFacebookEntry(v: Json): boolean {
  return isObject(v) && typeof v.name === 'string' && !('string_list_data' in v) && !('did' in v) && !('handle' in v);
}

/** Facebook: {"followers_v3": [{"name": "Jane Doe", "timestamp": 1600000000}]}, display names only. */
function facebookOutcome(items: Json[], kind: ImportKind): ParseOutcome {
  const entries: RawEntry[] = items.map((it) =>
    isObject(it) ? { handle: repairText(it.name), name: it.name, date: fromUnix(it.timestamp) } : {},
  );
  const { rows, skipped } = buildRows('facebook', entries);
  if (items.length > 0 && rows.length === 0) return 'no names in the entries (expected {"name": …, "timestamp": …})';
  return [{ kind, platform: 'facebook', format: `Facebook ${kind} (names only)`, rows, skipped }];
}

/** Instagram's 2020 connections.json: {"followers": {"jane.doe": "2020-06-01T18:32:14+00:00"}, "following": {…}, …}. */
function connections2020(data: Record<string, Json>): ParseOutcome | undefined {
  const isDateMap = (v: Json) => isObject(v) && Object.keys(v).every((k) => typeof v[k] === 'string');
  if (!isDateMap(data.followers) && !isDateMap(data.following)) return undefined;
  const out: Exclude<ParseOutcome, string> = [];
  for (const kind of ['followers', 'following'] as ImportKind[]) {
    const map = isDateMap(data[kind]) ? (data[kind] as Record<string, Json>) : {};
    const entries: RawEntry[] = Object.keys(map).map((user) => ({ handle: user, date: parseFollowDate(map[user]) }));
    const { rows, skipped } = buildRows('instagram', entries);
    out.push({ kind, platform: 'instagram', format: `Instagram ${kind} (2020 connections.json)`, rows, skipped });
  }
  return out;
}

/** Meta JSON, or undefined when the value is not one of Meta's follow lists. */
export function parseMetaJson(data: Json, fileName: string, assume: ImportKind): ParseOutcome | undefined {
  if (Array.isArray(data)) {
    const named = kindFromName(fileName);
    if (data.length === 0 && named) return listOutcome(data, named, undefined, 'JSON', false); // an empty part
    if (data.length === 0 || !data.every(isListEntry)) return undefined;
    return listOutcome(data, named || assume, undefined, 'JSON', !named);
  }
  if (!isObject(data)) return undefined;
  const old = connections2020(data);
  if (old) return old;
  // the file name says the kind first (followers_N, following), then the wrapper's key
  const named = kindFromName(fileName);
  for (const key of Object.keys(data)) {
    const rel = RELATIONSHIP_KEYS[key];
    const value = data[key];
    if (rel && Array.isArray(value)) return listOutcome(value, named || rel.kind, rel.platform, 'JSON', false);
    // null or {} where the account has none: the empty list, not another kind of file
    if (rel && (value === null || (isObject(value) && Object.keys(value).length === 0))) return listOutcome([], named || rel.kind, rel.platform, 'JSON', false);
    const fb = /^(followers|following)(_v\d+)?$/.exec(key);
    if (fb && Array.isArray(value) && value.every(isFacebookEntry)) {
      return facebookOutcome(value, fb[1] === 'followers' ? 'followers' : 'following');
    }
  }
  const other = Object.keys(data).find((k) => /^(relationships|text_post_app)_/.test(k));
  if (other) {
    const what = other.replace(/^relationships_|^text_post_app_text_post_app_|^text_post_app_/, '').replace(/_/g, ' ');
    return `this is Meta's "${what}" list, not followers or following`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// HTML variant: <a href="https://www.instagram.com/jane.doe">jane.doe</a> then a <div> with the date;
// newer files put the username in an <h2> before a /_u/ link whose text is the URL itself.

const TAG = /<[^>]*>/g;
const textOf = (html: string): string => decodeEntities(html.replace(TAG, ' ')).replace(/\s+/g, ' ').trim();

/**
 * Title words of the two lists in the languages the download is written in (checked only when the file name does
 * not say). Following is tested first: German titles followers "Follower", following "Gefolgt" (research).
 * en Followers / Following; de Follower / Gefolgt, Folgt (Michaelninder/custom-laravel-livewire
 * resources/lang/de/profile.php); fr Abonnés / Abonnements (ESGI-Code-N-Share/codenshare-web-app
 * src/locales/fr/profile.locale.ts and other locale files found with the search tool); es Seguidores / Siguiendo,
 * Seguidos; pt Seguidores / Seguindo (johnrock16/instagram-clone src/i18n/locales/pt-br.js); it Follower /
 * Persone seguite, Seguiti; nl Volgers / Volgend, Volgt.
 */
const FOLLOWING_WORDS = /following|gefolgt|\bfolgt\b|abonniert|abonnements|suivi(e|s)?\b|siguiendo|seguidos|seguindo|persone seguite|seguiti|volgend|\bvolgt\b/;
const FOLLOWERS_WORDS = /follower|abonnenten|abonn[ée]s|seguidores|volgers/;

export function kindFromTitle(title: string): ImportKind | undefined {
  const t = title.toLowerCase();
  if (FOLLOWING_WORDS.test(t)) return 'following';
  if (FOLLOWERS_WORDS.test(t)) return 'followers';
  return undefined;
}

function titleKind(html: string): { kind?: ImportKind; title: string } {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = m ? textOf(m[1]) : '';
  return { kind: kindFromTitle(title), title };
}

export function parseMetaHtml(html: string, fileName: string, assume: ImportKind): ParseOutcome {
  const named = kindFromName(fileName);
  const { kind: titled, title } = titleKind(html);
  if (!named && !titled && title && /instagram|threads|meta/i.test(html) && !/^(instagram|threads)$/i.test(title)) {
    return `this is Meta's "${title}" page, not followers or following`;
  }
  const kind = named || titled || assume;
  const anchor = /<a\b[^>]*?href\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a>/gi;
  const found: { start: number; end: number; href: string; text: string }[] = [];
  for (let m; (m = anchor.exec(html)); ) {
    const href = decodeEntities(m[2] !== undefined ? m[2] : m[3]);
    const p = platformOfUrl(href);
    if ((p !== 'instagram' && p !== 'threads') || !normalizeHandle(href)) continue; // page chrome, help links
    found.push({ start: m.index, end: anchor.lastIndex, href, text: textOf(m[4]) });
  }
  if (found.length === 0) return 'no Instagram or Threads profile links found';
  const entries: RawEntry[] = [];
  const platforms: Record<string, number> = {};
  for (let i = 0; i < found.length; i++) {
    const a = found[i];
    const before = html.slice(i > 0 ? found[i - 1].end : 0, a.start);
    const after = html.slice(a.end, i + 1 < found.length ? found[i + 1].start : html.length);
    const h2 = /<h2\b[^>]*>([\s\S]*?)<\/h2>(?![\s\S]*<h2\b)/i.exec(before);
    const linkText = /^(https?:)?\/\//i.test(a.text) || /\s/.test(a.text) ? '' : a.text;
    let date: number | undefined;
    const divs = /<div\b[^>]*>([^<]+)<\/div>/gi;
    for (let d; (d = divs.exec(after)) && date === undefined; ) date = parseFollowDate(textOf(d[1]));
    const p = platformOfUrl(a.href) as string;
    platforms[p] = (platforms[p] || 0) + 1;
    entries.push({ handle: linkText || (h2 ? textOf(h2[1]) : '') || a.href, url: a.href, date });
  }
  const platform = (platforms.threads || 0) > (platforms.instagram || 0) ? 'threads' : 'instagram';
  const { rows, skipped } = buildRows(platform, entries);
  const label = platform === 'threads' ? 'Threads' : 'Instagram';
  return [{ kind, platform, format: `${label} ${kind} (HTML)`, rows, skipped, ...(!named && !titled ? { assumedKind: true } : {}) }];
}
