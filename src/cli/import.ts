// `followback import FILE... [--following] [--out FILE]`: follower (or following) lists from the platforms'
// data downloads → one CSV with each handle once: Handle, Name, Profile URL, Followed on, Platform.
import Papa from 'papaparse';
import { describeList, detectAndParse, isFailure, isoDay, mergeLists, PROFILE_COLUMNS, SUPPORTED, type ImportedList, type ImportedRow, type ImportKind } from '../core/imports';

export interface ImportIo {
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: string): void;
  stdout(s: string): void;
  stderr(s: string): void;
}

export const IMPORT_HEADERS = ['Handle', 'Name', 'Profile URL', 'Followed on', 'Platform'];

export const IMPORT_USAGE = `Usage: followback import FILE... [--following] [--out FILE]
  FILE         a platform's download: ${SUPPORTED}
  --following  read the accounts you follow (default: your followers)
  --out FILE   write the CSV there (default: standard output)
`;

const csvParser = (text: string): string[][] => Papa.parse<string[]>(text, { skipEmptyLines: false }).data;

/** Text that a spreadsheet would run as a formula is written with a leading apostrophe. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? "'" + cell : cell;
}

/**
 * The CSV's header and rows: IMPORT_HEADERS, then Email (LinkedIn) and the profile columns (scrapers' pages) that
 * some row has, under headers the Followers tab's reader finds (fields.ts).
 */
export function importTable(rows: ImportedRow[]): { fields: string[]; data: string[][] } {
  const extra = PROFILE_COLUMNS.filter((c) => rows.some((r) => r[c.key] !== undefined));
  const show = (v: unknown): string => (v === undefined ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
  const data = rows.map((r) => [r.handle, r.name || '', r.url || '', isoDay(r.date), r.platform || '', ...extra.map((c) => show(r[c.key]))].map(neutralise));
  return { fields: IMPORT_HEADERS.concat(extra.map((c) => c.header)), data };
}

interface Args {
  files: string[];
  kind: ImportKind;
  out?: string;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { files: [], kind: 'followers' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--following') args.kind = 'following';
    else if (a === '--followers') args.kind = 'followers';
    else if (a === '--out' || a === '-o') {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) return `${a} needs a file name`;
      args.out = argv[++i];
    } else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a.startsWith('-') && a !== '-') return `unknown option "${a}"`;
    else args.files.push(a);
  }
  if (args.files.length === 0) return 'name at least one file to import';
  return args;
}

/** Returns the exit code: 0 when every file was read, 1 when a file failed (the others are still written), 2 on usage. */
export function runImport(argv: string[], io: ImportIo): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(IMPORT_USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`followback import: ${args}\n${IMPORT_USAGE}`);
    return 2;
  }
  const kept: ImportedList[] = [];
  let failed = 0;
  let otherKind = 0;
  for (const path of args.files) {
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(path);
    } catch (e) {
      failed++;
      io.stderr(`followback import: ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code || (e as Error).message})\n`);
      continue;
    }
    for (const r of detectAndParse(path, bytes, { csv: csvParser, assume: args.kind })) {
      if (isFailure(r)) {
        failed++;
        io.stderr(`followback import: ${r.error}\n`);
      } else if (r.kind !== args.kind) {
        otherKind++;
        const flag = args.kind === 'following' ? 'leave out --following' : 'add --following';
        io.stderr(`followback import: ${r.file}: skipped, it is a ${r.kind} list (${flag} to import it)\n`);
      } else {
        kept.push(r);
        io.stderr(`followback import: ${r.file}: ${describeList(r)}\n`);
      }
    }
  }
  if (kept.length === 0) {
    const why = otherKind && !failed ? ` (only ${args.kind === 'following' ? 'followers' : 'following'} lists were found)` : '';
    io.stderr(`followback import: no ${args.kind} lists to write${why}; nothing written\n`);
    return 1;
  }
  const { rows, duplicates } = mergeLists(kept, args.kind);
  const { fields, data } = importTable(rows);
  const csv = Papa.unparse({ fields, data }, { newline: '\n' }) + '\n';
  if (args.out) io.writeFile(args.out, csv);
  else io.stdout(csv);
  const dup = duplicates ? `, ${duplicates.toLocaleString('en-US')} duplicate${duplicates === 1 ? '' : 's'} dropped` : '';
  io.stderr(
    `followback import: ${rows.length.toLocaleString('en-US')} ${args.kind === 'following' ? 'followed accounts' : 'followers'}` +
      `${dup} → ${args.out || 'standard output'}` +
      (failed ? `; ${failed} file${failed === 1 ? '' : 's'} could not be read and ${failed === 1 ? 'was' : 'were'} left out` : '') +
      '\n',
  );
  return failed ? 1 : 0;
}
