// Follow limits per platform, from research/export-formats.md. `cap`: most accounts one may follow
// (Infinity where none is published); `daily`: a safe pace for follows a day, at the low end of what is
// reported, because every platform punishes bursts and churn.
import type { Platform } from './types';

export interface PlatformLimits {
  label: string;
  cap: number;
  daily: number;
  note: string;
}

export const PLATFORMS: Record<Platform, PlatformLimits> = {
  instagram: { label: 'Instagram', cap: 7500, daily: 100, note: 'about 100–200 follows a day, less for new accounts' },
  x: { label: 'X', cap: 5000, daily: 400, note: '400 follows a day; past 5,000 limited by follower ratio' },
  tiktok: { label: 'TikTok', cap: 10000, daily: 150, note: 'about 150–200 follows a day' },
  facebook: { label: 'Facebook', cap: 5000, daily: 100, note: 'no published pace' },
  threads: { label: 'Threads', cap: Infinity, daily: 100, note: 'rate-limited, unpublished' },
  bluesky: { label: 'Bluesky', cap: Infinity, daily: 200, note: 'bulk following is labelled spam' },
  // LinkedIn invitations run about 100 a week.
  linkedin: { label: 'LinkedIn', cap: 30000, daily: 15, note: 'about 100 invitations a week' },
  pinterest: { label: 'Pinterest', cap: Infinity, daily: 100, note: 'blocks on bursts' },
};

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PLATFORMS, value);
}

/** Follows allowed today: the daily pace, never past the platform's total cap. */
export function followBudget(platform: Platform, followingCount: number, dailyLimit?: number): { daily: number; capLeft: number; budget: number } {
  const limits = PLATFORMS[platform];
  const daily = dailyLimit ?? limits.daily;
  const capLeft = Math.max(0, limits.cap - Math.max(0, followingCount));
  return { daily, capLeft, budget: Math.max(0, Math.min(daily, capLeft)) };
}

/**
 * A safe pace of unfollows a day, beside the follow pace above (the Make room list, unfollow.ts). No platform
 * publishes one; each figure is at the low end of what is reported, because the platforms count follows and
 * unfollows together and punish churn. Sources, as read on 2026-12-02:
 */
export const UNFOLLOW_DAILY: Record<Platform, { daily: number; note: string }> = {
  // pathsocial.com/resources/unfollow-on-instagram-everything-you-need-to-know: follows and unfollows count
  // together; about 150 a day is safe for accounts older than 3 months, 100 for newer ones. blog.dolphinradar.com
  // (understanding-instagram-s-unfollow-rules): "around 200 unfollows per day".
  instagram: { daily: 100, note: 'about 100–150 unfollows a day, counted with follows' },
  // Twitter's help on following limits (quoted at marknorthall.com/social-media-moves-so-quickly-twitter-changes-again):
  // "if you don't follow or un-follow hundreds of users in a single day … you should be fine". circleboom.com
  // (safe-mass-unfollow-on-twitter…): 50 per 15 minutes, about 800 a day before "aggressive behavior".
  x: { daily: 100, note: 'not hundreds a day (X rules on follow churn)' },
  // No figure is published for TikTok (howtopic.com/simple-ways-to-unfollow-on-tiktok, logictech.org): kept below
  // its reported follow pace of about 150–200 a day.
  tiktok: { daily: 100, note: 'no published figure; below the follow pace' },
  // No figure found for Facebook or Threads (Threads uses the Instagram account and its action blocks).
  facebook: { daily: 50, note: 'no published figure' },
  threads: { daily: 50, note: 'no published figure' },
  // docs.bsky.app/docs/advanced-guides/rate-limits: 35,000 points a day, a delete costs 1 point; far above a
  // person's pace. theblue.social (how-follow-back-automation-works-on-bluesky) advises about 80 follows a day.
  bluesky: { daily: 80, note: 'about 80 a day (the hard limit is far higher)' },
  // LinkedIn: unfollowing is silent, removing connections is not rate-published; pettauer.net (removing-linkedin-
  // connections) removes 3 to 8 a day. The invitation pace above (15) is kept.
  linkedin: { daily: 15, note: 'a few a day' },
  // help.pinterest.com/en/article/rate-limit-blocks: repeating one action many times in a short time is blocked
  // for up to 24 hours; no number is given.
  pinterest: { daily: 50, note: 'blocks on bursts; no published figure' },
};
