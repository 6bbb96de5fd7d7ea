// The preview server over HTTP, with a stand-in add-on (test/browser/preview-standin/Code.js) on the real emulator:
// executions, menus, conditional formats, custom-function cells, the sidebar bridge, files and CSV download.
import { join } from 'node:path';
import { request } from 'node:http';
import { startPreview, type Preview } from '../../src/preview/main';

let preview: Preview;
const standin = join(__dirname, 'preview-standin');

beforeAll(async () => {
  preview = await startPreview({ port: 0, dist: standin });
});
afterAll(async () => {
  await preview?.close();
});

async function get(path: string): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const res = await fetch(new URL(path, preview.url));
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, text, headers: res.headers };
}

async function post(path: string, data: unknown, raw = false): Promise<{ status: number; body: any }> {
  const res = await fetch(new URL(path, preview.url), {
    method: 'POST',
    headers: { 'content-type': raw ? 'application/octet-stream' : 'application/json' },
    body: raw ? Buffer.from(data as Uint8Array) : JSON.stringify(data),
  });
  return { status: res.status, body: await res.json() };
}

const cells = async (row: number, count: number, sheet = 'Followers') => (await get(`/api/cells?sheet=${encodeURIComponent(sheet)}&row=${row}&count=${count}`)).body;

test('opens on the example data that the add-on itself inserts, and onOpen builds the menu', async () => {
  const state = (await get('/api/state')).body;
  expect(state.sheets.map((s: { name: string }) => s.name)).toContain('Followers');
  expect(state.active).toBe('Followers');
  expect(state.customFunctions).toEqual(['HANDLE_LENGTH', 'DOUBLE']);
  const opened = (await post('/api/open', null)).body;
  const items = opened.state.menus[0].items.map((i: { caption: string }) => i.caption);
  expect(items.filter(Boolean)).toEqual(['Score followers', 'Open sidebar', 'Clear scores and colours']);
  const w = await cells(1, 3);
  expect(w.values[1].slice(0, 2)).toEqual(['@ann', 'Ann <b>Bold</b>']);
  expect(w.values[2][0]).toBe('=cmd'); // stored as text by the add-on, not a formula
});

test('a menu execution writes, colours rows with its rules and toasts', async () => {
  const run = (await post('/run/scoreFollowers', [])).body;
  expect(run.ok).toBe(true);
  expect(run.effects.toasts.join(' ')).toMatch(/Scored 4 followers/);
  const w = await cells(1, 5);
  expect(w.values[3][2]).toBe('Follow back');
  expect(w.backgrounds[3].slice(0, 3)).toEqual(['#d9ead3', '#d9ead3', '#d9ead3']);
  expect(w.backgrounds[1][0]).toBeNull();
  expect(w.backgrounds[0][0]).toBeNull();
});

test('sidebar calls return values or the thrown message; private and unknown functions are refused', async () => {
  const who = (await post('/run/whoAmI', [])).body;
  expect(who).toMatchObject({ ok: true, value: { now: '1970-01-01T00:00:00.000Z', list: [1, 'two', true] } });
  const fail = (await post('/run/failLoudly', [])).body;
  expect(fail).toMatchObject({ ok: false, error: 'Nope: <script>x</script>' });
  expect((await post('/run/spin_', [])).body.error).toMatch(/not found/);
  expect((await post('/run/nothingHere', [])).body.error).toMatch(/not found/);
  expect((await post('/run/whoAmI', { not: 'an array' })).status).toBe(400);
  const sel = (await post('/run/selectRow', [4])).body;
  expect(sel.value).toEqual({ selected: 4 });
  const state = (await get('/api/state')).body;
  expect(state.selection).toMatchObject({ sheet: 'Followers', a1: expect.stringMatching(/^A4:/) });
});

test('the sidebar is the add-on HTML with the google.script shim first', async () => {
  await post('/run/showSidebar', []);
  const page = await get('/sidebar');
  expect(page.text).toContain('Standin sidebar');
  expect(page.text.indexOf('google.script = {')).toBeLessThan(page.text.indexOf('google.script.run.withSuccessHandler'));
});

test('a modal dialog is served with the shim too', async () => {
  const run = (await post('/run/showDialog', [])).body;
  expect(run.effects.dialogs).toEqual([{ title: 'Hello', index: 0 }]);
  const page = await get('/dialog?i=0');
  expect(page.text).toContain('<p id="hello">hi</p>');
  expect(page.text).toContain('google.script = {');
  expect((await get('/dialog?i=7')).status).toBe(404);
});

