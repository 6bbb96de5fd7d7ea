// What a file's name says it should be. Detection goes by content; the name only settles what content
// cannot (a TikTok .txt is the same shape for followers and following) and words the error message.
import { baseName } from './text';
import type { ImportKind } from './types';

/** 'followers' / 'following' when the file name says so. */
export function kindFromName(fileName: string): ImportKind | undefined {
  const b = baseName(fileName).toLowerCase();
  if (/following|who_you('|’)?ve_followed|who_you_follow|follows/.test(b)) return 'following';
  if (/follower|fans|followed_you/.test(b)) return 'followers';
  return undefined;
}

export const SUPPORTED =
  'Instagram followers_1.json / following.json (or .html, in any language), the 2020 connections.json, Threads followers.json / following.json, ' +
  'TikTok user_data_tiktok.json / user_data.json / Follower.txt / Following.txt, X follower.js / following.js, ' +
  'Bluesky getFollowers / getFollows JSON, Facebook people_who_followed_you.json, Mastodon following_accounts.csv, ' +
  'LinkedIn Connections.csv (any era), scrapers\' JSON (private-API {"users": […]} pages or a list of profiles), ' +
  'or the whole Instagram download as a .zip';

/** What a file of this name was expected to hold, for error messages. */
export function expectedFor(fileName: string): string {
  const b = baseName(fileName).toLowerCase();
  if (/^followers(_\d+)?\.json$/.test(b))
    return 'an Instagram or Threads followers list (JSON entries with "string_list_data": href, value, timestamp)';
  if (/^following(_\d+)?\.json$/.test(b))
    return 'an Instagram or Threads following list ({"relationships_following": [...]}, entries with "string_list_data")';
  if (/^follow(ers|ing)(_\d+)?\.html?$/.test(b)) return "Instagram's HTML list of profile links, each followed by a date";
  if (/^user_data(_tiktok)?\.json$/.test(b))
    return 'a TikTok data download (["Your Activity"]["Follower"]["FansList"] or ["Profile"]["Follower List"])';
  if (/^connections\.json$/.test(b)) return 'Instagram\'s 2020 connections.json ({"followers": {"username": "date"}, "following": {…}})';
  if (/^follow(er|ing)\.txt$/.test(b)) return 'TikTok\'s text list ("Date: …" then "Username: …" lines)';
  if (/^follow(er|ing)\.js$/.test(b)) return 'an X archive file (window.YTD.follower.part0 = [{"follower": {"accountId": …}}])';
  if (/people_who_followed_you|who_you/.test(b)) return 'a Facebook list ({"followers_v3": [{"name": …, "timestamp": …}]})';
  if (/following_accounts|\.csv$/.test(b))
    return 'a Mastodon following CSV ("Account address" column) or LinkedIn Connections.csv (First Name, Last Name, and URL, Email Address or Connected On)';
  if (/\.zip$/.test(b)) return "a platform's data download as a .zip";
  return 'one of: ' + SUPPORTED;
}
