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
