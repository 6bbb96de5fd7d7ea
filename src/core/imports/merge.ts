// Lists of one kind → one list with each handle once (followers_1 … followers_N overlap at their edges, and a
// zip may hold the same list as JSON and HTML). The first occurrence wins; fields it lacks are filled in.
import type { ImportedList, ImportedRow, ImportKind } from './types';

/** Fields a later occurrence of a handle may fill in. */
const FILLED: (keyof ImportedRow)[] = ['url', 'name', 'date', 'platform', 'email', 'bio', 'followers', 'following', 'posts', 'isPrivate', 'verified', 'picture'];

export interface Merged {
  rows: ImportedRow[];
  /** Rows dropped because their handle came earlier. */
  duplicates: number;
}

export function mergeRows(lists: ImportedRow[][]): Merged {
  const byHandle = new Map<string, ImportedRow>();
  let duplicates = 0;
  for (const list of lists) {
    for (const row of list) {
      if (!row.handle) continue;
      const seen = byHandle.get(row.handle);
      if (!seen) {
        byHandle.set(row.handle, { ...row });
        continue;
      }
      duplicates++;
      for (const key of FILLED) if (seen[key] === undefined && row[key] !== undefined) (seen as unknown as Record<string, unknown>)[key] = row[key];
    }
  }
  return { rows: Array.from(byHandle.values()), duplicates };
}

/** The rows of every list of one kind, each handle once. */
export function mergeLists(lists: ImportedList[], kind: ImportKind): Merged {
  return mergeRows(lists.filter((l) => l.kind === kind).map((l) => l.rows));
}

/** "Instagram followers (JSON): 1,234 accounts" — one line per list for the sidebar and the CLI. */
export function describeList(list: ImportedList): string {
  const n = list.rows.length;
  // A list the platform wrote as null, {}, [] or left out: the account has none (not a damaged file)
  if (n === 0 && !list.skipped) return `${list.format}: this download's ${list.kind} list is empty`;
  const parts = [`${list.format}: ${n.toLocaleString('en-US')} account${n === 1 ? '' : 's'}`];
  const emails = list.rows.filter((r) => r.email).length;
  if (emails) parts.push(`${emails.toLocaleString('en-US')} with an email`);
  if (list.skipped) parts.push(`${list.skipped.toLocaleString('en-US')} entr${list.skipped === 1 ? 'y' : 'ies'} without a username skipped`);
  if (list.assumedKind) parts.push('the file does not say whether these are followers or followed accounts');
  if (list.platform === 'x') parts.push('X gives account ids only, not @handles');
  if (list.platform === 'facebook') parts.push('Facebook gives display names only');
  return parts.join('; ');
}
