// The built Sidebar.html in headless Chromium, talking through a google.script.run bridge to the real
// bundle (dist/Code.js loaded by gas-local over the emulated spreadsheet). What the sidebar shows is
// checked against what the bundle wrote to the sheet, so the test holds whatever the engine's numbers are.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Cell } from '../../src/core/types';
import { createWorkbook, tabValues, type Workbook } from '../../src/emulator';
import { launchBrowser, saveScreenshot } from './launch';
import { openSidebar, sharedContext, type Bridge } from './sidebar-bridge';
import { buildDist, removeBuilt, type Built } from './sidebar-build';
import { bundleServer } from './sidebar-gas';

const XSS = '<img src=x onerror=alert(1)>';
const LONG = 'Averyveryveryverylongdisplaynamewithnospacesthatmustwrapinsteadofscrolling';

/** The example workbook; `size` pads the Followers tab with generated people up to that many rows. */
function workbook(size = 0): Workbook {
  const followers: Cell[][] = [
    ['Username', 'Full name', 'Bio', 'Followers', 'Following', 'Posts', 'Has profile picture'],
    ['jane.doe', 'Jane Doe', 'Potter and plant person. Portland.', 412, 380, 96, 'yes'],
    ['xss_fan', XSS, '<script>alert(2)</script> I love your mugs', 230, 310, 40, 'yes'],
    ['mike.chen', 'Mike Chen', 'Coffee, clay, cats', 150, 170, 22, 'yes'],
    ['user84736291', '', '', 2, 7480, 0, 'no'],
    ['follow4follow_2291', 'F4F', 'follow for follow', 12, 7300, 1, 'no'],
    ['sam.r', 'Sam Rivera', 'Weekend hiker', 98, 120, 30, 'yes'],
    ['longname.person', LONG, 'x'.repeat(120), 300, 280, 50, 'yes'],
    ['already.friend', 'Already Friend', 'We go way back', 500, 400, 200, 'yes'],
  ];
  for (let i = followers.length - 1; i < size; i++) {
    followers.push([`person.${i}`, `Person ${i}`, i % 3 ? 'Makes things' : '', 50 + (i % 400), 60 + (i % 700), i % 90, i % 5 ? 'yes' : 'no']);
  }
  const orders: Cell[][] = [
    ['Name', 'Email', 'Financial Status', 'Total', 'Billing Name', 'Created at', 'Notes'],
    ['#1001', 'jane.doe@example.com', 'paid', 84.5, 'Jane Doe', '2026-09-12 12:08:27 -0700', ''],
    ['#1002', 'jane.doe@example.com', 'paid', 40, 'Jane Doe', '2026-10-02 09:15:00 -0700', ''],
    ['#1003', 'xss_fan@example.com', 'paid', 62, XSS, '2026-10-20 18:00:00 -0700', 'instagram @xss_fan'],
    ['#1004', 'mike.chen@example.com', 'paid', 25, 'Mike Chen', '2026-11-01 10:00:00 -0700', ''],
    ['#1005', 'longname.person@example.com', 'paid', 310, LONG, '2026-11-10 10:00:00 -0700', ''],
  ];
  const engagement: Cell[][] = [
    ['Username', 'Type', 'Date'],
    ['xss_fan', 'mention', '2026-11-20'],
    ['xss_fan', 'comment', '2026-11-21'],
    ['sam.r', 'comment', '2026-11-18'],
    ['sam.r', 'like', '2026-11-19'],
    ['user84736291', 'like', '2026-11-19'],
  ];
  const following: Cell[][] = [['Username'], ['already.friend']];
  return createWorkbook([
    { name: 'Followers', values: followers },
    { name: 'Orders', values: orders },
    { name: 'Engagement', values: engagement },
    { name: 'Following', values: following },
  ]);
}

let built: Built;
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  built = buildDist();
  browser = await launchBrowser();
  context = await sharedContext(browser);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  removeBuilt(built);
});

