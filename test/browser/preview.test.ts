// `npm start`'s page in headless Chromium, driving the REAL add-on (dist/Code.js and dist/Sidebar.html, built by
// `npm run build`) on the emulated spreadsheet: load, sidebar, score from the menu, row colours, the queue selecting
// rows, download, clear, a custom-function cell, and dropped files. Expected values are read from the workbook
// through the preview's API, never hard-coded, so the test holds whatever the engine's numbers are.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../src/preview/main';
import { launchBrowser, saveScreenshot } from './launch';

const DIST = join(__dirname, '..', '..', 'dist');
const GREEN = 'rgb(217, 234, 211)'; // #d9ead3, Follow back (DESIGN.md)
const RED = 'rgb(244, 204, 204)'; // #f4cccc, Likely bot

let preview: Preview;
let distCopy = '';
let browser: Browser;
let page: Page;

interface Window {
  row: number;
  values: string[][];
  backgrounds: (string | null)[][];
  formulas: Record<string, string>;
}

async function cells(row: number, count: number, sheet = 'Followers'): Promise<Window> {
  const res = await fetch(new URL(`/api/cells?sheet=${encodeURIComponent(sheet)}&row=${row}&count=${count}`, preview.url));
  return (await res.json()) as Window;
}

const cellLocator = (row: number, column: number) => page.locator(`.grid [data-row="${row}"] [data-col="${column}"]`);
const background = (row: number, column: number) => cellLocator(row, column).evaluate((el) => getComputedStyle(el).backgroundColor, undefined, { timeout: 2000 });
/**
 * Scrolls a cell into view; retried, as the grid replaces row elements when new data arrives. A row outside the
 * rendered window is not in the DOM yet: the grid is scrolled to about its height first.
 */
const reveal = (row: number, column: number) =>
  eventually(async () => {
    if (!(await cellLocator(row, column).count())) {
      await page.evaluate((r) => {
        const grid = document.getElementById('grid')!;
        const height = (grid.querySelector('.row[data-row]') as HTMLElement | null)?.offsetHeight || 21;
        grid.scrollTop = Math.max(0, (r - 5) * height);
      }, row);
    }
    await cellLocator(row, column).scrollIntoViewIfNeeded({ timeout: 1000 });
  }, () => undefined);

async function menu(item: string): Promise<void> {
  await page.click('.menu-button[data-menu="extensions"]');
  await page.click('.menu-popup .menu-item:has-text("Followback")');
  await page.click(`.menu-popup .menu-item:has-text("${item}")`);
}

/** Reads until the check passes (the page catches up with the server asynchronously), or throws the last failure. */
async function eventually<T>(read: () => Promise<T>, check: (v: T) => void, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      check(await read());
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Runs a step; on failure saves a screenshot under test-output/ and rethrows. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (page) await saveScreenshot(page, `preview-${name}`);
    throw e;
  }
}

beforeAll(async () => {
  const code = existsSync(join(DIST, 'Code.js')) ? readFileSync(join(DIST, 'Code.js'), 'utf8') : '';
  if (!/^function insertExampleData\(/m.test(code)) throw new Error('dist/Code.js is missing or not the add-on: run `npm run build` first');
  // A private copy of dist/: other test files rebuild dist/ while this one runs.
  distCopy = mkdtempSync(join(tmpdir(), 'followback-dist-'));
  cpSync(DIST, distCopy, { recursive: true });
  preview = await startPreview({ port: 0, dist: distCopy });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 850 }, acceptDownloads: true });
  page.on('dialog', (d) => void d.dismiss()); // a native alert() would be an XSS: none may open
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (distCopy) rmSync(distCopy, { recursive: true, force: true });
});

// The steps share one page and build on each other, as a person using it would.
let header: string[] = [];
let recommendationCol = 0;
let scoreCol = 0;
let scoredRows: string[][] = [];

