// The importers of src/core/imports against fixture files built from the documented download formats
// (test/fixtures/imports, see research/export-formats.md "Followers and engagement").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { zipSync, strToU8 } from 'fflate';
import { describeList, detectAndParse, isFailure, mergeLists, type ImportedList, type ImportFailure, type ImportResult } from '../src/core/imports';
import { parseFollowDate } from '../src/core/imports/follow-dates';

const FIX = join(__dirname, 'fixtures', 'imports');
const csv = (t: string): string[][] => Papa.parse<string[]>(t).data;
const bytes = (rel: string): Uint8Array => new Uint8Array(readFileSync(join(FIX, rel)));
const parse = (rel: string, name = rel, assume?: 'followers' | 'following'): ImportResult[] => detectAndParse(name, bytes(rel), { csv, assume });

function lists(results: ImportResult[]): ImportedList[] {
  const failures = results.filter(isFailure);
  if (failures.length) throw new Error(failures.map((f) => f.error).join('\n'));
  return results as ImportedList[];
}
function one(rel: string, name?: string): ImportedList {
  const l = lists(parse(rel, name));
  expect(l).toHaveLength(1);
  return l[0];
}
function failure(rel: string, name?: string): ImportFailure {
  const r = parse(rel, name);
  expect(r).toHaveLength(1);
  expect(isFailure(r[0])).toBe(true);
  return r[0] as ImportFailure;
}
const handles = (l: ImportedList): string[] => l.rows.map((r) => r.handle);
const day = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));

describe('Instagram JSON', () => {
  test('followers_1.json: old shape (value) and new shape (title, /_u/ link) in one file', () => {
    const l = one('instagram/followers_1.json', 'followers_1.json');
    expect(l).toMatchObject({ kind: 'followers', platform: 'instagram' });
    expect(handles(l)).toEqual(['jane.doe', 'bob_builds', 'carla.makes', 'dan.the.man']);
    const carla = l.rows[2]; // new shape: no value, username in title, /_u/ link
    expect(carla.url).toBe('https://www.instagram.com/carla.makes');
    expect(day(l.rows[0].date)).toBe('2025-01-13');
    expect(l.rows[0].date).toBe(1736791494 * 1000);
  });

  test('following.json: {"relationships_following": …} with both shapes', () => {
    const l = one('instagram/following.json', 'following.json');
    expect(l.kind).toBe('following');
    expect(handles(l)).toEqual(['jane.doe', 'gina.shop', 'harry.h']);
    expect(l.rows.every((r) => r.url && !r.url.includes('/_u/'))).toBe(true);
  });

  test('several followers_N parts with overlapping edges: each handle once', () => {
    const parts = [...lists(parse('instagram/followers_1.json')), ...lists(parse('instagram/followers_2.json'))];
    const { rows, duplicates } = mergeLists(parts, 'followers');
    expect(rows.map((r) => r.handle)).toEqual(['jane.doe', 'bob_builds', 'carla.makes', 'dan.the.man', 'eve_knits', 'frank.ceramics']);
    expect(duplicates).toBe(1);
    expect(new Set(rows.map((r) => r.handle)).size).toBe(rows.length);
  });

  test('the kind comes from the content, not the name: a renamed following.json is still following', () => {
    const l = one('instagram/following.json', 'export (3).json');
    expect(l.kind).toBe('following');
  });

  test('another Meta list is refused by name', () => {
    const f = failure('instagram/close_friends.json', 'close_friends.json');
    expect(f.error).toMatch(/^close_friends\.json: /);
    expect(f.error).toContain('close friends');
    expect(f.error).toMatch(/Expected/);
  });

  test('a download cut short: damaged JSON, the file named, what was expected', () => {
    const f = failure('instagram/followers_3.json', 'followers_3.json');
    expect(f.error).toMatch(/^followers_3\.json: damaged JSON/);
    expect(f.error).toContain('string_list_data');
  });
});

