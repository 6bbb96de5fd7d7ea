// The sidebar against a fake server: answers the real workbook rarely gives (an error thrown in the
// middle of a run, a platform with no follow cap), and the sidebar's own behaviour around them.
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './launch';
import { openSidebar, sharedContext, type Bridge } from './sidebar-bridge';
import { buildDist, removeBuilt, type Built } from './sidebar-build';
import { createFakeServer, type FakeFollower } from './sidebar-fake-server';

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

const FOLLOWERS: FakeFollower[] = [
  { handle: 'jane.doe', name: 'Jane Doe', recommendation: 'Follow back', score: 91, reasons: 'customer: 3 orders', customer: 'Jane Doe · jane@example.com · 3 orders · $240.00' },
  { handle: 'x_ss', name: '<img src=x onerror=alert(1)>', recommendation: 'Follow back', score: 70, reasons: 'mentioned you <b>twice</b>', customer: '' },
  { handle: 'bot12345', name: 'bot', recommendation: 'Likely bot', score: 3, reasons: 'no picture', customer: '' },
  { handle: 'maybe', name: 'Maybe', recommendation: 'Consider', score: 40, reasons: 'liked 2 posts', customer: '' },
  { handle: 'nobody', name: 'Nobody', recommendation: 'Skip', score: 10, reasons: '', customer: '' },
];

async function withSidebar(name: string, server: ReturnType<typeof createFakeServer>, body: (b: Bridge) => Promise<void>): Promise<void> {
  const bridge = await openSidebar(context, built.sidebarHtml, () => server.fns);
  try {
    await bridge.page.waitForSelector('#app[aria-busy="false"]');
    await body(bridge);
  } catch (e) {
    await saveScreenshot(bridge.page, `sidebar-fake-${name}`);
    throw e;
  } finally {
    await bridge.close();
  }
}

test('a server error in the middle of a run shows its message, not a stack, and gives the buttons back', async () => {
  const server = createFakeServer(FOLLOWERS, { chunk: 2, failAt: 2 });
  await withSidebar('error', server, async ({ page }) => {
    await page.click('#score-button');
    await page.waitForSelector('#message:not(:empty)');
    const text = await page.textContent('#message');
    expect(text).toBe('Followers (row 7, column "Followers"): "lots" is not a number.');
    expect(text).not.toMatch(/\bat\s|\.js:\d/);
    expect(await page.isEnabled('#score-button')).toBe(true);
    expect(await page.isHidden('#summary-section')).toBe(true);
  });
});

test('a platform with no cap (Infinity arrives as null) says so in the budget', async () => {
  const server = createFakeServer(FOLLOWERS);
  await withSidebar('nocap', server, async ({ page }) => {
    await page.click('#settings-section > summary');
    await page.selectOption('#set-platform', 'bluesky');
    await page.click('#save-settings');
    await page.waitForSelector('.saved-note:has-text("Saved.")');
    await page.click('#score-button');
    await page.waitForSelector('#summary-section:not([hidden])');
    expect(await page.textContent('#budget')).toContain('no published cap on Bluesky');
  });
});

test('clear asks first; Cancel keeps the scores, Clear removes them', async () => {
  const server = createFakeServer(FOLLOWERS);
  await withSidebar('clear', server, async ({ page }) => {
    await page.click('#score-button');
    await page.waitForSelector('#summary-section:not([hidden])');
    await page.click('#clear-button');
    await page.click('#clear-no');
    expect(server.state.cleared).toBe(0);
    await page.click('#clear-button');
    await page.click('#clear-yes');
    await page.waitForSelector('#summary-section[hidden]', { state: 'attached' });
    expect(server.state.cleared).toBe(1);
    expect(await page.textContent('#message')).toBe('Scores and colours cleared.');
  });
});

test('user text stays text everywhere it is shown', async () => {
  const server = createFakeServer(FOLLOWERS);
  await withSidebar('escape', server, async (bridge) => {
    const { page } = bridge;
    await page.click('#score-button');
    await page.waitForSelector('.queue');
    expect(await page.locator('.queue button.name', { hasText: '<img src=x onerror=alert(1)>' }).count()).toBe(1);
    expect(await page.locator('.queue b').count()).toBe(0);
    expect(await page.locator('#app img').count()).toBe(0);
    expect(bridge.dialogs).toEqual([]);
    expect(bridge.pageErrors).toEqual([]);
  });
});