test('loads the example workbook: tabs, column letters, frozen header, only the visible rows in the DOM', async () => {
  await step('load', async () => {
    await page.goto(preview.url);
    await page.locator('.tab', { hasText: 'Followers' }).waitFor();
    const tabs = await page.locator('.tab').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['Followers', 'Orders']));
    header = (await cells(1, 1)).values[0];
    await eventually(() => cellLocator(1, 1).textContent(), (v) => expect(v).toBe(header[0]));
    expect(await page.locator('.colhead').first().textContent()).toBe('A');
    expect(await page.locator('.frozen [data-row="1"]').count()).toBe(1);
    const sheet = (await (await fetch(new URL('/api/state', preview.url))).json()).sheets.find((s: { name: string }) => s.name === 'Followers');
    expect(await page.locator('.grid .row[data-row]').count()).toBeLessThan(Math.min(sheet.maxRows, 120));
    // Tabs switch the grid.
    const ordersHeader = (await cells(1, 1, 'Orders')).values[0][0];
    await page.locator('.tab', { hasText: 'Orders' }).click();
    await eventually(() => cellLocator(1, 1).textContent(), (v) => expect(v).toBe(ordersHeader));
    await page.locator('.tab', { hasText: 'Followers' }).click();
    await eventually(() => cellLocator(1, 1).textContent(), (v) => expect(v).toBe(header[0]));
  });
});

test('the menu built by onOpen opens the real sidebar', async () => {
  await step('sidebar', async () => {
    await menu('Open sidebar');
    // The menu item runs showSidebar on the server; the panel opens when that call returns.
    await page.locator('#sidebar').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(true);
    const frame = page.frameLocator('#sidebar-frame');
    await frame.locator('#score-button').waitFor();
    await expect(frame.locator('#score-button').isEnabled({ timeout: 10_000 })).resolves.toBe(true);
  });
});

test('Score followers from the menu writes the nine columns and colours the rows', async () => {
  await step('score', async () => {
    await menu('Score followers');
    await page.locator('.toast', { hasText: /Scored/ }).first().waitFor({ timeout: 15_000 });
    const scored = await cells(1, 200);
    header = scored.values[0];
    recommendationCol = header.indexOf('Recommendation') + 1;
    scoreCol = header.indexOf('Followback score') + 1;
    expect(recommendationCol).toBeGreaterThan(0);
    expect(scoreCol).toBeGreaterThan(0);
    scoredRows = scored.values;
    const followRow = scored.values.findIndex((l, i) => i > 0 && l[recommendationCol - 1] === 'Follow back') + 1;
    const botRow = scored.values.findIndex((l, i) => i > 0 && l[recommendationCol - 1] === 'Likely bot') + 1;
    expect(followRow).toBeGreaterThan(1);
    await reveal(followRow, recommendationCol);
    await eventually(() => cellLocator(followRow, recommendationCol).textContent(), (v) => expect(v).toBe('Follow back'));
    await eventually(() => background(followRow, 1), (v) => expect(v).toBe(GREEN));
    await eventually(() => background(followRow, recommendationCol), (v) => expect(v).toBe(GREEN));
    if (botRow > 1) {
      await reveal(botRow, 1);
      await eventually(() => background(botRow, 1), (v) => expect(v).toBe(RED));
    }
    await eventually(() => background(1, 1), (v) => expect(v).not.toBe(GREEN)); // the header row is not coloured
  });
});

test("the sidebar's queue selects the row it names", async () => {
  await step('queue', async () => {
    await menu('Open sidebar'); // reopened: it reads the report of the run above
    const frame = page.frameLocator('#sidebar-frame');
    const first = frame.locator('.queue button.name').first();
    await first.waitFor({ timeout: 10_000 });
    const row = Number(await first.getAttribute('data-row'));
    const name = await first.textContent();
    expect(row).toBeGreaterThan(1);
    await page.evaluate(() => {
      document.getElementById('grid')!.scrollTop = 0;
    });
    await first.click();
    await eventually(() => page.inputValue('#name-box'), (v) => expect(v).toMatch(new RegExp(`^A${row}:`)));
    await eventually(() => page.locator(`.grid [data-row="${row}"] .rowhead`).getAttribute('class'), (v) => expect(v).toMatch(/selected/));
    const rowText = (await cells(row, 1)).values[0].join(' ');
    expect(rowText).toContain(String(name).trim().split(' ')[0]);
  });
});

