// Hostile spreadsheet cells for the property tests (hardening, issue 6): what people really paste into Sheets,
// and what getValues()/CSV parsers hand the engine. Not a test file itself (no .test.ts): the property tests import it.
import fc from 'fast-check';
import type { Cell, Grid } from '../src/core/types';

/** One fixed seed for every property, so a failure reproduces exactly (fast-check prints the path to replay it). */
export const SEED = 42;

/** Every property's run count is recorded here; scripts/hardening-figures.mjs reads the JSON the tests write. */
export const runs: { name: string; numRuns: number }[] = [];

export function params(name: string, numRuns: number): { seed: number; numRuns: number } {
  runs.push({ name, numRuns });
  return { seed: SEED, numRuns };
}

/** Cells that Sheets shows for broken formulas. */
export const SHEETS_ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!', '#CALC!'];

/** 50,000 characters: Sheets' cell maximum. Built once (fast-check then picks among them cheaply). */
export const LONG_CELLS: string[] = [
  'a'.repeat(50000),
  '@'.repeat(50000),
  ('Ã©' + 'é😀').repeat(12500),
  ('1,' + '0').repeat(25000),
  ' '.repeat(49999) + 'x',
  'ي'.repeat(50000),
  ('https://instagram.com/' + 'a'.repeat(49978)).slice(0, 50000),
  ('=' + 'A1&'.repeat(16666)).slice(0, 50000),
];

const RTL = ['محمد علي', 'فاطمة الزهراء', 'دانا כהן', 'יוסי לוי', '\u200Fשרה\u200F', 'عبد الله ١٢٣', '\u202Eevil\u202C', 'נועה_בן-דוד'];
const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '✨shop✨', '🇯🇵', '❤️', 'jane💖doe', '\uD83D', '\uDE00x'];
const MOJIBAKE = ['JosÃ©', 'Ã', 'â€™', 'Ã¶Ã¤Ã¼', 'Ã\u0083Â©', '\u00e2\u0080\u0099', 'Ã©Ã', '�'];
const WRONG_LOCALE_DATES = [
  '31/12/2024', '12/31/2024', '2024-13-45', '31.12.24', '13.31.2024', '2024/02/30', '29/02/2023', '31 décembre 2024',
  '3 mars 2024', 'Mär 3, 2024', '2024年3月12日', '١٢/٠٣/٢٠٢٤', '00/00/0000', '99/99/99', '0000-00-00', '12/03/24 25:61',
  'Tue Mar 12 2024 10:00:00 GMT+0100 (Central European Standard Time)', '2024-03-12T10:00:00+99:99', '-1', '1e400',
];
const NUMBERS_AS_TEXT = [
  '1,234', '1.234', '1.234,56', '1 234', '1.2k', '3M', '12,5%', '$1,234.56', '(12.34)', '-$0.93', '0,25', '€12', '1e5', '1E+21',
  '7.02255E+12', '+1 (555) 123-4567', '00123', '0x1F', 'NaN', 'Infinity', '-0', '١٢٣', '１２３', '1,2,3', '..', ',', '-', '+',
];
const TEXT_AS_NUMBERS: Cell[] = [0, -0, 1, -1, 0.1, 1e21, -1e21, 1e-7, 2 ** 53 + 1, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 45000, 45000.5, 20240312, 1710237600, 1710237600000];
const FORMULA_TEXT = ['=1+1', '=HYPERLINK("http://evil.example","click")', '+1', '-1', '@SUM(A1)', '=IMPORTXML(A1,"//a")', '\t=1', '\r=1', "'=1"];
const HANDLES = ['@jane.doe', 'jane_doe', 'https://www.instagram.com/jane.doe/', 'x.com/jane', 'tiktok.com/@jane', 'bsky.app/profile/jane.bsky.social', '@jane@mastodon.social', 'https://facebook.com/profile.php?id=123', 'instagram.com/_u/jane', 'https://%E0%A4%A.com/x', 'http://', '@', '@@', '/', 'www.', 'https://threads.net/@Ｊａｎｅ'];
const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><b>x</b>', '&lt;b&gt;', '</td><td>'];
const WHITESPACE = ['', ' ', '\t', '\n', '\r\n', '\uFEFF', '\u200B', '\u00A0', '\u3000', '""', '"', "'", "''", '“”'];

