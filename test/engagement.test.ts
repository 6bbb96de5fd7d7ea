import { ENGAGEMENT_WEIGHTS, HALF_LIFE_DAYS, decay, engagementAt, engagementType, readEngagement, readEngagementLedger } from '../src/core/engagement';
import { readTable } from '../src/core/table';
import type { EngagementType, Grid, Table } from '../src/core/types';

const DAY = 86400000;
const NOW = Date.UTC(2024, 5, 30, 12);
const table = (grid: Grid): Table => readTable({ name: 'Engagement', grid }, 'engagement');
const daysAgo = (d: number) => new Date(NOW - d * DAY).toISOString();

describe('engagementType', () => {
  test.each<[string, EngagementType | undefined]>([
    ['comment', 'comment'], ['Comments', 'comment'], ['reply', 'comment'], ['Replied', 'comment'], ['story reply', 'comment'],
    ['mention', 'mention'], ['@mention', 'mention'], ['@ mention', 'mention'], ['Story mention', 'mention'], ['MENTIONED', 'mention'],
    ['tag', 'tag'], ['tagged', 'tag'], ['Photo tag', 'tag'],
    ['share', 'share'], ['repost', 'share'], ['retweet', 'share'], ['Reshare', 'share'], ['RT', 'share'], ['boost', 'share'],
    ['save', 'save'], ['saved', 'save'], ['bookmark', 'save'],
    ['dm', 'dm'], ['DMs', 'dm'], ['message', 'dm'], ['Direct message', 'dm'], ['direct_message', 'dm'],
    ['like', 'like'], ['likes', 'like'], ['heart', 'like'], ['reaction', 'like'], ['favorite', 'like'], ['Favourite', 'like'], ['post like', 'like'],
    ['follow', undefined], ['', undefined], ['visit', undefined],
  ])('%p → %p', (raw, want) => expect(engagementType(raw)).toBe(want));
});

describe('decay', () => {
  test('half-life of 30 days; undated and future interactions count in full', () => {
    expect(HALF_LIFE_DAYS).toBe(30);
    expect(decay(NOW, NOW)).toBe(1);
    expect(decay(NOW - 30 * DAY, NOW)).toBeCloseTo(0.5, 10);
    expect(decay(NOW - 60 * DAY, NOW)).toBeCloseTo(0.25, 10);
    expect(decay(NOW - 15 * DAY, NOW)).toBeCloseTo(Math.SQRT1_2, 10);
    expect(decay(undefined, NOW)).toBe(1);
    expect(decay(NOW + 5 * DAY, NOW)).toBe(1);
  });

  test('older is always worth less', () => {
    let prev = 2;
    for (let d = 0; d <= 400; d += 7) {
      const w = decay(NOW - d * DAY, NOW);
      expect(w).toBeLessThan(prev);
      prev = w;
    }
  });
});

