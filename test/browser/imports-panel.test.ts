// The sidebar's Import panel (src/client/import-panel.ts) in headless Chromium, with a fake server `call`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { setUpImportPanel, withPage } from './import-panel-page';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'test', 'fixtures', 'imports');
setUpImportPanel();

const file = (name: string, rel: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(FIX, rel)) });


test('several parts, a damaged file and a hostile file name: per-file lines, text escaped, one import call', async () => {
  await withPage('imports-panel-files', async (page) => {
    await page.setInputFiles('input[type=file]', [
      file('followers_1.json', 'instagram/followers_1.json'),
      file('followers_2.json', 'instagram/followers_2.json'),
      file('followers_3.json', 'instagram/followers_3.json'),
      { name: '<img src=x onerror="window.pwned=1">.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}') },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.import-file').length === 4);
    const items = await page.$$eval('.import-file', (els) => els.map((e) => ({ text: e.textContent, error: e.classList.contains('error') })));
    expect(items[0]).toEqual({ text: 'followers_1.json: Instagram followers (JSON): 4 accounts', error: false });
    expect(items[2].error).toBe(true);
    expect(items[2].text).toMatch(/^followers_3\.json: damaged JSON/);
    expect(items[3].text).toMatch(/^<img src=x onerror="window.pwned=1">\.json: not a follower or following list/);
    expect(await page.$$eval('img', (els) => els.length)).toBe(0);
    expect(await page.textContent('.import-totals')).toBe('6 followers for the Followers tab (1 repeated across files, counted once).');
    expect(await page.textContent('.import-message')).toMatch(/2 files could not be read/);
    await page.click('button.action');
    await page.waitForFunction(() => (window as any).imported === 1, undefined, { timeout: 10000 });
    const calls = await page.evaluate(() => (window as any).calls);
    expect(calls).toHaveLength(1);
    expect(calls[0].fn).toBe('importRows');
    expect(calls[0].kind).toBe('followers');
    expect(calls[0].rows.map((r: { handle: string }) => r.handle)).toEqual(['jane.doe', 'bob_builds', 'carla.makes', 'dan.the.man', 'eve_knits', 'frank.ceramics']);
    expect(await page.textContent('.import-message')).toBe('Followers tab: 5 added, 1 already there. Score followers to see whom to follow back.');
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  });
});

test('a big list goes in chunks of at most 2,000; followers and following both sent; a zip is read in the browser', async () => {
  await withPage('imports-panel-chunks', async (page) => {
    const entries = Array.from({ length: 4500 }, (_, i) => ({ title: '', media_list_data: [], string_list_data: [{ href: `https://www.instagram.com/user${i}`, value: `user${i}`, timestamp: 1736791494 }] }));
    await page.setInputFiles('input[type=file]', [
      { name: 'followers_1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(entries)) },
      file('instagram.zip', 'instagram-download.zip'),
    ]);
    await page.waitForFunction(() => !(document.querySelector('button.action') as HTMLButtonElement).disabled, undefined, { timeout: 8000 }).catch(async (e) => {
      throw new Error(String(e) + '\n' + (await page.textContent('#root')));
    });
    const lines = await page.$$eval('.import-file', (els) => els.map((e) => e.textContent));
    expect(lines).toContain('instagram.zip › followers.json: Threads followers (JSON): 2 accounts');
    expect(await page.getAttribute('.import-file:nth-child(4)', 'title')).toBe('instagram.zip/connections/followers_and_following/following.json');
    await page.click('button.action');
    await page.waitForFunction(() => (window as any).imported === 1, undefined, { timeout: 10000 });
    const calls: { kind: string; rows: unknown[] }[] = await page.evaluate(() => (window as any).calls);
    expect(calls.map((c) => [c.kind, c.rows.length])).toEqual([
      ['followers', 2000],
      ['followers', 2000],
      ['followers', 507], // 4,500 + 6 Instagram + 2 Threads, jane.doe in both counted once
      ['following', 2],
    ]);
    expect(await page.getAttribute('.progress', 'aria-valuenow')).toBe('100');
    expect(await page.textContent('.import-message')).toMatch(/^Followers tab: 4,504 added, 3 already there\. Following tab: 1 added, 1 already there\./);
  });
});

test('a server error stops the import with a clear message; importing again is safe', async () => {
  await withPage('imports-panel-error', async (page) => {
    await page.evaluate(() => ((window as any).failAt = 2));
    const entries = Array.from({ length: 3000 }, (_, i) => ({ title: `u${i}`, string_list_data: [{ href: `https://www.instagram.com/_u/u${i}`, timestamp: 1 }] }));
    await page.setInputFiles('input[type=file]', [{ name: 'followers_1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(entries)) }]);
    await page.waitForFunction(() => !(document.querySelector('button.action') as HTMLButtonElement).disabled);
    await page.click('button.action');
    await page.waitForFunction(() => /Stopped/.test(document.querySelector('.import-message')!.textContent || ''));
    expect(await page.textContent('.import-message')).toBe('Stopped after 2,000 of 3,000: Exceeded maximum execution time Importing again is safe: handles already on the tab are skipped.');
    expect(await page.isDisabled('button.action')).toBe(false);
  });
});

test('a LinkedIn export does not say which list it is: the choice is offered and used', async () => {
  await withPage('imports-panel-assume', async (page) => {
    await page.setInputFiles('input[type=file]', [file('Connections.csv', 'linkedin/Connections.csv')]);
    await page.waitForFunction(() => !(document.querySelector('.import-assume') as HTMLElement).hidden);
    expect(await page.textContent('.import-totals')).toMatch(/^3 followers for the Followers tab/);
    await page.selectOption('.import-assume select', 'following');
    expect(await page.textContent('.import-totals')).toMatch(/^3 followed accounts for the Following tab/);
    await page.click('button.action');
    await page.waitForFunction(() => (window as any).imported === 1, undefined, { timeout: 10000 });
    const calls = await page.evaluate(() => (window as any).calls);
    expect(calls.map((c: { kind: string }) => c.kind)).toEqual(['following']);
    expect(calls[0].rows[0]).toEqual({ handle: 'jane-doe-1a2b3c', platform: 'linkedin', url: 'https://www.linkedin.com/in/jane-doe-1a2b3c', name: 'Jane Doe', date: Date.UTC(2024, 2, 12) });
  });
});