async function withSidebar(name: string, book: Workbook, body: (b: Bridge) => Promise<void>, width = 300): Promise<void> {
  const bridge = await openSidebar(context, built.sidebarHtml, () => bundleServer(built.codeDir, book), width);
  try {
    await bridge.page.waitForSelector('#app[aria-busy="false"]');
    await body(bridge);
    expect(bridge.pageErrors).toEqual([]);
  } catch (e) {
    await saveScreenshot(bridge.page, `sidebar-${name}`);
    throw e;
  } finally {
    await bridge.close();
  }
}

/** Waits for a condition on the Node side (the bridge answers asynchronously); fails after 5 s. */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(ok()).toBe(true);
}

async function score(page: Page): Promise<void> {
  await page.click('#score-button');
  await page.waitForSelector('#summary-section:not([hidden])');
}

/** The Followers tab's output columns as the bundle wrote them. */
function written(book: Workbook): { row: number; recommendation: string; queue: Cell }[] {
  const values = tabValues(book, 'Followers');
  const header = values[0].map(String);
  const rec = header.indexOf('Recommendation');
  const queue = header.indexOf('Follow queue');
  expect(rec).toBeGreaterThan(0);
  expect(queue).toBeGreaterThan(0);
  return values.slice(1).map((r, i) => ({ row: i + 2, recommendation: String(r[rec]), queue: r[queue] }));
}

test('status names the tabs and columns it found, and a column picked by hand is saved', async () => {
  const book = workbook();
  await withSidebar('status', book, async ({ page }) => {
    const followers = page.locator('details[data-kind="followers"]');
    await expect(followers.locator('summary').textContent()).resolves.toContain('Followers');
    await followers.locator('summary').click();
    await expect(followers.locator('.columns').textContent()).resolves.toContain('Username');
    const tabChoices = await page.locator('#pick-followers-tab option').allTextContents();
    expect(tabChoices).toEqual(expect.arrayContaining(['Followers', 'Orders', 'Engagement', 'Following']));
    // Pick the bio column by hand: saved in the document's settings.
    await page.selectOption('#pick-followers-bio', 'Bio');
    await page.waitForFunction(() => document.getElementById('app')!.getAttribute('aria-busy') === 'false');
    const saved = bundleServer(built.codeDir, book).getSettings() as { columnOverrides?: Record<string, Record<string, string>> };
    expect(saved.columnOverrides?.followers?.bio).toBe('Bio');
    expect(await page.inputValue('#pick-followers-bio')).toBe('Bio');
  });
});

test('without a Followers tab scoring is off and the problem is named; picking the tab by hand turns it on', async () => {
  const book = createWorkbook([
    { name: 'Sheet1', values: [['Username', 'Full name'], ['jane.doe', 'Jane Doe'], ['sam.r', 'Sam Rivera']] },
    { name: 'Orders', values: [['Name', 'Email', 'Total'], ['#1', 'jane.doe@example.com', 30]] },
  ]);
  await withSidebar('missing-tab', book, async ({ page }) => {
    expect(await page.isDisabled('#score-button')).toBe(true);
    await expect(page.textContent('details[data-kind="followers"] > summary')).resolves.toContain('not found');
    expect((await page.textContent('#status .problems'))!.length).toBeGreaterThan(10);
    await page.click('details[data-kind="followers"] > summary');
    await page.selectOption('#pick-followers-tab', 'Sheet1');
    await page.waitForSelector('#score-button:not([disabled])');
    await expect(page.textContent('details[data-kind="followers"] > summary')).resolves.toContain('Sheet1');
    expect((bundleServer(built.codeDir, book).getSettings() as { tabs?: Record<string, string> }).tabs).toEqual({ followers: 'Sheet1' });
    await score(page);
    expect(tabValues(book, 'Sheet1')[0]).toContain('Recommendation');
  });
});