test('Download CSV gives the scored tab, formula-like text neutralised', async () => {
  await step('download', async () => {
    await page.locator('.tab', { hasText: 'Followers' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    expect(download.suggestedFilename()).toBe('Followers.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.split('\r\n');
    for (const h of ['Followback score', 'Recommendation', 'Bot risk', 'Follow queue']) expect(lines[0]).toContain(h);
    expect(lines.length).toBeGreaterThan(scoredRows.filter((l) => l.some(Boolean)).length - 1);
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });
});

test('Clear scores and colours removes the columns and the colours', async () => {
  await step('clear', async () => {
    const followRow = scoredRows.findIndex((l, i) => i > 0 && l[recommendationCol - 1] === 'Follow back') + 1;
    await menu('Clear scores and colours');
    await eventually(async () => (await cells(1, 1)).values[0].includes('Followback score'), (v) => expect(v).toBe(false), 10_000);
    await reveal(followRow, 1);
    await eventually(() => background(followRow, 1), (v) => expect(v).not.toBe(GREEN));
    const headers = await page.locator('.frozen [data-row="1"] .cell').allTextContents();
    expect(headers).not.toContain('Recommendation');
  });
});

test('=FOLLOWBACK_SCORE(A2:A) typed in the formula bar spills the scores the menu gave', async () => {
  await step('formula', async () => {
    const first = (await cells(1, 1)).values[0];
    const column = first.findIndex((h, i) => h === '' && i > 0) + 1;
    expect(column).toBeGreaterThan(1);
    await cellLocator(2, column).click();
    await page.fill('#formula-input', '=FOLLOWBACK_SCORE(A2:A)');
    await page.press('#formula-input', 'Enter');
    await eventually(() => cellLocator(2, column).textContent(), (v) => expect(v).toMatch(/^\d+$/), 15_000);
    const w = await cells(2, 5);
    for (let i = 0; i < 5; i++) {
      const shown = w.values[i][column - 1];
      expect(Number(shown)).toBeGreaterThanOrEqual(0);
      expect(Number(shown)).toBeLessThanOrEqual(100);
      if (scoredRows[i + 1]?.[0]) expect(shown).toBe(scoredRows[i + 1][scoreCol - 1]); // same engine, same score
    }
    await cellLocator(2, column).click();
    expect(await page.inputValue('#formula-input')).toBe('=FOLLOWBACK_SCORE(A2:A)');
  });
});

async function drop(name: string, bytes: number[]): Promise<void> {
  await page.evaluate(
    ({ name, bytes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      document.getElementById('grid')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, bytes },
  );
}

test('a dropped bad file gets a message naming it; a good CSV becomes a tab', async () => {
  await step('drop', async () => {
    await drop('holiday.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    await expect(page.locator('.message', { hasText: 'holiday.png' }).textContent({ timeout: 5000 })).resolves.toMatch(/PNG image/);
    await drop('empty.csv', []);
    await expect(page.locator('.message', { hasText: 'empty.csv' }).textContent({ timeout: 5000 })).resolves.toMatch(/empty/);
    const xss = '<img src=x onerror=alert(1)>';
    await drop('more followers.csv', Array.from(Buffer.from(`Username,Name\nnew.person,"${xss}"\n`)));
    await page.locator('.tab', { hasText: 'more followers' }).waitFor();
    await eventually(() => cellLocator(2, 2).textContent(), (v) => expect(v).toBe(xss)); // shown as text, not HTML
    expect(await page.locator('.grid img').count()).toBe(0);
  });
});
