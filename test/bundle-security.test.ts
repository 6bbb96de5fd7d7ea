// Privacy: the add-on makes no network call and asks for two scopes only (see SECURITY.md).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './bundle-env';

const ROOT = join(__dirname, '..');
const SCOPES = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'];

beforeAll(() => {
  if (!existsSync(join(DIST, 'Code.js'))) execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
});

/** http(s) URLs in a text whose host is not a reserved example domain (RFC 2606: nothing there to fetch). */
function fetchableUrls(text: string): string[] {
  const urls = text.match(/https?:\/\/[^\s"'`<>)\\]+/gi) || [];
  return urls.filter((u) => {
    const host = u.replace(/^https?:\/\//i, '').split(/[/:?#]/)[0].toLowerCase();
    return !/(^|\.)(example|invalid|test|localhost)$/.test(host) && !/(^|\.)example\.(com|org|net)$/.test(host);
  });
}

test('dist/Code.js references no network service and no URL it could fetch', () => {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  for (const service of ['UrlFetchApp', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'MailApp', 'GmailApp', 'DriveApp', 'DocumentApp', 'SlidesApp', 'FormApp', 'CalendarApp', 'ContactsApp', 'Jdbc', 'newTrigger', 'getOAuthToken']) {
    expect({ service, found: code.includes(service) }).toEqual({ service, found: false });
  }
  expect(/\bfetch\s*\(/.test(code)).toBe(false);
  expect(fetchableUrls(code)).toEqual([]);
});

test('the check itself catches a URL and UrlFetchApp', () => {
  expect(fetchableUrls('x = "https://api.evil.com/collect?d=1"; y = "https://shop.example/a"')).toEqual(['https://api.evil.com/collect?d=1']);
});

test('dist/Sidebar.html loads nothing from the network', () => {
  const path = join(DIST, 'Sidebar.html');
  if (!existsSync(path)) return;
  const html = readFileSync(path, 'utf8');
  expect(html).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)\s*=\s*["']?(https?:)?\/\//i);
  expect(html).not.toMatch(/@import\s+url\(\s*["']?(https?:)?\/\//i);
  // (Its inlined CSV parser carries XMLHttpRequest code for remote files, which the sidebar never asks for.)
  expect(html).not.toMatch(/\bfetch\s*\(|WebSocket|sendBeacon|google\.script\.url/);
});

test('the manifest asks for spreadsheets.currentonly and script.container.ui only', () => {
  for (const file of [join(ROOT, 'appsscript.json'), join(DIST, 'appsscript.json')]) {
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    expect([...manifest.oauthScopes].sort()).toEqual([...SCOPES].sort());
    expect(manifest.urlFetchWhitelist).toBeUndefined();
  }
});
