// The history tab's rows, read back into what they say today: undo, not now, today's count, edited tabs.
import { HISTORY_HEADERS, dayKey, historyState, readHistory, standingEntries } from '../src/core/history';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 15, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe('readHistory', () => {
  it('reads rows in any column order and names each unreadable row', () => {
    const grid = [
      ['Action', 'Handle', 'When', 'Platform'],
      ['followed', '@Jane.Doe', iso(NOW - 1000), 'instagram'],
      ['', '', '', ''],
      ['waved', 'bob', iso(NOW), 'instagram'],
      ['followed', 'carl', 'yesterday-ish', 'instagram'],
    ];
    const r = readHistory({ name: 'Followback history', grid });
    expect(r.entries.map((e) => [e.handle, e.action, e.row])).toEqual([['jane.doe', 'followed', 2]]);
    expect(r.problems).toEqual([
      expect.stringMatching(/^Followback history \(row 4, column "Action"\): "waved" is not one of/),
      expect.stringMatching(/^Followback history \(row 5, column "When"\): "yesterday-ish" is not a date/),
    ]);
  });

  it('reads nothing, and says so, when the header is gone', () => {
    expect(readHistory({ name: 'H', grid: [['x', 'y'], ['1', '2']] }).problems[0]).toMatch(/^H: no "Handle" and "Action" header/);
    expect(readHistory({ name: 'H', grid: [] })).toEqual({ entries: [], problems: [] });
  });
});

describe('historyState', () => {
  const entry = (handle: string, action: string, when: number, recommendation?: string) => [iso(when), handle, 'instagram', action, '', recommendation ?? 'Follow back', ''];
  const read = (rows: unknown[][]) => readHistory({ name: 'H', grid: [[...HISTORY_HEADERS], ...(rows as never[][])] }).entries;

  it('counts today\'s follows in the spreadsheet time zone, and undo takes back the latest action', () => {
    const rows = [
      entry('a', 'followed', NOW - 2 * 3600_000),
      entry('b', 'followed', NOW - 3600_000),
      entry('b', 'undone', NOW - 60_000),
      entry('c', 'followed', NOW - DAY),
    ];
    // Sorted by the user: the state follows time, not row order.
    const s = historyState(read(rows.reverse()), { now: NOW, timeZone: 'UTC', notNowDays: 7 });
    expect([...s.followed].sort()).toEqual(['a', 'c']);
    expect(s.followedToday).toBe(1);
    expect(s.followedThisWeek).toBe(2);
    // 15:00 UTC is midnight in Tokyo: a new day there, so 'a' (13:00 UTC) was yesterday and nothing is today's yet.
    expect(historyState(read(rows), { now: NOW, timeZone: 'Asia/Tokyo', notNowDays: 7 }).followedToday).toBe(0);
    expect(dayKey(NOW, 'Asia/Tokyo')).toBe('2026-12-03');
  });

  it('not now lasts the set number of days on its own list; never and keep stay; unfollow ends a follow', () => {
    const s = historyState(
      read([
        entry('snoozed', 'not now', NOW - 2 * DAY),
        entry('old', 'not now', NOW - 8 * DAY),
        entry('thanks', 'not now', NOW - DAY, 'Say thanks'),
        entry('gone', 'never', NOW - 99 * DAY),
        entry('x', 'followed', NOW - 9 * DAY),
        entry('x', 'unfollowed', NOW - DAY),
        entry('k', 'keep', NOW - DAY, 'Make room'),
      ]),
      { now: NOW, timeZone: 'UTC', notNowDays: 7 },
    );
    expect([...s.notNowUntil.follow.keys()]).toEqual(['snoozed']);
    expect(s.notNowUntil.follow.get('snoozed')).toBe(NOW + 5 * DAY);
    expect([...s.notNowUntil.thanks.keys()]).toEqual(['thanks']);
    expect([...s.never]).toEqual(['gone']);
    expect([...s.keep]).toEqual(['k']);
    expect(s.followed.has('x')).toBe(false);
    expect(s.unfollowed.has('x')).toBe(true);
  });

  it('undo on one list leaves the other list alone', () => {
    const entries = read([entry('a', 'not now', NOW - 10, 'Say thanks'), entry('a', 'followed', NOW - 5), entry('a', 'undone', NOW, 'Say thanks')]);
    expect(standingEntries(entries).map((e) => e.action)).toEqual(['followed']);
  });
});
