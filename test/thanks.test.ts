// The Say thanks list in the engine: order, each person once, bots out, the window, links and text, counts-only
// exports, future and undated rows, and the history's thanked / not now.
import { HISTORY_HEADERS, LIST_LABELS } from '../src/core/history';
import { buildThanks } from '../src/core/lists';
import { readMentions } from '../src/core/mentions';
import { DEFAULT_SETTINGS, validateSettings } from '../src/core/settings';
import { readTable } from '../src/core/table';
import { thanksList, type Person } from '../src/core/thanks';
import type { Cell, Settings } from '../src/core/types';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 12);
const day = (n: number) => new Date(NOW - n * DAY).toISOString().slice(0, 10);
const settings: Settings = { ...DEFAULT_SETTINGS, now: NOW };
const mentions = (grid: Cell[][]) => readMentions([readTable({ name: 'Engagement', grid }, 'engagement')], NOW);
const nobody = () => undefined;
const opts = { now: NOW, days: 30, botThreshold: 70 };

const LOG: Cell[][] = [
  ['Username', 'Type', 'Date', 'Permalink', 'Comment text'],
  ['@fan', 'comment', day(3), 'https://instagram.com/p/AAA', 'Love the mug!'],
  ['@fan', 'mention', day(1), 'https://instagram.com/p/BBB', 'Look what I got'],
  ['@fan', 'like', day(1), '', ''],
  ['@buyer', 'tag', day(10), 'https://instagram.com/p/CCC', 'New bowl'],
  ['@quiet', 'comment', day(2), '', 'nice'],
  ['@old', 'mention', day(45), 'https://instagram.com/p/OLD', 'ages ago'],
  ['@liker', 'like', day(1), '', ''],
];

describe('thanksList', () => {
  it('customers first, then the most engaged, each once, with the newest post and why', () => {
    const about = (h: string): Person | undefined => (h === 'buyer' ? { recommendation: 'Follow back', botRisk: 5, coverage: 1, customerId: 'b@x.com', orders: 3 } : undefined);
    const list = thanksList(mentions(LOG), about, opts);
    expect(list.items.map((i) => i.handle)).toEqual(['buyer', 'fan', 'quiet']);
    const [buyer, fan] = list.items;
    expect(buyer.why).toBe('customer · 3 orders · tagged you once in the last 30 days');
    expect(fan).toMatchObject({ type: 'mention', link: 'https://instagram.com/p/BBB', text: 'Look what I got', interactions: 2, isCustomer: false });
    expect(fan.why).toBe('mentioned you once, commented once in the last 30 days');
    expect(list.notes).toEqual([]);
  });

  it('likes alone, old rows and bots never appear; a confident customer with a bot-like profile does', () => {
    const about = (h: string): Person | undefined =>
      h === 'fan' ? { recommendation: 'Likely bot', botRisk: 95, coverage: 1, customerId: '', orders: 0 }
        : h === 'quiet' ? { recommendation: 'Skip', botRisk: 80, coverage: 0.1, customerId: '', orders: 0 }
          : h === 'buyer' ? { recommendation: 'Follow back', botRisk: 90, coverage: 1, customerId: 'b@x.com', orders: 1 } : undefined;
    const list = thanksList(mentions(LOG), about, opts);
    // quiet's risk is from its handle alone (coverage 0.1): too little to call it a bot, as in the follow queue.
    expect(list.items.map((i) => i.handle)).toEqual(['buyer', 'quiet']);
    expect(list.notes).toEqual(['1 likely bot left out.']);
    // Some bot signs (50 or more) on a known profile are enough to leave someone out; on a handle alone they are not.
    const doubtful = (coverage: number) => (h: string): Person | undefined => (h === 'fan' ? { recommendation: 'Skip', botRisk: 64, coverage, customerId: '', orders: 0 } : undefined);
    expect(thanksList(mentions(LOG), doubtful(0.8), opts).items.map((i) => i.handle)).not.toContain('fan');
    expect(thanksList(mentions(LOG), doubtful(0.1), opts).items.map((i) => i.handle)).toContain('fan');
    expect(thanksList(mentions(LOG), nobody, { ...opts, days: 60 }).items.map((i) => i.handle)).toContain('old');
  });

  it('a bad link is not a link, text is cut to 200 characters, and text that looks like a formula stays text', () => {
    const long = 'x'.repeat(300);
    const list = thanksList(
      mentions([
        ['Handle', 'Type', 'Date', 'Link', 'Text'],
        ['a', 'mention', day(1), 'javascript:alert(1)', '=HYPERLINK("http://evil.example","win")'],
        ['b', 'mention', day(1), 'www.example.com/p/1', long],
        ['c', 'mention', day(1), 'https://example.com/p/"onmouseover=x', '<img src=x onerror=alert(1)>'],
      ]),
      nobody,
      opts,
    );
    const by = Object.fromEntries(list.items.map((i) => [i.handle, i]));
    expect([by.a.link, by.b.link, by.c.link]).toEqual([undefined, undefined, undefined]);
    expect(by.a.text).toBe('=HYPERLINK("http://evil.example","win")');
    expect(Array.from(by.b.text!).length).toBe(200);
    expect(by.b.text!.endsWith('…')).toBe(true);
    expect(by.c.text).toBe('<img src=x onerror=alert(1)>');
    expect(list.notes).toContain('3 links are not a web address (http or https) and are not shown as a link.');
  });

  it('rows dated in the future or without a date are left out, and the notes say how many', () => {
    const list = thanksList(
      mentions([
        ['Handle', 'Type', 'Date', 'URL'],
        ['soon', 'mention', new Date(NOW + 5 * DAY).toISOString(), 'https://example.com/1'],
        ['nodate', 'mention', '', 'https://example.com/2'],
        ['garbled', 'comment', 'last tuesday', 'https://example.com/3'],
        ['today', 'comment', new Date(NOW + 3600_000).toISOString(), 'https://example.com/4'],
      ]),
      nobody,
      opts,
    );
    expect(list.items.map((i) => i.handle)).toEqual(['today']);
    expect(list.notes).toEqual(['2 engagement rows have no readable date and were left out.', '1 engagement row is dated in the future and was left out.']);
  });

  it('a counts-only export still gives the list, ordered by its counts, and says links are missing', () => {
    const list = thanksList(
      mentions([
        ['Username', 'Comments', 'Mentions', 'Likes'],
        ['few', 1, 0, 50],
        ['many', 4, 2, 0],
        ['likes.only', 0, 0, 90],
      ]),
      nobody,
      opts,
    );
    expect(list.items.map((i) => [i.handle, i.why])).toEqual([
      ['many', 'mentioned you twice, commented 4 times'],
      ['few', 'commented once'],
    ]);
    expect(list.items[0].link).toBeUndefined();
    expect(list.notes).toEqual([
      'The engagement data has no dates: every row counts as recent, and the list is ordered by its counts.',
      'Links are missing: add a Permalink, Link, URL or Post URL column to the engagement data to open each post from the list.',
    ]);
  });

  it('thanked after the newest post, or not now on this list, keeps someone off; a new post brings them back', () => {
    const read = mentions(LOG);
    const history = (thanked: [string, number][], notNow: [string, number][]) => ({
      thanked: new Map(thanked),
      notNowUntil: { follow: new Map([['quiet', NOW + DAY]]), thanks: new Map(notNow), room: new Map() },
    });
    const list = thanksList(read, nobody, { ...opts, history: history([['fan', NOW - 2 * DAY], ['buyer', NOW - DAY]], [['quiet', NOW + DAY]]) });
    // fan posted yesterday, after the thank-you two days ago; buyer was thanked after the tag; quiet snoozed here,
    // and a `not now` on the follow queue does not snooze the thanks list.
    expect(list.items.map((i) => i.handle)).toEqual(['fan']);
    expect(thanksList(read, nobody, { ...opts, history: history([], []) }).items.map((i) => i.handle)).toEqual(['fan', 'buyer', 'quiet']);
  });
});

