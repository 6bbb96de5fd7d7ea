// Injection: user text never becomes a formula in a cell the add-on writes (the sheet through the built add-on;
// the command line's CSV through csvSafe), and never HTML in the sidebar or the local preview (no data-fed HTML
// sink in their code; the sidebar's own browser test renders a follower named like HTML).
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { main, type Io } from '../src/cli/main';
import { csvSafe } from '../src/core/engine';
import { OUTPUT_HEADERS, type Cell } from '../src/core/types';
import { book, ensureBundle, execution, ROOT } from './hardening-gas';
import { params, recordFigures } from './property-arbitraries';

const FORMULA_START = /^[=+\-@\t\r]/;
/** Text a spreadsheet reads as a formula, DDE call or link. */
const payload = fc.oneof(
  fc.constantFrom('=1+1', '=HYPERLINK("http://evil.example","click")', '+SUM(A1:A9)', '-2+3', '@SUM(A1)', '=cmd|\' /C calc\'!A0', '\t=1+1', '\r=2', '=IMPORTXML("http://evil.example","//a")'),
  fc.tuple(fc.constantFrom('=', '+', '-', '@'), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
);

let cases = 0;
afterAll(() => recordFigures('privacy-injection', { cases }));

describe('command line CSV', () => {
  test('csvSafe: text starting like a formula gets one leading apostrophe; everything else is unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(payload, fc.string(), fc.double(), fc.boolean()), (v) => {
        const out = csvSafe(v as Cell);
        if (typeof v === 'string') expect(out).not.toMatch(FORMULA_START); // numbers stay numbers (-5 is data)
        if (typeof v === 'string' && FORMULA_START.test(v)) expect(out).toBe(`'${v}`);
        else if (typeof v === 'string') expect(out).toBe(v);
        else expect(out).toBe(String(v));
      }),
      params('csvSafe neutralises formulas', 2000),
    );
  });

  test('followback score: the nine columns never start a formula, even when customer names and IDs do', () => {
    fc.assert(
      fc.property(payload, payload, (name, other) => {
        const files: Record<string, Uint8Array> = {
          'f.csv': new TextEncoder().encode(Papa.unparse([['Username', 'Full Name'], ['jane.doe', name], ['bob', other]], { newline: '\n' }) + '\n'),
          'o.csv': new TextEncoder().encode(
            Papa.unparse([
              ['Order ID', 'Email', 'Billing Name', 'Total', 'Financial Status'],
              ['1001', 'jane.doe@example.com', name, '120.00', 'paid'],
              ['1002', '', other, '80.00', 'paid'],
            ], { newline: '\n' }) + '\n',
          ),
        };
        let stdout = '';
        const io: Io = { readFile: (p) => files[p], writeFile: () => undefined, stdout: (s) => (stdout += s), stderr: () => undefined };
        expect(main(['score', 'f.csv', '--orders', 'o.csv', '--now', '2026-11-25'], io)).toBe(0);
        const rows = Papa.parse<string[]>(stdout, { delimiter: ',', skipEmptyLines: true }).data;
        expect(rows[0].slice(2)).toEqual([...OUTPUT_HEADERS]);
        expect(rows[1].slice(0, 2)).toEqual(['jane.doe', name]); // the user's cells as they were
        for (const row of rows.slice(1)) for (const cell of row.slice(2)) expect(cell).not.toMatch(FORMULA_START);
        cases++;
      }),
      params('CLI output columns never start a formula', 60),
    );
  });
});

ensureBundle();

