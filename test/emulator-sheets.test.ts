// The emulator where it used to differ from Google Sheets: number formats, formula values, locks, whole-row and
// whole-column A1 notation, ranges named with their tab, typed rule criteria, Color objects and Cache.put.
import { createGlobals, createWorkbook, type Workbook } from '../src/emulator';

function book(): Workbook {
  return createWorkbook([
    { name: 'Followers', values: [['Handle', 'Followers', 'Posts', '', ''], ['@ann', 10, 2, '', ''], ['@bob', 'n/a', 3, '', ''], ['', '', '', '', '']] },
    { name: 'Other tab', values: [['x', 5], ['y', 7]] },
  ]);
}
const sheetOf = (b: Workbook, name = 'Followers') => createGlobals(b).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;

function msg(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('number formats', () => {
  test("'General' reads back as Sheets writes it, and clearing a format restores it", () => {
    const s = sheetOf(book());
    const r = s.getRange('A1:B1');
    expect(r.getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    r.setNumberFormat('General');
    expect(r.getNumberFormat()).toBe('0.###############');
    r.setNumberFormats([['general', '@']]);
    expect(r.getNumberFormats()).toEqual([['0.###############', '@']]);
    r.clearFormat();
    expect(r.getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    r.setNumberFormat('0.00%');
    r.clear({ contentsOnly: true });
    expect(r.getNumberFormat()).toBe('0.00%');
    expect(r.getValues()).toEqual([['', '']]);
    r.clear();
    expect(r.getNumberFormat()).toBe('0.###############');
    s.getRange('A2').setNumberFormat('@');
    s.clear();
    expect(s.getRange('A2').getNumberFormat()).toBe('0.###############');
  });
});

describe('formula cells give getValues() their computed value', () => {
  const values = (formulas: string[]) => {
    const s = sheetOf(book());
    const r = s.getRange(4, 1, 1, formulas.length);
    r.setFormulas([formulas]);
    return r.getValues()[0];
  };

  test('constants, arithmetic with Sheets precedence, comparisons and percent', () => {
    expect(values(['=42', '="text"', '=TRUE', '=1+2*3^2', '=(1+2)*3'])).toEqual([42, 'text', true, 19, 9]);
    expect(values(['=-2^2', '=10/4', '=50%', '=1<2', '="a"="A"'])).toEqual([4, 2.5, 0.5, true, true]);
  });

  test('&, CONCATENATE, SUM, IF and HYPERLINK over references, on this tab and another', () => {
    expect(values(['=A2&" has "&B2', '=CONCATENATE(A2, "/", C2:C3)', '=SUM(B2:C3)', '=SUM(1, 2, C2)', "='Other tab'!B1+'Other tab'!B2"])).toEqual([
      '@ann has 10',
      '@ann/23',
      15, // the text n/a in B3 is skipped in a range, as Sheets skips it
      5,
      12,
    ]);
    expect(values(['=IF(B2>5, "big", "small")', '=IF(C2=0, 1)', '=HYPERLINK("https://x.example/ann", "Ann")', '=HYPERLINK("https://x.example")', '=A1'])).toEqual([
      'big',
      false,
      'Ann',
      'https://x.example',
      'Handle',
    ]);
  });

  test('errors: unknown functions #NAME?, division by zero, text in arithmetic, a cycle, a missing tab', () => {
    expect(values(['=VLOOKUP(A2, A1:B3, 2)', '=1/0', '=B3+1', '=E4', "='No tab'!A1"])).toEqual(['#NAME?', '#DIV/0!', '#VALUE!', '#REF!', '#REF!']);
    expect(values(['=SUM(A2:A3, 1/0)', '=foo', '=1+', '=A4&"!"'])).toEqual(['#DIV/0!', '#NAME?', '#ERROR!', '#DIV/0!']);
  });

  test('a formula follows the cells it reads; getFormulas keeps the text', () => {
    const s = sheetOf(book());
    s.getRange('D2').setFormula('=B2*2');
    s.getRange('E2').setValue('=D2+1');
    expect(s.getRange('D2:E2').getValues()).toEqual([[20, 21]]);
    s.getRange('B2').setValue(50);
    expect(s.getRange('D2:E2').getValues()).toEqual([[100, 101]]);
    expect(s.getRange('D2:E2').getDisplayValues()).toEqual([['100', '101']]);
    expect(s.getRange('D2:E2').getFormulas()).toEqual([['=B2*2', '=D2+1']]);
  });

  test('setFormula over a block moves relative references per cell and keeps $-anchored ones', () => {
    const s = sheetOf(book());
    const r = s.getRange('D2:E3');
    r.setFormula('=C2+$C$2+C$2');
    expect(r.getFormulas()).toEqual([
      ['=C2+$C$2+C$2', '=D2+$C$2+D$2'],
      ['=C3+$C$2+C$2', '=D3+$C$2+D$2'],
    ]);
    expect(r.getValues()).toEqual([
      [6, 14],
      [7, 15],
    ]);
    s.getRange('B4:C4').setFormula('=SUM(B2:B3)&"|"&"B2"');
    expect(s.getRange('B4:C4').getFormulas()).toEqual([['=SUM(B2:B3)&"|"&"B2"', '=SUM(C2:C3)&"|"&"B2"']]); // text in quotes stays
  });
});

describe('locks', () => {
  test('document, script and user locks are three locks', () => {
    const b = book();
    const one = createGlobals(b).LockService;
    const two = createGlobals(b).LockService;
    expect(one.getDocumentLock()!.tryLock(1000)).toBe(true);
    expect(two.getScriptLock().tryLock(1000)).toBe(true);
    expect(two.getUserLock().tryLock(1000)).toBe(true);
    expect(two.getDocumentLock()!.tryLock(1000)).toBe(false);
    expect(one.getScriptLock().tryLock(1000)).toBe(false);
  });

  test('tryLock waits up to its timeout for a held lock; a negative timeout never acquires; waitLock throws', () => {
    const b = book();
    const holder = createGlobals(b);
    const waiter = createGlobals(b);
    holder.LockService.getDocumentLock()!.waitLock(0);
    expect(waiter.LockService.getDocumentLock()!.tryLock(2500)).toBe(false);
    expect(waiter.__emulator.waitedMs()).toBe(2500);
    expect(msg(() => waiter.LockService.getDocumentLock()!.waitLock(500))).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(waiter.__emulator.waitedMs()).toBe(3000);
    const free = createGlobals(b).LockService.getScriptLock();
    expect(free.tryLock(-100)).toBe(false);
    expect(free.hasLock()).toBe(false);
    expect(msg(() => free.waitLock(-100))).toMatch(/^Lock timeout/);
    expect(free.tryLock(0)).toBe(true);
    expect(free.tryLock(0)).toBe(true); // held already
  });

  test('a lock still held when its execution ends is released', () => {
    const b = book();
    const first = createGlobals(b);
    expect(first.LockService.getDocumentLock()!.tryLock(100)).toBe(true);
    const second = createGlobals(b).LockService.getDocumentLock()!;
    expect(second.tryLock(100)).toBe(false);
    first.__emulator.end();
    expect(second.tryLock(100)).toBe(true);
  });
});

describe('ranges', () => {
  test('getA1Notation() of whole columns and whole rows', () => {
    const s = sheetOf(book());
    const cols = s.getRange('B:C');
    expect(cols.getA1Notation()).toBe('B:C');
    expect([cols.getRow(), cols.getNumRows(), cols.getNumColumns()]).toEqual([1, 4, 2]);
    expect(s.getRange('2:3').getA1Notation()).toBe('2:3');
    expect(s.getRange('$A:$A').getA1Notation()).toBe('A:A');
    expect(s.getRange('A2:B3').getA1Notation()).toBe('A2:B3');
    expect(cols.offset(1, 0, 2).getA1Notation()).toBe('B2:C3');
  });

  test("getRange('Tab!A1:B2') on a sheet is a range on the named tab", () => {
    const s = sheetOf(book());
    const r = s.getRange("'Other tab'!A1:B2");
    expect(r.getSheet().getName()).toBe('Other tab');
    expect(r.getValues()).toEqual([['x', 5], ['y', 7]]);
    expect(msg(() => s.getRange('Nope!A1'))).toBe('Range not found');
    expect(createGlobals(book()).SpreadsheetApp.getActiveSpreadsheet().getRange('Followers!A2').getValue()).toBe('@ann');
  });
});

describe('conditional-format rules and colours', () => {
  test('number criteria come back as numbers; the background as a Color object', () => {
    const g = createGlobals(book());
    const s = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Followers')!;
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenNumberBetween(1, 10).setBackground('#B7E1CD').setRanges([s.getRange('B2:B3')]).build();
    // getBackgroundObject() is in Apps Script's reference but not in this @types version
    type WithColor = { getBackgroundObject(): { asRgbColor(): { asHexString(): string }; getColorType(): string } | null };
    const cond = rule.getBooleanCondition()! as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition & WithColor;
    expect(cond.getCriteriaValues()).toEqual([1, 10]);
    expect(cond.getBackgroundObject()!.asRgbColor().asHexString()).toBe('#b7e1cd');
    expect(cond.getBackgroundObject()!.getColorType()).toBe('RGB');
    const text = g.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('x').setFontColor('#ff0000').build().getBooleanCondition()! as unknown as WithColor & GoogleAppsScript.Spreadsheet.BooleanCondition;
    expect(text.getCriteriaValues()).toEqual(['x']);
    expect(text.getBackgroundObject()).toBeNull();
  });
});

describe('cache', () => {
  test('put returns null, as in Apps Script', () => {
    const c = createGlobals(book()).CacheService.getDocumentCache()!;
    expect(c.put('k', 'v')).toBeNull();
    expect(c.get('k')).toBe('v');
  });
});