describe('buildThanks (tables, engine and history together)', () => {
  it('matches customers through the orders, takes Likely bot from the Followers tab, and reads the history tab', () => {
    const followers: Cell[][] = [
      ['Username', 'Full name', 'Followers', 'Following', 'Posts', 'Profile picture', 'Bio'],
      ['fan', 'Fan Person', 300, 280, 120, 'yes', 'I make things'],
      ['buyer', 'Jane Doe', 400, 300, 90, 'yes', 'Potter'],
      ['quiet', '', 1, 7400, 0, 'no', ''],
    ];
    const orders: Cell[][] = [['Email', 'Billing Name', 'Total', 'Instagram'], ['jane@example.com', 'Jane Doe', 40, '@buyer'], ['jane@example.com', 'Jane Doe', 25, '@buyer']];
    const history: Cell[][] = [[...HISTORY_HEADERS], [new Date(NOW - DAY), 'old', 'instagram', 'not now', '', LIST_LABELS.thanks, '']];
    const list = buildThanks(
      { followers: { name: 'Followers', grid: followers }, orders: [{ name: 'Orders', grid: orders }], engagement: [{ name: 'Engagement', grid: LOG }], history: [{ name: 'Followback history', grid: history }] },
      { ...settings, recentDays: 60 },
      { now: NOW },
    );
    expect(list.items.map((i) => i.handle)).toEqual(['buyer', 'fan']);
    expect(list.items[0].why).toMatch(/^customer · 2 orders · tagged you once in the last 60 days$/);
    expect(list.notes).toEqual(['1 likely bot left out.']);
  });
});

describe('the recentDays setting', () => {
  it('is optional (30 days), a whole number from 1 to 365, and widens the window', () => {
    expect(validateSettings({}).settings.recentDays).toBeUndefined();
    expect(validateSettings({ recentDays: '45' }).settings.recentDays).toBe(45);
    expect(validateSettings({ recentDays: '0' }).errors).toEqual([{ field: 'recentDays', message: 'Recent engagement, in days, must be a whole number from 1 to 365.' }]);
    const src = { engagement: [{ name: 'Engagement', grid: LOG }] };
    expect(buildThanks(src, settings, { now: NOW }).items.map((i) => i.handle)).not.toContain('old');
    expect(buildThanks(src, settings, { now: NOW }).notes).toEqual(['No Followers tab: bots can only be told from their profiles, so check these by hand.']);
    expect(buildThanks(src, { ...settings, recentDays: 60 }, { now: NOW }).items.map((i) => i.handle)).toContain('old');
  });
});
