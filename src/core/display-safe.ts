// What the Say thanks and Make room lists may show of a user's data: only http(s) addresses as links, text cut to
// 200 characters (shown as text, never markup or a formula), and a profile address built from a handle.
import type { Cell } from './types';
import { cleanText } from './values';

/** Longest text a list shows of a post or comment. */
export const TEXT_MAX = 200;
/** Longest address a list keeps; a longer one is not a link a person pasted. */
const LINK_MAX = 2000;
/** http or https, a host of letters, digits, dots and dashes, then no spaces, quotes or angle brackets. */
const HTTP_URL = /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?(?:[/?#][^\s"'<>`\\]*)?$/i;

/** The cell as a link when it is an http(s) address; undefined otherwise (javascript:, data:, bare words, =HYPERLINK…). */
export function safeLink(v: Cell): string | undefined {
  const s = cleanText(v);
  if (!s || s.length > LINK_MAX) return undefined;
  return HTTP_URL.test(s) ? s : undefined;
}

/** The cell's text on one line, at most TEXT_MAX characters (an ellipsis when cut); '' when blank. */
export function shortText(v: Cell): string {
  const s = cleanText(v).replace(/\s+/g, ' ').trim();
  const chars = Array.from(s); // by code point: an emoji is not cut in half
  return chars.length <= TEXT_MAX ? s : chars.slice(0, TEXT_MAX - 1).join('') + '…';
}

const PROFILE: Record<string, (h: string) => string> = {
  instagram: (h) => `https://www.instagram.com/${h}/`,
  x: (h) => `https://x.com/${h}`,
  twitter: (h) => `https://x.com/${h}`,
  tiktok: (h) => `https://www.tiktok.com/@${h}`,
  facebook: (h) => `https://www.facebook.com/${h}`,
  threads: (h) => `https://www.threads.net/@${h}`,
  bluesky: (h) => `https://bsky.app/profile/${h}`,
  linkedin: (h) => `https://www.linkedin.com/in/${h}`,
  pinterest: (h) => `https://www.pinterest.com/${h}/`,
};

/** The profile address of a normalised handle on a platform; undefined for an unknown platform or an odd handle. */
export function profileLink(platform: string | undefined, handle: string): string | undefined {
  const make = platform ? PROFILE[platform.toLowerCase()] : undefined;
  if (!make || !/^[\p{L}\p{N}._-]{1,100}$/u.test(handle)) return undefined;
  return make(encodeURIComponent(handle));
}