describe('the sheet, through the built add-on', () => {
  test('no formula in the output columns, and the text is stored exactly as the engine made it', () => {
    fc.assert(
      fc.property(payload, payload, (name, other) => {
        const b = book([
          { name: 'Followers', values: [['Username', 'Full Name'], ['jane.doe', name], ['bob', other]] },
          {
            name: 'Orders',
            values: [
              ['Order ID', 'Email', 'Billing Name', 'Total', 'Financial Status'],
              ['1001', 'jane.doe@example.com', name, 120, 'paid'],
              ['1002', '', other, 80, 'paid'],
            ],
          },
        ]);
        const x = execution(b);
        x.call('scoreFollowers');
        expect(x.g.ui.alerts).toEqual([]);
        const s = b.sheets[0];
        const col = s.values[0].indexOf(OUTPUT_HEADERS[0]);
        expect(col).toBe(2);
        for (let r = 0; r < 3; r++) {
          for (let c = col; c < col + 9; c++) expect((s.formulas[r] || [])[c] || '').toBe('');
          // text columns hold strings (a "+1" was not turned into the number 1)
          for (const h of ['Customer', 'Customer ID', 'Reasons', 'Recommendation']) {
            const v = s.values[r][col + OUTPUT_HEADERS.indexOf(h as never)];
            expect(typeof v === 'string').toBe(true);
          }
        }
        // the user's own cells are untouched: still the text they typed
        expect(s.values[1].slice(0, 2)).toEqual(['jane.doe', name]);
        cases++;
      }),
      params('sheet output never a formula', 40),
    );
  });

  test('a customer ID that looks like a formula is written as that text', () => {
    const b = book([
      { name: 'Followers', values: [['Username', 'Full Name'], ['jane.doe', 'Jane Doe']] },
      { name: 'Orders', values: [['Order ID', 'Email', 'Billing Name', 'Total'], ['1', 'jane.doe@example.com', '=1+1', 120]] },
    ]);
    execution(b).call('scoreFollowers');
    const s = b.sheets[0];
    const customer = s.values[1][2 + OUTPUT_HEADERS.indexOf('Customer')];
    expect(String(customer)).toMatch(/^=1\+1 · jane\.doe@example\.com/);
    expect((s.formulas[1] || []).filter(Boolean)).toEqual([]);
  });
});

describe('sidebar and preview pages', () => {
  const files = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir).flatMap((f) => {
          const p = join(dir, f);
          return statSync(p).isDirectory() ? files(p) : /\.(ts|js|html)$/.test(f) ? [p] : [];
        })
      : [];
  const sources = [...files(join(ROOT, 'src/client')), ...files(join(ROOT, 'src/preview-page'))];

  /** Sinks that turn a string into markup or code. Clearing an element with `innerHTML = ''` is allowed. */
  const SINKS: [string, RegExp][] = [
    ['innerHTML/outerHTML assignment', /\.(inner|outer)HTML\s*\+?=\s*(?!\s*(''|""|``)\s*[;,)\n])/],
    ['insertAdjacentHTML', /\.insertAdjacentHTML\s*\(/],
    ['document.write', /document\.write(ln)?\s*\(/],
    ['eval / new Function', /(^|[^\w.])eval\s*\(|new\s+Function\s*\(/],
    ['createContextualFragment / DOMParser', /createContextualFragment\s*\(|new\s+DOMParser\s*\(/],
    ['srcdoc', /\.srcdoc\s*=|setAttribute\(\s*['"]srcdoc/],
    ['event-handler attribute', /setAttribute\(\s*['"]on[a-z]+['"]/],
    ['javascript: URL', /['"`]javascript:/i],
    ['jQuery .html()', /\.html\(\s*[^)\s]/],
  ];

  test('the client and preview sources exist', () => {
    expect(sources.length).toBeGreaterThan(3);
  });

  test.each(SINKS)('no %s in src/client or src/preview-page', (_label, re) => {
    const hits: string[] = [];
    for (const f of sources) {
      const text = readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      text.split('\n').forEach((line, i) => {
        if (re.test(line)) hits.push(`${f.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });

  test('the server side builds no HTML from text: the only page it serves is the Sidebar file', () => {
    const hits: string[] = [];
    for (const f of [...files(join(ROOT, 'src/sheets')), ...files(join(ROOT, 'src/server'))]) {
      const text = readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      if (/createHtmlOutput\s*\(|createTemplate\s*\(|\.append(Untrusted)?\s*\(|setContent\s*\(/.test(text)) hits.push(f.slice(ROOT.length + 1));
    }
    expect(hits).toEqual([]);
  });

  test('the built sidebar (dist/Sidebar.html) has no data-fed HTML sink either', () => {
    if (!existsSync(join(ROOT, 'dist/Sidebar.html'))) return;
    const html = readFileSync(join(ROOT, 'dist/Sidebar.html'), 'utf8');
    const scripts = (html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) || []).join('\n');
    for (const [label, re] of SINKS.filter(([l]) => !/jQuery|javascript/.test(l))) {
      const m = re.exec(scripts);
      expect([label, m ? scripts.slice(Math.max(0, m.index - 60), m.index + 60) : null]).toEqual([label, null]);
    }
  });
});
