// 50,000 followers opened with `--followers FILE.csv`: the page keeps only the rows in view in the DOM, fetches
// rows in windows as it scrolls, and the real add-on scores and colours the whole tab from the menu.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../src/preview/main';
import { launchBrowser, saveScreenshot } from './launch';

const ROWS = 50_000;
let dir: string;
let preview: Preview;
let browser: Browser;
let page: Page;

function followersCsv(): string {
  const lines = ['Username,Full name,Followers,Following,Posts,Bio,Profile picture'];
  for (let i = 0; i < ROWS; i++) {
    // Every 7th account looks like a bot (no picture, no posts, follows thousands), the rest like people.
    const bot = i % 7 === 0;
    lines.push(
      bot
        ? `user${i}x${(i * 7919) % 100000},,${i % 20},${4000 + (i % 3000)},0,,no`
        : `person.${i},Person ${i},${200 + (i % 900)},${150 + (i % 700)},${30 + (i % 300)},Maker of things ${i},yes`,
    );
  }
  return lines.join('\n');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'followback-preview-'));
  writeFileSync(join(dir, 'followers.csv'), followersCsv());
  // A private copy of dist/: other test files rebuild dist/ while this one runs.
  cpSync(join(__dirname, '..', '..', 'dist'), join(dir, 'dist'), { recursive: true });
  preview = await startPreview({ port: 0, dist: join(dir, 'dist'), argv: ['--followers', join(dir, 'followers.csv')] });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const rowCount = () => page.locator('.grid .row[data-row]').count();

test('50,000 rows: only the rows in view are in the DOM, the last row is reachable, the menu colours them', async () => {
  try {
    await page.goto(preview.url);
    await page.locator('.grid [data-row="2"] [data-col="1"]', { hasText: 'user0x0' }).waitFor();
    expect(await rowCount()).toBeLessThan(100);
    await page.evaluate(() => {
      document.getElementById('grid')!.scrollTop = 1e9;
    });
    // The row appears at once; its cells fill when the window of rows arrives from the server.
    const last = page.locator(`.grid [data-row="${ROWS + 1}"] [data-col="1"]`, { hasText: `person.${ROWS - 1}` });
    await last.waitFor({ timeout: 15_000 });
    expect(await last.textContent()).toBe(`person.${ROWS - 1}`);
    expect(await rowCount()).toBeLessThan(100);

    await page.click('.menu-button[data-menu="extensions"]');
    await page.click('.menu-popup .menu-item:has-text("Followback")');
    await page.click('.menu-popup .menu-item:has-text("Score followers")');
    await page.locator('.toast', { hasText: /Scored 50,?000/ }).waitFor({ timeout: 60_000 });
    // A bot-like row near the end (row ROWS - 6 holds i = ROWS - 7, a multiple of 7) turns red.
    const i = Math.floor((ROWS - 1) / 7) * 7;
    const botCell = page.locator(`.grid [data-row="${i + 2}"] [data-col="1"]`);
    await botCell.scrollIntoViewIfNeeded();
    const deadline = Date.now() + 10_000;
    let colour = '';
    while (Date.now() < deadline && colour !== 'rgb(244, 204, 204)') {
      colour = await botCell.evaluate((el) => getComputedStyle(el).backgroundColor);
      if (colour !== 'rgb(244, 204, 204)') await page.waitForTimeout(100);
    }
    expect(colour).toBe('rgb(244, 204, 204)');
    expect(await rowCount()).toBeLessThan(100);

    // The add-on selects a far row (as the sidebar's queue does): the grid scrolls there and highlights it.
    await page.evaluate(async () => {
      document.getElementById('grid')!.scrollTop = 0;
      await fetch('/run/selectRow', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[40000]' });
      await (window as unknown as { followbackPreview: { refresh(): Promise<void> } }).followbackPreview.refresh();
    });
    const head = page.locator('.grid [data-row="40000"] .rowhead');
    await head.waitFor({ timeout: 10_000 });
    expect(await head.getAttribute('class')).toMatch(/selected/);
    expect(await page.inputValue('#name-box')).toMatch(/^A40000:/);
    expect(await rowCount()).toBeLessThan(100);
  } catch (e) {
    await saveScreenshot(page, 'preview-large');
    throw e;
  }
}, 90_000);
