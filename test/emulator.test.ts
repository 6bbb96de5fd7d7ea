// The emulation's semantics, checked against what Google's Apps Script documentation and behaviour say.
import { createGlobals, createWorkbook, renderSheet, GasGlobals } from '../src/emulator';

function open(values: unknown[][] = [['Handle', 'Name'], ['@a', 'Ann'], ['@b', 'Bob']], opts = {}) {
  const book = createWorkbook([{ name: 'Followers', values: values as never }]);
  const g = createGlobals(book, opts);
  return { book, g, ss: g.SpreadsheetApp.getActiveSpreadsheet() };
}

function msg(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('grid and ranges', () => {
  test('an imported tab is exactly the data size; a new sheet is 1000 x 26', () => {
    const { ss } = open();
    const s = ss.getSheetByName('followers')!;
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([3, 2]);
    const t = ss.insertSheet('New');
    expect([t.getMaxRows(), t.getMaxColumns()]).toEqual([1000, 26]);
    expect([t.getLastRow(), t.getLastColumn()]).toEqual([0, 0]);
  });

  test('1-based coordinates, A1 notation and blanks as empty strings', () => {
    const { ss } = open([['a', '', 3], ['', null, true]]);
    const s = ss.getSheets()[0];
    expect(s.getRange(1, 3).getValue()).toBe(3);
    expect(s.getRange('A1:C2').getValues()).toEqual([['a', '', 3], ['', '', true]]);
    expect(s.getRange(2, 2, 1, 2).getA1Notation()).toBe('B2:C2');
    expect(s.getRange('B1').getRow()).toBe(1);
    expect(s.getRange('B1').getColumn()).toBe(2);
    expect(s.getRange('A1:C2').getDisplayValues()).toEqual([['a', '', '3'], ['', '', 'TRUE']]);
  });

  test('outside the grid throws Google\'s message; insert columns first', () => {
    const { ss } = open();
    const s = ss.getSheets()[0];
    expect(msg(() => s.getRange(1, 3))).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    expect(msg(() => s.getRange(0, 1))).toBe('The starting row of the range is too small.');
    s.insertColumnsAfter(2, 3);
    expect(s.getMaxColumns()).toBe(5);
    s.getRange(1, 5).setValue('x');
    expect(s.getLastColumn()).toBe(5);
    s.insertColumnAfter(5);
    expect(s.getMaxColumns()).toBe(6);
    s.deleteColumns(3, 4);
    expect(s.getMaxColumns()).toBe(2);
    expect(s.getDataRange().getValues()).toEqual([['Handle', 'Name'], ['@a', 'Ann'], ['@b', 'Bob']]);
  });

  test('getDataRange covers the used area; Date values come back as Dates', () => {
    const d = new Date(Date.UTC(2024, 2, 12));
    const { ss } = open([['h', 'joined'], ['x', d]]);
    const v = ss.getSheets()[0].getDataRange().getValues();
    expect(v[1][1]).toBeInstanceOf(Date);
    expect((v[1][1] as Date).getTime()).toBe(d.getTime());
    expect(ss.getSheets()[0].getRange('B2').getDisplayValue()).toBe('3/12/2024');
  });
});

describe('values are parsed as if typed', () => {
  test('formulas, numbers, booleans and apostrophes', () => {
    const { ss } = open([['', '', '', '', '', '', '']]);
    const s = ss.getSheets()[0];
    const r = s.getRange(1, 1, 1, 7);
    r.setValues([['=HYPERLINK("http://x","y")', '+1 555', '-abc', '1,234', 'TRUE', "'=literal", '-12.5']]);
    expect(r.getFormulas()).toEqual([['=HYPERLINK("http://x","y")', '=+1 555', '=-abc', '', '', '', '']]);
    const v = r.getValues()[0];
    expect(v.slice(3)).toEqual([1234, true, '=literal', -12.5]);
  });

  test('dates, money and percentages as an en_US sheet reads them; offsets stay text', () => {
    const { ss } = open([['', '', '', '', '']]);
    const r = ss.getSheets()[0].getRange('A1:E1');
    r.setValues([['2024-03-12', '3/12/2024', '$1,234.50', '50%', '2026-05-12 12:08:27 -0700']]);
    const v = r.getValues()[0];
    expect((v[0] as Date).toISOString()).toBe('2024-03-12T00:00:00.000Z');
    expect((v[1] as Date).toISOString()).toBe('2024-03-12T00:00:00.000Z');
    expect(v.slice(2)).toEqual([1234.5, 0.5, '2026-05-12 12:08:27 -0700']);
  });

  test('the plain-text format @ stores strings unchanged', () => {
    const { ss } = open([['', '']]);
    const r = ss.getSheets()[0].getRange('A1:B1');
    r.setNumberFormat('@');
    r.setValues([['=HYPERLINK("http://evil","click")', '00123']]);
    expect(r.getFormulas()).toEqual([['', '']]);
    expect(r.getValues()).toEqual([['=HYPERLINK("http://evil","click")', '00123']]);
    expect(r.getNumberFormats()).toEqual([['@', '@']]);
  });

  test('dimension mismatches use Google\'s messages', () => {
    const { ss } = open();
    const r = ss.getSheets()[0].getRange('A1:B2');
    expect(msg(() => r.setValues([['a', 'b']]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(msg(() => r.setValues([['a'], ['b']]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });
});

describe('sheets, selection, UI', () => {
  test('sheet names are case-insensitive for lookup and uniqueness', () => {
    const { ss } = open();
    expect(ss.getSheetByName('FOLLOWERS')!.getName()).toBe('Followers');
    expect(msg(() => ss.insertSheet('followers'))).toBe('A sheet with the name "followers" already exists. Please enter another name.');
  });

  test('selection, frozen rows, toast, menus, alerts and sidebar are recorded', () => {
    const book = createWorkbook([{ name: 'Followers', values: [['h'], ['a'], ['b']] }]);
    const g = createGlobals(book, { readFile: (n) => (n === 'Sidebar' ? '<p>hi</p>' : undefined as never) });
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const s = ss.getSheets()[0];
    ss.setActiveRange(s.getRange('A3'));
    expect(book.selection).toEqual({ sheet: 'Followers', a1: 'A3' });
    s.setFrozenRows(1);
    expect(s.getFrozenRows()).toBe(1);
    ss.toast('Scored 2');
    const ui = g.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Score followers', 'scoreFollowers').addToUi();
    ui.alert('Hello');
    ui.showSidebar(g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Followback'));
    expect(g.ui).toEqual({
      menus: [{ title: 'Followback', items: [{ caption: 'Score followers', functionName: 'scoreFollowers' }] }],
      toasts: ['Scored 2'],
      alerts: ['Hello'],
      sidebar: { title: 'Followback', html: '<p>hi</p>' },
      dialogs: [],
    });
    expect(msg(() => g.HtmlService.createHtmlOutputFromFile('Nope'))).toBe('No HTML file named Nope was found.');
  });

  test('every Spreadsheet call is counted by method', () => {
    const { g, ss } = open();
    const s = ss.getSheetByName('Followers')!;
    s.getDataRange().getValues();
    expect(g.calls.byMethod['Range.getValues']).toBe(1);
    expect(g.calls.byMethod['Sheet.getDataRange']).toBe(1);
    expect(g.calls.total).toBe(4); // getActiveSpreadsheet, getSheetByName, getDataRange, getValues
    g.PropertiesService.getDocumentProperties().getProperty('x');
    expect(g.calls.total).toBe(6);
    expect(g.calls.spreadsheet).toBe(4);
    expect(g.calls.byMethod['Properties.getProperty']).toBe(1);
  });
});

describe('conditional-format rules', () => {
  test('the builder, replace-all semantics and the first matching rule winning', () => {
    const { g, ss, book } = open([['h', 'Recommendation'], ['a', 'Follow back'], ['b', 'Skip']]);
    const s = ss.getSheets()[0];
    const range = s.getRange('A2:B3');
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$B2="Follow back"').setBackground('#D9EAD3').setRanges([range]).build();
    const user = g.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('Skip').setBackground('#000000').setRanges([s.getRange('B2:B3')]).build();
    s.setConditionalFormatRules([rule, user]);
    const rules = s.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()!.getCriteriaValues())).toEqual([['=$B2="Follow back"'], ['Skip']]);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:B3');
    expect(rules[0].getBooleanCondition()!.getBackground()).toBe('#d9ead3');
    expect(renderSheet(book, 'Followers')!.backgrounds).toEqual([
      [null, null],
      ['#d9ead3', '#d9ead3'],
      [null, '#000000'],
    ]);
    s.setConditionalFormatRules([rules[1]]);
    expect(s.getConditionalFormatRules()).toHaveLength(1);
  });

  test('inserting and deleting columns moves rule ranges', () => {
    const { g, ss } = open([['a', 'b', 'c']]);
    const s = ss.getSheets()[0];
    s.setConditionalFormatRules([g.SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#ff0000').setRanges([s.getRange('C1')]).build()]);
    s.insertColumnsAfter(1, 2);
    expect(s.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('E1');
    s.deleteColumns(2, 2);
    expect(s.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('C1');
  });
});

describe('services and authorization modes', () => {
  test('AuthMode.NONE: the menu only', () => {
    const g = createGlobals(createWorkbook([{ name: 'Followers', values: [['h']] }]), { authMode: 'NONE' });
    expect(msg(() => g.SpreadsheetApp.getActiveSpreadsheet())).toMatch(/^You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
    expect(msg(() => g.PropertiesService.getDocumentProperties())).toMatch(/^You do not have permission/);
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Score followers', 'scoreFollowers').addToUi();
    expect(g.ui.menus).toHaveLength(1);
  });

  test('custom functions read but cannot write, toast, use the UI or set properties', () => {
    const { g, ss } = open(undefined, { customFunction: true });
    const s = ss.getSheets()[0];
    expect(s.getRange('A2').getValue()).toBe('@a');
    expect(msg(() => s.getRange('A2').setValue('x'))).toBe('You do not have permission to call setValue');
    expect(msg(() => s.getRange('A2:A3').setValues([['x'], ['y']]))).toBe('You do not have permission to call setValues');
    expect(msg(() => ss.toast('hi'))).toBe('You do not have permission to call toast');
    expect(msg(() => g.SpreadsheetApp.getUi())).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(msg(() => g.PropertiesService.getDocumentProperties().setProperty('a', 'b'))).toBe('You do not have permission to call setProperty');
    g.CacheService.getDocumentCache()!.put('k', 'v');
    expect(g.CacheService.getDocumentCache()!.get('k')).toBe('v');
    expect(g.LockService.getDocumentLock().tryLock(10)).toBe(true);
  });

  test('document properties: 9 KB per value', () => {
    const { g } = open();
    const p = g.PropertiesService.getDocumentProperties();
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(msg(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1)))).toBe('Argument too large: value');
    expect(p.getProperty('ok')).toHaveLength(9216);
    expect(p.getProperty('missing')).toBeNull();
  });

  test('cache: 100 KB per value, get/getAll/putAll, expiry', () => {
    let now = 0;
    const { g } = open(undefined, { now: () => now });
    const c = g.CacheService.getDocumentCache()!;
    c.putAll({ a: '1', b: '2' }, 10);
    expect(c.getAll(['a', 'b', 'z'])).toEqual({ a: '1', b: '2' });
    expect(msg(() => c.put('big', 'x'.repeat(100 * 1024 + 1)))).toBe('Argument too large: value');
    now = 11_000;
    expect(c.get('a')).toBeNull();
  });

  test('a lock belongs to one execution', () => {
    const book = createWorkbook([{ name: 'Followers', values: [['h']] }]);
    const one = createGlobals(book).LockService.getDocumentLock();
    const two = createGlobals(book).LockService.getDocumentLock();
    expect(one.tryLock(1000)).toBe(true);
    expect(two.tryLock(1000)).toBe(false);
    expect(msg(() => two.waitLock(1000))).toBe('Lock timeout: another process was holding the lock for too long.');
    one.releaseLock();
    expect(two.tryLock(1000)).toBe(true);
  });

  test('Utilities.computeDigest gives SHA-256 as signed bytes', () => {
    const { g } = open();
    const hex = (b: number[]) => b.map((x) => ((x + 256) % 256).toString(16).padStart(2, '0')).join('');
    expect(hex(g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.SHA_256, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const long = 'x'.repeat(1000);
    expect(hex(g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.SHA_256, long))).toBe(
      require('crypto').createHash('sha256').update(long).digest('hex'),
    );
  });

  test('Session and ScriptApp.AuthMode', () => {
    const g: GasGlobals = open().g;
    expect(g.Session.getScriptTimeZone()).toBe('Etc/UTC');
    expect(g.ScriptApp.AuthMode.NONE).toBe('NONE');
  });
});

describe('limits', () => {
  test('10 million cells per spreadsheet and 50,000 characters per cell', () => {
    const book = createWorkbook([{ name: 'Big', values: [['a']] }]);
    book.sheets[0].maxRows = 400_000;
    book.sheets[0].maxColumns = 25;
    const g = createGlobals(book);
    const s = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    expect(msg(() => s.insertColumnsAfter(25, 1))).toBe('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
    expect(s.getMaxColumns()).toBe(25);
    expect(msg(() => s.getRange('A1').setValue('x'.repeat(50_001)))).toBe('Your input contains more than the maximum of 50000 characters in a single cell.');
    s.getRange('A1').setValue('x'.repeat(50_000));
    expect(String(s.getRange('A1').getValue())).toHaveLength(50_000);
  });
});
