// Follow limits per platform, each number next to the source that reports it. `cap`: most accounts one may
// follow (Infinity where none is published); `daily`: a safe pace for follows a day, at the low end of what is
// reported, because every platform punishes bursts and churn; `ratio`: the published rule for following past a
// threshold relative to one's own followers (X only publishes one). The sources, as data, are in
// platform-sources.ts (kept out of Code.js, which must name no URL it could fetch).
import type { Platform } from './types';

export interface RatioRule {
  /** following allowed whatever the follower count */
  freeUpTo: number;
  /** past `freeUpTo`, following may reach this many times one's own followers */
  perFollower: number;
}

export interface PlatformLimits {
  label: string;
  cap: number;
  daily: number;
  note: string;
  ratio?: RatioRule;
}

export const PLATFORMS: Record<Platform, PlatformLimits> = {
  instagram: {
    label: 'Instagram',
    // 7,500 accounts followed: widely reported (research/export-formats.md;
    // https://staging.ceres.org/instagram-7500-following-limit).
    cap: 7500,
    // No published pace; about 100–200 a day is reported, less for new accounts (research/export-formats.md).
    daily: 100,
    note: 'at most 7,500 followed; about 100–200 follows a day, less for new accounts; no published ratio rule',
  },
  x: {
    label: 'X',
    // X help centre: "Every X account can follow up to 5,000 accounts"; past that it depends on "your unique ratio of
    // followers to following"; "up to 400 accounts per day" (https://help.x.com/en/using-x/x-follow-limit).
    cap: Infinity,
    daily: 400,
    // The ratio itself is unpublished; the figure reported is "this number +10%": following up to 110% of one's
    // followers (https://letsesocialize.com/twitter-follow-limit).
    ratio: { freeUpTo: 5000, perFollower: 1.1 },
    note: '400 follows a day; past 5,000 followed, following may reach about 110% of your followers',
  },
  tiktok: {
    label: 'TikTok',
    // 10,000 accounts followed; daily pace ~140–200, unofficial (https://viral.new/blog/how-many-people-can-i-follow-on-tiktok).
    cap: 10000,
    daily: 150,
    note: 'at most 10,000 followed; about 140–200 follows a day (unofficial); no published ratio rule',
  },
  facebook: {
    label: 'Facebook',
    // Facebook's own message: "Individual Facebook members can connect to a maximum of 5000 friends and Pages"
    // (quoted at https://bekindtoustrolls.wordpress.com/2012/06/25/facebook-fan-page-anyone/). No published pace.
    cap: 5000,
    daily: 100,
    note: 'at most 5,000 friends and Pages; no published pace or ratio rule',
  },
  threads: {
    label: 'Threads',
    // No published cap or pace found (research/export-formats.md lists none); rate-limited like Instagram,
    // whose low-end pace we use.
    cap: Infinity,
    daily: 100,
    note: 'no published cap, pace or ratio rule; rate-limited',
  },
  bluesky: {
    label: 'Bluesky',
    // "no hard cap, but anti-abuse rate limits" (https://github.com/bluesky-social/pds/issues/94); at most 11,666
    // records (a follow is one) a day (https://docs.bsky.app/docs/advanced-guides/rate-limits). 200 a day stays far below.
    cap: Infinity,
    daily: 200,
    note: 'no cap; at most 11,666 new records (follows) a day; bulk following is labelled spam',
  },
  linkedin: {
    label: 'LinkedIn',
    // 30,000 first-degree connections (https://hdstockimages.com/?p=359079); invitations about 100 a week
    // (https://theumg.io/linkedins-new-invitations-limit-and-what-it-means-for-you/), so 15 a day.
    cap: 30000,
    daily: 15,
    note: 'at most 30,000 connections; about 100 invitations a week',
  },
  pinterest: {
    label: 'Pinterest',
    // No published cap; "Follow a lot of people in a short period of time" brings a rate-limit block
    // (https://help.pinterest.com/en/article/rate-limit-blocks).
    cap: Infinity,
    daily: 100,
    note: 'no published cap; following many quickly brings a block for up to 24 hours',
  },
};

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PLATFORMS, value);
}

/**
 * The most accounts one may follow on the platform with `ownFollowers` followers: the total cap, and under a
 * ratio rule the greater of its free allowance and the ratio times the followers. Infinity where nothing limits it.
 */
export function followLimit(platform: Platform, ownFollowers = 0): number {
  const limits = PLATFORMS[platform];
  const r = limits.ratio;
  const byRatio = r ? Math.max(r.freeUpTo, Math.floor(r.perFollower * Math.max(0, ownFollowers))) : Infinity;
  return Math.min(limits.cap, byRatio);
}

export interface BudgetOptions {
  /** follows already ticked today: they use up today's pace */
  followedToday?: number;
  /** the business's own follower count, for a ratio rule */
  ownFollowers?: number;
}

/**
 * Follows allowed today: the daily pace less what was followed today, never past the platform's limit given
 * how many the business follows (and, under a ratio rule, how many follow it).
 */
export function followBudget(platform: Platform, followingCount: number, dailyLimit?: number, opts: BudgetOptions = {}): { daily: number; capLeft: number; budget: number } {
  const daily = dailyLimit ?? PLATFORMS[platform].daily;
  const capLeft = Math.max(0, followLimit(platform, opts.ownFollowers) - Math.max(0, followingCount));
  const paceLeft = Math.max(0, daily - Math.max(0, opts.followedToday ?? 0));
  return { daily, capLeft, budget: Math.max(0, Math.min(paceLeft, capLeft)) };
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
