// Headless Chromium for browser tests: the binary that the npm package @sparticuz/chromium ships,
// so `npm ci && npm test` needs no apt step; Debian's /usr/bin/chromium when FOLLOWBACK_CHROMIUM says so.
import { chromium as pw, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export async function launchBrowser(): Promise<Browser> {
  const override = process.env.FOLLOWBACK_CHROMIUM;
  if (override) {
    return pw.launch({
      executablePath: override,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const sparticuz = require('@sparticuz/chromium');
  return pw.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args, headless: true });
}

/** Saves a screenshot under test-output/ (called when a browser test fails). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = join(__dirname, '..', '..', 'test-output');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => undefined);
  return path;
}