describe('Instagram HTML', () => {
  test('old HTML: link text is the username, date in the next div, entities decoded', () => {
    const l = one('instagram/followers_1.html', 'followers_1.html');
    expect(l).toMatchObject({ kind: 'followers', platform: 'instagram', format: 'Instagram followers (HTML)' });
    expect(handles(l)).toEqual(['jane.doe', 'ivy&co', 'kai.k']);
    expect(new Date(l.rows[0].date!).toISOString()).toBe('2025-01-13T18:04:00.000Z');
    expect(new Date(l.rows[1].date!).toISOString()).toBe('2025-01-12T11:15:00.000Z');
    expect(new Date(l.rows[2].date!).toISOString()).toBe('2024-12-31T00:00:00.000Z');
  });

  test('new HTML: username in <h2>, the link text is a /_u/ URL', () => {
    const l = one('instagram/following.html', 'following.html');
    expect(l.kind).toBe('following');
    expect(handles(l)).toEqual(['gina.shop', 'harry.h']);
    expect(day(l.rows[0].date)).toBe('2025-11-26');
  });

  test('the <title> settles the kind when the file was renamed', () => {
    expect(one('instagram/following.html', 'page.html').kind).toBe('following');
    expect(one('instagram/followers_1.html', 'page.html').kind).toBe('followers');
  });
});

describe('Threads', () => {
  test('followers.json inside the Instagram download, threads.net and threads.com links', () => {
    const l = one('threads/followers.json', 'your_instagram_activity/threads/followers.json');
    expect(l).toMatchObject({ kind: 'followers', platform: 'threads' });
    expect(handles(l)).toEqual(['jane.doe', 'lena.threads']);
    expect(l.rows[0].url).toBe('https://www.threads.com/@jane.doe');
  });
  test('following.json (new shape: title only)', () => {
    const l = one('threads/following.json', 'following.json');
    expect(l).toMatchObject({ kind: 'following', platform: 'threads' });
    expect(handles(l)).toEqual(['mo.studio']);
  });
});

describe('TikTok', () => {
  test('user_data_tiktok.json holds both lists; handles normalised (Jane.Doe = jane.doe)', () => {
    const l = lists(parse('tiktok/user_data_tiktok.json', 'user_data_tiktok.json'));
    const followers = l.find((x) => x.kind === 'followers')!;
    const following = l.find((x) => x.kind === 'following')!;
    expect(followers.platform).toBe('tiktok');
    expect(handles(followers)).toEqual(['jane.doe', 'nina_n', 'jane.doe']);
    expect(mergeLists(l, 'followers').rows.map((r) => r.handle)).toEqual(['jane.doe', 'nina_n']);
    expect(new Date(followers.rows[0].date!).toISOString()).toBe('2021-11-11T01:22:22.000Z');
    expect(handles(following)).toEqual(['oscar.o']);
    expect(following.rows[0].url).toBe('https://www.tiktok.com/@oscar.o');
  });
  test('older user_data.json (["Activity"]["Follower List"]); a null Following list is empty, not an error', () => {
    const l = lists(parse('tiktok/user_data.json', 'user_data.json'));
    expect(l.map((x) => [x.kind, x.rows.length])).toEqual([
      ['followers', 1],
      ['following', 0],
    ]);
    expect(l[0].rows[0].handle).toBe('paula.p');
  });
  test('Follower.txt / Following.txt: the name says which list; CRLF lines read too', () => {
    const f = one('tiktok/Follower.txt', 'Follower.txt');
    expect(f.kind).toBe('followers');
    expect(handles(f)).toEqual(['jane.doe', 'quinn.q']);
    expect(new Date(f.rows[0].date!).toISOString()).toBe('2025-08-02T01:00:44.000Z');
    const g = one('tiktok/Following.txt', 'Following.txt');
    expect(g.kind).toBe('following');
    expect(handles(g)).toEqual(['oscar.o']);
  });
  test('a renamed .txt takes the assumed kind and says so', () => {
    const r = lists(detectAndParse('list.txt', bytes('tiktok/Following.txt'), { assume: 'following' }));
    expect(r[0]).toMatchObject({ kind: 'following', assumedKind: true });
    expect(describeList(r[0])).toContain('does not say whether');
  });
});

describe('X archive', () => {
  test('follower.js: account ids kept as text, exactly (19 digits and a bare number beyond 2^53)', () => {
    const l = one('x/follower.js', 'data/follower.js');
    expect(l).toMatchObject({ kind: 'followers', platform: 'x' });
    expect(handles(l)).toEqual(['1295862231402459136', '9007199254740993', '12']);
    for (const r of l.rows) expect(typeof r.handle).toBe('string');
    expect(l.rows[0].url).toBe('https://twitter.com/intent/user?user_id=1295862231402459136');
    expect(describeList(l)).toContain('ids only');
  });
  test('following.js', () => {
    const l = one('x/following.js', 'following.js');
    expect(l.kind).toBe('following');
    expect(handles(l)).toEqual(['783214']);
  });
  test('another archive file is refused by name', () => {
    expect(failure('x/block.js', 'block.js').error).toMatch(/^block\.js: .*"block" file/);
  });
});

