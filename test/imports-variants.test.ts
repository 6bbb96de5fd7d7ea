// The follower/following readers on the variants real downloads have (research/export-formats.md, "Variants seen in
// real files"), built from the described shapes with generated handles.
import Papa from 'papaparse';
import { strToU8, zipSync } from 'fflate';
import { describeList, detectAndParse, isFailure, mergeLists, type ImportedList, type ImportResult } from '../src/core/imports';
import { kindFromTitle } from '../src/core/imports/meta';
import { germanHtml, tiktokProfile } from './fixtures/variants';

const csv = (t: string): string[][] => Papa.parse<string[]>(t).data;
const parse = (name: string, text: string, assume?: 'followers' | 'following'): ImportResult[] => detectAndParse(name, strToU8(text), { csv, assume });
function lists(r: ImportResult[]): ImportedList[] {
  const bad = r.filter(isFailure);
  if (bad.length) throw new Error(bad.map((b) => b.error).join('\n'));
  return r as ImportedList[];
}
const one = (name: string, text: string, assume?: 'followers' | 'following'): ImportedList => {
  const l = lists(parse(name, text, assume));
  expect(l).toHaveLength(1);
  return l[0];
};
const handles = (l: ImportedList) => l.rows.map((r) => r.handle);
const iso = (ms?: number) => (ms === undefined ? '' : new Date(ms).toISOString());

describe('Instagram, localised HTML: the file name first, then a title word in any language', () => {
  test('German followers_1.html titled "Follower" is followers; following.html titled "Gefolgt" is following', () => {
    const f = one('followers_1.html', germanHtml('Follower', ['lumi.vakk', 'teo_brask']));
    expect(f).toMatchObject({ kind: 'followers', platform: 'instagram' });
    expect(handles(f)).toEqual(['lumi.vakk', 'teo_brask']); // 2025–26 HTML: the username in the <h2>
    expect(iso(f.rows[0].date)).toBe('2026-02-21T12:44:00.000Z'); // "Feb. 21, 2026 12:44 pm"
    const g = one('following.html', germanHtml('Gefolgt', ['orrin.pale']));
    expect(g.kind).toBe('following');
  });

  test('the name wins over a title that says the other list', () => {
    expect(one('followers_2.html', germanHtml('Following', ['a.b'])).kind).toBe('followers');
    expect(one('following.html', germanHtml('Followers', ['a.b'])).kind).toBe('following');
  });

  test.each([
    ['en', 'Followers', 'Following'],
    ['de', 'Follower', 'Gefolgt'],
    ['fr', 'Abonnés', 'Abonnements'],
    ['es', 'Seguidores', 'Seguidos'],
    ['pt', 'Seguidores', 'Seguindo'],
    ['it', 'Follower', 'Persone seguite'],
    ['nl', 'Volgers', 'Volgend'],
  ])('%s: a renamed page is read by its title (%s / %s)', (_lang, followers, following) => {
    expect(kindFromTitle(followers)).toBe('followers');
    expect(kindFromTitle(following)).toBe('following');
    expect(one('page.html', germanHtml(followers, ['x.y'])).kind).toBe('followers');
    expect(one('page (1).html', germanHtml(following, ['x.y'])).kind).toBe('following');
  });
});

describe('Instagram 2020 connections.json', () => {
  const data = {
    blocked_users: { 'spam.acct': '2020-01-01T00:00:00+00:00' },
    restricted_users: {},
    followers: { 'ilka.ferro': '2020-06-01T18:32:14+00:00', 'bram.tuck': '2019-12-31T23:00:00-02:00' },
    following: { 'ilka.ferro': '2020-06-02T08:00:00+00:00' },
    follow_requests_sent: { 'nope.nope': '2020-06-03T08:00:00+00:00' },
  };
  test('followers and following read with their ISO follow dates; the other lists are not', () => {
    const l = lists(parse('connections.json', JSON.stringify(data)));
    expect(l.map((x) => [x.kind, handles(x)])).toEqual([
      ['followers', ['ilka.ferro', 'bram.tuck']],
      ['following', ['ilka.ferro']],
    ]);
    expect(iso(l[0].rows[1].date)).toBe('2020-01-01T01:00:00.000Z');
    expect(l[0].rows[0].url).toBe('https://www.instagram.com/ilka.ferro');
  });
  test('inside a zip download', () => {
    const z = zipSync({ 'connections.json': strToU8(JSON.stringify(data)), 'media/a.jpg': new Uint8Array([1]) });
    expect(lists(detectAndParse('old.zip', z)).map((x) => x.rows.length)).toEqual([2, 1]);
  });
});

