// The address of an account's profile page on its platform, built from its handle (or, for LinkedIn and
// Facebook, from the profile URL the user imported). Plain text in, a URL string or null out: never a request.
import type { Platform } from './types';

/** Handle characters each platform allows in a profile path; anything else gets no link. */
const HANDLE = /^[a-z0-9._-]{1,100}$/i;
const BLUESKY = /^(did:[a-z0-9]+:[a-z0-9._:%-]{1,200}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const X_HANDLE = /^[a-z0-9_]{1,15}$/i;
/** An X account id, as X's archive lists the people one follows: all digits, longer than a username may be. */
const X_ID = /^\d{1,20}$/;

/** Hosts a profile URL may point at, per platform that links from the imported URL. */
const URL_HOSTS: Partial<Record<Platform, RegExp>> = {
  linkedin: /(^|\.)linkedin\.com$/i,
  facebook: /(^|\.)(facebook\.com|fb\.com)$/i,
};

/** An http(s) URL on one of the platform's own hosts, as https; null for anything else (javascript:, data:, another site). */
function ownUrl(platform: Platform, url: string | undefined): string | null {
  const hosts = URL_HOSTS[platform];
  if (!hosts || !url) return null;
  const text = url.trim();
  const m = /^(https?):\/\/([^/?#:@\s]+)(:\d+)?([/?#][^\s]*)?$/i.exec(text);
  if (!m || !hosts.test(m[2])) return null;
  return `https://${m[2].toLowerCase()}${m[4] || '/'}`;
}

function xId(handle: string, url?: string): boolean {
  return X_ID.test(handle) && (handle.length > 15 || /[?&]user_id=\d+/.test(url || ''));
}

/**
 * The profile page of `handle` on `platform`, or null when none can be built safely. `url`: the profile URL from the
 * user's tab, used only for LinkedIn and Facebook and only on their own hosts.
 */
export function profileUrl(platform: Platform, handle: string, url?: string): string | null {
  const h = (handle || '').trim().replace(/^@/, '');
  const fromUrl = ownUrl(platform, url);
  switch (platform) {
    case 'instagram':
      return HANDLE.test(h) ? `https://www.instagram.com/${h}/` : null;
    case 'threads':
      return HANDLE.test(h) ? `https://www.threads.com/@${h}` : null;
    case 'tiktok':
      return HANDLE.test(h) ? `https://www.tiktok.com/@${h}` : null;
    case 'x':
      if (xId(h, url)) return `https://x.com/i/user/${h}`;
      return X_HANDLE.test(h) ? `https://x.com/${h}` : null;
    case 'bluesky':
      return BLUESKY.test(h) ? `https://bsky.app/profile/${h}` : null;
    case 'pinterest':
      return HANDLE.test(h) ? `https://www.pinterest.com/${h}/` : null;
    case 'facebook':
      if (fromUrl) return fromUrl;
      if (/^\d{5,20}$/.test(h)) return `https://www.facebook.com/profile.php?id=${h}`;
      return HANDLE.test(h) ? `https://www.facebook.com/${h}` : null;
    case 'linkedin':
      return fromUrl;
    default:
      return null;
  }
}

/** The same for a platform named as text (a report's or a file's; "twitter" is X); undefined when none can be built. */
export function profileLink(platform: string | undefined, handle: string, url?: string): string | undefined {
  const p = (platform || '').toLowerCase();
  return profileUrl((p === 'twitter' ? 'x' : p) as Platform, handle, url) ?? undefined;
}