describe('Bluesky', () => {
  test('getFollowers pages: handle, displayName; handle.invalid falls back to the did; duplicates across pages merge', () => {
    const p1 = one('bluesky/getFollowers-1.json');
    const p2 = one('bluesky/getFollowers-2.json');
    expect(p1).toMatchObject({ kind: 'followers', platform: 'bluesky' });
    expect(p1.rows[0]).toEqual({ handle: 'jane.bsky.social', name: 'Jane Doe', platform: 'bluesky', url: 'https://bsky.app/profile/jane.bsky.social' });
    expect(p1.rows[1].name).toBe('Rita ✨');
    expect(p2.rows[0].handle).toBe('did:plc:ccc');
    expect(p1.rows[0].date).toBeUndefined(); // createdAt is the account's, not the follow's
    expect(mergeLists([p1, p2], 'followers').rows).toHaveLength(3);
  });
  test('getFollows is a following list', () => {
    expect(one('bluesky/getFollows.json').kind).toBe('following');
  });
});

describe('Facebook', () => {
  test('people_who_followed_you.json: names only, mojibake repaired per string, the normalised name as key', () => {
    const l = one('facebook/people_who_followed_you.json', 'people_who_followed_you.json');
    expect(l).toMatchObject({ kind: 'followers', platform: 'facebook' });
    expect(l.rows.map((r) => r.name)).toEqual(['José García', 'Zoë O’Neil', 'Tom Lee']);
    expect(handles(l)).toEqual(['josé garcía', 'zoë o’neil', 'tom lee']);
    expect(l.rows.every((r) => r.url === undefined)).toBe(true);
    expect(day(l.rows[0].date)).toBe('2023-11-14');
  });
});

describe('Mastodon', () => {
  test('following_accounts.csv: Account address → user@host, profile URL built', () => {
    const l = one('mastodon/following_accounts.csv', 'following_accounts.csv');
    expect(l).toMatchObject({ kind: 'following', platform: 'mastodon' });
    expect(handles(l)).toEqual(['gargron@mastodon.social', 'user@fosstodon.org']);
    expect(l.rows[0].url).toBe('https://mastodon.social/@gargron');
  });
  test('the muted list has the same column but is refused', () => {
    expect(failure('mastodon/muted_accounts.csv', 'muted_accounts.csv').error).toMatch(/^muted_accounts\.csv: .*not the following list/);
  });
  test('without a CSV parser a CSV file gets a clear error, not a crash', () => {
    const r = detectAndParse('following_accounts.csv', bytes('mastodon/following_accounts.csv'));
    expect(isFailure(r[0]) && r[0].error).toMatch(/CSV parser/);
  });
});

describe('LinkedIn', () => {
  test('Connections.csv: BOM, Notes preamble, quoted commas; handle from /in/, name, Connected On', () => {
    const l = one('linkedin/Connections.csv', 'Connections.csv');
    expect(l.platform).toBe('linkedin');
    expect(l.rows[0]).toEqual({
      handle: 'jane-doe-1a2b3c', name: 'Jane Doe', url: 'https://www.linkedin.com/in/jane-doe-1a2b3c', platform: 'linkedin',
      date: Date.UTC(2024, 2, 12),
    });
    expect(l.rows[1].name).toBe('Élodie Brûlé');
    expect(l.rows[2]).toMatchObject({ handle: 'hidden person', name: 'Hidden Person' }); // no URL: the name is the key
  });
  test('connections are mutual: the caller chooses the kind', () => {
    const r = lists(detectAndParse('Connections.csv', bytes('linkedin/Connections.csv'), { csv, assume: 'following' }));
    expect(r[0]).toMatchObject({ kind: 'following', assumedKind: true });
  });
});

