// Files opened in the preview (command-line arguments or dropped on the page) become tabs, as a CSV import in
// Sheets would make them. Every problem is a FileProblem naming the file, so the page can show it as one line.
import Papa from 'papaparse';

/** Sheets' limits: 10 million cells a spreadsheet, 50,000 characters a cell. */
export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;
/** Uploads larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export class FileProblem extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'FileProblem';
  }
}

export type ImportedValue = string | number;

/** Bytes that a text file would not hold: NUL and most C0 controls. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > n * 0.02;
}

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP or XLSX workbook (the preview opens CSV only: save the sheet as CSV)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (XLS) workbook (the preview opens CSV only: save the sheet as CSV)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document, not CSV' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image, not CSV' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image, not CSV' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive, not CSV' },
];

/** Text of the file: UTF-8 (BOM removed), or Windows-1252 as spreadsheet programs write it when not UTF-8. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Plain numbers become numbers, as Sheets' import does; IDs with leading zeros and long digit strings stay text. */
function importValue(s: string): ImportedValue {
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(s)) return Number(s);
  return s;
}

/** Parses one CSV (or TSV) file into rows of cells; throws FileProblem. */
export function readCsvFile(file: string, bytes: Uint8Array): ImportedValue[][] {
  const ext = (/\.([^.]+)$/.exec(file)?.[1] ?? '').toLowerCase();
  for (const sig of SIGNATURES) {
    if (sig.bytes.every((b, i) => bytes[i] === b)) throw new FileProblem(file, `this is ${sig.what}`);
  }
  if (ext === 'xlsx' || ext === 'xls' || ext === 'ods' || ext === 'numbers') {
    throw new FileProblem(file, 'the preview opens CSV files only (no spreadsheet library is part of the project): save the sheet as CSV');
  }
  if (ext && !['csv', 'tsv', 'txt'].includes(ext)) throw new FileProblem(file, `a .${ext} file is not CSV: the preview opens .csv files`);
  if (bytes.length === 0) throw new FileProblem(file, 'the file is empty');
  if (bytes.length > MAX_FILE_BYTES) throw new FileProblem(file, `the file is ${(bytes.length / 1048576).toFixed(0)} MB, over the ${MAX_FILE_BYTES / 1048576} MB the preview reads`);
  if (looksBinary(bytes)) throw new FileProblem(file, 'this is a binary file, not CSV text');
  const text = decode(bytes);
  if (text.trim() === '') throw new FileProblem(file, 'the file is empty (only blank lines)');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes'); // an unclosed quote swallows the rest of the file
  if (fatal) {
    const row = fatal.row !== undefined ? ` (row ${fatal.row + 1})` : '';
    throw new FileProblem(file, `cannot be read as CSV${row}: ${fatal.message}`);
  }
  const rows = parsed.data;
  if (rows.length === 0) throw new FileProblem(file, 'the file has no rows');
  const width = Math.max(...rows.map((r) => r.length));
  if (rows.length * width > MAX_CELLS) {
    throw new FileProblem(file, `${rows.length} rows × ${width} columns is over Sheets' limit of ${MAX_CELLS.toLocaleString('en-US')} cells`);
  }
  return rows.map((r, i) => {
    const line: ImportedValue[] = [];
    for (let c = 0; c < width; c++) {
      const s = r[c] ?? '';
      if (s.length > MAX_CELL_CHARS) {
        throw new FileProblem(file, `row ${i + 1}, column ${c + 1} holds ${s.length} characters, over Sheets' limit of ${MAX_CELL_CHARS} a cell`);
      }
      line.push(importValue(s));
    }
    return line;
  });
}

/** A tab name from a file name: no extension, no characters Sheets refuses, unique case-insensitively. */
export function tabNameFor(file: string, existing: string[], preferred?: string): string {
  const base =
    preferred ??
    (file
      .replace(/^.*[\\/]/, '')
      .replace(/\.[^.]+$/, '')
      .replace(/[\u0000-\u001f[\]*?/\\:]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 90) || 'Sheet');
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} ${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
