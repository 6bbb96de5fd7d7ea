// The follow limits per platform: each published figure, the X ratio rule, today's budget after today's ticks,
// the ratio view and its warning, and the profile links built from handles (never from a script URL).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { followBudget, followLimit, PLATFORMS } from '../src/core/platforms';
import { PLATFORM_SOURCES } from '../src/core/platform-sources';
import { profileUrl } from '../src/core/profile-links';
import { followingNow, ratioView, ratioWarning, routineOf } from '../src/core/routine';
import { HISTORY_HEADERS } from '../src/core/history';
import type { Platform } from '../src/core/types';

describe('follow limits, with the source of each figure', () => {
  // [platform, cap, daily pace, a phrase the cited source carries]
  const published: [Platform, number, number, RegExp][] = [
    ['instagram', 7500, 100, /7500|export-formats/],
    ['x', Infinity, 400, /help\.x\.com\/en\/using-x\/x-follow-limit/],
    ['tiktok', 10000, 150, /viral\.new/],
    ['facebook', 5000, 100, /facebook-fan-page/],
    ['threads', Infinity, 100, /export-formats/],
    ['bluesky', Infinity, 200, /docs\.bsky\.app\/docs\/advanced-guides\/rate-limits/],
    ['linkedin', 30000, 15, /hdstockimages|theumg/],
    ['pinterest', Infinity, 100, /help\.pinterest\.com\/en\/article\/rate-limit-blocks/],
  ];
  test.each(published)('%s: cap %d, pace %d, and its source', (platform, cap, daily, source) => {
    const p = PLATFORMS[platform];
    expect(p.cap).toBe(cap);
    expect(p.daily).toBe(daily);
    const sources = PLATFORM_SOURCES[platform];
    expect(sources.join(' ')).toMatch(source);
    expect(sources.every((s) => /^https:\/\/|^research\//.test(s))).toBe(true);
    // Each source is cited in a comment next to the numbers it gives, in platforms.ts.
    const text = readFileSync(join(__dirname, '..', 'src', 'core', 'platforms.ts'), 'utf8');
    const block = text.slice(text.indexOf(`  ${platform}: {`), text.indexOf('\n  },', text.indexOf(`  ${platform}: {`)));
    for (const s of sources) expect(block).toContain(s.replace(/^research\//, ''));
  });

  test('every platform is covered', () => {
    expect(published.map(([p]) => p).sort()).toEqual(Object.keys(PLATFORMS).sort());
  });

  test('X: 5,000 whatever the followers, then about 110% of the followers (the only published ratio rule)', () => {
    expect(PLATFORMS.x.ratio).toEqual({ freeUpTo: 5000, perFollower: 1.1 });
    expect(followLimit('x', 0)).toBe(5000);
    expect(followLimit('x', 4545)).toBe(5000); // 1.1 × 4,545 = 4,999.5
    expect(followLimit('x', 6000)).toBe(6600);
    expect(followBudget('x', 6500, undefined, { ownFollowers: 6000 }).budget).toBe(100);
    expect(followBudget('x', 6600, undefined, { ownFollowers: 6000 }).budget).toBe(0);
    // Without a ratio rule, only the cap counts, whatever the followers.
    for (const p of ['instagram', 'tiktok', 'facebook', 'linkedin'] as Platform[]) expect(followLimit(p, 1)).toBe(PLATFORMS[p].cap);
    for (const p of ['threads', 'bluesky', 'pinterest'] as Platform[]) expect(followLimit(p, 1)).toBe(Infinity);
  });

  test('today’s ticks use up today’s pace: 40 ticked with a pace of 100 leaves 60', () => {
    expect(followBudget('instagram', 0, 100, { followedToday: 40 }).budget).toBe(60);
    expect(followBudget('instagram', 0, 100, { followedToday: 140 }).budget).toBe(0);
    expect(followBudget('instagram', 7480, 100, { followedToday: 40 }).budget).toBe(20);
  });
});

describe('ratio view and warning', () => {
  test('ratio now and after today’s list; a warning when the list reaches the limit, or the account is past it', () => {
    const v = ratioView('x', 4900, 1000, 100);
    expect(v).toEqual({ following: 4900, ownFollowers: 1000, ratioNow: 4.9, ratioAfter: 5, limit: 5000 });
    expect(ratioWarning('x', v, 100)).toMatch(/^Today's list stops at 100: X lets you follow 5,000 accounts, then about 110% of your followers \(1,000\)/);
    expect(ratioWarning('x', ratioView('x', 100, 1000, 50), 50)).toBe('');
    expect(ratioWarning('instagram', ratioView('instagram', 7500, 10, 0), 0)).toMatch(/^You follow 7,500: Instagram lets you follow at most 7,500 accounts, so nobody is queued today/);
    expect(ratioWarning('bluesky', ratioView('bluesky', 1e6, 1, 10), 10)).toBe('');
    expect(ratioView('bluesky', 10, 0, 5)).toMatchObject({ ratioNow: null, ratioAfter: null, limit: null });
  });

  test('the following count grows with the follows ticked after it was entered', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const T = Date.UTC(2026, 11, 2, 12);
    const grid = [[...HISTORY_HEADERS], [iso(T - 5000), 'a', 'x', 'followed'], [iso(T - 1000), 'b', 'x', 'followed'], [iso(T - 500), 'c', 'x', 'followed']];
    const { routine } = routineOf([{ name: 'H', grid }], ['a', 'z'], { now: T, notNowDays: 7, countSince: T - 2000 });
    expect(routine.followedSinceCount).toBe(2);
    expect(routine.followingKnown).toBe(4); // a, z from the tab; b, c from the history
    expect(followingNow(4990, routine)).toBe(4992);
    expect(followingNow(0, routine)).toBe(4);
  });
});

describe('profile links', () => {
  test('built from the handle per platform; X ids open the id page; LinkedIn only from its own URL', () => {
    expect(profileUrl('instagram', 'jane.doe')).toBe('https://www.instagram.com/jane.doe/');
    expect(profileUrl('threads', '@jane.doe')).toBe('https://www.threads.com/@jane.doe');
    expect(profileUrl('tiktok', 'jane_doe')).toBe('https://www.tiktok.com/@jane_doe');
    expect(profileUrl('x', 'jane_doe')).toBe('https://x.com/jane_doe');
    expect(profileUrl('x', '1295862231402459136')).toBe('https://x.com/i/user/1295862231402459136');
    expect(profileUrl('x', '12345', 'https://twitter.com/intent/user?user_id=12345')).toBe('https://x.com/i/user/12345');
    expect(profileUrl('x', '12345')).toBe('https://x.com/12345'); // an all-digit username
    expect(profileUrl('bluesky', 'jane.bsky.social')).toBe('https://bsky.app/profile/jane.bsky.social');
    expect(profileUrl('bluesky', 'did:plc:abc123')).toBe('https://bsky.app/profile/did:plc:abc123');
    expect(profileUrl('pinterest', 'janedoe')).toBe('https://www.pinterest.com/janedoe/');
    expect(profileUrl('facebook', 'jane.doe')).toBe('https://www.facebook.com/jane.doe');
    expect(profileUrl('facebook', '100012345678', '')).toBe('https://www.facebook.com/profile.php?id=100012345678');
    expect(profileUrl('facebook', 'x', 'http://m.facebook.com/profile.php?id=1')).toBe('https://m.facebook.com/profile.php?id=1');
    expect(profileUrl('linkedin', 'jane-doe', 'https://www.linkedin.com/in/jane-doe/')).toBe('https://www.linkedin.com/in/jane-doe/');
    expect(profileUrl('linkedin', 'jane-doe')).toBeNull();
  });

  test('never a link from a script URL, another site, or a handle with path characters', () => {
    expect(profileUrl('linkedin', 'j', 'javascript:alert(1)')).toBeNull();
    expect(profileUrl('linkedin', 'j', 'https://evil.example/linkedin.com/in/j')).toBeNull();
    expect(profileUrl('linkedin', 'j', 'https://linkedin.com.evil.example/in/j')).toBeNull();
    expect(profileUrl('linkedin', 'j', 'https://user@linkedin.com/in/j')).toBeNull();
    expect(profileUrl('facebook', 'a/../b')).toBeNull();
    expect(profileUrl('instagram', 'jane?x=1')).toBeNull();
    expect(profileUrl('x', 'way_too_long_for_x_handles')).toBeNull();
    expect(profileUrl('instagram', '')).toBeNull();
  });
});