describe('unknown and damaged files', () => {
  test.each([
    ['other/orders.csv', 'orders.csv', /Mastodon|LinkedIn/],
    ['other/notes.txt', 'notes.txt', /Instagram followers_1\.json/],
    ['other/empty.json', 'empty.json', /empty/],
  ])('%s gets one error naming the file and what was expected', (rel, name, expected) => {
    const f = failure(rel, name);
    expect(f.file).toBe(name);
    expect(f.error.startsWith(name + ': ')).toBe(true);
    expect(f.error).toMatch(/Expected/);
    expect(f.error).toMatch(expected);
  });
  test('random bytes never throw', () => {
    const noise = new Uint8Array(4096);
    let s = 7;
    for (let i = 0; i < noise.length; i++) noise[i] = (s = (s * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (const name of ['followers_1.json', 'x.zip', 'Follower.txt', 'a.csv']) {
      const r = detectAndParse(name, noise, { csv });
      expect(r.length).toBeGreaterThan(0);
      expect(r.every(isFailure)).toBe(true);
    }
  });
  test('a JSON file of another shape names what it found', () => {
    const r = detectAndParse('followers_1.json', strToU8('{"profile_user": []}'));
    expect(isFailure(r[0]) && r[0].error).toContain('"profile_user"');
  });
});

describe('zip downloads', () => {
  test('the Instagram download (written by another zip tool): lists found, media and other files ignored', () => {
    const r = parse('instagram-download.zip', 'instagram-me-2025.zip');
    const l = lists(r);
    expect(l.map((x) => [x.file, x.kind, x.platform, x.rows.length])).toEqual([
      ['instagram-me-2025.zip/connections/followers_and_following/followers_1.json', 'followers', 'instagram', 4],
      ['instagram-me-2025.zip/connections/followers_and_following/followers_2.json', 'followers', 'instagram', 3],
      ['instagram-me-2025.zip/connections/followers_and_following/following.json', 'following', 'instagram', 2],
      ['instagram-me-2025.zip/your_instagram_activity/threads/followers.json', 'followers', 'threads', 2],
    ]);
    const merged = mergeLists(l.filter((x) => x.platform === 'instagram'), 'followers');
    expect(merged.rows).toHaveLength(6);
    expect(merged.duplicates).toBe(1);
  });
  test('a damaged zip: one error naming it', () => {
    const f = failure('damaged-download.zip', 'download.zip');
    expect(f.error).toMatch(/^download\.zip: damaged zip/);
  });
  test('a zip without any list says what it expected', () => {
    const z = zipSync({ 'photos/a.jpg': new Uint8Array([1, 2, 3]), 'readme.txt': strToU8('hi') });
    const r = detectAndParse('photos.zip', z);
    expect(r).toHaveLength(1);
    expect(isFailure(r[0]) && r[0].error).toMatch(/^photos\.zip: no follower or following lists/);
  });
  test('a bad list inside a zip fails alone; the good ones are still read', () => {
    const z = zipSync({
      'data/follower.js': bytes('x/follower.js'),
      'connections/followers_and_following/followers_1.json': strToU8('[{"title": "", "string_list_data": [{"href": "https://www'),
      'Connections.csv': bytes('linkedin/Connections.csv'),
    });
    const r = detectAndParse('archive.zip', z, { csv });
    const bad = r.filter(isFailure);
    expect(bad.map((b) => b.file)).toEqual(['archive.zip/connections/followers_and_following/followers_1.json']);
    expect(bad[0].error).toMatch(/^archive\.zip\/connections\/followers_and_following\/followers_1\.json: damaged JSON/);
    expect((r.filter((x) => !isFailure(x)) as ImportedList[]).map((x) => x.platform).sort()).toEqual(['linkedin', 'x']);
  });
});

describe('follow dates', () => {
  test.each([
    ['2021-11-11 01:22:22', '2021-11-11T01:22:22.000Z'],
    ['2025-08-02 01:00:44 UTC', '2025-08-02T01:00:44.000Z'],
    ['2024-03-12T10:00:00-05:00', '2024-03-12T15:00:00.000Z'],
    ['12 Mar 2024', '2024-03-12T00:00:00.000Z'],
    ['Jan 13, 2025 6:04 pm', '2025-01-13T18:04:00.000Z'],
    ['Jan 13, 2025, 12:04 AM', '2025-01-13T00:04:00.000Z'],
    ['1736791494', '2025-01-13T18:04:54.000Z'],
  ])('%s', (s, iso) => {
    expect(new Date(parseFollowDate(s)!).toISOString()).toBe(iso);
  });
  test.each(['31 Feb 2024', 'yesterday', '2024-13-01', ''])('%s is no date', (s) => {
    expect(parseFollowDate(s)).toBeUndefined();
  });
});
