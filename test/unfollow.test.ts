// The Make room list in the engine: who is a candidate, the order (weakest first), what is never listed, the daily
// pace, the cap and ratio, reasons in plain words, and a Following tab without profile columns.
import { HISTORY_HEADERS, LIST_LABELS } from '../src/core/history';
import { buildRoom } from '../src/core/lists';
import { UNFOLLOW_DAILY } from '../src/core/platforms';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { Cell, Settings } from '../src/core/types';
import { roomList, type FollowedAccount } from '../src/core/unfollow';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 12);
const settings: Settings = { ...DEFAULT_SETTINGS, now: NOW };
const row = (over: Partial<FollowedAccount['row']> = {}): FollowedAccount['row'] => ({ score: 40, recommendation: 'Consider', botRisk: 10, customer: '', customerId: '', reasons: '', ...over });
const acct = (handle: string, over: Partial<FollowedAccount> = {}, r: Partial<FollowedAccount['row']> = {}): FollowedAccount => ({ handle, row: row(r), ...over });
const base = { now: NOW, days: 30, platform: 'instagram' as const, followingCount: 0, followers: new Set(['mutual', 'mutual.bot']), profileColumns: true };

describe('roomList', () => {
  it('weakest first: not following back, then likely bots, never engaged, followed longest ago', () => {
    const list = roomList(
      [
        acct('mutual'),
        acct('mutual.bot', {}, { recommendation: 'Likely bot', botRisk: 90, reasons: 'Bot signs: no profile picture, follows many; Little profile data' }),
        acct('gone.new', { followedOn: NOW - 10 * DAY }),
        acct('gone.old', { followedOn: NOW - 400 * DAY }),
        acct('gone.engaged.long.ago', { followedOn: NOW - 900 * DAY, engagement: { points: 2, counts: { like: 2 }, last: NOW - 90 * DAY } }),
        acct('gone.bot', { followedOn: NOW - 5 * DAY }, { recommendation: 'Likely bot', botRisk: 88, reasons: 'Bot signs: digits in the handle' }),
      ],
      base,
    );
    expect(list.items.map((i) => i.handle)).toEqual(['gone.bot', 'gone.old', 'gone.new', 'gone.engaged.long.ago', 'mutual.bot']);
    const by = Object.fromEntries(list.items.map((i) => [i.handle, i.reasons]));
    expect(by['gone.bot']).toBe('Does not follow you back; Bot signs: digits in the handle; No engagement found; Never bought; Followed 5 days ago');
    expect(by['gone.old']).toBe('Does not follow you back; No engagement found; Never bought; Followed 13 months ago');
    expect(by['gone.engaged.long.ago']).toBe('Does not follow you back; Last engaged 2 months ago; Never bought; Followed 2 years ago');
    expect(by['mutual.bot']).toBe('Bot signs: no profile picture, follows many; No engagement found; Never bought');
  });

  it('never a customer (even a possible one), someone who engaged recently, or an account ticked keep', () => {
    const list = roomList(
      [
        acct('buyer', {}, { customerId: 'b@x.com', customer: 'B · b@x.com · 1 order · $20.00' }),
        acct('maybe', {}, { customer: 'Possible: M · m@x.com · 1 order · $9.00' }),
        acct('fan', { engagement: { points: 5, counts: { mention: 1 }, last: NOW - 3 * DAY } }),
        acct('counted', { engagement: { points: 3, counts: { comment: 1 } } }),
        acct('kept'),
        acct('snoozed'),
        acct('done.before'),
        acct('candidate'),
      ],
      {
        ...base,
        history: { keep: new Set(['kept']), unfollowed: new Set(['done.before']), unfollowedToday: 0, notNowUntil: { follow: new Map(), thanks: new Map(), room: new Map([['snoozed', NOW + DAY]]) } },
      },
    );
    expect(list.items.map((i) => i.handle)).toEqual(['candidate']);
    expect(list.protected).toEqual({ customers: 2, engaged: 2, kept: 1 });
    expect(list.following).toBe(7); // done.before is no longer followed
  });

  it('paced: at most the platform’s safe unfollows a day, less what the history says was done today', () => {
    const many = Array.from({ length: 300 }, (_, i) => acct(`gone${String(i).padStart(3, '0')}`));
    const pace = UNFOLLOW_DAILY.instagram.daily;
    const first = roomList(many, base);
    expect(first.items.length).toBe(pace);
    expect(first.candidates).toBe(300);
    expect(first.notes).toContain(`${300 - pace} more after today's ${pace}, at a safe pace of ${pace} a day.`);
    const later = roomList(many, { ...base, history: { keep: new Set(), unfollowed: new Set(), unfollowedToday: pace - 7, notNowUntil: { follow: new Map(), thanks: new Map(), room: new Map() } } });
    expect(later.items.length).toBe(7);
    const spent = roomList(many, { ...base, history: { keep: new Set(), unfollowed: new Set(), unfollowedToday: pace + 3, notNowUntil: { follow: new Map(), thanks: new Map(), room: new Map() } } });
    expect(spent.items).toEqual([]);
    expect(spent.notes[0]).toMatch(/used up/);
  });

  it('says how many follows today’s list frees under the cap, and the ratio before and after', () => {
    const accounts = Array.from({ length: 12 }, (_, i) => acct(`gone${i}`));
    const list = roomList(accounts, { ...base, followingCount: 7000, followers: new Set(Array.from({ length: 2000 }, (_, i) => `f${i}`)) });
    expect(list).toMatchObject({ following: 7000, cap: 7500, capLeft: 500, capLeftAfter: 512, ratio: 3.5, ratioAfter: 3.49, nearCap: true });
    expect(roomList(accounts, { ...base, followingCount: 6700 }).nearCap).toBe(false);
    expect(roomList(accounts, { ...base, platform: 'bluesky', followingCount: 6700 })).toMatchObject({ cap: null, capLeft: null, nearCap: false });
  });
});

