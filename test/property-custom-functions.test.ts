// Property-based tests of the custom functions through the built add-on (dist/Code.js, custom-function mode of the
// emulator): whatever a cell or range holds, each function returns a value of the same shape, never throws (Sheets
// would show #ERROR!), never writes, and returns only numbers in range, known words or text a cell can hold.
import fc from 'fast-check';
import type { Cell } from '../src/core/types';
import { book, ensureBundle, errorOf, execution, snapshot } from './hardening-gas';
import { hostileCell, params, recordFigures } from './property-arbitraries';

ensureBundle();
afterAll(() => recordFigures('property-custom-functions'));

// One workbook for all runs (custom functions only read it); built once.
const workbook = () =>
  book([
    {
      name: 'Followers',
      values: [
        ['Username', 'Full Name', 'Followers', 'Following', 'Posts'],
        ['jane.doe', 'Jane Doe', 812, 430, 211],
        ['#N/A', '#REF!', '#VALUE!', '', ''],
        ['محمد.علي', 'محمد علي', '1,2k', 300, 12],
        ['bot_12345678', '', 0, 7500, 0],
      ],
    },
    { name: 'Orders', values: [['Order ID', 'Email', 'Billing Name', 'Total'], ['1', 'jane.doe@example.com', 'Jane Doe', 120], ['2', '', '=1+1', 5]] },
    { name: 'Engagement', values: [['Username', 'Type', 'Date'], ['jane.doe', 'comment', '2026-11-20']] },
  ]);

/** A cell or a range (1-D rows or 2-D, ragged too), as Sheets would pass it, of hostile cells and real handles. */
const cell = fc.oneof(hostileCell({ long: true }), fc.constantFrom<Cell>('jane.doe', '@Jane.Doe', 'https://instagram.com/jane.doe', 'bot_12345678', 'nobody'));
const input = fc.oneof(
  cell,
  fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
);

const shapeOf = (v: unknown): unknown => (Array.isArray(v) ? v.map((r) => (Array.isArray(r) ? r.length : 'x')) : 'single');

function expectCellValue(v: unknown, kind: 'score' | 'words' | 'text'): void {
  if (v === '' || v === null) return;
  if (typeof v === 'string' && v.startsWith('Followback: ')) {
    expect(v.length).toBeLessThan(2000); // a message in the cell, not a stack trace
    expect(v).not.toMatch(/TypeError|ReferenceError|\bat \w+ \(/);
    return;
  }
  if (kind === 'score') expect(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100).toBe(true);
  else if (kind === 'words') expect(['Follow back', 'Consider', 'Skip', 'Likely bot', 'Already following']).toContain(v);
  else expect(typeof v === 'string' && v.length <= 50000).toBe(true);
}

const FUNCTIONS: [string, 'score' | 'words' | 'text'][] = [
  ['FOLLOWBACK_SCORE', 'score'],
  ['FOLLOWBACK_RECOMMENDATION', 'words'],
  ['FOLLOWBACK_REASONS', 'text'],
  ['CUSTOMER_MATCH', 'text'],
];

describe('custom functions on any cell or range', () => {
  const b = workbook();
  const before = snapshot(b);

  test.each(FUNCTIONS)('%s: same shape out, a value of its kind in each cell, never a throw or a write', (name, kind) => {
    fc.assert(
      fc.property(input, (v) => {
        let out: unknown;
        const err = errorOf(() => {
          out = execution(b, { customFunction: true }).call(name, v);
        });
        expect(err).toBe('');
        // a range comes back as a range of the same shape; a single value as one value
        if (Array.isArray(v) && Array.isArray(v[0])) expect(shapeOf(out)).toEqual(shapeOf(v));
        if (Array.isArray(out)) for (const row of out as unknown[][]) for (const c of row) expectCellValue(c, kind);
        else expectCellValue(out, kind);
      }),
      params(`${name} any input`, 100),
    );
    expect(snapshot(b)).toEqual(before);
  });

  test('BOT_RISK: any mix of values and ranges gives risks 0-100 in the lead range\'s shape, or a message', () => {
    const arg = fc.oneof(cell, fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.constant(undefined));
    fc.assert(
      fc.property(fc.array(arg, { minLength: 1, maxLength: 6 }), (args) => {
        let out: unknown;
        const err = errorOf(() => {
          out = execution(b, { customFunction: true }).call('BOT_RISK', ...args);
        });
        expect(err).toBe('');
        const lead = args.find((a) => Array.isArray(a));
        if (lead && Array.isArray(out)) expect(shapeOf(out)).toEqual(shapeOf(lead));
        if (Array.isArray(out)) for (const row of out as unknown[][]) for (const c of row) expectCellValue(c, 'score');
        else expectCellValue(out, 'score');
      }),
      params('BOT_RISK any arguments', 200),
    );
    expect(snapshot(b)).toEqual(before);
  });
});
