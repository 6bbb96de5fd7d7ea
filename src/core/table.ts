// Finding a table inside a grid: its kind from the tab name, its header row, its columns by header synonym,
// and follower rows read from it.
import { FIELDS, LOOKED_FOR, REQUIRED, normHeader, synonymLookup } from './fields';
import type { Cell, Follower, Source, Table, TableKind } from './types';
import { InputError } from './types';
import { cleanText, isBlank, isErrorValue, isUnknown, normalizeHandle, parseBool, parseCount, parseDate, platformOfUrl } from './values';

/** Rows searched for the header row. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The kind of table a tab holds, from its name (DESIGN.md): "follower" → followers; "following" → following;
 * order|sale|customer|transaction|purchase → orders; engag|interaction|comment|activity → engagement.
 */
export function guessKind(tabName: string): TableKind | null {
  const n = String(tabName || '').toLowerCase();
  if (n.indexOf('follower') >= 0) return 'followers';
  if (n.indexOf('following') >= 0 || /\bfollows\b/.test(n)) return 'following';
  if (/order|sale|customer|transaction|purchase/.test(n)) return 'orders';
  if (/engag|interaction|comment|activity/.test(n)) return 'engagement';
  return null;
}

function rowHeaders(row: Cell[] | undefined): string[] {
  return (row || []).map((c) => cleanText(c));
}

/** The fields a row names (field → column), first column winning for duplicated headers, best synonym winning per field. */
function mapColumns(kind: TableKind, row: Cell[], overrides?: Record<string, string>): Record<string, number> {
  const columns: Record<string, number> = {};
  const claimed = new Set<number>();
  const norm = row.map((c) => (typeof c === 'string' || typeof c === 'number' ? normHeader(c) : ''));
  const firstIndex = new Map<string, number>();
  norm.forEach((h, i) => {
    if (h && !firstIndex.has(h)) firstIndex.set(h, i);
  });
  if (overrides) {
    for (const field of Object.keys(overrides)) {
      const want = normHeader(overrides[field]);
      const col = want ? firstIndex.get(want) : undefined;
      if (col !== undefined && !claimed.has(col)) {
        columns[field] = col;
        claimed.add(col);
      }
    }
  }
  // Shopify's `Name` is the order number (#1001); the person is `Billing Name`.
  const nameCol = firstIndex.get('name');
  if (kind === 'orders' && nameCol !== undefined && !claimed.has(nameCol) && columns.orderId === undefined && isShopifyName(firstIndex)) {
    columns.orderId = nameCol;
    claimed.add(nameCol);
  }
  const fields = FIELDS[kind];
  for (const field of Object.keys(fields)) {
    if (columns[field] !== undefined) continue;
    for (const syn of fields[field]) {
      const col = firstIndex.get(syn);
      if (col !== undefined && !claimed.has(col)) {
        columns[field] = col;
        claimed.add(col);
        break;
      }
    }
  }
  return columns;
}

const SHOPIFY_MARKS = ['billing name', 'shipping name', 'financial status', 'lineitem name', 'lineitem quantity', 'fulfillment status', 'paid at'];

function isShopifyName(headers: Map<string, number>): boolean {
  return SHOPIFY_MARKS.some((h) => headers.has(h));
}

