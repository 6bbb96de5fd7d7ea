// Opens the built Sidebar.html in headless Chromium with a `google.script.run` shim whose calls go,
// through page.exposeFunction, to server functions in Node (the real bundle's globals, or a fake).
// Like the real bridge, calls are asynchronous and carry plain data only (a JSON round trip each way,
// so Infinity arrives as null and a Date as a string); a thrown Error reaches the failure handler as an
// Error with the same message and no stack.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';

const SIDEBAR_URL = 'http://127.0.0.1:9/Sidebar.html';

export type ServerFns = Record<string, (...args: unknown[]) => unknown>;

export interface Bridge {
  page: Page;
  /** closes the page */
  close(): Promise<void>;
  /** every call made, in order: function name and its arguments */
  calls: { name: string; args: unknown[] }[];
  /** makes calls to `name` wait until the returned function is called */
  hold(name: string): () => void;
  /** script errors and dialogs the page raised */
  pageErrors: string[];
  dialogs: string[];
}

const SHIM = `(() => {
  function runner(success, failure) {
    const base = {
      withSuccessHandler: (fn) => runner(fn, failure),
      withFailureHandler: (fn) => runner(success, fn),
      withUserObject: () => runner(success, failure),
    };
    return new Proxy(base, {
      get(target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string') return undefined;
        return (...args) => {
          const payload = JSON.stringify(args);
          setTimeout(() => {
            window.__gasCall(name, payload).then((r) => {
              if (r.ok) { if (success) success(r.value === undefined ? undefined : JSON.parse(r.value)); }
              else if (failure) failure(new Error(r.error));
            });
          }, 0);
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} } } } };
  // The progress bar's values as they change, so a test can see that progress was shown along the way.
  window.__progress = [];
  new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target;
      if (t.getAttribute && t.getAttribute('role') === 'progressbar') window.__progress.push(Number(t.getAttribute('aria-valuenow')));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });
})();`;

/**
 * The one browser context of a test file. The Chromium of @sparticuz/chromium runs with
 * --single-process, where closing a context (or the last page) ends the browser: so every sidebar
 * opens as a page of this context, and a blank page stays open for the file's life.
 */
export async function sharedContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.newPage();
  return context;
}

export async function openSidebar(context: BrowserContext, htmlPath: string, server: () => ServerFns, width = 300): Promise<Bridge> {
  // Routes, the exposed function and the init script are the page's own, and end with it.
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  // Fail (with a screenshot) well before jest's own 30 s timeout.
  page.setDefaultTimeout(8000);
  const calls: Bridge['calls'] = [];
  const holds = new Map<string, Promise<void>>();
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // No network: the page is answered from the file, and anything else the sidebar asked for would fail.
  const html = readFileSync(htmlPath, 'utf8');
  await page.route('**/*', (route) =>
    route.request().url() === SIDEBAR_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
  );
  await page.exposeFunction('__gasCall', async (name: string, payload: string) => {
    const args = JSON.parse(payload) as unknown[];
    calls.push({ name, args });
    const held = holds.get(name);
    if (held) await held;
    try {
      const fn = server()[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const value = fn(...args);
      return { ok: true, value: value === undefined ? undefined : JSON.stringify(value) };
    } catch (e) {
      return { ok: false, error: e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e) };
    }
  });
  await page.addInitScript(SHIM);
  await page.goto(SIDEBAR_URL, { waitUntil: 'load' });
  return {
    page,
    close: () => page.close(),
    calls,
    pageErrors,
    dialogs,
    hold(name) {
      let release!: () => void;
      holds.set(name, new Promise<void>((r) => (release = r)));
      return () => {
        holds.delete(name);
        release();
      };
    },
  };
}
