// Reading a CSV file in parts (the command line's engagement logs and orders exports on two threads) gives exactly
// the rows, the errors, the engagement and the customers that reading it whole does.
import { FIRST_PART_ROWS, readCsvFile, streamCsvFile } from '../src/cli/csv';
import { readLayout } from '../src/cli/score-parts';
import { buildCustomers, customerBuilder } from '../src/core/customers';
import { engagementTally, readEngagement } from '../src/core/engagement';
import { dateOrder, readTable } from '../src/core/table';
import type { Table } from '../src/core/types';

const NOW = Date.UTC(2026, 10, 25);

/** An engagement log of `n` rows with CRLF line ends, quoted commas, quoted line breaks and blank lines. */
function log(n: number): string {
  const lines = ['Username,Interaction,Date,Note'];
  for (let i = 0; i < n; i++) {
    const note = i % 97 === 0 ? `"said ""hi"",\r\nthen left ${'x'.repeat(i % 300)}"` : i % 13 === 0 ? '"a, b"' : `n${i}`;
    lines.push(`@user${i % 4000},${['like', 'comment', 'Story mention', 'share'][i % 4]},${i % 2 ? `0${(i % 9) + 1}/1${i % 3}/2026` : `2026-0${(i % 9) + 1}-1${i % 7}`},${note}`);
    if (i % 1500 === 0) lines.push('');
  }
  return lines.join('\r\n') + '\r\n\r\n\r\n';
}

function parts(text: string, name = 'engagement.csv') {
  const bytes = new TextEncoder().encode(text);
  const got: { rows: string[][]; first: boolean }[] = [];
  streamCsvFile(name, () => bytes, (rows, first) => got.push({ rows: rows.slice(), first }));
  return { got, whole: readCsvFile(name, () => bytes).grid };
}

test('the parts, joined, are the rows of the whole file; the first part is large enough to read the table from', () => {
  const { got, whole } = parts(log(30000));
  expect(got.length).toBeGreaterThan(3);
  expect(got.map((p) => p.first)).toEqual([true, ...got.slice(1).map(() => false)]);
  expect(got[0].rows.length).toBeGreaterThanOrEqual(FIRST_PART_ROWS);
  expect(got.flatMap((p) => p.rows)).toEqual(whole);
});

test('a small file is one part', () => {
  const { got, whole } = parts(log(50));
  expect(got).toEqual([{ rows: whole, first: true }]);
});

test('an unclosed quote stops the reading with the same message as reading the whole file', () => {
  const rows = Array.from({ length: 20000 }, (_, i) => `@user${i},like,2026-01-02,${i === 9000 ? '"never closed' : 'plain'}`);
  const text = ['Username,Interaction,Date,Note', ...rows].join('\n') + '\n';
  const bytes = new TextEncoder().encode(text);
  let whole = '';
  try {
    readCsvFile('engagement.csv', () => bytes);
  } catch (e) {
    whole = (e as Error).message;
  }
  expect(whole).toMatch(/engagement\.csv.*row 90\d\d.*unclosed quote/);
  expect(() => streamCsvFile('engagement.csv', () => bytes, () => undefined)).toThrow(whole);
});

test('engagement summed part by part equals engagement of the whole table', () => {
  const { got, whole } = parts(log(30000));
  const tally = engagementTally(NOW);
  let first: Table | null = null;
  let dates: 'MDY' | 'DMY' = 'MDY';
  for (const p of got) {
    if (p.first) {
      first = readTable({ name: 'e', grid: p.rows }, 'engagement');
      dates = dateOrder(first, 'date');
      tally.add(first, dates);
    } else tally.add({ ...first!, rows: p.rows }, dates);
  }
  const expected = readEngagement([readTable({ name: 'e', grid: whole }, 'engagement')], NOW);
  expect(expected.size).toBe(4000);
  expect([...tally.result()]).toEqual([...expected]);
});

/** A wide Shopify-like export of `n` line-item rows: the engine reads a few of its columns (a narrow layout). */
function shopify(n: number): string {
  const lines = ['Name,Email,Financial Status,Paid at,Note A,Note B,Total,Created at,Lineitem name,Billing Name,Extra 1,Extra 2'];
  for (let i = 0; i < n; i++) {
    const order = Math.floor(i / 3);
    const head = i % 3 === 0;
    const email = head ? `buyer${order % 7000}@mail.example` : '';
    const note = i % 101 === 0 ? '"a, ""quoted"" note"' : '';
    lines.push(`#${1000 + order},${email},${head ? (order % 9 ? 'paid' : 'refunded') : ''},${head ? '2026-03-0' + ((order % 9) + 1) + ' 10:00:00 -0800' : ''},${note},,${head ? (order % 50) + '.00' : ''},2026-03-0${(order % 9) + 1} 10:00:00 -0800,Mug,${head ? `Buyer ${order % 7000}` : ''},,`);
  }
  return lines.join('\n') + '\n';
}

test('a wide export streamed by the column scanner: its parts, joined, are the rows readCsvFile keeps, and the customers built part by part are the whole table\'s', () => {
  const bytes = new TextEncoder().encode(shopify(30000));
  const layout = readLayout('orders', 'orders.csv');
  const got: string[][][] = [];
  streamCsvFile('orders.csv', () => bytes, (rows) => got.push(rows), layout);
  const whole = readCsvFile('orders.csv', () => bytes, layout).grid;
  expect(whole[0].length).toBeLessThan(12);
  expect(got.length).toBeGreaterThan(3);
  expect(got[0].length).toBeGreaterThanOrEqual(FIRST_PART_ROWS);
  expect(got.flat()).toEqual(whole);
  const builder = customerBuilder();
  const first = readTable({ name: 'orders.csv', grid: got[0] }, 'orders');
  const more = builder.add(first);
  for (const rows of got.slice(1)) more({ ...first, rows });
  const expected = buildCustomers([readTable({ name: 'orders.csv', grid: whole }, 'orders')]);
  expect(expected.customers.length).toBeGreaterThan(6000);
  expect(expected.ignored.refunded).toBeGreaterThan(0);
  expect(builder.result()).toEqual(expected);
});

test('a wide export streamed by the column scanner refuses a row wider than its header as reading it whole does', () => {
  const text = shopify(12000).split('\n');
  text[9000] += ',stray,fields';
  const bytes = new TextEncoder().encode(text.join('\n'));
  const layout = readLayout('orders', 'orders.csv');
  expect(() => readCsvFile('orders.csv', () => bytes, layout)).toThrow(/orders\.csv.*row 9001 has 14 fields, the header 12/);
  expect(() => streamCsvFile('orders.csv', () => bytes, () => undefined, layout)).toThrow(/orders\.csv.*row 9001 has 14 fields, the header 12/);
});