/** When no Shopify column says so, a `Name` column whose values read "#1001" is still an order number. */
function namesLookLikeOrders(rows: Cell[][], col: number): boolean {
  let seen = 0;
  let orders = 0;
  for (let i = 0; i < rows.length && seen < 20; i++) {
    const v = cleanText(rows[i][col]);
    if (!v) continue;
    seen++;
    if (/^#\s?\d+$|^#?[A-Z]{0,4}-?\d{3,}$/.test(v)) orders++;
  }
  return seen > 0 && orders / seen >= 0.8;
}

function satisfies(kind: TableKind, columns: Record<string, number>): boolean {
  return REQUIRED[kind].some((group) => group.every((f) => columns[f] !== undefined));
}

/** How strongly a row reads as this kind's header row: naming a required field first, then headers chosen by hand, then the most fields. */
function headerScore(kind: TableKind, row: Cell[], overrides?: Record<string, string>): number {
  const lookup = synonymLookup(kind);
  const fields = new Set<string>();
  // a header chosen by hand names its field, whatever the synonyms say
  const chosen = new Map<string, string>();
  for (const f of Object.keys(overrides || {})) {
    const h = normHeader(overrides![f]);
    if (h) chosen.set(h, f);
  }
  let picked = 0;
  for (const c of row) {
    if (typeof c !== 'string' || !c) continue;
    const h = normHeader(c);
    const byHand = chosen.get(h);
    if (byHand) picked++;
    const field = byHand || (lookup.get(h) || { field: '' }).field;
    if (field) fields.add(field);
  }
  if (!fields.size) return 0;
  const required = REQUIRED[kind].some((g) => g.some((f) => fields.has(f)));
  return (required ? 10000 : 0) + picked * 100 + fields.size;
}

/**
 * Reads a table of the given kind out of a grid. The header row is the row within the first ten that names a
 * required field and the most known fields, the earliest on a tie (so a title row, a row of totals or LinkedIn's
 * `Notes:` preamble is skipped). Columns are found by synonym (overrides: field → header text, chosen by hand,
 * win). Throws InputError naming the source and the columns that
 * were found when a required field is missing.
 */
export function readTable(source: Source, kind: TableKind, overrides?: Record<string, string>): Table {
  const grid = source.grid || [];
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.length); r++) {
    const score = headerScore(kind, grid[r] || [], overrides);
    if (score > bestScore) {
      bestScore = score;
      best = r;
    }
  }
  const want = LOOKED_FOR[kind];
  if (best < 0) {
    const firstRow = grid.slice(0, HEADER_SEARCH_ROWS).find((row) => row && row.some((c) => !isBlank(c)));
    if (!firstRow) throw new InputError('the table is empty (no header row in the first 10 rows).', source.name);
    if (kind === 'followers' && looksLikeData(firstRow)) {
      // some scrapers write no header row: say so, rather than list "columns" that are a follower's values
      throw new InputError(
        `the first row holds a follower (${listHeaders(rowHeaders(firstRow).slice(0, 4))}), not column names: the file has no header row. ` +
          `Add one naming the columns (for example ${want.headers}) and it will be read.`,
        source.name,
      );
    }
    throw new InputError(
      `no ${want.what} column found (looked for ${want.headers}). Columns found: ${listHeaders(rowHeaders(firstRow))}.`,
      source.name,
    );
  }
  const headerRow = grid[best] || [];
  const rows = grid.slice(best + 1);
  const columns = mapColumns(kind, headerRow, overrides);
  if (kind === 'orders' && columns.name !== undefined && normHeader(headerRow[columns.name]) === 'name') {
    // "#1001" in Name is an order's name, never a person (Shopify's orders and transactions exports)
    if (namesLookLikeOrders(rows, columns.name)) {
      if (columns.orderId === undefined) columns.orderId = columns.name;
      delete columns.name;
    }
  }
  const headers = rowHeaders(headerRow);
  if (!satisfies(kind, columns)) {
    throw new InputError(
      `no ${want.what} column found (looked for ${want.headers}). Columns found: ${listHeaders(headers)}.`,
      source.name,
    );
  }
  return { kind, source: source.name, headerIndex: best, headers, columns, rows };
}

/** A row of values rather than headers: a profile URL, a count, a true/false flag or a scraper's NA/[] among its cells. */
function looksLikeData(row: Cell[]): boolean {
  return row.some((c) => typeof c === 'number' || typeof c === 'boolean' || (typeof c === 'string' && (/^(https?:\/\/|www\.)/i.test(c.trim()) || /^\d[\d,.]*$/.test(c.trim()) || /^(true|false)$/i.test(c.trim()) || isUnknown(c))));
}

/** Each header at most 40 characters, at most 30 headers: the message fits a toast or one line of stderr. */
function listHeaders(headers: string[]): string {
  const shown = headers.filter(Boolean).map((h) => {
    const one = h.replace(/\s+/g, ' ');
    return one.length > 40 ? one.slice(0, 39) + '…' : one;
  });
  if (!shown.length) return '(none)';
  const max = 30;
  return shown.slice(0, max).join(', ') + (shown.length > max ? `, … (${shown.length - max} more)` : '');
}

/** The cell of a data row for a field; undefined when the table has no such column. */
export function cellOf(table: Table, index: number, field: string): Cell {
  const col = table.columns[field];
  if (col === undefined) return undefined;
  const row = table.rows[index];
  return row ? row[col] : undefined;
}

/** The 1-based grid row the user sees for a data row. */
export function rowNumber(table: Table, index: number): number {
  return table.headerIndex + 2 + index;
}

/**
 * The day/month order of a column's slash or dash dates, from the values that settle it ("25/12/2024" is day first,
 * "12/25/2024" month first). 'MDY' unless some value is day-first and none is month-first.
 */
export function dateOrder(table: Table, field: string): 'MDY' | 'DMY' {
  const col = table.columns[field];
  if (col === undefined) return 'MDY';
  let dmy = 0;
  let mdy = 0;
  const n = Math.min(table.rows.length, 5000);
  for (let i = 0; i < n; i++) {
    const v = table.rows[i] && table.rows[i][col];
    if (typeof v !== 'string') continue;
    const m = /^\s*'?(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}(?!\d)/.exec(v);
    if (!m) continue;
    if (+m[1] > 12 && +m[2] <= 12) dmy++;
    else if (+m[2] > 12 && +m[1] <= 12) mdy++;
  }
  return dmy > 0 && mdy === 0 ? 'DMY' : 'MDY';
}

/** Default avatars that platforms serve when there is no picture (a URL is present but means "no picture"). */
const DEFAULT_AVATAR = /44884218_345707102882519_2446069589734326272_n|default_profile_images|default-avatar|default_avatar|\/avatar_default|anonymous/i;

