// The daily routine in the built Sidebar.html, through the bridge to the real bundle over the emulated spreadsheet:
// a profile link per platform, Followed, Undo, Not now and Mark all, each checked against the Following and
// Followback history tabs the bundle wrote.
import type { Page } from 'playwright-core';
import { HISTORY_HEADERS, HISTORY_TAB } from '../../src/core/history';
import type { Cell } from '../../src/core/types';
import { createWorkbook, tabValues, type Workbook } from '../../src/emulator';
import { bundleServer } from './sidebar-gas';
import { sidebarSession } from './sidebar-session';

const X_ID = '1295862231402459136';

/** One follower per platform (the row's own Platform column), with what the link is built from. */
const PEOPLE: { handle: string; platform: string; url?: string; href: string | null }[] = [
  { handle: 'jane.doe', platform: 'instagram', href: 'https://www.instagram.com/jane.doe/' },
  { handle: 'tom.threads', platform: 'threads', href: 'https://www.threads.com/@tom.threads' },
  { handle: 'tik.maker', platform: 'tiktok', href: 'https://www.tiktok.com/@tik.maker' },
  { handle: 'xuser_1', platform: 'x', href: 'https://x.com/xuser_1' },
  { handle: X_ID, platform: 'x', url: `https://twitter.com/intent/user?user_id=${X_ID}`, href: `https://x.com/i/user/${X_ID}` },
  { handle: 'blue.bsky.social', platform: 'bluesky', href: 'https://bsky.app/profile/blue.bsky.social' },
  { handle: 'pin.crafts', platform: 'pinterest', href: 'https://www.pinterest.com/pin.crafts/' },
  { handle: 'face.book', platform: 'facebook', url: 'https://www.facebook.com/face.book', href: 'https://www.facebook.com/face.book' },
  { handle: 'link-din', platform: 'linkedin', url: 'https://www.linkedin.com/in/link-din/', href: 'https://www.linkedin.com/in/link-din/' },
  // A profile URL that is a script: no link at all, and the handle alone builds none on LinkedIn.
  { handle: 'evil-in', platform: 'linkedin', url: 'javascript:alert(1)', href: null },
];

function book(): Workbook {
  const followers: Cell[][] = [['Handle', 'Name', 'Platform', 'Profile URL'], ...PEOPLE.map((p, i) => [p.handle, `Person ${i}`, p.platform, p.url ?? ''])];
  return createWorkbook([{ name: 'Followers', values: followers }]);
}

// Everyone is queued: the test is about the routine, not the scores. A workbook may ask for another daily limit.
const dailyLimits = new WeakMap<Workbook, number>();
const withSidebar = sidebarSession('sidebar-routine', {
  prepare: (wb, codeDir) => bundleServer(codeDir, wb).saveSettings({ followThreshold: 0, considerThreshold: 0, dailyLimit: dailyLimits.get(wb) ?? 8 }),
});

async function queued(page: Page): Promise<string[]> {
  return page.$$eval('.queue li', (els) => els.map((e) => e.getAttribute('data-handle') || ''));
}

/** Waits until the sidebar has the server's answer to a tick (buttons back, queue re-drawn). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')!.getAttribute('aria-busy') === 'false' && !document.querySelector('[data-busy]'));
}

function history(wb: Workbook): Cell[][] {
  const v = tabValues(wb, HISTORY_TAB);
  expect(v[0]).toEqual([...HISTORY_HEADERS]);
  return v.slice(1);
}

test('each queue entry opens its profile on its platform in a new tab; a script URL never becomes a link', async () => {
  const wb = book();
  dailyLimits.set(wb, 20);
  await withSidebar('links', wb, async ({ page }) => {
    await page.click('#score-button');
    await page.waitForSelector('#summary-section:not([hidden])');
    expect((await queued(page)).sort()).toEqual(PEOPLE.map((p) => p.handle).sort());
    for (const p of PEOPLE) {
      const link = page.locator(`.queue li[data-handle="${p.handle}"] a.open-profile`);
      if (p.href === null) {
        expect(await link.count()).toBe(0);
        continue;
      }
      expect(await link.getAttribute('href')).toBe(p.href);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });
});

test('Followed appends to Following and the history, Undo takes it back, Not now and Mark all empty today’s list', async () => {
  const wb = book();
  await withSidebar('ticks', wb, async ({ page }) => {
    await page.click('#score-button');
    await page.waitForSelector('#summary-section:not([hidden])');
    const before = await queued(page);
    expect(before.length).toBe(8);
    await expect(page.textContent('#done-today')).resolves.toContain('Followed today: 0');

    // Followed: out of the list, onto the Following tab (created with its header) and into the history.
    const first = before[0];
    await page.click(`.queue li[data-handle="${first}"] button[data-action="followed"]`);
    await settled(page);
    await page.waitForSelector('#done-today:has-text("Followed today: 1")');
    expect(await queued(page)).not.toContain(first);
    expect((await queued(page)).length).toBe(7); // pace 8, one used
    expect(tabValues(wb, 'Following')).toEqual([['Handle', 'Followed on', 'Platform'], [first, expect.stringMatching(/^\d{4}-\d\d-\d\d$/), expect.any(String)]]);
    expect(history(wb).map((r) => [r[1], r[3]])).toEqual([[first, 'followed']]);

    // Undo: an `undone` row; the account is back in today's list and today's count is 0 again.
    await page.click('#undo-tick');
    await settled(page);
    await page.waitForSelector('#done-today:has-text("Followed today: 0")');
    expect(await queued(page)).toContain(first);
    expect(history(wb).map((r) => [r[1], r[3]])).toEqual([[first, 'followed'], [first, 'undone']]);
    // The Following row the tick appended stays (the add-on never deletes a row); the history says "not followed".
    expect(tabValues(wb, 'Following').length).toBe(2);

    // Not now: out of today's list, the next in line moves up; recorded with the row's recommendation.
    const second = (await queued(page))[1];
    await page.click(`.queue li[data-handle="${second}"] button[data-action="not now"]`);
    await settled(page);
    expect(await queued(page)).not.toContain(second);
    expect(history(wb).slice(-1)[0].slice(1, 6)).toEqual([second, expect.any(String), 'not now', expect.any(Number), 'Follow back']);

    // Mark all: every entry shown is followed; the list is empty and the count is the pace.
    const rest = await queued(page);
    await page.click('#mark-all');
    await settled(page);
    await page.waitForSelector('.queue-empty, #queue .empty');
    await expect(page.textContent('#done-today')).resolves.toContain(`Followed today: ${rest.length}`);
    const followed = tabValues(wb, 'Following').slice(1).map((r) => r[0]);
    expect(new Set(followed)).toEqual(new Set([first, ...rest]));
    expect(followed.length).toBe(new Set(followed).size); // new handles only
    const marked = history(wb).filter((r) => r[3] === 'followed').slice(-rest.length);
    expect(marked.map((r) => r[1]).sort()).toEqual([...rest].sort());
    // One Mark all = one time, so one Undo takes all of it back.
    expect(new Set(marked.map((r) => String(r[0]))).size).toBe(1);
    await expect(page.textContent('#undo-tick')).resolves.toContain(`(${rest.length})`);
  });
});
