// docs/screenshot.png for the README: the preview on the example workbook, scored from the add-on menu, with the
// sidebar open on today's follow queue. Needs dist/ (`npm run build`); run with `node scripts/screenshot.mjs`.
// The preview is bundled from src/ into a temporary folder, so this works whatever state build/ is in.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = process.argv[2] || join(root, 'docs', 'screenshot.png');

const code = existsSync(join(root, 'dist', 'Code.js')) ? readFileSync(join(root, 'dist', 'Code.js'), 'utf8') : '';
if (!/^function insertExampleData\(/m.test(code)) {
  console.error('screenshot: dist/Code.js is missing or is not the add-on; run `npm run build` first');
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'followback-shot-'));
let preview;
let browser;
try {
  await build({
    entryPoints: [join(root, 'src', 'preview', 'main.ts')],
    outfile: join(tmp, 'preview.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  const { startPreview } = require(join(tmp, 'preview.js'));
  preview = await startPreview({ root, port: 0 });

  const { chromium } = require('playwright-core');
  const executable = process.env.FOLLOWBACK_CHROMIUM;
  if (executable) {
    browser = await chromium.launch({ executablePath: executable, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  } else {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args, headless: true });
  }
  const page = await browser.newPage({ viewport: { width: 1920, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(preview.url);
  await page.locator('.tab', { hasText: 'Followers' }).waitFor();

  const menu = async (item) => {
    await page.click('.menu-button[data-menu="extensions"]');
    await page.click('.menu-popup .menu-item:has-text("Followback")');
    await page.click(`.menu-popup .menu-item:has-text("${item}")`);
  };
  await menu('Score followers');
  await page.locator('.toast', { hasText: /Scored/ }).first().waitFor({ timeout: 30_000 });
  await menu('Open sidebar');
  const frame = page.frameLocator('#sidebar-frame');
  const first = frame.locator('.queue button.name').first();
  await first.waitFor({ timeout: 15_000 });
  await first.click(); // the queue selects its row in the grid
  await page.waitForFunction(() => /^A\d+:/.test(document.getElementById('name-box').value));
  // Toasts fade in Sheets; take the picture without them.
  await page.evaluate(() => document.getElementById('toasts').replaceChildren());
  await page.evaluate(() => {
    document.getElementById('grid').scrollTop = 0;
  });
  await page.waitForTimeout(300);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.error(`screenshot: wrote ${out}`);
} finally {
  await browser?.close();
  await preview?.close();
  rmSync(tmp, { recursive: true, force: true });
}