describe('scrapers: Instagram private-API pages and lists of profiles', () => {
  const page = (users: object[], more: boolean) => ({ users, big_list: true, page_size: 200, next_max_id: more ? 'QVFE' : null, has_more: more });
  const u1 = { pk: '101', username: 'Kesta.Morrow', full_name: 'Kesta Morrow', is_private: true, is_verified: false, profile_pic_url: 'https://cdn.example/p1.jpg' };
  const u2 = { pk: '102', username: 'dorn_fel', full_name: '', is_private: false, is_verified: false, profile_pic_url: 'https://cdn.example/p2.jpg' };

  test('one page a file: handles, names, private and verified flags, picture; the name says the kind', () => {
    const l = one('followers_page_1.json', JSON.stringify(page([u1, u2], true)));
    expect(l).toMatchObject({ kind: 'followers', platform: 'instagram' });
    expect(l.rows[0]).toEqual({
      handle: 'kesta.morrow', name: 'Kesta Morrow', platform: 'instagram', url: 'https://www.instagram.com/kesta.morrow',
      isPrivate: true, verified: false, picture: 'https://cdn.example/p1.jpg',
    });
    expect(l.rows[1].name).toBeUndefined();
    expect(describeList(l)).toMatch(/private-API JSON, 1 page.*: 2 accounts/);
  });

  test('several pages in one array; pages of several files merge, each handle once', () => {
    const a = one('followers.json', JSON.stringify([page([u1], true), page([u2], false)]));
    const b = one('followers_2.json', JSON.stringify(page([u2], false)));
    expect(a.format).toContain('2 pages');
    expect(mergeLists([a, b], 'followers').rows.map((r) => r.handle)).toEqual(['kesta.morrow', 'dorn_fel']);
  });

  test('web-API profiles nest their counts ("edge_followed_by": {"count": …})', () => {
    const l = one('followers.json', JSON.stringify([{ username: 'wyn.h', edge_followed_by: { count: 4321 }, edge_follow: { count: 12 } }]));
    expect(l.rows[0]).toMatchObject({ handle: 'wyn.h', followers: 4321, following: 12 });
  });

  test('a JSON array of profiles (camelCase keys); R NA and Python [] are unknown, never a name or a bio; kind assumed', () => {
    const profiles = [
      { username: 'vail.orchard', fullName: 'Vail Orchard', biography: 'Ceramics', followersCount: '1.2k', followingCount: 310, postsCount: 'NA', isPrivate: 'False', isVerified: 'FALSE' },
      { username: 'mott.kr', fullName: 'NA', biography: '[]', followersCount: 'None', isPrivate: 'TRUE' },
    ];
    const l = one('export.json', JSON.stringify(profiles));
    expect(l.assumedKind).toBe(true);
    expect(l.rows[0]).toMatchObject({ handle: 'vail.orchard', name: 'Vail Orchard', bio: 'Ceramics', followers: 1200, following: 310, isPrivate: false, verified: false });
    expect(l.rows[0].posts).toBeUndefined();
    expect(l.rows[1]).toEqual({ handle: 'mott.kr', platform: '', isPrivate: true });
  });
});

describe('TikTok: the lists move between versions; null, {} or missing is an empty list', () => {
  test('["Profile"]["Follower List"] and ["Profile"]["Following List"]["Following"]', () => {
    const l = lists(parse('user_data_tiktok.json', tiktokProfile([{ Date: '2024-08-27 03:06:52', UserName: 'Pell.Arden' }], ['nix.o'])));
    expect(l.map((x) => [x.kind, handles(x)])).toEqual([
      ['followers', ['pell.arden']],
      ['following', ['nix.o']],
    ]);
    expect(iso(l[0].rows[0].date)).toBe('2024-08-27T03:06:52.000Z');
  });
  test.each([
    ['null', null],
    ['{}', {}],
    ['{"FansList": null}', { FansList: null }],
    ['missing', undefined],
  ])('a followers list that is %s: an empty followers list that says so', (_what, followers) => {
    const l = lists(parse('user_data_tiktok.json', tiktokProfile(followers, ['nix.o'])));
    const f = l.find((x) => x.kind === 'followers')!;
    expect(f.rows).toEqual([]);
    expect(describeList(f)).toBe("TikTok followers (JSON): this download's followers list is empty");
    expect(describeList(l.find((x) => x.kind === 'following')!)).toMatch(/1 account/);
  });
  test('the older "Your Activity" layout with a {} following list', () => {
    const data = { 'Your Activity': { Follower: { FansList: [{ UserName: 'a.one', Date: '2021-11-11 01:22:22' }] }, Following: {} } };
    const l = lists(parse('user_data_tiktok.json', JSON.stringify(data)));
    expect(l.map((x) => [x.kind, x.rows.length])).toEqual([
      ['followers', 1],
      ['following', 0],
    ]);
  });
});

