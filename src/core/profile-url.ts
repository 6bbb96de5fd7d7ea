// A person's profile address on a platform, built from their handle: for the lists' links in the sidebar (built there,
// so the add-on's Code.js holds no address it could fetch) and in the command line's CSV. No imports: the sidebar
// bundles it.

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
