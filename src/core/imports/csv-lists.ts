// The CSV downloads: Mastodon's following_accounts.csv ("Account address,Show boosts,Notify on new posts,
// Languages"; user@instance.social) and LinkedIn's Connections.csv (a BOM and a "Notes:" preamble, then
// "First Name,Last Name,URL,Email Address,Company,Position,Connected On"). Found by their headers, never by
// column count. The CSV parser is passed in (papaparse in the CLI and sidebar) so core bundles none.
import { normalizeHandle } from '../values';
import { parseFollowDate } from './follow-dates';
import { kindFromName } from './hints';
import { buildRows, type RawEntry } from './rows';
import type { CsvParser, ImportKind, ParseOutcome } from './types';

const norm = (s: unknown): string => (typeof s === 'string' ? s.replace(/^\uFEFF/, '').trim().toLowerCase() : '');
const ADDRESS = /^@?[^@\s,]+@[^@\s,]+\.[^@\s,]+$/;

/** Row index and columns of the first row, within the first 20, that holds every wanted header. */
function findHeader(rows: string[][], wanted: string[]): { index: number; col: Record<string, number> } | undefined {
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const cells = rows[i].map(norm);
    if (wanted.every((w) => cells.indexOf(w) >= 0)) {
      const col: Record<string, number> = {};
      cells.forEach((c, j) => {
        if (c && col[c] === undefined) col[c] = j;
      });
      return { index: i, col };
    }
  }
  return undefined;
}

/** True when the text could be one of the CSV lists (checked before asking for a parser). */
export function looksLikeCsvList(text: string, fileName: string): boolean {
  const head = text.slice(0, 4000).toLowerCase();
  if (/account address/.test(head)) return true;
  // LinkedIn: the current file has a URL column; 2018 and 2021 files have none, only the email and the date
  if (/first name/.test(head) && /last name/.test(head) && /url|email address|connected on/.test(head)) return true;
  const first = text.split(/\r\n|\r|\n/, 1)[0].split(',')[0].trim();
  return /\.csv$/i.test(fileName) && ADDRESS.test(first);
}

function mastodon(rows: string[][], start: number, col: number, kind: ImportKind): ParseOutcome {
  const entries: RawEntry[] = [];
  for (let i = start; i < rows.length; i++) {
    const address = (rows[i][col] || '').trim();
    if (address) entries.push({ handle: address.replace(/^@/, '') });
  }
  const { rows: out, skipped } = buildRows('mastodon', entries);
  return [{ kind, platform: 'mastodon', format: `Mastodon ${kind} (CSV)`, rows: out, skipped }];
}

export function parseCsvList(text: string, fileName: string, assume: ImportKind, csv: CsvParser | undefined): ParseOutcome {
  if (!csv) return 'CSV files need a CSV parser, and none was given to the importer';
  const rows = csv(text.replace(/^\uFEFF/, '')).filter((r) => r.some((c) => (c || '').trim() !== ''));
  const named = kindFromName(fileName);

  const linkedin =
    findHeader(rows, ['first name', 'last name', 'url']) ||
    findHeader(rows, ['first name', 'last name', 'email address']) ||
    findHeader(rows, ['first name', 'last name', 'connected on']);
  if (linkedin) {
    const c = linkedin.col;
    const entries: RawEntry[] = [];
    for (let i = linkedin.index + 1; i < rows.length; i++) {
      const r = rows[i];
      const name = `${r[c['first name']] || ''} ${r[c['last name']] || ''}`.trim();
      const url = c.url === undefined ? '' : (r[c.url] || '').trim();
      // Connections who hide their profile, and every connection of a 2018 or 2021 file, come without a URL: their
      // name is the key (as Facebook's), and the email, when given, is exact evidence for matching a customer.
      const email = c['email address'] === undefined ? '' : r[c['email address']];
      entries.push({ handle: normalizeHandle(url) || name, url, name, email, date: parseFollowDate(r[c['connected on']]) });
    }
    const { rows: out, skipped } = buildRows('linkedin', entries);
    const kind = named || assume;
    const era = c.url === undefined ? 'LinkedIn connections (CSV, names and emails, no profile links)' : 'LinkedIn connections (CSV)';
    return [{ kind, platform: 'linkedin', format: era, rows: out, skipped, ...(named ? {} : { assumedKind: true }) }];
  }

  const account = findHeader(rows, ['account address']);
  if (account) {
    const headers = rows[account.index].map(norm);
    if (headers.indexOf('show boosts') < 0 && named !== 'following') {
      return 'a Mastodon list with an "Account address" column but not the following list (expected following_accounts.csv with "Show boosts")';
    }
    return mastodon(rows, account.index + 1, account.col['account address'], 'following');
  }

  // Older Mastodon exports: addresses only, no header row.
  if (named === 'following' && rows.length && rows.every((r) => ADDRESS.test((r[0] || '').trim()))) return mastodon(rows, 0, 0, 'following');

  const first = rows.length ? rows[0].map((c) => (c || '').trim()).filter(Boolean).slice(0, 8).join(', ') : '';
  return `a CSV file without the expected columns (found "${first}"; expected Mastodon "Account address" or LinkedIn "First Name, Last Name, URL")`;
}
