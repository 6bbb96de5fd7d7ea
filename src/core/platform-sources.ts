// Where each figure of platforms.ts comes from, as data for the tests and the README. Not imported by the add-on:
// dist/Code.js names no URL (test/bundle-security.test.ts), and the comments next to each number say the same.
import type { Platform } from './types';

export const PLATFORM_SOURCES: Record<Platform, string[]> = {
  instagram: ['research/export-formats.md', 'https://staging.ceres.org/instagram-7500-following-limit'],
  x: ['https://help.x.com/en/using-x/x-follow-limit', 'https://letsesocialize.com/twitter-follow-limit'],
  tiktok: ['https://viral.new/blog/how-many-people-can-i-follow-on-tiktok'],
  facebook: ['https://bekindtoustrolls.wordpress.com/2012/06/25/facebook-fan-page-anyone/'],
  threads: ['research/export-formats.md'],
  bluesky: ['https://docs.bsky.app/docs/advanced-guides/rate-limits', 'https://github.com/bluesky-social/pds/issues/94'],
  linkedin: ['https://hdstockimages.com/?p=359079', 'https://theumg.io/linkedins-new-invitations-limit-and-what-it-means-for-you/'],
  pinterest: ['https://help.pinterest.com/en/article/rate-limit-blocks'],
};
