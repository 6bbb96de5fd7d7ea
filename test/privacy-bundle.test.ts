// Privacy: the add-on never sends data anywhere. The built bundle (dist/Code.js) and sidebar (dist/Sidebar.html)
// name no network API and load nothing from the internet, and the manifest asks for the two narrow scopes only.
// `npm test` builds dist/ first; run alone, this test builds it when it is missing.
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

/** Every http(s) URL written in a text, with where it stands. */
function urlsIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s"'`)<>\\]+/gi) || [];
}

/**
 * URLs the bundle may contain because it never requests them: none so far. Add one only with the reason it is
 * never fetched (e.g. a link shown to the user as text).
 */
const NEVER_FETCHED: RegExp[] = [];

describe('dist/Code.js', () => {
  test.each(NETWORK_APIS)('does not reference %s', (_label, re) => {
    const hit = re.exec(code);
    expect(hit ? code.slice(Math.max(0, hit.index - 80), hit.index + 80) : null).toBeNull();
  });

  test('contains no http(s) URL it could fetch', () => {
    const urls = urlsIn(code).filter((u) => !NEVER_FETCHED.some((re) => re.test(u)));
    expect(urls).toEqual([]);
  });
});

describe('dist/Sidebar.html', () => {
  test.each(NETWORK_APIS.filter(([l]) => !/Jdbc|MailApp|DriveApp|ScriptApp|Node/.test(l)))('does not reference %s', (_label, re) => {
    const hit = re.exec(sidebar);
    expect(hit ? sidebar.slice(Math.max(0, hit.index - 80), hit.index + 80) : null).toBeNull();
  });

  test('loads no script, style, font or image from the internet (everything is inlined)', () => {
    const loads = [
      ...(sidebar.match(/<(script|img|iframe|link|source|video|audio|embed|object)\b[^>]*\b(src|href|data)\s*=\s*["']?\s*(https?:)?\/\/[^>]*>/gi) || []),
      ...(sidebar.match(/url\(\s*["']?\s*(https?:)?\/\/[^)]*\)/gi) || []),
      ...(sidebar.match(/@import\s+["']?(https?:)?\/\//gi) || []),
      ...(sidebar.match(/\b(srcset|action|formaction|ping)\s*=\s*["']?\s*(https?:)?\/\//gi) || []),
    ];
    expect(loads).toEqual([]);
  });

  test('talks to the server only through google.script.run', () => {
    expect(sidebar).not.toMatch(/\bgoogle\.script\.url\b[^;]*\bgetLocation\b[^;]*http/);
    expect(/<form\b[^>]*\baction\s*=/i.test(sidebar)).toBe(false);
  });
});

describe('dist/appsscript.json', () => {
  test('asks exactly for spreadsheets.currentonly and script.container.ui', () => {
    expect([...(manifest.oauthScopes || [])].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

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
