// A CSV reader for the few columns the engine reads of a wide export (a Shopify export has 79, the engine reads
// about 12): fields it does not keep are skipped without being made into strings, which papaparse cannot do.
// It gives papaparse's rows for well-formed files and gives up (null) on any quote papaparse would complain of,
// so the caller can let papaparse report it.

const QUOTE = 34;
const NEWLINE = 10;

/** A row's kept fields, how many fields it has, and the 1-based number of its last non-blank field. */
export interface ScannedRow {
  cells: (string | undefined)[];
  fields: number;
  lastFilled: number;
}

/**
 * Reads `text` (\n line ends) row by row, keeping the fields at `keep` (ascending column indexes), as
 * papaparse's rows mapped through `keep` would be; `onRow` gets each row in order. `watchFrom`: fields from this
 * index on are looked at for `lastFilled` (the header's width: a non-blank field past it is an error).
 * Returns false, having stopped, at a quote papaparse would report (unclosed, or text after a closing quote).
 */
export function scanColumns(text: string, delimiter: string, keep: number[], watchFrom: number, onRow: (row: ScannedRow) => void): boolean {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    const cells: (string | undefined)[] = new Array(keep.length).fill(undefined);
    let field = 0;
    let k = 0;
    let want = keep[0];
    let lastFilled = 0;
    for (;;) {
      let end: number;
      let value: string | undefined;
      if (text.charCodeAt(pos) === QUOTE) {
        const close = closingQuote(text, pos);
        if (close < 0) return false;
        end = close + 1;
        // papaparse lets white space stand between a closing quote and the delimiter or line end, and drops it
        while (end < n && text.charCodeAt(end) !== NEWLINE && text.charCodeAt(end) !== d && /\s/.test(text[end])) end++;
        const next = end < n ? text.charCodeAt(end) : -1;
        if (next === -1 ? end > close + 1 : next !== d && next !== NEWLINE) return false;
        if (field === want || field >= watchFrom) value = text.slice(pos + 1, close).replace(/""/g, '"');
      } else {
        end = pos;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === d || c === NEWLINE) break;
          end++;
        }
        if (field === want || field >= watchFrom) value = text.slice(pos, end);
      }
      if (field >= watchFrom && value!.trim()) lastFilled = field + 1;
      if (field === want) {
        cells[k++] = value;
        want = keep[k];
      }
      field++;
      if (end >= n) {
        pos = n;
        break;
      }
      pos = end + 1;
      if (text.charCodeAt(end) === NEWLINE) break;
      if (pos === n) {
        // a delimiter ends the file: papaparse gives the row one more, empty field
        if (field === want) cells[k] = '';
        field++;
        break;
      }
    }
    onRow({ cells, fields: field, lastFilled });
  }
  // a final line end leaves papaparse one more row of a single empty field
  if (n > 0 && text.charCodeAt(n - 1) === NEWLINE) onRow({ cells: keep.map((i) => (i === 0 ? '' : undefined)), fields: 1, lastFilled: 0 });
  return true;
}

/** The index of the quote that closes the quoted field opening at `open` ("" is an escaped quote), or -1. */
function closingQuote(text: string, open: number): number {
  let i = open + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return -1;
    if (text.charCodeAt(q + 1) !== QUOTE) return q;
    i = q + 2;
  }
}
