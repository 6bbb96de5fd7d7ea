// The preview's pure modules: A1 notation, conditional-format rendering, custom-function formulas, file import,
// CSV export and the command line.
import { columnLetter, columnNumber, parseA1, toA1 } from '../../src/preview-page/a1';
import { backgrounds, parseCondition, type RuleData } from '../../src/preview/formats';
import { customFunctionNames, parseFormula, toRectangle } from '../../src/preview/formulas';
import { FileProblem, MAX_CELL_CHARS, readCsvFile, tabNameFor } from '../../src/preview/files';
import { csvCell, toCsv } from '../../src/preview/csv';
import { parseArgs, tabsOf } from '../../src/preview/args';
import { withShim } from '../../src/preview/server';
import { Bundle } from '../../src/preview/runtime';
import { createGlobals, createWorkbook } from '../../src/emulator';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('A1 notation', () => {
  test('column letters round-trip', () => {
    for (const n of [1, 2, 26, 27, 52, 53, 702, 703, 16384]) expect(columnNumber(columnLetter(n))).toBe(n);
    expect(columnLetter(28)).toBe('AB');
  });
  test('cells, rectangles and open-ended ranges', () => {
    expect(parseA1('B3')).toEqual({ sheet: undefined, row: 3, column: 2, lastRow: 3, lastColumn: 2 });
    expect(parseA1('A2:A')).toEqual({ sheet: undefined, row: 2, column: 1, lastRow: undefined, lastColumn: 1 });
    expect(parseA1('A:C')).toEqual({ sheet: undefined, row: 1, column: 1, lastRow: undefined, lastColumn: 3 });
    expect(parseA1('5:5')).toEqual({ sheet: undefined, row: 5, column: 1, lastRow: 5, lastColumn: undefined });
    expect(parseA1("'My tab'!$B$2:D10")).toEqual({ sheet: 'My tab', row: 2, column: 2, lastRow: 10, lastColumn: 4 });
    expect(parseA1('Orders!A2')?.sheet).toBe('Orders');
  });
  test('refuses what is not a reference', () => {
    for (const bad of ['', 'A', 'hello world', 'A0', 'B5:A1', 'A1:B2:C3', '2:B']) expect(parseA1(bad)).toBeNull();
  });
  test('toA1', () => {
    expect(toA1(4, 1)).toBe('A4');
    expect(toA1(4, 1, 4, 13)).toBe('A4:M4');
  });
});

describe('conditional formats', () => {
  const grid: Record<string, unknown> = { '2,13': 'Follow back', '3,13': 'follow BACK', '4,13': 'Skip', '5,13': 'Likely bot', '2,3': 40, '3,3': 90 };
  const at = (r: number, c: number) => (grid[`${r},${c}`] as string | number | undefined) ?? '';
  const range = { row: 2, column: 1, numRows: 10, numColumns: 14 };
  const rule = (formula: string, background: string): RuleData => ({ ranges: [range], type: 'CUSTOM_FORMULA', values: [formula], background });

  test('=$M2="…" applies per row, relative to the range top, case-insensitively', () => {
    const bg = backgrounds([rule('=$M2="Follow back"', '#d9ead3'), rule('=$M2="Likely bot"', '#f4cccc')], 1, 6, 14, at);
    expect(bg[0][0]).toBeNull(); // row 1 is outside the range
    expect(bg[1].every((c) => c === '#d9ead3')).toBe(true);
    expect(bg[2][5]).toBe('#d9ead3');
    expect(bg[3][0]).toBeNull();
    expect(bg[4][13]).toBe('#f4cccc');
  });
  test('the first matching rule wins, even one without a background', () => {
    const first: RuleData = { ranges: [range], type: 'TEXT_EQUAL_TO', values: ['Follow back'], background: null };
    const bg = backgrounds([first, rule('=$M2="Follow back"', '#d9ead3')], 2, 1, 14, at);
    expect(bg[0][12]).toBeNull(); // M2 matched the first rule
    expect(bg[0][0]).toBe('#d9ead3'); // A2 did not (its own text is not "Follow back")
  });
  test('relative columns, comparisons and functions', () => {
    const bg = backgrounds([rule('=AND($C2>50, NOT(ISBLANK($M2)))', '#fff2cc')], 2, 2, 3, at);
    expect(bg[0][0]).toBeNull();
    expect(bg[1][0]).toBe('#fff2cc');
    expect(() => parseCondition('=$M2="x" +')).toThrow();
    expect(backgrounds([rule('=VLOOKUP(A1)', '#000000')], 2, 1, 2, at)[0]).toEqual([null, null]);
  });
  test('a rule with several ranges counts relative references from its first range', () => {
    const two: RuleData = { ranges: [{ row: 2, column: 1, numRows: 4, numColumns: 1 }, { row: 4, column: 3, numRows: 2, numColumns: 1 }], type: 'CUSTOM_FORMULA', values: ['=$M2="Follow back"'], background: '#d9ead3' };
    // C4 sits in the second range; its row offset from A2 is 2, so it reads M4 ("Skip"), not M2.
    const bg = backgrounds([two], 2, 3, 3, at);
    expect(bg[0][0]).toBe('#d9ead3');
    expect(bg[2][2]).toBeNull();
    expect(bg[1][2]).toBeNull(); // C3 is in neither range
  });
  test('number criteria', () => {
    const r: RuleData = { ranges: [{ row: 1, column: 3, numRows: 5, numColumns: 1 }], type: 'NUMBER_GREATER_THAN', values: ['50'], background: '#cfe2f3' };
    const bg = backgrounds([r], 2, 2, 3, at);
    expect(bg[0][2]).toBeNull();
    expect(bg[1][2]).toBe('#cfe2f3');
  });
});

