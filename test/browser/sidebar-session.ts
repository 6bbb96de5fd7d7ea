// The real sidebar on the real server for one test file: dist/ built and copied once, one browser context, and
// withSidebar(name, book, body) opening the sidebar on a workbook (a screenshot is saved when the body fails).
import type { Browser, BrowserContext } from 'playwright-core';
import type { Workbook } from '../../src/emulator';
import { launchBrowser, saveScreenshot } from './launch';
import { openSidebar, sharedContext, type Bridge } from './sidebar-bridge';
import { buildDist, removeBuilt, type Built } from './sidebar-build';
import { bundleServer } from './sidebar-gas';

export interface SessionOptions {
  /** runs on the workbook before the sidebar opens (settings saved through the bundle, say) */
  prepare?: (book: Workbook, codeDir: string) => void;
  /** what the sidebar must show before the test body starts; default: the app no longer busy */
  ready?: (page: Bridge['page']) => Promise<unknown>;
}

export function sidebarSession(prefix: string, opts: SessionOptions = {}): (name: string, book: Workbook, body: (b: Bridge) => Promise<void>) => Promise<void> {
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
  return async (name, book, body) => {
    opts.prepare?.(book, built.codeDir);
    const bridge = await openSidebar(context, built.sidebarHtml, () => bundleServer(built.codeDir, book));
    try {
      await (opts.ready ? opts.ready(bridge.page) : bridge.page.waitForSelector('#app[aria-busy="false"]'));
      await body(bridge);
      expect(bridge.pageErrors).toEqual([]);
      expect(bridge.dialogs).toEqual([]);
    } catch (e) {
      await saveScreenshot(bridge.page, `${prefix}-${name}`);
      throw e;
    } finally {
      await bridge.close();
    }
  };
}
