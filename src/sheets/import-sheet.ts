// Appends imported follower / following rows to their tab: new handles only, never a duplicate, never an
// existing cell overwritten. Reads the header area and the key column once each and writes each run of
// adjacent columns with one setValues (one block in the usual case), so calls do not grow with rows.
// Text cells are formatted '@' (plain text) before writing: "=…", "+1 555" or "00123" stay text.
import { normHeader } from '../core/fields';
import { isoDay } from '../core/imports/follow-dates';
import { PROFILE_COLUMNS, type ImportedRow, type ImportKind, type ImportSummary } from '../core/imports/types';
import { guessKind, readTable } from '../core/table';
import type { Cell } from '../core/types';
import { cleanText, normalizeEmail, normalizeHandle } from '../core/values';

type Profile = (typeof PROFILE_COLUMNS)[number]['key'];
type Field = 'handle' | 'name' | 'url' | 'date' | 'platform' | Profile;
const FIELD_ORDER: Field[] = ['handle', 'name', 'url', 'date', 'platform', ...PROFILE_COLUMNS.map((c) => c.key)];
const NEW_HEADERS = { handle: 'Handle', name: 'Name', url: 'Profile URL', date: 'Followed on', platform: 'Platform' } as Record<Field, string>;
for (const c of PROFILE_COLUMNS) NEW_HEADERS[c.key] = c.header;
/** Columns a new tab gets only when some row has a value for them. */
const OPTIONAL: Field[] = ['name', ...PROFILE_COLUMNS.map((c) => c.key)];
/** The Followers tab's field (fields.ts) of each profile column, so an existing column is found by its synonyms. */
const FOLLOWER_FIELD: Record<Profile, string> = {
  email: 'email', bio: 'bio', followers: 'followers', following: 'following', posts: 'posts', isPrivate: 'private', verified: 'verified', picture: 'hasPicture',
};
/** Headers of a follow date on a Followers tab ("Joined" is the account's age, not the follow). */
const FOLLOWED_ON = ['followed on', 'followed at', 'follow date', 'date followed', 'followed'];
const NAME_HEADERS = ['name', 'full name', 'display name', 'displayname', 'fullname'];
/** Per call: the sidebar sends chunks of 2,000. */
export const MAX_IMPORT_ROWS = 5000;
const HEADER_ROWS = 10;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ImportSheetOptions {
  /** The tab chosen in the settings, when not the default "Followers" / "Following". */
  tabName?: string;
  /** Column overrides of that tab (field → header text), as in Settings.columnOverrides. */
  overrides?: Record<string, string>;
}

interface CleanRow {
  handle: string;
  values: Record<Field, string>;
}

const text = (v: unknown, max: number): string => (typeof v === 'string' || typeof v === 'number' ? cleanText(String(v)).slice(0, max) : '');

/** Rows from the sidebar are re-checked here: plain strings, handles normalised, sizes capped. */
function cleanRows(rows: unknown[]): { rows: CleanRow[]; skipped: number } {
  const out: CleanRow[] = [];
  let skipped = 0;
  for (const r of rows) {
    const o = (r && typeof r === 'object' ? r : {}) as Partial<Record<keyof ImportedRow, unknown>>;
    const url = text(o.url, 2000);
    const handle = (typeof o.handle === 'string' ? normalizeHandle(o.handle).slice(0, 200) : '') || (url ? normalizeHandle(url) : '');
    if (!handle) {
      skipped++;
      continue;
    }
    const date = typeof o.date === 'number' && isFinite(o.date) ? isoDay(o.date) : '';
    const values = { handle, name: text(o.name, 500), url, date, platform: text(o.platform, 40).toLowerCase() } as Record<Field, string>;
    for (const c of PROFILE_COLUMNS) {
      const v = o[c.key];
      values[c.key] = c.key === 'email' ? normalizeEmail(text(v, 320)) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : text(v, 2000);
    }
    out.push({ handle, values });
  }
  return { rows: out, skipped };
}