test('custom-function cells spill, recalculate when their arguments change, and show errors', async () => {
  let r = await post('/api/cell', { sheet: 'Followers', a1: 'E8', input: '=HANDLE_LENGTH(A2:A5)' });
  expect(r.status).toBe(200);
  let w = await cells(8, 4);
  expect(w.values.map((l: string[]) => l[4])).toEqual(['4', '4', '7', '4']);
  expect(w.formulas['8,5']).toBe('=HANDLE_LENGTH(A2:A5)');
  // An argument changes: the cell recalculates.
  await post('/api/cell', { sheet: 'Followers', a1: 'A5', input: 'david' });
  w = await cells(8, 4);
  expect(w.values[3][4]).toBe('5');
  // A value in the way: #REF!, then the result comes back when it is cleared.
  await post('/api/cell', { sheet: 'Followers', a1: 'E10', input: 'blocker' });
  w = await cells(8, 4);
  expect(w.values[0][4]).toBe('#REF!');
  expect(w.notes['8,5']).toMatch(/overwrite data in E10/);
  await post('/api/cell', { sheet: 'Followers', a1: 'E10', input: '' });
  w = await cells(8, 4);
  expect(w.values.map((l: string[]) => l[4])).toEqual(['4', '4', '7', '5']);
  // A thrown error shows as #ERROR! with its message.
  await post('/api/cell', { sheet: 'Followers', a1: 'G2', input: '=DOUBLE(B2)' });
  w = await cells(2, 1);
  expect(w.values[0][6]).toBe('#ERROR!');
  expect(w.notes['2,7']).toBe('DOUBLE needs a number');
  // A column inserted before it: the formula cell moves and its result follows, without a #REF! on itself.
  await post('/run/insertColumnAtA', []);
  w = await cells(8, 4);
  expect(w.formulas['8,6']).toBe('=HANDLE_LENGTH(A2:A5)');
  expect(w.values[0][5]).not.toBe('#REF!');
  expect(w.values.map((l: string[]) => l[4])).toEqual(['', '', '', '']);
  await post('/run/deleteColumnA', []);
  w = await cells(8, 4);
  expect(w.values.map((l: string[]) => l[4])).toEqual(['4', '4', '7', '5']);
  // The formula is replaced by a value: its spill goes away.
  await post('/api/cell', { sheet: 'Followers', a1: 'E8', input: 'plain' });
  w = await cells(8, 4);
  expect(w.values.map((l: string[]) => l[4])).toEqual(['plain', '', '', '']);
});

test('formulas the preview cannot evaluate are refused with a message', async () => {
  const r = await post('/api/cell', { sheet: 'Followers', a1: 'H2', input: '=SUM(A1:A3)' });
  expect(r.status).toBe(400);
  expect(r.body.error).toMatch(/Unknown function SUM/);
  expect((await post('/api/cell', { sheet: 'Nope', a1: 'A1', input: 'x' })).status).toBe(400);
});

test('files become tabs with unique names; bad files get a message and the server keeps serving', async () => {
  const good = (await post('/api/upload?name=people.csv', new TextEncoder().encode('Handle\n@zed\n'), true)).body;
  expect(good).toMatchObject({ ok: true, tab: 'people' });
  const again = (await post('/api/upload?name=people.csv', new TextEncoder().encode('Handle\n@zed\n'), true)).body;
  expect(again.tab).toBe('people 2');
  expect(again.state.sheets.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['people', 'people 2']));
  const bad: [string, Uint8Array, RegExp][] = [
    ['empty.csv', new Uint8Array(0), /empty\.csv: the file is empty/],
    ['photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), /photo\.png: this is a PNG image/],
    ['junk.csv', new Uint8Array([1, 0, 2, 0, 3, 0, 255, 254]), /junk\.csv: this is a binary file/],
    ['broken.csv', new TextEncoder().encode('a,b\n"open,1\n'), /broken\.csv: cannot be read as CSV/],
  ];
  for (const [name, data, message] of bad) {
    const r = await post(`/api/upload?name=${encodeURIComponent(name)}`, data, true);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatch(message);
  }
  expect((await get('/api/state')).status).toBe(200);
});

test('an upload over the size limit is refused before it is read', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const url = new URL('/api/upload?name=huge.csv', preview.url);
    const req = request(url, { method: 'POST', headers: { 'content-length': String(60 * 1024 * 1024), 'content-type': 'text/csv' } }, (res) => {
      res.resume();
      resolve(res.statusCode || 0);
      req.destroy();
    });
    req.on('error', reject);
    req.write('a,b\n');
  });
  expect(status).toBe(413);
  expect((await get('/api/state')).status).toBe(200);
});

test('download: the tab as CSV with formula-like text neutralised', async () => {
  const r = await get('/api/download?sheet=Followers');
  expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="Followers.csv"/);
  const lines = r.text.split('\r\n');
  expect(lines[0]).toMatch(/^Handle,Name,Recommendation,/);
  expect(lines.some((l) => l.startsWith("'=cmd,Formula-looking,Skip,"))).toBe(true);
  expect(lines.some((l) => l.startsWith("'@ann,Ann <b>Bold</b>,Skip,"))).toBe(true);
  expect(lines.some((l) => l.includes('#ERROR!'))).toBe(true); // G2's formula error, as Sheets exports it
});

test('requests for another host or from another origin are refused', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(new URL('/api/state', preview.url), { headers: { host: 'evil.example:80' } }, (res) => {
      res.resume();
      resolve(res.statusCode || 0);
    });
    req.on('error', reject);
    req.end();
  });
  expect(status).toBe(403);
  const res = await fetch(new URL('/run/scoreFollowers', preview.url), { method: 'POST', headers: { origin: 'http://evil.example' }, body: '[]' });
  expect(res.status).toBe(403);
});
