// `followback thanks` and `followback unfollow` through the real binary (bin/followback.js → build/cli.js).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { UNFOLLOW_DAILY } from '../src/core/platforms';
import { ensureBuilt } from './built';

const root = join(__dirname, '..');
const fx = (name: string) => join(__dirname, 'fixtures', 'cli', name);
const tmp = mkdtempSync(join(tmpdir(), 'followback-lists-'));

function followback(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'followback.js'), ...args], { encoding: 'utf8', cwd: root });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const rowsOf = (csv: string) => {
  const [head, ...rest] = Papa.parse<string[]>(csv.trim()).data;
  return rest.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
};

beforeAll(() => {
  ensureBuilt();
});

describe('followback thanks', () => {
  const args = ['thanks', '--engagement', fx('mentions.csv'), '--orders', fx('orders.csv'), '--followers', fx('followers.csv'), '--now', '2026-11-25'];

  test('customers first, then the most engaged, each once, newest post, bots and stale or future rows out', () => {
    const r = followback(args);
    expect(r.status).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows.map((x) => x.Handle)).toEqual(['jane.doe', 'lena.k', 'xss.fan', 'formula.fan']);
    expect(rows[0]).toMatchObject({ Customer: 'yes', Why: 'customer · 2 orders · tagged you once in the last 30 days', Link: 'https://www.instagram.com/p/JANE1/', Profile: 'https://www.instagram.com/jane.doe/' });
    expect(rows[1]).toMatchObject({ Why: 'mentioned you twice, commented once in the last 30 days', Date: '2026-11-22', Link: 'https://www.instagram.com/p/LENA2/', Text: 'Shout-out to my favourite potter' });
    expect(r.stderr).toMatch(/^followback: 4 people to thank \(1 customer\) from the last 30 days$/m);
    expect(r.stderr).toMatch(/1 engagement row is dated in the future and was left out/);
    expect(r.stderr).toMatch(/1 likely bot left out/);
  });

  test('text that a spreadsheet would run is written with an apostrophe; a javascript: link is no link', () => {
    const rows = rowsOf(followback(args).stdout);
    const formula = rows.find((x) => x.Handle === 'formula.fan')!;
    expect(formula.Text).toBe(`'=HYPERLINK("http://evil.example","win")`);
    expect(formula.Link).toBe('');
    expect(rows.find((x) => x.Handle === 'xss.fan')!.Text).toBe('<img src=x onerror=alert(1)>');
  });

  test('--out writes the file; --days widens the window', () => {
    const out = join(tmp, 'thanks.csv');
    const r = followback([...args, '--days', '200', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(rowsOf(readFileSync(out, 'utf8')).map((x) => x.Handle)).toContain('old.fan');
  });

  test('a counts-only export still gives the list and says links are missing', () => {
    const counts = join(tmp, 'counts.csv');
    writeFileSync(counts, 'Username,Comments,Mentions,Likes\nmany,4,2,0\nfew,1,0,9\nlikes.only,0,0,40\n');
    const r = followback(['thanks', '--engagement', counts, '--now', '2026-11-25']);
    expect(r.status).toBe(0);
    expect(rowsOf(r.stdout).map((x) => [x.Handle, x.Why])).toEqual([['many', 'mentioned you twice, commented 4 times'], ['few', 'commented once']]);
    expect(r.stderr).toMatch(/Links are missing/);
  });

  test('bad input: a missing file, an engagement file without handles, no --engagement', () => {
    const missing = followback(['thanks', '--engagement', join(tmp, 'nope.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv: file not found/);
    const bad = followback(['thanks', '--engagement', fx('no-handle.csv')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no-handle\.csv: no handle column found/);
    const none = followback(['thanks']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/name the engagement file/);
  });
});

describe('followback unfollow', () => {
  const args = ['unfollow', fx('following-profiles.csv'), '--followers', fx('followers.csv'), '--orders', fx('orders.csv'), '--engagement', fx('mentions.csv'), '--now', '2026-11-25'];

  test('weakest first, never a customer or a recent fan, with reasons, the pace and the cap', () => {
    const r = followback([...args, '--following-count', '7200']);
    expect(r.status).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows.map((x) => x.Handle)).toEqual(['spam4u_83920174', 'quiet.studio', 'new.shop']);
    expect(rows.map((x) => x.Order)).toEqual(['1', '2', '3']);
    expect(rows[0].Reasons).toMatch(/^Does not follow you back; Bot signs: /);
    expect(rows[1]).toMatchObject({ Reasons: 'Does not follow you back; No engagement found; Never bought; Followed 4 years ago', 'Followed on': '2022-06-01' });
    // jane.doe follows back and bought; lena.k engaged this week; bread.lover is a customer (orders) though not a follower
    expect(r.stderr).toMatch(new RegExp(`3 to unfollow today of 3 candidates \\(safe pace ${UNFOLLOW_DAILY.instagram.daily} a day\\); frees 3 follows: 303 left under the cap of 7,500`));
    expect(r.stderr).toMatch(/never listed: 2 customers, 1 engaged in the last 30 days, 0 kept/);
  });

  test('the history: keep and unfollowed accounts are not listed; --history on score makes an unfollowed account not followed', () => {
    const history = join(tmp, 'history.csv');
    writeFileSync(history, 'When,Handle,Platform,Action,Score,Recommendation,Reason\n2026-11-24T10:00:00Z,quiet.studio,instagram,keep,,Make room,\n2026-11-24T11:00:00Z,new.shop,instagram,unfollowed,,Make room,\n');
    const r = followback([...args, '--history', history]);
    expect(rowsOf(r.stdout).map((x) => x.Handle)).toEqual(['spam4u_83920174']);
    expect(r.stderr).toMatch(/1 kept/);
    const following = join(tmp, 'following.csv');
    writeFileSync(following, 'Username\njane.doe\n');
    const score = (extra: string[]) => rowsOf(followback(['score', fx('followers.csv'), '--following', following, '--now', '2026-11-25', ...extra]).stdout).find((x) => x.username === 'jane.doe')!;
    expect(score([]).Recommendation).toBe('Already following');
    writeFileSync(history, 'When,Handle,Platform,Action,Score,Recommendation,Reason\n2026-11-24T11:00:00Z,jane.doe,instagram,unfollowed,,Make room,\n');
    expect(score(['--history', history]).Recommendation).not.toBe('Already following');
  });

  test('a following file of handles only still gives a list and says bot checks need profile columns', () => {
    const r = followback(['unfollow', fx('following.csv'), '--followers', fx('followers.csv'), '--now', '2026-11-25']);
    expect(r.status).toBe(0);
    expect(rowsOf(r.stdout)).toEqual([]); // already.friend follows back
    expect(r.stderr).toMatch(/Bot checks need profile columns/);
  });

  test('bad input: no following file, no --followers, a following file without handles', () => {
    expect(followback(['unfollow', '--followers', fx('followers.csv')]).stderr).toMatch(/name the following CSV file/);
    const noFollowers = followback(['unfollow', fx('following.csv')]);
    expect(noFollowers.status).toBe(2);
    expect(noFollowers.stderr).toMatch(/--followers FILE/);
    const bad = followback(['unfollow', fx('no-handle.csv'), '--followers', fx('followers.csv')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no-handle\.csv: no handle column found/);
  });
});
