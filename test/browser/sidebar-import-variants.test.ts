// The real sidebar (dist/Sidebar.html) on the real server (dist/Code.js through gas-local) in headless Chromium:
// a German Instagram HTML download and TikTok's Profile layout imported into the sheet, and an Orders tab of
// abandoned checkouts named in the sidebar's problems.
import { createWorkbook, tabValues } from '../../src/emulator';
import { abandonedCheckouts, germanHtml, tiktokProfile } from '../fixtures/variants';
import { sidebarSession } from './sidebar-session';

const withSidebar = sidebarSession('sidebar-import');
const file = (name: string, text: string) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });

test('importing followers_1.html ("Follower"), following.html ("Gefolgt") and a TikTok Profile download fills both tabs', async () => {
  const book = createWorkbook([{ name: 'Sheet1', values: [['notes']] }]);
  await withSidebar('localised', book, async ({ page }) => {
    await page.click('#import-section > summary');
    await page.setInputFiles('#import-section input[type=file]', [
      file('followers_1.html', germanHtml('Follower', ['lumi.vakk', 'teo_brask'])),
      file('following.html', germanHtml('Gefolgt', ['orrin.pale'])),
      file('user_data_tiktok.json', tiktokProfile(null, ['nix.o'])),
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.import-file').length === 4);
    const lines = await page.$$eval('.import-file', (els) => els.map((e) => e.textContent));
    expect(lines).toContain("user_data_tiktok.json: TikTok followers (JSON): this download's followers list is empty");
    await page.click('#import-section button.action');
    await page.waitForFunction(() => /Followers tab: 2 added/.test(document.querySelector('.import-message')?.textContent || ''), undefined, { timeout: 20000 });
    expect(await page.textContent('.import-message')).toMatch(/Following tab: 2 added/);
  });
  expect(tabValues(book, 'Followers').map((r) => r[0])).toEqual(['Handle', 'lumi.vakk', 'teo_brask']);
  expect(tabValues(book, 'Followers')[1][2]).toBe('2026-02-21'); // "Feb. 21, 2026 12:44 pm", as the Followed on day
  expect(tabValues(book, 'Following').map((r) => r[0])).toEqual(['Handle', 'orrin.pale', 'nix.o']);
});

test('an Orders tab of abandoned checkouts is named in the sidebar problems before scoring', async () => {
  const book = createWorkbook([
    { name: 'Followers', values: [['Username'], ['tova.quillan0']] },
    { name: 'Orders', values: abandonedCheckouts(30) },
  ]);
  await withSidebar('abandoned', book, async ({ page }) => {
    await page.waitForSelector('.problems');
    expect(await page.textContent('.problems')).toMatch(/Orders: Financial Status and Paid at are empty on every row.*nobody in it has paid/);
  });
});
