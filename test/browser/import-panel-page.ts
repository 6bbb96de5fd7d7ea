// The Import panel (src/client/import-panel.ts) mounted in headless Chromium with a fake server `call` that records
// each importRows call in window.calls: shared by the browser tests of the panel.
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './launch';

const ROOT = join(__dirname, '..', '..');
let browser: Browser;
let script: string;
let shared: Page;

/** Builds the panel's script and starts the browser (call in beforeAll), closing it in afterAll. */
export function setUpImportPanel(): void {
  beforeAll(async () => {
    const out = await build({
      stdin: {
        contents: `
          import { mountImportPanel } from './src/client/import-panel';
          const w = window as any;
          w.calls = [];
          w.failAt = -1;
          w.imported = 0;
          mountImportPanel(document.getElementById('root')!, async (fn: string, ...args: unknown[]) => {
            w.calls.push({ fn, kind: args[0], rows: JSON.parse(JSON.stringify(args[1])) });
            if (w.calls.length === w.failAt) throw new Error('Exceeded maximum execution time');
            const rows = args[1] as unknown[];
            return { added: rows.length - 1, duplicates: 1, tab: args[0] === 'followers' ? 'Followers' : 'Following' };
          });
          document.addEventListener('followback:imported', () => { w.imported = (w.imported || 0) + 1; });`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    });
    script = out.outputFiles[0].text;
    browser = await launchBrowser();
    // The shipped Chromium runs --single-process, where closing a page can end the browser: one page, reloaded per test.
    shared = await browser.newPage();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });
}

async function open(): Promise<Page> {
  const page = shared;
  await page.goto('about:blank'); // a fresh window: setContent alone keeps the old window's globals
  await page.setContent(`<!doctype html><html><body><div id="root"></div><script>${script.replace(/<\/script/g, '<\\/script')}</script></body></html>`);
  return page;
}
export async function withPage(name: string, body: (page: Page) => Promise<void>): Promise<void> {
  const page = await open();
  try {
    await body(page);
  } catch (e) {
    await saveScreenshot(page, name);
    throw e;
  }
}
