// CSV files in and out for the command line (papaparse: RFC 4180, quoted newlines, BOMs).
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import Papa from 'papaparse';
import { scanColumns } from './csv-columns';
import { csvSafe, toCells } from '../core/engine';
import { InputError, OUTPUT_HEADERS, type Cell, type ResultRow, type Source } from '../core/types';

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

const nodeFs = { statSync, accessSync };

/** What each failure to open an input file means for the user, and what to do about it. */
const READ_ADVICE: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'part of the path is a file, not a folder',
  EACCES: 'cannot be read (permission denied): copy it somewhere you can read, or ask its owner',
  EPERM: 'cannot be read (not permitted): copy it somewhere you can read, or ask its owner',
  EBUSY: 'is in use by another program: close it and run again',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open: close some programs and run again',
};

/** What went wrong opening an input file, in the owner's words, naming the file. */
export function readFailure(path: string, e: unknown): InputError {
  const code = (e as { code?: string }).code;
  return new InputError(READ_ADVICE[code ?? ''] ?? `cannot be read (${code ?? (e as Error).message})`, path);
}

function readBytes(path: string, readFile: (path: string) => Uint8Array): Uint8Array {
  try {
    return readFile(path);
  } catch (e) {
    throw readFailure(path, e);
  }
}

/**
 * Refuses at once an input file that is missing, a folder or unreadable, before seconds of reading the others
 * (the same message reading it would give).
 */
export function checkInputFile(path: string, fs: { statSync(p: string): { isDirectory(): boolean }; accessSync(p: string, mode: number): void } = nodeFs): void {
  let folder = false;
  try {
    folder = fs.statSync(path).isDirectory();
    if (!folder) fs.accessSync(path, fsConstants.R_OK);
  } catch (e) {
    throw readFailure(path, e);
  }
  if (folder) throw readFailure(path, { code: 'EISDIR' });
}

/**
 * What a reader is told of a file from its first 10 rows: its header row (-1: unknown, no width check) and the
 * only columns worth keeping, in file order (null: all).
 */
export interface Layout {
  header: number;
  keep: number[] | null;
}
export type LayoutOf = (head: string[][]) => Layout;
const UNKNOWN: Layout = { header: -1, keep: null };

