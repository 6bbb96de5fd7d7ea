import { launchBrowser } from './launch';

test('the shipped headless Chromium launches and renders a page', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<button onclick="this.textContent = String(6 * 7)">go</button>');
    await page.click('button');
    expect(await page.textContent('button')).toBe('42');
  } finally {
    await browser.close();
  }
});