describe('buildRoom (tables, engine and history together)', () => {
  const followers: Cell[][] = [['Username'], ['mutual'], ['jane.doe']];
  const orders: Cell[][] = [['Email', 'Billing Name', 'Total', 'Instagram'], ['jd@example.com', 'Jane Doe', 40, '@buyer.jd']];
  const engagement: Cell[][] = [['Username', 'Type', 'Date'], ['fan', 'comment', new Date(NOW - 2 * DAY).toISOString()]];

  it('scores the Following tab’s profile columns with the same engine: a bot is named, customers and fans are not listed', () => {
    const following: Cell[][] = [
      ['Username', 'Followed on', 'Followers', 'Following', 'Posts', 'Profile picture', 'Bio'],
      ['mutual', '2025-01-01', 300, 280, 120, 'yes', 'Potter'],
      ['buyer.jd', '2024-01-01', 200, 250, 60, 'yes', 'Jane'],
      ['fan', '2024-02-01', 500, 300, 200, 'yes', 'Hi'],
      ['user83726152', '2025-06-01', 3, 7480, 0, 'no', ''],
      ['quiet.shop', '2023-03-01', 900, 400, 300, 'yes', 'Candles'],
    ];
    const list = buildRoom(
      { followers: { name: 'Followers', grid: followers }, orders: [{ name: 'Orders', grid: orders }], engagement: [{ name: 'Engagement', grid: engagement }], following: [{ name: 'Following', grid: following }] },
      settings,
      { now: NOW },
    )!;
    expect(list.items.map((i) => i.handle)).toEqual(['user83726152', 'quiet.shop']);
    expect(list.items[0].reasons).toMatch(/^Does not follow you back; Bot signs: /);
    expect(list.items[1].reasons).toBe('Does not follow you back; No engagement found; Never bought; Followed 3 years ago');
    expect(list.protected).toEqual({ customers: 1, engaged: 1, kept: 0 });
    expect(list.notes).toEqual([]);
  });

  it('a Following tab with handles only still gives a list, and says bot checks need profile columns', () => {
    const history: Cell[][] = [[...HISTORY_HEADERS], [new Date(NOW - DAY), 'keep.me', 'instagram', 'keep', '', LIST_LABELS.room, '']];
    const list = buildRoom(
      { followers: { name: 'Followers', grid: followers }, following: [{ name: 'Following', grid: [['Following'], ['mutual'], ['keep.me'], ['user83726152'], ['stranger']] }], history: [{ name: 'Followback history', grid: history }] },
      settings,
      { now: NOW },
    )!;
    // Equally weak (no date, no engagement): the lower score first; digits in a handle are not a bot check.
    expect(list.items.map((i) => i.handle).sort()).toEqual(['stranger', 'user83726152']);
    expect(list.items[0].score).toBeLessThanOrEqual(list.items[1].score);
    expect(list.items.every((i) => !/Bot signs/.test(i.reasons))).toBe(true);
    expect(list.notes[0]).toMatch(/^Bot checks need profile columns/);
    expect(buildRoom({ followers: { name: 'Followers', grid: followers } }, settings, { now: NOW })).toBeNull();
  });
});
