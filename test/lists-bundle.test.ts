// Say thanks and Make room in the built add-on (dist/Code.js through gas-local): the example workbook's lists,
// each tick recorded in the Followback history under the document lock, nothing else of the user's changed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkbook, renderSheet, tabValues, type Workbook } from '../src/emulator';
import { HISTORY_HEADERS, HISTORY_TAB } from '../src/core/history';
import type { Cell } from '../src/core/types';
import type { RoomReport, ThanksReport } from '../src/server/api';
import { DIST, run } from './bundle-env';
import { exampleBook, snapshot } from './sheets-fixtures';

beforeAll(() => {
  if (!existsSync(join(DIST, 'Code.js')) || process.env.FOLLOWBACK_REBUILD) {
    execFileSync('node', ['scripts/build.mjs'], { cwd: join(__dirname, '..'), stdio: 'pipe' });
  }
});

const NOW = Date.UTC(2026, 11, 2, 12);
function example(): Workbook {
  const book = createWorkbook([]);
  book.documentProperties['followback.settings'] = JSON.stringify({ now: NOW });
  run(book).code.insertExampleData();
  return book;
}
const thanks = (book: Workbook) => run(book).code.getThanksList() as ThanksReport;
const room = (book: Workbook) => run(book).code.getMakeRoomList() as RoomReport;
const history = (book: Workbook) => tabValues(book, HISTORY_TAB);

test('the example workbook gives both lists: customers first with post links, bots out; weakest accounts to unfollow', () => {
  const book = example();
  const t = thanks(book);
  expect(t.items.length).toBeGreaterThanOrEqual(5);
  const firstOther = t.items.findIndex((i) => !i.isCustomer);
  expect(firstOther).toBeGreaterThan(0);
  expect(t.items.slice(firstOther).every((i) => !i.isCustomer)).toBe(true);
  expect(t.items.every((i) => /^https:\/\/instagram\.example\/p\//.test(i.link))).toBe(true);
  expect(t.items.some((i) => i.text.length > 0)).toBe(true);
  // The bots of the example that engaged (a comment, a DM) never appear.
  expect(t.items.map((i) => i.handle)).not.toEqual(expect.arrayContaining(['crypto_gains_4u']));
  expect(t.items.map((i) => i.handle)).not.toContain('free.followers.now');

  const r = room(book);
  expect(r.available).toBe(true);
  const listed = r.items.map((i) => i.handle);
  expect(listed.slice(0, 2).sort()).toEqual(['cheap.likes.4u', 'follow4follow_8812']);
  expect(listed).not.toContain('customer8812'); // a customer, though not following back
  expect(listed).not.toContain('maria.lopez');
  expect(r.items[0].reasons).toMatch(/^Does not follow you back; Bot signs: /);
  expect(r).toMatchObject({ following: 12, cap: 7500, capLeft: 7488, capLeftAfter: 7488 + r.items.length, nearCap: false, daily: 100 });
});

test('Done and Not now on Say thanks: history rows written under the lock, the person leaves the list, other tabs untouched', () => {
  const book = example();
  const before = ['Followers', 'Orders', 'Engagement', 'Following'].map((n) => snapshot(book, n));
  const [first, second] = thanks(book).items;
  const after = run(book).code.markThanks(first.handle, 'thanked') as ThanksReport;
  expect(after.items.map((i) => i.handle)).not.toContain(first.handle);
  const again = run(book).code.markThanks(second.handle, 'not now') as ThanksReport;
  expect(again.items.map((i) => i.handle)).not.toContain(second.handle);
  const rows = history(book);
  expect(rows[0]).toEqual([...HISTORY_HEADERS]);
  expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[5], r[6]])).toEqual([
    [first.handle, 'instagram', 'thanked', 'Say thanks', first.why],
    [second.handle, 'instagram', 'not now', 'Say thanks', second.why],
  ]);
  expect(rows.slice(1).every((r) => r[0] instanceof Date || typeof r[0] === 'object')).toBe(true);
  expect(['Followers', 'Orders', 'Engagement', 'Following'].map((n) => snapshot(book, n))).toEqual(before);
  // A `not now` on Say thanks does not snooze the same person elsewhere, and a second Done is refused.
  expect(() => run(book).code.markThanks(first.handle, 'thanked')).toThrow(/no longer on the Say thanks list/);
  expect(() => run(book).code.markThanks(second.handle, 'waved')).toThrow(/Unknown action "waved"/);
  const busy = run(book, { executionId: 'holder' });
  busy.g.LockService.getDocumentLock().tryLock(10);
  expect(() => run(book, { executionId: 'ticker' }).code.markThanks(again.items[0].handle, 'thanked')).toThrow(/already working on this spreadsheet/);
});

