// The sidebar's Import panel in headless Chromium on the variants real downloads have: a German Instagram HTML
// download and TikTok's Profile layout (with an empty followers list), read in the browser and sent to importRows.
import { setUpImportPanel, withPage } from './import-panel-page';
import { germanHtml, tiktokProfile } from '../fixtures/variants';

setUpImportPanel();

const file = (name: string, text: string) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });

test('a German followers_1.html ("Follower") and following.html ("Gefolgt"), and a TikTok Profile download', async () => {
  await withPage('imports-variants-panel', async (page) => {
    await page.setInputFiles('input[type=file]', [
      file('followers_1.html', germanHtml('Follower', ['lumi.vakk', 'teo_brask'])),
      file('following.html', germanHtml('Gefolgt', ['orrin.pale'])),
      file('user_data_tiktok.json', tiktokProfile([{ Date: '2024-08-27 03:06:52', UserName: 'pell.arden' }], ['nix.o', 'orrin.pale'])),
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.import-file').length === 4);
    const items = await page.$$eval('.import-file', (els) => els.map((e) => ({ text: e.textContent, error: e.classList.contains('error') })));
    expect(items).toEqual([
      { text: 'followers_1.html: Instagram followers (HTML): 2 accounts', error: false },
      { text: 'following.html: Instagram following (HTML): 1 account', error: false },
      { text: 'user_data_tiktok.json: TikTok followers (JSON): 1 account', error: false },
      { text: 'user_data_tiktok.json: TikTok following (JSON): 2 accounts', error: false },
    ]);
    expect(await page.textContent('.import-totals')).toBe(
      '3 followers for the Followers tab; 2 followed accounts for the Following tab (1 repeated across files, counted once).',
    );
    await page.click('button.action');
    await page.waitForFunction(() => (window as any).imported === 1, undefined, { timeout: 10000 });
    const calls = await page.evaluate(() => (window as any).calls);
    expect(calls.map((c: { kind: string; rows: { handle: string }[] }) => [c.kind, c.rows.map((r) => r.handle)])).toEqual([
      ['followers', ['lumi.vakk', 'teo_brask', 'pell.arden']],
      ['following', ['orrin.pale', 'nix.o']],
    ]);
    expect(calls[0].rows[0].date).toBe(Date.UTC(2026, 1, 21, 12, 44));
  });
});

test("a TikTok Profile download whose followers list is null says that the download's followers list is empty", async () => {
  await withPage('imports-variants-empty', async (page) => {
    await page.setInputFiles('input[type=file]', [file('user_data_tiktok.json', tiktokProfile(null, ['nix.o']))]);
    await page.waitForFunction(() => document.querySelectorAll('.import-file').length === 2);
    const items = await page.$$eval('.import-file', (els) => els.map((e) => e.textContent));
    expect(items[0]).toBe("user_data_tiktok.json: TikTok followers (JSON): this download's followers list is empty");
    expect(await page.textContent('.import-totals')).toBe('1 followed account for the Following tab.');
  });
});