function defaultName(kind: ImportKind): string {
  return kind === 'followers' ? 'Followers' : 'Following';
}

/** The tab by its set name, else "Followers"/"Following", else the first tab whose name says the kind (DESIGN.md). */
function findTab(ss: Spreadsheet, kind: ImportKind, tabName?: string): Sheet | null {
  if (tabName) return ss.getSheetByName(tabName);
  const exact = ss.getSheetByName(defaultName(kind));
  if (exact) return exact;
  const sheets = ss.getSheets();
  for (const s of sheets) if (guessKind(s.getName()) === kind) return s;
  return null;
}

function headerColumn(header: Cell[], names: string[]): number | undefined {
  const norm = header.map((h) => normHeader(h));
  for (const n of names) {
    const i = norm.indexOf(n);
    if (i >= 0) return i;
  }
  return undefined;
}

/** Runs of adjacent 0-based columns: [[3,4,5],[9]]. */
function runsOf(cols: number[]): number[][] {
  const sorted = cols.slice().sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[last.length - 1] + 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Writes `data` (rows × fields) at 1-based `row` into the given 0-based columns, one block per run of columns. */
function writeColumns(sheet: Sheet, row: number, columns: { col: number; field: Field }[], data: CleanRow[], header?: string[]): void {
  const byCol = new Map(columns.map((c) => [c.col, c.field]));
  for (const run of runsOf(columns.map((c) => c.col))) {
    const block: string[][] = [];
    if (header) block.push(run.map((c) => header[columns.findIndex((x) => x.col === c)]));
    for (const r of data) block.push(run.map((c) => r.values[byCol.get(c) as Field]));
    const range = sheet.getRange(row, run[0] + 1, block.length, run.length);
    range.setNumberFormat('@');
    range.setValues(block);
  }
}

/** Each handle once: the first row of a handle wins. */
function firstOfEach(rows: CleanRow[], known: Set<string>): CleanRow[] {
  const fresh: CleanRow[] = [];
  for (const r of rows) {
    if (known.has(r.handle)) continue;
    known.add(r.handle);
    fresh.push(r);
  }
  return fresh;
}

/** The columns of a new tab: every fixed one, and the optional ones some row has a value for. */
function fieldsOf(rows: CleanRow[]): Field[] {
  return FIELD_ORDER.filter((f) => OPTIONAL.indexOf(f) < 0 || rows.some((r) => r.values[f]));
}

function newTab(ss: Spreadsheet, name: string, rows: CleanRow[]): void {
  const sheet = ss.insertSheet(name);
  const fields = fieldsOf(rows);
  const columns = fields.map((field, col) => ({ col, field }));
  ensureSize(sheet, rows.length + 1, fields.length);
  writeColumns(sheet, 1, columns, rows, fields.map((f) => NEW_HEADERS[f]));
  sheet.setFrozenRows(1);
}

/**
 * Appends the rows whose handles are not on the tab yet. Followers go to the Followers tab, following lists to
 * the Following tab; a missing tab is created with Handle, (Name,) Profile URL, Followed on, Platform.
 * Throws an Error naming the tab when it has no Handle or Profile URL column (nothing is written then).
 */
export function importRows(kind: ImportKind, rows: ImportedRow[], options: ImportSheetOptions = {}): ImportSummary {
  if (kind !== 'followers' && kind !== 'following') throw new Error(`Import: unknown list kind "${String(kind)}" (followers or following).`);
  if (!Array.isArray(rows)) throw new Error('Import: rows must be a list.');
  if (rows.length > MAX_IMPORT_ROWS) throw new Error(`Import: at most ${MAX_IMPORT_ROWS} rows per call (got ${rows.length}); send them in chunks.`);
  const cleaned = cleanRows(rows);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = findTab(ss, kind, options.tabName);
  const skipped = cleaned.skipped ? { skipped: cleaned.skipped } : {};

  const lastRow = sheet ? sheet.getLastRow() : 0;
  if (!sheet || lastRow === 0) {
    const fresh = firstOfEach(cleaned.rows, new Set());
    const duplicates = cleaned.rows.length - fresh.length;
    const name = sheet ? sheet.getName() : options.tabName || defaultName(kind);
    if (!fresh.length) return { added: 0, duplicates, tab: name, ...skipped };
    if (sheet) {
      // An empty tab of that name: headers go in row 1, as on a new tab.
      const fields = fieldsOf(fresh);
      ensureSize(sheet, fresh.length + 1, fields.length);
      writeColumns(sheet, 1, fields.map((field, col) => ({ col, field })), fresh, fields.map((f) => NEW_HEADERS[f]));
    } else newTab(ss, name, fresh);
    return { added: fresh.length, duplicates, tab: name, ...skipped };
  }

  const tab = sheet.getName();
  const lastCol = Math.max(1, sheet.getLastColumn());
  const top = sheet.getRange(1, 1, Math.min(HEADER_ROWS, lastRow), lastCol).getValues();
  const table = readTable({ name: tab, grid: top }, kind, options.overrides); // throws InputError: no handle column
  const header = top[table.headerIndex];
  const headerRow = table.headerIndex + 1;
  const col: Partial<Record<Field, number>> = {
    handle: table.columns.handle,
    url: table.columns.url,
    name: kind === 'followers' ? table.columns.name : headerColumn(header, NAME_HEADERS),
    date: kind === 'following' ? table.columns.date : headerColumn(header, FOLLOWED_ON),
    platform: table.columns.platform,
  };
  for (const c of PROFILE_COLUMNS) {
    col[c.key] = kind === 'followers' ? table.columns[FOLLOWER_FIELD[c.key]] : headerColumn(header, [normHeader(c.header)]);
  }

  // Handles already on the tab: from the handle column, and from the URL column for rows that give only a URL.
  const known = new Set<string>();
  const dataRows = lastRow - headerRow;
  if (dataRows > 0) {
    for (const key of ['handle', 'url'] as Field[]) {
      const c = col[key];
      if (c === undefined) continue;
      for (const [v] of sheet.getRange(headerRow + 1, c + 1, dataRows, 1).getValues()) {
        const h = normalizeHandle(v);
        if (h) known.add(h);
      }
    }
  }
  const fresh = firstOfEach(cleaned.rows, known);
  const duplicates = cleaned.rows.length - fresh.length;
  if (!fresh.length) return { added: 0, duplicates, tab, ...skipped };

  // Data the tab has no column for gets a header to the right of the last used column (the cells there are empty).
  const missing = FIELD_ORDER.filter((f) => {
    if (col[f] !== undefined || !fresh.some((r) => r.values[f])) return false;
    if (f === 'handle' && col.url !== undefined && fresh.every((r) => r.values.url)) return false; // the URL identifies them
    return true;
  });
  missing.forEach((f, i) => (col[f] = lastCol + i));
  // Every column of ours is written (blank where a row has no value: the rows are new), so they form one block
  // unless a column of the user's lies between them.
  // A profile column of the user's (Followers count, Bio…) is written only when the rows have its data.
  const profile = (f: Field) => PROFILE_COLUMNS.some((c) => c.key === f);
  const columns = FIELD_ORDER.filter((f) => col[f] !== undefined && (!profile(f) || fresh.some((r) => r.values[f]))).map((f) => ({
    col: col[f] as number,
    field: f,
  }));
  ensureSize(sheet, lastRow + fresh.length, lastCol + missing.length);
  if (missing.length) {
    const cells = sheet.getRange(headerRow, lastCol + 1, 1, missing.length);
    cells.setValues([missing.map((f) => NEW_HEADERS[f])]);
  }
  writeColumns(sheet, lastRow + 1, columns, fresh);
  return { added: fresh.length, duplicates, tab, ...skipped, ...(missing.length ? { columnsAdded: missing.map((f) => NEW_HEADERS[f]) } : {}) };
}