/** Reads and parses a CSV file; a file that cannot be read gets an InputError naming it. */
export function readCsvFile(path: string, readFile: (path: string) => Uint8Array, layoutOf?: LayoutOf): Source {
  return parseCsv(path, readBytes(path, readFile), layoutOf);
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

/** The file as text with \n line ends, and its delimiter; InputError for a binary or empty file. */
function csvText(name: string, bytes: Uint8Array): { text: string; delimiter: string } {
  if (looksBinary(bytes)) throw new InputError('this is not a CSV text file (it holds binary data; export the sheet as CSV)', name);
  // One line ending throughout: papaparse takes the first it sees for the whole file.
  const decoded = decodeText(bytes);
  const text = decoded.indexOf('\r') < 0 ? decoded : decoded.replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new InputError('the file is empty', name);
  return { text, delimiter: delimiterOf(text) };
}

/** Field-count differences are normal in real exports; an unclosed quote loses data, so it stops us. */
function quoteError(name: string, errors: Papa.ParseError[], rowBase = 0): void {
  const fatal = errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new InputError(`unclosed quote (${fatal.message})`, name, rowBase + (fatal.row ?? 0) + 1);
}

/** A final newline leaves one empty row behind. */
function dropTrailingEmpty(grid: string[][]): void {
  while (grid.length && isEmptyRow(grid[grid.length - 1])) grid.pop();
}

/** The file's layout from its first 10 rows, and how many fields its header row has (Infinity: unknown). */
function layoutOfText(text: string, delimiter: string, layoutOf?: LayoutOf): Layout & { width: number } {
  if (!layoutOf) return { ...UNKNOWN, width: Infinity };
  const head = Papa.parse<string[]>(text, { delimiter, preview: 10 }).data;
  const layout = layoutOf(head);
  return { ...layout, width: layout.header >= 0 && head[layout.header] ? head[layout.header].length : Infinity };
}

/**
 * The InputError for a row with more fields than the header, or null. A comma inside an unquoted value shifts
 * every column after it, so such a row would be scored with the wrong cells; empty fields past the header are
 * fine (Excel adds trailing commas when it saves a sheet again), and so is a row with fewer fields (blanks).
 */
function tooWide(name: string, row: string[], index: number, width: number): InputError | null {
  if (row.length <= width) return null;
  let last = row.length;
  while (last > width && !row[last - 1].trim()) last--;
  return last > width ? wideError(name, index, last, width) : null;
}

function wideError(name: string, index: number, fields: number, width: number): InputError {
  return new InputError(`row ${index + 1} has ${fields} fields, the header ${width}: is a comma inside an unquoted value?`, name);
}

/** Throws for the first of `rows` (row `base` of the file onwards) wider than the header, rows above the header left out. */
function checkWidths(name: string, rows: string[][], base: number, layout: Layout & { width: number }): void {
  if (layout.width === Infinity) return;
  for (let i = Math.max(0, layout.header + 1 - base); i < rows.length; i++) {
    const e = tooWide(name, rows[i], base + i, layout.width);
    if (e) throw e;
  }
}

/**
 * Parses a CSV file into a Source; throws InputError naming the file and row for what cannot be read.
 * `layoutOf`, given the first rows, names the header row (rows wider than it are refused) and may name the only
 * columns worth keeping (in file order): every row, the header row too, then holds just those, so a 70-column
 * Shopify export takes a fraction of the memory.
 */
export function parseCsv(name: string, bytes: Uint8Array, layoutOf?: LayoutOf): Source {
  const { text, delimiter } = csvText(name, bytes);
  const layout = layoutOfText(text, delimiter, layoutOf);
  const keep = layout.keep;
  // keeping every column is a full parse, which is faster row by row
  const narrower = keep !== null && layout.width > keep.length;
  const result = narrower
    ? (scanKeeping(name, text, delimiter, keep, layout) ?? parseKeeping(name, text, delimiter, keep, layout))
    : Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  quoteError(name, result.errors);
  const grid = result.data;
  if (!narrower) checkWidths(name, grid, 0, layout);
  dropTrailingEmpty(grid);
  return { name, grid };
}

/**
 * Rows in the first part of a streamed file: the header is searched for in the first 10 rows and a column's
 * date order read from the 5,000 after it, so a table read from the first part is the table of the whole file.
 */
export const FIRST_PART_ROWS = 10 + 5000;

/**
 * Reads a CSV file in parts, for tables that are summed up rather than kept (orders, engagement logs): the rows
 * are never all in memory, and each part is garbage soon after it is read. `onPart` gets the first part (at
 * least FIRST_PART_ROWS rows, or the whole file), then the others in order; the parts joined are what
 * readCsvFile's grid would hold. Same errors as readCsvFile.
 */
export function streamCsvFile(path: string, readFile: (path: string) => Uint8Array, onPart: (rows: string[][], first: boolean) => void, layoutOf?: LayoutOf): void {
  const { text, delimiter } = csvText(path, readBytes(path, readFile));
  const layout = layoutOfText(text, delimiter, layoutOf);
  const parts = partsTo(onPart);
  const keep = layout.keep;
  if (keep !== null && layout.width > keep.length) return streamKeeping(path, text, delimiter, keep, layout, parts);
  let failed: Papa.ParseError[] = [];
  let failedAt = 0;
  // papaparse streams a string in chunks as it does a file (its StringStreamer); the typings list `chunk` for files only
  const config: Papa.ParseConfig<string[]> & { chunkSize: number; chunk(r: Papa.ParseResult<string[]>, parser: Papa.Parser): void } = {
    delimiter,
    skipEmptyLines: false,
    chunkSize: 1 << 18,
    chunk: (r, parser) => {
      if (r.errors.some((e) => e.type === 'Quotes')) {
        failed = r.errors;
        failedAt = parts.seen();
        parser.abort();
        return;
      }
      checkWidths(path, r.data, parts.seen(), layout);
      parts.take(r.data);
    },
  };
  Papa.parse<string[]>(text, config);
  quoteError(path, failed, failedAt);
  parts.end();
}

/** Rows gathered into parts for `onPart`: the first at least FIRST_PART_ROWS long, the others as they come. */
function partsTo(onPart: (rows: string[][], first: boolean) => void) {
  let held: string[][] = [];
  let first = true;
  let seen = 0;
  const emit = () => {
    onPart(held, first);
    first = false;
    held = [];
  };
  const take = (rows: string[][]) => {
    seen += rows.length;
    if (!held.length) held = rows;
    else for (const row of rows) held.push(row);
    // Passed on at once, so each part is garbage before the next is read; only empty rows at its end wait
    // (the file may end there: a final newline leaves one behind).
    let end = held.length;
    while (end > 0 && isEmptyRow(held[end - 1])) end--;
    if (end < (first ? FIRST_PART_ROWS : 1)) return;
    const rest = held.slice(end);
    held.length = end;
    emit();
    held = rest;
  };
  const end = () => {
    dropTrailingEmpty(held);
    if (held.length || first) emit();
  };
  return { take, end, seen: () => seen };
}

/** Rows of a streamed part read by the column scanner (a narrow layout): about a part of papaparse's chunk size. */
const SCAN_PART_ROWS = 4096;

/**
 * streamCsvFile by the column scanner, as scanKeeping reads. At a quote the scanner gives up on, the file is read
 * as parseCsv reads it, which refuses it: parts passed on already cannot be taken back, and never need to be.
 */
function streamKeeping(name: string, text: string, delimiter: string, keep: number[], layout: Layout & { width: number }, parts: ReturnType<typeof partsTo>): void {
  let rows: string[][] = [];
  let index = 0;
  const watch = layout.width === Infinity ? Number.MAX_SAFE_INTEGER : layout.width;
  const ok = scanColumns(text, delimiter, keep, watch, (row) => {
    // the first row wider than the header is refused at once (parseKeeping stops there too)
    if (index > layout.header && row.lastFilled > layout.width) throw wideError(name, index, row.lastFilled, layout.width);
    index++;
    rows.push(row.cells as string[]);
    if (rows.length >= SCAN_PART_ROWS) {
      parts.take(rows);
      rows = [];
    }
  });
  if (!ok) {
    const result = parseKeeping(name, text, delimiter, keep, layout);
    quoteError(name, result.errors);
    throw new InputError('a quoted value could not be read', name);
  }
  if (rows.length) parts.take(rows);
  parts.end();
}

const isEmptyRow = (row: string[]) => row.length === 1 && row[0] === '';

/**
 * The rows in the columns `keep` by the column scanner (csv-columns.ts), several times quicker than papaparse on a
 * wide export; null at a quote papaparse would report, which parseKeeping then reports as papaparse words it.
 */
function scanKeeping(name: string, text: string, delimiter: string, keep: number[], layout: Layout & { width: number }): { data: string[][]; errors: Papa.ParseError[] } | null {
  const data: string[][] = [];
  let wide: InputError | null = null;
  const watch = layout.width === Infinity ? Number.MAX_SAFE_INTEGER : layout.width;
  const ok = scanColumns(text, delimiter, keep, watch, (row) => {
    if (!wide && data.length > layout.header && row.lastFilled > layout.width) wide = wideError(name, data.length, row.lastFilled, layout.width);
    data.push(row.cells as string[]);
  });
  if (!ok) return null;
  const refused = wide as InputError | null;
  if (refused) throw refused;
  return { data, errors: [] };
}

/** Parses keeping only the columns `keep`; rows are checked against the header's width before they are cut. */
function parseKeeping(name: string, text: string, delimiter: string, keep: number[], layout: Layout & { width: number }): { data: string[][]; errors: Papa.ParseError[] } {
  const data: string[][] = [];
  const errors: Papa.ParseError[] = [];
  let wide: InputError | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (r, parser) => {
      const full = r.data;
      wide = data.length > layout.header ? tooWide(name, full, data.length, layout.width) : null;
      if (wide) return parser.abort();
      const row: string[] = new Array(keep.length);
      for (let k = 0; k < keep.length; k++) row[k] = full[keep[k]];
      data.push(row);
      for (const e of r.errors) errors.push({ ...e, row: data.length - 1 });
    },
  });
  // (assigned in the callback, which the compiler does not follow)
  const refused = wide as InputError | null;
  if (refused) throw refused;
  return { data, errors };
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field as RFC 4180 text. */
export function csvField(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const BLANK_RESULT = OUTPUT_HEADERS.slice(1).map(() => '').join(',');

/**
 * A row's output cells but the queue, as CSV text: the queue is known only once every row is scored, and the
 * rest can be written by whichever thread scored the row. Text a spreadsheet would run as a formula is neutralised.
 */
export function resultText(row: ResultRow | null): string {
  if (!row) return BLANK_RESULT;
  const cells = toCells(row);
  let text = '';
  for (let c = 0; c < cells.length - 1; c++) text += (c ? ',' : '') + csvField(csvSafe(cells[c]));
  return text;
}

/**
 * The followers file's columns that the output repeats: all but output columns from an earlier run (those are
 * replaced rather than added twice), and every column of the widest row.
 */
export function userColumns(grid: Cell[][], headerIndex: number): number[] {
  const header = grid[headerIndex] ?? [];
  const own = new Set<string>(OUTPUT_HEADERS);
  const keep: number[] = [];
  header.forEach((h, i) => {
    if (!own.has(String(h ?? '').trim())) keep.push(i);
  });
  let width = 0;
  for (const row of grid) if (row.length > width) width = row.length;
  for (let i = header.length; i < width; i++) keep.push(i);
  return keep;
}

/** A row's user cells as CSV text, unchanged, each followed by a comma (the output columns come next). */
export function userText(row: Cell[], keep: number[]): string {
  let line = '';
  for (let k = 0; k < keep.length; k++) {
    const v = row[keep[k]];
    line += (v === undefined || v === null ? '' : csvField(String(v))) + ',';
  }
  return line;
}

/** Output lines but the queue for scored rows: `cells(i)` is row i's cells as the file has them. */
export function resultLines(rows: (ResultRow | null)[], cells: (i: number) => Cell[], keep: number[]): string[] {
  return rows.map((r, i) => userText(cells(i), keep) + resultText(r));
}

/**
 * The followers file again, each row followed by the nine output columns (RFC 4180, \n line ends).
 * `line(i)`: data row i's user cells and output cells but the queue (userText + resultText); `queue(i)`: its queue cell.
 */
export function outputCsv(grid: Cell[][], headerIndex: number, keep: number[], line: (i: number) => string, queue: (i: number) => string): string {
  const headers = OUTPUT_HEADERS.map(csvField).join(',');
  const lines = new Array<string>(grid.length);
  for (let r = 0; r < grid.length; r++) {
    const i = r - headerIndex - 1;
    lines[r] = i >= 0 ? `${line(i)},${queue(i)}` : userText(grid[r], keep) + (i < -1 ? BLANK_RESULT + ',' : headers);
  }
  return lines.join('\n') + '\n';
}
