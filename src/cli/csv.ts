// CSV files in and out for the command line (papaparse: RFC 4180, quoted newlines, BOMs).
import Papa from 'papaparse';
import { InputError, type Source } from '../core/types';

/** UTF-8 when valid, else Windows-1252 (Excel's default on many machines); BOM removed. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Reads and parses a CSV file; a file that cannot be read gets an InputError naming it. */
export function readCsvFile(path: string, readFile: (path: string) => Uint8Array, columnsOf?: (head: string[][]) => number[] | null): Source {
  let bytes: Uint8Array;
  try {
    bytes = readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? (e as Error).message})`, path);
  }
  return parseCsv(path, bytes, columnsOf);
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The delimiter from the header line alone, outside quotes: guessing over the whole file lets
 * semicolons inside quoted bios (or our own Reasons) win over the real commas.
 */
export function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/**
 * Parses a CSV file into a Source; throws InputError naming the file and row for what cannot be read.
 * `columnsOf`, given the first rows, may name the only columns worth keeping: the others are left empty
 * (rows keep their width, so column numbers and messages stay right). A 70-column Shopify export then
 * holds a fraction of the memory.
 */
export function parseCsv(name: string, bytes: Uint8Array, columnsOf?: (head: string[][]) => number[] | null): Source {
  if (looksBinary(bytes)) throw new InputError('this is not a CSV text file (it holds binary data; export the sheet as CSV)', name);
  // One line ending throughout: papaparse takes the first it sees for the whole file.
  const text = decodeText(bytes).replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new InputError('the file is empty', name);
  const delimiter = delimiterOf(text);
  const keep = columnsOf ? columnsOf(Papa.parse<string[]>(text, { delimiter, preview: 10 }).data) : null;
  const result = keep ? parseKeeping(text, delimiter, keep) : Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  // Field-count differences are normal in real exports; an unclosed quote loses data, so it stops us.
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new InputError(`unclosed quote (${fatal.message})`, name, (fatal.row ?? 0) + 1);
  const grid = result.data;
  // A final newline leaves one empty row behind.
  while (grid.length && grid[grid.length - 1].length === 1 && grid[grid.length - 1][0] === '') grid.pop();
  return { name, grid };
}

function parseKeeping(text: string, delimiter: string, keep: number[]): { data: string[][]; errors: Papa.ParseError[] } {
  const data: string[][] = [];
  const errors: Papa.ParseError[] = [];
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (r) => {
      const full = r.data;
      const row: string[] = new Array(full.length);
      for (const i of keep) if (i < full.length) row[i] = full[i];
      data.push(row);
      for (const e of r.errors) errors.push({ ...e, row: data.length - 1 });
    },
  });
  return { data, errors };
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** RFC 4180 with \n line ends; cells are already text. (Papa.unparse does the same at 3x the cost on 50,000 rows.) */
export function toCsv(rows: string[][]): string {
  const lines = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let line = '';
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (c) line += ',';
      line += NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    }
    lines[r] = line;
  }
  return lines.join('\n') + '\n';
}