function invalidDates(): Date[] {
  return [new Date(NaN), new Date(8.64e15), new Date(-8.64e15), new Date(0), new Date('2024-03-12T00:00:00Z'), new Date(-2208988800000)];
}

/** Any value a cell can hold, weighted towards what breaks parsers. */
export function hostileCell(opts: { long?: boolean } = {}): fc.Arbitrary<Cell> {
  const parts: fc.Arbitrary<Cell>[] = [
    fc.constantFrom<Cell>(...SHEETS_ERRORS),
    fc.constantFrom<Cell>(null, undefined, true, false),
    fc.constantFrom<Cell>(...WHITESPACE),
    fc.constantFrom<Cell>(...RTL),
    fc.constantFrom<Cell>(...EMOJI),
    fc.constantFrom<Cell>(...MOJIBAKE),
    fc.constantFrom<Cell>(...WRONG_LOCALE_DATES),
    fc.constantFrom<Cell>(...NUMBERS_AS_TEXT),
    fc.constantFrom<Cell>(...TEXT_AS_NUMBERS),
    fc.constantFrom<Cell>(...FORMULA_TEXT),
    fc.constantFrom<Cell>(...HANDLES),
    fc.constantFrom<Cell>(...HTML),
    fc.constantFrom<Cell>(...invalidDates()),
    fc.date({ noInvalidDate: false }),
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  ];
  if (opts.long) parts.push(fc.constantFrom<Cell>(...LONG_CELLS));
  return fc.oneof(...parts);
}

/** Header texts: real synonyms, blanks and repeats (merged-header remnants), junk. */
export const HEADER_WORDS = [
  'Handle', 'Username', 'Profile URL', 'Name', 'Full Name', 'Bio', 'Followers', 'Following', 'Posts', 'Has profile picture',
  'Private', 'Verified', 'External URL', 'Joined', 'Last post', 'Platform', 'Email', 'Billing Name', 'Total', 'Created at',
  'Financial Status', 'Notes', 'Type', 'Date', 'Count', 'Comments', 'Likes', 'Order ID', 'First Name', 'Last Name',
];

export function headerCell(): fc.Arbitrary<Cell> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom<Cell>(...HEADER_WORDS) },
    { weight: 2, arbitrary: fc.constantFrom<Cell>('', null, undefined, ' ') },
    { weight: 1, arbitrary: hostileCell() },
  );
}

/** A grid: a few junk/title rows, maybe a header row, data rows of hostile cells, blank rows, ragged widths. */
export function hostileGrid(opts: { maxRows?: number; maxCols?: number; long?: boolean } = {}): fc.Arbitrary<Grid> {
  const maxCols = opts.maxCols ?? 8;
  const row = fc.array(hostileCell({ long: opts.long }), { maxLength: maxCols });
  const blankRow = fc.constantFrom<Cell[]>([], ['', '', ''], [null, undefined]);
  const header = fc.array(headerCell(), { minLength: 1, maxLength: maxCols });
  return fc
    .tuple(
      fc.array(fc.oneof(row, blankRow), { maxLength: 3 }),
      fc.option(header, { nil: undefined }),
      fc.array(fc.oneof({ weight: 4, arbitrary: row }, { weight: 1, arbitrary: blankRow }), { maxLength: opts.maxRows ?? 12 }),
    )
    .map(([pre, head, rows]) => [...pre, ...(head ? [head] : []), ...rows]);
}

/** Runs fn; returns the error it threw (or undefined). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e;
  }
}

/**
 * Writes this file's figures (properties and their runs, cases tried, limits reached) to
 * test-output/hardening/NAME.json for scripts/hardening-figures.mjs. Call from afterAll.
 */
export function recordFigures(name: string, extra: Record<string, unknown> = {}): void {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const path = require('node:path') as typeof import('node:path');
  const dir = path.join(__dirname, '..', 'test-output', 'hardening');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ name, seed: SEED, properties: runs, ...extra }, null, 2));
}