test('a tab the engine cannot read gives the server’s message in plain words, and the buttons back', async () => {
  const book = createWorkbook([{ name: 'Followers', values: [['Nickname', 'About me'], ['Jane', 'Potter'], ['Sam', 'Hiker']] }]);
  await withSidebar('server-error', book, async ({ page }) => {
    await page.click('#score-button');
    await page.waitForSelector('#message:not(:empty)');
    const text = (await page.textContent('#message'))!;
    expect(text).toMatch(/Followers/);
    expect(text).not.toMatch(/^\w*(Error|Exception):|\n\s*at\s|\.js:\d+/);
    expect(await page.isEnabled('#score-button')).toBe(true);
    expect(await page.isHidden('#progress')).toBe(true);
  });
});

test('settings: bad values get messages next to their fields and are not saved; good ones are', async () => {
  const book = workbook();
  await withSidebar('settings', book, async (bridge) => {
    const { page } = bridge;
    await page.click('#settings-section > summary');
    await page.fill('#set-followingCount', 'lots');
    await page.fill('#set-considerThreshold', '95');
    await page.fill('#set-followThreshold', '60');
    await page.fill('#set-weights-customer', '');
    await page.fill('#set-botBaseRate', '80');
    await page.click('#save-settings');
    await expect(page.textContent('#set-followingCount-error')).resolves.toMatch(/whole number/);
    await expect(page.textContent('#set-botBaseRate-error')).resolves.toMatch(/Bots among your followers \(%\) must be a whole number from 1 to 50/);
    await expect(page.textContent('#set-considerThreshold-error')).resolves.toMatch(/Follow-back/);
    await expect(page.textContent('#set-weights-customer-error')).resolves.toMatch(/Enter a number/);
    expect(await page.getAttribute('#set-followingCount', 'aria-invalid')).toBe('true');
    expect(bridge.calls.filter((c) => c.name === 'saveSettings')).toEqual([]);

    await page.selectOption('#set-platform', 'x');
    await page.fill('#set-followingCount', '4,990');
    await page.fill('#set-considerThreshold', '30');
    await page.fill('#set-weights-customer', '70');
    await page.fill('#set-dailyLimit', '25');
    await page.fill('#set-botBaseRate', '5');
    await page.click('#save-settings');
    await page.waitForSelector('.saved-note:has-text("Saved.")');
    expect(await page.textContent('#set-followingCount-error')).toBe('');
    const saved = bundleServer(built.codeDir, book).getSettings() as Record<string, unknown>;
    expect(saved).toMatchObject({ platform: 'x', followingCount: 4990, dailyLimit: 25, followThreshold: 60, considerThreshold: 30, botBaseRate: 5, weights: { customer: 70 } });
  });
});

test('scoring a big tab shows progress chunk by chunk, buttons off meanwhile, then the counts written to the sheet', async () => {
  const book = workbook(4500);
  await withSidebar('score', book, async (bridge) => {
    const { page } = bridge;
    const release = bridge.hold('finishScoring');
    await page.click('#score-button');
    await page.waitForFunction(() => /4,500 of 4,500/.test(document.getElementById('progress-text')!.textContent || ''));
    for (const id of ['#score-button', '#clear-button', '#save-settings']) expect(await page.isDisabled(id)).toBe(true);
    release();
    await page.waitForSelector('#summary-section:not([hidden])');
    expect(await page.isEnabled('#score-button')).toBe(true);

    // The chunks cover the tab once, in order, and the bar moved after each one.
    const plan = bridge.calls.filter((c) => c.name === 'scoreChunk').map((c) => c.args as [number, number]);
    expect(plan.length).toBeGreaterThan(1);
    let next = 0;
    for (const [start, count] of plan) {
      expect(start).toBe(next);
      next = start + count;
    }
    const total = next;
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(progress).toEqual([0, ...plan.map(([start, count]) => Math.round(((start + count) / total) * 100))]);

    const rows = written(book);
    expect(rows.length).toBe(total);
    const shown = await page.$$eval('.chart-row', (els) => els.map((e) => [e.getAttribute('data-recommendation'), Number(e.querySelector('.chart-count')!.textContent!.replace(/,/g, ''))]));
    const expected = ['Follow back', 'Consider', 'Already following', 'Skip', 'Likely bot'].map((r) => [r, rows.filter((x) => x.recommendation === r).length]);
    expect(shown).toEqual(expected);
    expect(rows.find((r) => r.row === 9)!.recommendation).toBe('Already following');
    const queued = rows.filter((r) => r.queue !== '').length;
    await expect(page.textContent('#budget')).resolves.toContain(`${queued} of`);
  });
});

