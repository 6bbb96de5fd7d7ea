// Today's queue with the history: ticks today use up the pace, held accounts stay out, the ratio rule stops the list.
import { assignQueue } from '../src/core/queue';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { Routine } from '../src/core/routine';
import type { ResultRow } from '../src/core/types';

const rows = (n: number): ResultRow[] =>
  Array.from({ length: n }, (_, i) => ({ score: 100 - (i % 100), recommendation: 'Follow back', botRisk: 5, customer: '', customerId: '', matchConfidence: '', engagement: 0, reasons: '', queue: '' }));
const handles = (n: number) => Array.from({ length: n }, (_, i) => `h${i}`);
const routine = (over: Partial<Routine> = {}): Routine => ({ skip: [], followedToday: 0, followedThisWeek: 0, followingKnown: 0, followedSinceCount: 0, problems: [], ...over });

test('40 ticked today with a pace of 100: 60 queued; tomorrow (0 today) the full 100', () => {
  const settings = { ...DEFAULT_SETTINGS, dailyLimit: 100 };
  expect(assignQueue(rows(500), settings, handles(500), routine({ followedToday: 40 })).queued).toBe(60);
  expect(assignQueue(rows(500), settings, handles(500), routine({ followedToday: 0 })).queued).toBe(100);
});

test('held handles (not now, never, followed) are not queued, and the next in line take their places', () => {
  const r = rows(10);
  const s = assignQueue(r, { ...DEFAULT_SETTINGS, dailyLimit: 3 }, handles(10), routine({ skip: ['h0', 'h2'] }));
  expect(r.map((x) => x.queue)).toEqual(['', 1, '', 2, 3, '', '', '', '', '']);
  expect(s.held).toBe(2);
});

test('X past 5,000: the list stops at about 110% of the followers, with the warning; never past the limit', () => {
  const settings = { ...DEFAULT_SETTINGS, platform: 'x' as const, followingCount: 6550, ownFollowers: 6000 };
  const r = rows(500);
  const s = assignQueue(r, settings, handles(500), routine());
  expect(s.queued).toBe(50); // 6,600 − 6,550
  expect(s.ratio).toEqual({ following: 6550, ownFollowers: 6000, ratioNow: 1.09, ratioAfter: 1.1, limit: 6600 });
  expect(s.warning).toMatch(/^Today's list stops at 50: X lets you follow 5,000 accounts, then about 110% of your followers/);
  // The follower count defaults to the rows on the Followers tab.
  const d = assignQueue(rows(500), { ...settings, ownFollowers: undefined, followingCount: 4990 }, handles(500), routine());
  expect(d.ratio?.ownFollowers).toBe(500);
  expect(d.queued).toBe(10);
});

test('settings: "Not now" days and your own follower count, with messages naming the field', () => {
  const { validateSettings } = jest.requireActual('../src/core/settings') as typeof import('../src/core/settings');
  expect(validateSettings({}).settings).toMatchObject({ notNowDays: 7 });
  expect(validateSettings({ notNowDays: '14', ownFollowers: '3,000' }).settings).toMatchObject({ notNowDays: 14, ownFollowers: 3000 });
  expect(validateSettings({ ownFollowers: '' }).settings.ownFollowers).toBeUndefined();
  const bad = validateSettings({ notNowDays: 0, ownFollowers: 'lots' });
  expect(bad.errors.map((e) => e.field)).toEqual(['notNowDays', 'ownFollowers']);
  expect(bad.errors[0].message).toMatch(/"Not now" days must be a whole number from 1 to 365/);
  expect(bad.settings.notNowDays).toBe(7);
});