describe('readEngagement', () => {
  test('weights: mention 5, tag 4, share 4, comment 3, dm 3, save 2, like 1', () => {
    expect(ENGAGEMENT_WEIGHTS).toEqual({ mention: 5, tag: 4, share: 4, comment: 3, dm: 3, save: 2, like: 1 });
    const types = Object.keys(ENGAGEMENT_WEIGHTS) as EngagementType[];
    const grid: Grid = [['Handle', 'Type'], ...types.map((t) => [`user_${t}`, t])];
    const e = readEngagement([table(grid)], NOW);
    for (const t of types) {
      expect(e.get(`user_${t}`)).toEqual({ points: ENGAGEMENT_WEIGHTS[t], counts: { [t]: 1 } });
    }
  });

  test('event rows: handles are normalised and summed, recency decays, last is the latest date', () => {
    const grid: Grid = [
      ['Username', 'Type', 'Date'],
      ['@Jane.Doe', 'comment', daysAgo(0)],
      ['https://www.instagram.com/jane.doe/', 'mention', daysAgo(30)],
      ['JANE.DOE', 'like', daysAgo(60)],
      ['bob', 'like', daysAgo(0)],
      ['', 'like', daysAgo(0)],
    ];
    const e = readEngagement([table(grid)], NOW);
    expect([...e.keys()].sort()).toEqual(['bob', 'jane.doe']);
    const jane = e.get('jane.doe')!;
    expect(jane.points).toBeCloseTo(3 + 5 * 0.5 + 1 * 0.25, 2);
    expect(jane.counts).toEqual({ comment: 1, mention: 1, like: 1 });
    expect(jane.last).toBe(NOW);
    expect(e.get('bob')!.points).toBe(1);
  });

  test('a recent comment outweighs an old mention; a mention outweighs a like of the same day', () => {
    const e = readEngagement([table([['Handle', 'Type', 'Date'], ['a', 'comment', daysAgo(1)], ['b', 'mention', daysAgo(120)], ['c', 'mention', daysAgo(1)], ['d', 'like', daysAgo(1)]])], NOW);
    expect(e.get('a')!.points).toBeGreaterThan(e.get('b')!.points);
    expect(e.get('c')!.points).toBeGreaterThan(e.get('d')!.points);
  });

  test('undated rows count at full weight once; unknown types count 1 with no error', () => {
    const e = readEngagement([table([['Handle', 'Type'], ['a', 'comment'], ['a', 'follow'], ['a', ''], ['b', 'visited profile']])], NOW);
    expect(e.get('a')).toEqual({ points: 3 + 1 + 1, counts: { comment: 1 } });
    expect(e.get('a')!.last).toBeUndefined();
    expect(e.get('b')).toEqual({ points: 1, counts: {} });
  });

  test('a handle-only table counts each row as one interaction', () => {
    const e = readEngagement([table([['Commenter'], ['a'], ['a'], ['b']])], NOW);
    expect(e.get('a')!.points).toBe(2);
    expect(e.get('b')!.points).toBe(1);
  });

  test('per-person count columns, with and without a date', () => {
    const grid: Grid = [
      ['Handle', 'Comments', 'Likes', 'Mentions', 'Shares', 'Saves', 'Tags', 'DMs', 'Last interaction'],
      ['a', '2', '10', '1', '0', '', '1', '1', ''],
      ['b', '1', '1.2k', '', '', '', '', '', daysAgo(30)],
      ['c', '0', '0', '0', '0', '0', '0', '0', ''],
    ];
    const t = table(grid);
    expect(t.columns).toMatchObject({ comments: 1, likes: 2, mentions: 3, shares: 4, saves: 5, tags: 6, dms: 7, date: 8 });
    const e = readEngagement([t], NOW);
    expect(e.get('a')).toEqual({ points: 2 * 3 + 10 + 5 + 4 + 3, counts: { comment: 2, like: 10, mention: 1, tag: 1, dm: 1 } });
    expect(e.get('b')!.points).toBeCloseTo((3 + 1200) * 0.5, 2);
    expect(e.get('b')!.counts).toEqual({ comment: 1, like: 1200 });
    expect(e.has('c')).toBe(false);
  });

  test('an absurd count (a formula gone wrong) is capped, never Infinity', () => {
    const e = readEngagement([table([['Handle', 'Comments', 'Likes'], ['a', Number.MAX_VALUE, '1e400']])], NOW);
    expect(Number.isFinite(e.get('a')!.points)).toBe(true);
    expect(e.get('a')!.counts.comment).toBe(1e6);
  });

  test('handle + type + count rows', () => {
    const grid: Grid = [['User', 'Action', 'Count', 'Date'], ['a', 'likes', '7', daysAgo(0)], ['a', 'Retweets', '2', ''], ['b', 'comment', '', '']];
    const e = readEngagement([table(grid)], NOW);
    expect(e.get('a')).toEqual({ points: 7 + 2 * 4, counts: { like: 7, share: 2 }, last: Date.parse(daysAgo(0)) });
    expect(e.get('b')!.points).toBe(3); // a blank count means one
  });

  test('several tables add up; points have two decimals', () => {
    const one = table([['Handle', 'Type', 'Date'], ['a', 'like', daysAgo(10)]]);
    const two = table([['Handle', 'Likes'], ['a', '3']]);
    const e = readEngagement([one, two], NOW);
    const want = Math.round((Math.pow(0.5, 10 / 30) + 3) * 100) / 100;
    expect(e.get('a')!.points).toBe(want);
    expect(e.get('a')!.counts).toEqual({ like: 4 });
    expect(readEngagement([], NOW).size).toBe(0);
  });

  test('a day-first date column is read day-first throughout (05/06 is 5 June when 25/06 is in the column)', () => {
    const e = readEngagement([table([['Handle', 'Type', 'Date'], ['a', 'like', '05/06/2024'], ['b', 'like', '25/06/2024']])], NOW);
    expect(e.get('a')!.last).toBe(Date.UTC(2024, 5, 5));
    expect(e.get('b')!.last).toBe(Date.UTC(2024, 5, 25));
  });

  test('dates in other forms (serials, unix seconds, "Dec 8, 2024") decay too', () => {
    const now = Date.UTC(2025, 0, 7);
    const e = readEngagement([table([['Handle', 'Type', 'Date'], ['a', 'like', 'Dec 8, 2024'], ['b', 'like', 45634], ['c', 'like', Math.round(Date.UTC(2024, 11, 8) / 1000)]])], now);
    for (const h of ['a', 'b', 'c']) expect(e.get(h)!.points).toBeCloseTo(0.5, 2);
  });
});

describe('the ledger: what the logs say, read at any time', () => {
  // The add-on caches the ledger for hours (it holds no clock): read at another time it must give what the logs
  // read at that time give, for dated, future, undated and count rows, once it has been through JSON.
  const grid: Grid = [
    ['Username', 'Type', 'Date', 'Count'],
    ['@ana', 'comment', daysAgo(3), ''],
    ['ana', 'like', daysAgo(3), '4'],
    ['@Ana', 'mention', daysAgo(40), ''],
    ['ben', 'share', daysAgo(-2), ''],
    ['ben', 'like', '', '2'],
    ['cleo', 'dm', daysAgo(400), ''],
    ['dee', 'visit', daysAgo(1), ''],
  ];
  test.each([0, 0.5, 1, 30, -5, 365])('read %p days later, the ledger gives what the logs give then', (days) => {
    const ledger = JSON.parse(JSON.stringify(readEngagementLedger([table(grid)])));
    const at = NOW + days * DAY;
    const fromLedger = engagementAt(ledger, at);
    expect([...fromLedger]).toEqual([...readEngagement([table(grid)], at)]);
    expect(fromLedger.get('ana')!.counts).toEqual({ comment: 1, like: 4, mention: 1 });
    expect(fromLedger.get('ben')!.last).toBe(NOW + 2 * DAY);
  });

  test('points decay with the reading time only: 30 days later an interaction of a dated day is worth half', () => {
    const ledger = readEngagementLedger([table([['Username', 'Type', 'Date'], ['ana', 'comment', daysAgo(0)], ['ben', 'comment', '']])]);
    expect(engagementAt(ledger, NOW).get('ana')!.points).toBe(3);
    expect(engagementAt(ledger, NOW + 30 * DAY).get('ana')!.points).toBe(1.5);
    expect(engagementAt(ledger, NOW + 30 * DAY).get('ben')!.points).toBe(3);
    // one date is kept once however many rows carry it
    expect(ledger.dates).toEqual([NOW]);
  });
});