test('Meta JSON with a null or {} list is that empty list', () => {
  for (const value of [null, {}, []]) {
    const l = one('following.json', JSON.stringify({ relationships_following: value }));
    expect(describeList(l)).toBe("Instagram following (JSON): this download's following list is empty");
  }
  expect(describeList(one('followers_1.json', '[]'))).toBe("Instagram followers (JSON): this download's followers list is empty");
});

describe('X archive, 2020', () => {
  test('"window.YTD.follower.part0 = [ {" on one line; an empty list is "[ ]"', () => {
    const l = one('follower.js', 'window.YTD.follower.part0 = [ {\n  "follower" : {\n    "accountId" : "1295862231402459136",\n    "userLink" : "https://twitter.com/intent/user?user_id=1295862231402459136"\n  }\n} ]');
    expect(handles(l)).toEqual(['1295862231402459136']);
    const empty = one('following.js', 'window.YTD.following.part0 = [ ]');
    expect(empty.rows).toEqual([]);
    expect(describeList(empty)).toMatch(/this download's following list is empty/);
  });
});

describe("LinkedIn Connections.csv: three eras", () => {
  test('2021: no preamble, no URL column: imported by name, the email kept', () => {
    const text = 'First Name,Last Name,Email Address,Company,Position,Connected On\nAstra,Belwood,astra.b@example.test,Loom Co,Owner,17 Feb 2021\nCai,Dunmore,,,,03 Mar 2021\n';
    const l = one('Connections.csv', text);
    expect(l.platform).toBe('linkedin');
    expect(l.rows[0]).toEqual({ handle: 'astra belwood', name: 'Astra Belwood', email: 'astra.b@example.test', platform: 'linkedin', date: Date.UTC(2021, 1, 17) });
    expect(l.rows[1]).toEqual({ handle: 'cai dunmore', name: 'Cai Dunmore', platform: 'linkedin', date: Date.UTC(2021, 2, 3) });
    expect(describeList(l)).toMatch(/no profile links.*2 accounts; 1 with an email/);
  });
  test('2018: the same columns, dates "1/8/18, 6:14 PM"', () => {
    const text = 'First Name,Last Name,Email Address,Company,Position,Connected On\nDove,Ashgrove,dove@example.test,,,"1/8/18, 6:14 PM"\n';
    const l = one('Connections.csv', text);
    expect(iso(l.rows[0].date)).toBe('2018-01-08T18:14:00.000Z');
    expect(l.rows[0].email).toBe('dove@example.test');
  });
});

describe('Mastodon and Facebook', () => {
  test('a 2017 following_accounts.csv has no header: one user@instance a line', () => {
    expect(handles(one('following_accounts.csv', 'fen@mastodon.example\nrue@social.example\n'))).toEqual(['fen@mastodon.example', 'rue@social.example']);
  });
  test('followers_v3 entries with a name and no timestamp', () => {
    const l = one('people_who_followed_you.json', JSON.stringify({ followers_v3: [{ name: 'Ysolde Parr' }, { name: 'Emmet Rook' }] }));
    expect(l.rows.map((r) => [r.handle, r.name, r.date])).toEqual([
      ['ysolde parr', 'Ysolde Parr', undefined],
      ['emmet rook', 'Emmet Rook', undefined],
    ]);
  });
});

test('Meta JSON: the file name says the kind first, then the wrapper key', () => {
  const body = JSON.stringify({ relationships_following: [{ title: 'a.b', string_list_data: [{ href: 'https://www.instagram.com/a.b', timestamp: 1736791494 }] }] });
  expect(one('followers_1.json', body).kind).toBe('followers');
  expect(one('export (3).json', body).kind).toBe('following');
});
