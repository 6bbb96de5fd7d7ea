// Deterministic example workbooks for the sheets and bundle tests, and a snapshot of everything a user could see.
import { createGlobals, createWorkbook, type TabInput, type Workbook } from '../src/emulator';
import type { Cell } from '../src/core/types';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST = ['Ann', 'Bob', 'Carla', 'Dev', 'Eve', 'Farid', 'Gina', 'Hugo', 'Ines', 'Jon', 'Kira', 'Luis', 'Mona', 'Nils', 'Omar', 'Pia'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Okafor', 'Rossi', 'Kim', 'Novak', 'Silva', 'Weber', 'Haddad', 'Lund', 'Price'];
const SYLLABLES = ['ba', 'ko', 'ri', 'ta', 'mo', 'len', 'sar', 'vi', 'dun', 'pel', 'ach', 'or', 'ek', 'hal', 'mir', 'zo'];

/** Names as varied as a real audience's: the first 192 are common names, then generated ones. */
function nameOf(i: number): [string, string] {
  if (i < FIRST.length * LAST.length) return [FIRST[i % FIRST.length], LAST[Math.floor(i / FIRST.length)]];
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  const syl = (k: number, n: number) => Array.from({ length: n }, (_, j) => SYLLABLES[Math.floor(k / 16 ** j) % 16]).join('');
  return [cap(syl(i, 2)), cap(syl(Math.floor(i / 7) + 3, 3))];
}

/** A Followers tab of n rows: genuine people, some bots, a few customers and engaged people. */
export function followersValues(n: number, seed = 1): Cell[][] {
  const r = rng(seed);
  const rows: Cell[][] = [['Username', 'Full name', 'Bio', 'Followers', 'Following', 'Posts', 'Profile picture']];
  for (let i = 0; i < n; i++) {
    const [first, last] = nameOf(i);
    if (i % 17 === 5) {
      rows.push([`user${Math.floor(r() * 1e8)}`, '', '', Math.floor(r() * 20), 5000 + Math.floor(r() * 2500), 0, 'no']);
    } else {
      rows.push([
        `${first}.${last}${i}`.toLowerCase(),
        `${first} ${last}`,
        i % 3 ? 'Maker, reader, coffee' : '',
        100 + Math.floor(r() * 3000),
        100 + Math.floor(r() * 1500),
        10 + Math.floor(r() * 600),
        'yes',
      ]);
    }
  }
  return rows;
}

/** Shopify-style orders for every 10th follower (email local part = handle), with one refund. */
export function ordersValues(followers: Cell[][], extra: Cell[][] = []): Cell[][] {
  const rows: Cell[][] = [['Name', 'Email', 'Financial Status', 'Total', 'Created at', 'Lineitem name', 'Billing Name']];
  let k = 1001;
  for (let i = 1; i < followers.length; i += 10) {
    const handle = String(followers[i][0]);
    if (handle.startsWith('user')) continue;
    rows.push([`#${k++}`, `${handle}@example.com`, i % 7 === 0 ? 'refunded' : 'paid', 40 + (i % 50), '2026-05-12 12:08:27 -0700', 'Mug', followers[i][1]]);
    rows.push([`#${k - 1}`, `${handle}@example.com`, '', '', '', 'Bowl', '']);
  }
  return rows.concat(extra);
}

export function engagementValues(followers: Cell[][]): Cell[][] {
  const rows: Cell[][] = [['Username', 'Type', 'Date']];
  for (let i = 3; i < followers.length; i += 13) rows.push([`@${followers[i][0]}`, i % 2 ? 'comment' : 'mention', new Date(Date.UTC(2026, 10, 1 + (i % 20)))]);
  return rows;
}

export function exampleBook(n: number, opts: { orders?: boolean; engagement?: boolean; extraOrders?: Cell[][] } = {}): Workbook {
  const followers = followersValues(n);
  const tabs: TabInput[] = [{ name: 'Followers', values: followers }];
  if (opts.orders !== false) tabs.push({ name: 'Orders', values: ordersValues(followers, opts.extraOrders) });
  if (opts.engagement !== false) tabs.push({ name: 'Engagement', values: engagementValues(followers) });
  const book = createWorkbook(tabs);
  book.documentProperties['followback.settings'] = JSON.stringify({ now: Date.UTC(2026, 10, 25) });
  return book;
}

/** Everything a user can see of a tab: grid size, values, formulas, formats, rules, frozen rows. */
export function snapshot(book: Workbook, name: string) {
  const g = createGlobals(book);
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  return {
    size: [sheet.getMaxRows(), sheet.getMaxColumns()],
    frozen: sheet.getFrozenRows(),
    values: all.getValues().map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))),
    formulas: all.getFormulas(),
    formats: all.getNumberFormats(),
    rules: sheet.getConditionalFormatRules().map((r) => ({
      ranges: r.getRanges().map((x) => x.getA1Notation()),
      type: String(r.getBooleanCondition()!.getCriteriaType()),
      values: r.getBooleanCondition()!.getCriteriaValues(),
      background: r.getBooleanCondition()!.getBackground(),
    })),
  };
}