test('Unfollowed and Keep on Make room: recorded, the Following tab unchanged, the pace counts today’s unfollows', () => {
  const book = example();
  const following = snapshot(book, 'Following');
  const r = room(book);
  const [a, b] = r.items;
  const afterA = run(book).code.markMakeRoom(a.handle, 'unfollowed') as RoomReport;
  expect(afterA.doneToday).toBe(1);
  expect(afterA.following).toBe(r.following - 1);
  expect(afterA.items.map((i) => i.handle)).not.toContain(a.handle);
  const afterB = run(book).code.markMakeRoom(b.handle, 'keep') as RoomReport;
  expect(afterB.items.map((i) => i.handle)).not.toContain(b.handle);
  expect(history(book).slice(1).map((row) => [row[1], row[3], row[5]])).toEqual([
    [a.handle, 'unfollowed', 'Make room'],
    [b.handle, 'keep', 'Make room'],
  ]);
  expect(snapshot(book, 'Following')).toEqual(following);
});

test('an unfollowed account is not followed at the next scoring; no Following tab = no Make room list', () => {
  const book = createWorkbook([
    { name: 'Followers', values: [['Username', 'Followers', 'Following', 'Posts', 'Profile picture'], ['jane.doe', 400, 300, 90, 'yes'], ['user83726152', 3, 7480, 0, 'no']] },
    { name: 'Following', values: [['Username', 'Followers', 'Following', 'Posts', 'Profile picture'], ['jane.doe', 400, 300, 90, 'yes'], ['user83726152', 3, 7480, 0, 'no']] },
  ]);
  book.documentProperties['followback.settings'] = JSON.stringify({ now: NOW });
  const rec = () => {
    run(book).code.scoreFollowers();
    const v = renderSheet(book, 'Followers')!.display;
    return v.slice(1).map((row) => row[v[0].indexOf('Recommendation')]);
  };
  expect(rec()).toEqual(['Already following', 'Already following']);
  const r = room(book);
  expect(r.items.map((i) => i.handle)).toEqual(['user83726152']); // a bot that follows back
  run(book).code.markMakeRoom('user83726152', 'unfollowed');
  expect(rec()).toEqual(['Already following', 'Likely bot']);
  expect(tabValues(book, 'Following').length).toBe(3);
  const none = createWorkbook([{ name: 'Followers', values: [['Username'], ['a']] }]);
  expect(room(none)).toMatchObject({ available: false, items: [] });
  expect(room(none).notes[0]).toMatch(/No Following tab/);
  expect(thanks(none).notes[0]).toMatch(/No Engagement tab/);
});

test('both lists on a 20,000-follower workbook with a 5,000-account Following tab, through gas-local', () => {
  const book = exampleBook(20000);
  const followers = tabValues(book, 'Followers');
  // Every fourth follower is followed back, plus 1,000 accounts that do not follow the shop.
  const following: Cell[][] = [['Username', 'Followed on']];
  for (let i = 1; i < followers.length && following.length <= 4000; i += 4) following.push([followers[i][0], new Date(Date.UTC(2025, i % 12, 1))]);
  for (let i = 0; i < 1000; i++) following.push([`not.back.${i}`, new Date(Date.UTC(2024, i % 12, 1))]);
  book.sheets.push(createWorkbook([{ name: 'Following', values: following }]).sheets[0]);
  const time = (f: () => unknown) => {
    const t = Date.now();
    const v = f();
    return { v, ms: Date.now() - t };
  };
  const t = time(() => thanks(book));
  const r = time(() => room(book));
  const m = time(() => run(book).code.markMakeRoom((r.v as RoomReport).items[0].handle, 'keep'));
  console.log(
    `lists on 20,000 followers, ${(tabValues(book, 'Engagement').length - 1).toLocaleString('en-US')} engagement rows, ` +
      `${(following.length - 1).toLocaleString('en-US')} followed: getThanksList ${t.ms} ms, getMakeRoomList ${r.ms} ms, markMakeRoom ${m.ms} ms (gas-local)`,
  );
  // 50 at a time in the sidebar, and a note says how many more.
  expect((t.v as ThanksReport).items.length).toBe(50);
  expect((t.v as ThanksReport).notes[0]).toMatch(/^[\d,]+ more after these 50: they move up as you tick these\.$/);
  expect((r.v as RoomReport).items.length).toBe(100); // Instagram's pace of 100 a day
  expect((r.v as RoomReport).candidates).toBe(1000);
});
