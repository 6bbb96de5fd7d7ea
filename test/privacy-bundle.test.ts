// Privacy, beyond test/bundle-security.test.ts (sheets engineer: no network service or fetchable URL in
// dist/Code.js, nothing loaded by Sidebar.html, the two scopes): here, the sidebar's script uses no network API
// except papaparse's remote reader, which the client never asks for; the engine, sheet and server sources call no
// network API (they also run in the command line); the manifest opens no other door (web app, API executable,
// advanced services, libraries); dist/appsscript.json is the repository's. `npm test` builds dist/ first.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { recordFigures } from './property-arbitraries';

const root = join(__dirname, '..');
const dist = join(root, 'dist');

let code = '';
let sidebar = '';
let manifest: { oauthScopes?: string[]; [k: string]: unknown } = {};

beforeAll(() => {
  if (!existsSync(join(dist, 'Code.js'))) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'pipe' });
  code = readFileSync(join(dist, 'Code.js'), 'utf8');
  sidebar = readFileSync(join(dist, 'Sidebar.html'), 'utf8');
  manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
});

afterAll(() => recordFigures('privacy-bundle', { bundleBytes: code.length, sidebarBytes: sidebar.length }));

/** Network APIs of Apps Script, browsers and Node. Any of them in the bundle means data could leave the spreadsheet. */
const NETWORK_APIS: [string, RegExp][] = [
  ['UrlFetchApp', /\bUrlFetchApp\b/],
  ['fetch(', /(^|[^\w$.])fetch\s*\(/],
  ['.fetch(', /\.fetch(All)?\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['importScripts', /\bimportScripts\b/],
  ['Jdbc', /\bJdbc\b/],
  ['MailApp / GmailApp', /\b(MailApp|GmailApp)\b/],
  ['DriveApp', /\bDriveApp\b/],
  ['ScriptApp.getOAuthToken', /getOAuthToken/],
  ['Node http(s)/net', /require\(\s*["'](node:)?(https?|net|tls|dgram)["']\s*\)/],
];

describe('dist/Sidebar.html', () => {
  /**
   * papaparse (the Import panel reads CSV files in the browser) carries a remote-download reader built on
   * XMLHttpRequest, used only with `download: true`; the next test proves the client never asks for it.
   */
  const PAPAPARSE_DOWNLOADER = /_readChunk|withCredentials|_chunkLoaded/;
  test.each(NETWORK_APIS.filter(([l]) => !/Jdbc|MailApp|DriveApp|ScriptApp|Node/.test(l)))('does not reference %s', (_label, re) => {
    const hits: string[] = [];
    const global = new RegExp(re.source, 'g');
    for (let m; (m = global.exec(sidebar)); ) {
      const around = sidebar.slice(Math.max(0, m.index - 200), m.index + 200);
      if (!PAPAPARSE_DOWNLOADER.test(around)) hits.push(around);
    }
    expect(hits).toEqual([]);
  });

  test('the client never asks papaparse to download a URL', () => {
    const dir = join(root, 'src/client');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      expect([f, /\bdownload\s*:\s*(true|!0|1)\b/.test(readFileSync(join(dir, f), 'utf8'))]).toEqual([f, false]);
    }
  });

  test('talks to the server only through google.script.run', () => {
    expect(sidebar).not.toMatch(/\bgoogle\.script\.url\b[^;]*\bgetLocation\b[^;]*http/);
    expect(/<form\b[^>]*\baction\s*=/i.test(sidebar)).toBe(false);
  });
});

describe('dist/appsscript.json', () => {
  test('opens no network door: no URL-fetch allow-list, web app or API executable', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toMatch(/urlFetchWhitelist|webapp|executionApi|"dependencies":\{"(enabledAdvancedServices|libraries)":\[\{/);
    const deps = (manifest.dependencies || {}) as { enabledAdvancedServices?: unknown[]; libraries?: unknown[] };
    expect(deps.enabledAdvancedServices || []).toEqual([]);
    expect(deps.libraries || []).toEqual([]);
  });

  test('matches the appsscript.json at the top of the repository', () => {
    expect(JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'))).toEqual(manifest);
  });
});

describe('the engine sources', () => {
  // src/core also runs in the command line and the preview: it must not reach the network either.
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(f) ? [p] : [];
    });
  test.each(['src/core', 'src/sheets', 'src/server'])('%s uses no network API', (dir) => {
    const hits: string[] = [];
    for (const f of existsSync(join(root, dir)) ? files(join(root, dir)) : []) {
      const text = readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      for (const [label, re] of NETWORK_APIS) if (re.test(text)) hits.push(`${f.slice(root.length + 1)}: ${label}`);
    }
    expect(hits).toEqual([]);
  });
});