describe('custom-function formulas', () => {
  const fns = ['FOLLOWBACK_SCORE', 'BOT_RISK'];
  test('parses ranges, open-ended ranges and literals', () => {
    const call = parseFormula('=followback_score(A2:A)', fns);
    expect(call.name).toBe('FOLLOWBACK_SCORE');
    expect(call.args[0]).toMatchObject({ kind: 'range', ref: { row: 2, column: 1, lastColumn: 1 } });
    const b = parseFormula('=BOT_RISK(120, 4000, 3, FALSE, "Hi, there", "x""y")', fns);
    expect(b.args.map((a) => (a.kind === 'value' ? a.value : a.text))).toEqual([120, 4000, 3, false, 'Hi, there', 'x"y']);
    expect(parseFormula("=FOLLOWBACK_SCORE('Other tab'!B2:B9)", fns).args[0]).toMatchObject({ kind: 'range', ref: { sheet: 'Other tab' } });
  });
  test('refuses other formulas with a message', () => {
    expect(() => parseFormula('=SUM(A1:A3)', fns)).toThrow(/Unknown function SUM/);
    expect(() => parseFormula('=1+2', fns)).toThrow(/only the add-on's functions/);
    expect(() => parseFormula('=BOT_RISK(A2 B3)', fns)).toThrow(/Cannot read the argument/);
  });
  test('results become rectangles', () => {
    expect(toRectangle(5)).toEqual([[5]]);
    expect(toRectangle([1, 2])).toEqual([[1], [2]]);
    expect(toRectangle([[1, 2], [3]])).toEqual([[1, 2], [3, '']]);
    expect(toRectangle(null)).toEqual([['']]);
  });
  test('finds @customfunction globals in a bundle', () => {
    const code = '/**\n * x\n * @customfunction\n */\nfunction A(h) {}\n/** not one */\nfunction onOpen(e) {}\n/** @customfunction */\nfunction B() {}';
    expect(customFunctionNames(code)).toEqual(['A', 'B']);
  });
});

describe('files opened as tabs', () => {
  const problem = (name: string, content: Uint8Array | string) => {
    try {
      readCsvFile(name, typeof content === 'string' ? bytes(content) : content);
    } catch (e) {
      expect(e).toBeInstanceOf(FileProblem);
      return (e as Error).message;
    }
    throw new Error('no problem reported');
  };
  test('reads CSV and TSV, numbers as numbers, IDs as text', () => {
    expect(readCsvFile('f.csv', bytes('\uFEFFHandle,Followers,ID\n@ann,1200,00123\n"b, c",3.5,\n'))).toEqual([
      ['Handle', 'Followers', 'ID'],
      ['@ann', 1200, '00123'],
      ['b, c', 3.5, ''],
    ]);
    expect(readCsvFile('f.tsv', bytes('a\tb\n1\t2\n'))).toEqual([['a', 'b'], [1, 2]]);
    expect(readCsvFile('f.csv', bytes('id\n12345678901234567890\n'))[1][0]).toBe('12345678901234567890');
  });
  test('Windows-1252 text is decoded', () => {
    expect(readCsvFile('f.csv', new Uint8Array([0x4a, 0x6f, 0x73, 0xe9, 0x0a]))[0][0]).toBe('José');
  });
  test('bad files get a message naming the file and the problem', () => {
    expect(problem('empty.csv', '')).toBe('empty.csv: the file is empty');
    expect(problem('blank.csv', '\n\n  \n')).toMatch(/^blank\.csv: .*empty/);
    expect(problem('pic.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toMatch(/^pic\.csv: this is a PNG image/);
    expect(problem('book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatch(/^book\.xlsx: .*CSV only/);
    expect(problem('data.csv', new Uint8Array([0x61, 0x00, 0x62, 0x2c]))).toMatch(/binary/);
    expect(problem('notes.json', '{"a":1}')).toMatch(/^notes\.json: a \.json file is not CSV/);
    expect(problem('q.csv', 'a,b\n"unclosed,2\n3,4\n')).toMatch(/^q\.csv: cannot be read as CSV/);
    expect(problem('big.csv', `a\n${'x'.repeat(MAX_CELL_CHARS + 1)}\n`)).toMatch(/row 2, column 1 .* over Sheets' limit/);
  });
  test('tab names are unique, case-insensitively, and clean', () => {
    expect(tabNameFor('C:\\data\\followers.csv', ['Sheet1'])).toBe('followers');
    expect(tabNameFor('Followers.csv', ['followers', 'Followers 2'])).toBe('Followers 3');
    expect(tabNameFor('a[b]:c?.csv', [])).toBe('a b c');
  });
});

describe('CSV download', () => {
  test('neutralises formula-like text but not numbers', () => {
    expect(csvCell('=HYPERLINK("x")', '=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(csvCell('+1 555', '+1 555')).toBe("'+1 555");
    expect(csvCell('@ann', '@ann')).toBe("'@ann");
    expect(csvCell(-5, '-5')).toBe('-5');
    expect(toCsv([['a', 'b', ''], ['-x', 2, ''], ['', '', '']], [['a', 'b', ''], ['-x', '2', ''], ['', '', '']])).toBe("a,b\r\n'-x,2");
  });
});

describe('command line and sidebar shim', () => {
  test('arguments', () => {
    const a = parseArgs(['--followers', 'f.csv', '--orders', 'o1.csv', '--orders=o2.csv', '--engagement', 'e.csv']);
    expect(tabsOf(a)).toEqual([
      { file: 'f.csv', tab: 'Followers' },
      { file: 'o1.csv', tab: 'Orders' },
      { file: 'o2.csv', tab: 'Orders 2' },
      { file: 'e.csv', tab: 'Engagement' },
    ]);
    expect(() => parseArgs(['--orders', 'o.csv'])).toThrow(/--followers/);
    expect(() => parseArgs(['--followers'])).toThrow(/needs a file/);
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown argument/);
  });
  test('the shim is the first script of the sidebar', () => {
    const html = withShim('<!doctype html><html><head><script>google.script.run.x()</script></head></html>');
    expect(html.indexOf('google.script = {') < html.indexOf('google.script.run.x()')).toBe(true);
  });
});

describe('executions', () => {
  test('a lock the script still holds when it fails is released, as Apps Script releases it', () => {
    const code = join(mkdtempSync(join(tmpdir(), 'fb-bundle-')), 'Code.js');
    writeFileSync(code, 'function grab() { LockService.getDocumentLock().tryLock(0); throw new Error("boom"); }\nfunction check() { return LockService.getDocumentLock().tryLock(0); }\n');
    const bundle = new Bundle(code);
    const book = createWorkbook([{ name: 'Followers', values: [['Handle']] }]);
    expect(bundle.run(createGlobals(book), 'grab', [])).toMatchObject({ ok: false, error: 'boom' });
    expect(book.locks.document).toBeNull();
    expect(bundle.run(createGlobals(book), 'check', [])).toMatchObject({ ok: true, value: true });
  });
});
