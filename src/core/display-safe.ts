// What the Say thanks and Make room lists may show of a user's data: only http(s) addresses as links, and text cut
// to 200 characters (shown as text, never markup or a formula).
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
