// Properties of the importers over generated downloads (fast-check): followers_N parts with overlaps and
// mixed shapes give each handle once, in first-seen order; Meta's mojibake is undone exactly.
import fc from 'fast-check';
import { detectAndParse, isFailure, mergeLists, type ImportedList } from '../src/core/imports';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
/** Meta's JSON: every UTF-8 byte of a string written as its own \u00XX escape. */
const metaJson = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (typeof x === 'string' ? Array.from(enc(x), (b) => String.fromCharCode(b)).join('') : x)).replace(
    /[\u0080-\u00ff]/g,
    (c) => '\\u00' + c.charCodeAt(0).toString(16).padStart(2, '0'),
  );

const handleArb = fc.stringMatching(/^[a-z0-9][a-z0-9._]{0,14}[a-z0-9]$/).filter((h) => !/\.\./.test(h));

test('followers_N parts with overlapping edges and mixed shapes: each handle once, first-seen order', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(handleArb, { minLength: 1, maxLength: 60 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      fc.nat(3),
      (handles, cuts, newShape, overlap) => {
        // split into parts at the cut points, each part repeating the previous part's last `overlap` entries
        const points = Array.from(new Set(cuts.map((c) => c % handles.length))).sort((a, b) => a - b);
        const bounds = [0, ...points.filter((p) => p > 0), handles.length];
        const parts: string[][] = [];
        for (let i = 0; i + 1 < bounds.length; i++) parts.push(handles.slice(Math.max(0, bounds[i] - overlap), bounds[i + 1]));
        const lists = parts.map((part, i) => {
          const entries = part.map((h, j) =>
            newShape[j % 60]
              ? { title: h, string_list_data: [{ href: `https://www.instagram.com/_u/${h}`, timestamp: 1700000000 + j }] }
              : { title: '', media_list_data: [], string_list_data: [{ href: `https://www.instagram.com/${h}`, value: h, timestamp: 1700000000 + j }] },
          );
          const r = detectAndParse(`followers_${i + 1}.json`, enc(metaJson(entries)));
          expect(r.some(isFailure)).toBe(false);
          return r[0] as ImportedList;
        });
        const merged = mergeLists(lists, 'followers');
        expect(merged.rows.map((r) => r.handle)).toEqual(handles);
        expect(merged.duplicates).toBe(parts.reduce((n, p) => n + p.length, 0) - handles.length);
      },
    ),
    { numRuns: 200 },
  );
});

// Names need a letter or digit and no '/': normalizeHandle gives others no key, and they are skipped.
test("Meta's mojibake is repaired per string, exactly", () => {
  const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && !/[\s\u0000-\u001f\u007f-\u009f/]/.test(s) && /[\p{L}\p{N}]/u.test(s));
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), (words) => {
      const name = words.join(' ');
      const file = metaJson({ followers_v3: [{ name, timestamp: 1700000000 }] });
      const r = detectAndParse('people_who_followed_you.json', enc(file));
      expect(r.some(isFailure)).toBe(false);
      expect((r[0] as ImportedList).rows[0].name).toBe(name);
    }),
    { numRuns: 300 },
  );
});