function pictureOf(v: Cell): boolean {
  const b = parseBool(v);
  if (b !== undefined) return b;
  const s = cleanText(v);
  if (!s) return false;
  return !DEFAULT_AVATAR.test(s);
}

function textOrUndefined(v: Cell): string | undefined {
  const s = cleanText(v);
  return s ? s : undefined;
}

/**
 * One Follower per data row, in order; a blank row gives handle '' and nothing else. `wanted`: only the rows of
 * these handles are read whole, the others give their handle and name alone.
 */
export function readFollowers(table: Table, wanted?: ReadonlySet<string>): Follower[] {
  const out: Follower[] = new Array(table.rows.length);
  const joinedOrder = dateOrder(table, 'joined');
  const lastPostOrder = dateOrder(table, 'lastPost');
  const c = columnNumbers(table, FOLLOWER_FIELDS);
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i] || [];
    const f: Follower = { index: i, handle: '' };
    out[i] = f;
    if (row.every((v) => isBlank(v) || isUnknown(v))) continue;
    // The handle is read as written: "null", "none" and "na" are real usernames on every platform.
    const raw = cellAt(row, c.handle);
    f.handle = normalizeHandle(isErrorValue(raw) ? undefined : raw) || normalizeHandle(known(row, c.url));
    let name = textOrUndefined(known(row, c.name));
    if (!name && (c.firstName !== undefined || c.lastName !== undefined)) {
      name = textOrUndefined([cleanText(known(row, c.firstName)), cleanText(known(row, c.lastName))].filter(Boolean).join(' '));
    }
    if (name !== undefined) f.name = name;
    // the rest only for the handles asked for (a custom function's): the others give the list its size and names
    if (wanted && !wanted.has(f.handle)) continue;
    readFollowerFacts(f, row, c, joinedOrder, lastPostOrder);
  }
  return out;
}

/**
 * The column number of each of these fields (undefined where the table has none), looked up once for a table: the
 * readers' hot loops then read `row[c.field]`, not a keyed lookup a cell.
 */
export function columnNumbers<F extends string>(table: Table, fields: readonly F[]): Record<F, number | undefined> {
  const c = {} as Record<F, number | undefined>;
  for (const field of fields) c[field] = table.columns[field];
  return c;
}

/** A row's cell in this column; undefined when the table has no such column. */
export function cellAt(row: Cell[], col: number | undefined): Cell {
  return col === undefined ? undefined : row[col];
}

const FOLLOWER_FIELDS = ['handle', 'url', 'name', 'firstName', 'lastName', 'email', 'bio', 'followers', 'following', 'posts', 'hasPicture', 'private', 'verified', 'externalUrl', 'joined', 'lastPost', 'platform'] as const;

type FollowerColumns = Record<(typeof FOLLOWER_FIELDS)[number], number | undefined>;

/**
 * A cell of the row, or undefined: a spreadsheet error (#N/A, #REF!) and a scraper's NA, None or [] say nothing
 * about the follower, read exactly as a blank cell is.
 */
function known(row: Cell[], col: number | undefined): Cell {
  const v = cellAt(row, col);
  return isErrorValue(v) || isUnknown(v) ? undefined : v;
}

/** Everything of a follower but the handle and name, from its row. */
function readFollowerFacts(f: Follower, row: Cell[], c: FollowerColumns, joinedOrder: 'MDY' | 'DMY', lastPostOrder: 'MDY' | 'DMY'): void {
  const email = textOrUndefined(known(row, c.email));
  if (email !== undefined && email.indexOf('@') > 0) f.email = email.toLowerCase();
  const bio = textOrUndefined(known(row, c.bio));
  if (bio !== undefined) f.bio = bio;
  const followers = parseCount(known(row, c.followers));
  if (followers !== undefined) f.followers = followers;
  const following = parseCount(known(row, c.following));
  if (following !== undefined) f.following = following;
  const posts = parseCount(known(row, c.posts));
  if (posts !== undefined) f.posts = posts;
  if (c.hasPicture !== undefined && !isErrorValue(row[c.hasPicture])) f.hasPicture = pictureOf(known(row, c.hasPicture));
  const priv = parseBool(known(row, c.private));
  if (priv !== undefined) f.isPrivate = priv;
  const verified = parseBool(known(row, c.verified));
  if (verified !== undefined) f.verified = verified;
  const ext = known(row, c.externalUrl);
  // Some datasets hold a 0/1 flag instead of the link itself.
  if (parseBool(ext) !== false) {
    const url = textOrUndefined(ext);
    if (url !== undefined) f.externalUrl = url;
  }
  const joined = parseDate(known(row, c.joined), joinedOrder);
  if (joined !== undefined) f.joined = joined;
  const lastPost = parseDate(known(row, c.lastPost), lastPostOrder);
  if (lastPost !== undefined) f.lastPost = lastPost;
  const platform = textOrUndefined(known(row, c.platform)) || platformOfUrl(known(row, c.url)) || platformOfUrl(known(row, c.handle));
  if (platform) f.platform = platform.toLowerCase();
}
