// The column scanner gives papaparse's rows (mapped to the kept columns) on any text it accepts, and refuses
// exactly the texts papaparse reports a quote error for, on generated CSV (fast-check, fixed seed).
import fc from 'fast-check';
import Papa from 'papaparse';
import { scanColumns, type ScannedRow } from '../src/cli/csv-columns';
import { parseCsv, type Layout } from '../src/cli/csv';

const piece = fc.constantFrom('a', 'b', ' ', 'é', '😀', ',', ';', '"', '\n', 'x y', '12.50', '');
const field = fc.oneof(
  fc.array(fc.constantFrom('a', 'b', ' ', 'é', '.', '-'), { maxLength: 4 }).map((a) => a.join('')), // plain
  fc.array(piece, { maxLength: 4 }).map((a) => `"${a.join('').replace(/"/g, '""')}"`), // quoted well
  fc.array(piece, { maxLength: 3 }).map((a) => a.join('')), // anything: may be malformed
);
const text = fc
  .array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 })
  .chain((rows) => fc.tuple(fc.constant(rows), fc.constantFrom(',', ';'), fc.boolean()))
  .map(([rows, d, finalNewline]) => ({ text: rows.map((r) => r.join(d)).join('\n') + (finalNewline ? '\n' : ''), d }));
const keepOf = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }).map((k) => k.sort((a, b) => a - b));

test('same rows as papaparse, or a refusal where papaparse finds a quote error', () => {
  fc.assert(
    fc.property(text, keepOf, ({ text: t, d }, keep) => {
      const papa = Papa.parse<string[]>(t, { delimiter: d, skipEmptyLines: false });
      const rows: ScannedRow[] = [];
      const ok = scanColumns(t, d, keep, 3, (r) => rows.push(r));
      const quoteError = papa.errors.some((e) => e.type === 'Quotes');
      if (!quoteError) expect(ok).toBe(true);
      if (!ok) return;
      expect(quoteError).toBe(false);
      expect(rows.map((r) => r.cells)).toEqual(papa.data.map((full) => keep.map((i) => full[i])));
      expect(rows.map((r) => r.fields)).toEqual(papa.data.map((full) => full.length));
      papa.data.forEach((full, i) => {
        let last = full.length;
        while (last > 3 && !full[last - 1].trim()) last--;
        expect(rows[i].lastFilled > 3 ? rows[i].lastFilled : 0).toBe(last > 3 ? last : 0);
      });
    }),
    { seed: 42, numRuns: 1000 },
  );
});

test('parseCsv reads a wide export the same through the scanner as through papaparse, and refuses the same wide row', () => {
  const header = Array.from({ length: 30 }, (_, i) => `Col ${i}`).join(',');
  const lines = [header];
  for (let i = 0; i < 300; i++) lines.push(Array.from({ length: 30 }, (_, c) => (c === 5 ? `"note ${i}, with ""quotes""\nand a line"` : `v${i}.${c}`)).join(','));
  const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
  const layout = (): Layout => ({ header: 0, keep: [1, 5, 29] });
  const kept = parseCsv('wide.csv', bytes, layout).grid;
  const papa = Papa.parse<string[]>(lines.join('\n') + '\n', { delimiter: ',' }).data.map((r) => [1, 5, 29].map((i) => r[i]));
  expect(kept).toEqual(papa.slice(0, kept.length));
  expect(kept.length).toBeGreaterThanOrEqual(301);
  lines[120] += ',extra';
  expect(() => parseCsv('wide.csv', new TextEncoder().encode(lines.join('\n')), layout)).toThrow('wide.csv: row 121 has 31 fields, the header 30: is a comma inside an unquoted value?');
  lines[120] = lines[120].replace('"note', 'x"note');
  lines[119] = lines[119].replace('"note 118', '"note 118"x');
  expect(() => parseCsv('wide.csv', new TextEncoder().encode(lines.join('\n')), layout)).toThrow(/wide\.csv \(row \d+\): unclosed quote/);
});