test('the queue lists the queued rows in order, and clicking a name selects that row in the sheet', async () => {
  const book = workbook();
  await withSidebar('queue', book, async ({ page }) => {
    await score(page);
    const rows = written(book)
      .filter((r) => r.queue !== '')
      .sort((a, b) => Number(a.queue) - Number(b.queue));
    expect(rows.length).toBeGreaterThan(1);
    const shownRows = await page.$$eval('.queue button.name', (els) => els.map((e) => Number(e.getAttribute('data-row'))));
    expect(shownRows).toEqual(rows.map((r) => r.row));
    const jane = page.locator('.queue button.name', { hasText: 'Jane Doe' });
    book.selection = undefined;
    await jane.click();
    const row = Number(await jane.getAttribute('data-row'));
    await until(() => book.selection !== undefined);
    expect(book.selection!.sheet).toBe('Followers');
    // Whatever the columns ("A5", "A5:P5", "5:5"), every row number in the selection is that row.
    expect(book.selection!.a1.match(/\d+/g)!.map(Number)).toEqual(expect.arrayContaining([row]));
    expect(new Set(book.selection!.a1.match(/\d+/g)!.map(Number))).toEqual(new Set([row]));
  });
});

test('a follower named like HTML is shown as text: no element made, no script run', async () => {
  const book = workbook();
  await withSidebar('escaping', book, async (bridge) => {
    const { page } = bridge;
    await score(page);
    const named = page.locator('.queue button.name', { hasText: XSS });
    await expect(named.count()).resolves.toBe(1);
    expect(await named.textContent()).toBe(XSS);
    expect(await named.isVisible()).toBe(true);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#app script').count()).toBe(0);
    expect(bridge.dialogs).toEqual([]);
  });
});

test('usable at 300 px: nothing is wider than the sidebar, with every panel open and long names', async () => {
  const book = workbook();
  await withSidebar('width', book, async ({ page }) => {
    await score(page);
    await page.click('#settings-section > summary');
    await page.click('#import-section > summary').catch(() => undefined);
    for (const d of await page.locator('details.kind-status > summary').all()) await d.click();
    await expect(page.locator('.queue button.name', { hasText: LONG }).count()).resolves.toBe(1);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.client).toBe(300);
    expect(widths.scroll).toBeLessThanOrEqual(300);
    // No element sticks out, and none clips its own text (except labels that end in an ellipsis on purpose).
    const wide = await page.$$eval('#app *', (els) =>
      els
        .filter((e) => {
          const style = getComputedStyle(e);
          const clipped = e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 1 && style.textOverflow !== 'ellipsis' && !['SELECT', 'INPUT'].includes(e.tagName);
          return e.getBoundingClientRect().right > 300.5 || clipped;
        })
        .map((e) => `${e.tagName}.${e.className}`),
    );
    expect(wide).toEqual([]);
  });
});

test('a reopened sidebar shows the last report, and Clear scores (after confirming) removes it', async () => {
  const book = workbook();
  await withSidebar('reopen', book, async ({ page }) => score(page));
  await withSidebar('clear', book, async ({ page }) => {
    await page.waitForSelector('#summary-section:not([hidden])');
    await page.click('#clear-button');
    await page.click('#clear-yes');
    await page.waitForSelector('#summary-section[hidden]', { state: 'attached' });
    const header = tabValues(book, 'Followers')[0].map(String);
    expect(header).not.toContain('Recommendation');
  });
});
