// Property-based tests of table reading (src/core/table.ts): any grid either reads as a table whose shape matches
// the grid, or fails with an InputError naming the tab; the header row is found wherever it sits in the first ten
// rows, in any column order, and follower rows come out one per grid row.
import fc from 'fast-check';
import { readFollowers, readTable, guessKind, rowNumber, cellOf } from '../src/core/table';
import { InputError, type Cell, type Grid, type TableKind } from '../src/core/types';
import { hostileCell, hostileGrid, params, recordFigures, thrown } from './property-arbitraries';

afterAll(() => recordFigures('property-table'));

const KINDS: TableKind[] = ['followers', 'orders', 'engagement', 'following'];
const tabName = fc.oneof(fc.constantFrom('Followers', 'Orders', 'محادثات', 'עוקבים 😀', 'Sheet1', '', ' '), fc.string({ maxLength: 30 }));

/** A clear message: names the tab, carries no leaked programmer text, and fits on a screen (when the headers do). */
function expectClear(e: unknown, source: string, grid: Grid = []): void {
  expect(e).toBeInstanceOf(InputError);
  const msg = (e as Error).message;
  expect(msg.startsWith(source)).toBe(true);
  expect(msg).not.toMatch(/\[object |TypeError|ReferenceError|at .*\.ts:/);
  if (source.length < 100) expect(msg.length).toBeLessThan(2000);
}

test('readTable on any grid: a table that fits the grid, or an InputError naming the tab', () => {
  fc.assert(
    fc.property(hostileGrid({ long: true }), fc.constantFrom(...KINDS), tabName, (grid, kind, name) => {
      const source = { name, grid };
      let table;
      try {
        table = readTable(source, kind);
      } catch (e) {
        expectClear(e, name, grid);
        return;
      }
      expect(table.headerIndex).toBeGreaterThanOrEqual(0);
      expect(table.headerIndex).toBeLessThan(Math.min(10, grid.length));
      expect(table.rows.length).toBe(grid.length - table.headerIndex - 1);
      const cols = Object.values(table.columns);
      expect(new Set(cols).size).toBe(cols.length); // one field per column
      for (const c of cols) expect(c).toBeLessThan(grid[table.headerIndex].length);
      if (table.rows.length) expect(rowNumber(table, 0)).toBe(table.headerIndex + 2);
    }),
    params('readTable any grid', 600),
  );
});

test('readFollowers on any readable grid: one follower per row, blank rows blank, numbers finite', () => {
  fc.assert(
    fc.property(hostileGrid({ long: true }), (grid) => {
      let table;
      try {
        table = readTable({ name: 'Followers', grid }, 'followers');
      } catch (e) {
        expectClear(e, 'Followers', grid);
        return;
      }
      const followers = readFollowers(table);
      expect(followers.length).toBe(table.rows.length);
      followers.forEach((f, i) => {
        expect(f.index).toBe(i);
        expect(typeof f.handle).toBe('string');
        expect(f.handle).toBe(f.handle.toLowerCase());
        const row = table.rows[i] || [];
        if (row.every((c) => c === null || c === undefined || (typeof c === 'string' && !c.trim()))) expect(f.handle).toBe('');
        for (const k of ['followers', 'following', 'posts', 'joined', 'lastPost'] as const) {
          if (f[k] !== undefined) expect(Number.isFinite(f[k])).toBe(true);
        }
      });
    }),
    params('readFollowers any grid', 600),
  );
});

// A well-formed followers table, to move around and reshuffle.
const handle = fc.stringMatching(/^[a-z][a-z0-9_]{2,14}$/);
const followerRow = fc.record({
  handle,
  name: fc.oneof(fc.constantFrom('محمد علي', 'יוסי לוי', 'Zoë 😀', 'José'), fc.string({ maxLength: 12 })),
  followers: fc.oneof(fc.nat(1e6), fc.nat(1e6).map((n) => n.toLocaleString('en-US'))),
  posts: fc.nat(5000),
});
const HEADERS = ['Username', 'Full Name', 'Followers', 'Posts'];
const toGridRow = (r: { handle: string; name: string; followers: number | string; posts: number }): Cell[] => [`@${r.handle}`, r.name, r.followers, r.posts];

/** Junk rows above the header: titles, numbers, blanks; never a known header word. */
const junkRow = fc.array(fc.oneof(fc.constantFrom<Cell>('', null, 'Exported 2024-03-12', 'My shop — followers', '#REF!'), fc.integer()), { maxLength: 5 });

test('the header row is found on any of the first ten rows, and rows read the same', () => {
  fc.assert(
    fc.property(fc.array(junkRow, { maxLength: 9 }), fc.array(followerRow, { minLength: 1, maxLength: 15 }), (junk, rows) => {
      const grid: Grid = [...junk, HEADERS, ...rows.map(toGridRow)];
      const t = readTable({ name: 'Followers', grid }, 'followers');
      expect(t.headerIndex).toBe(junk.length);
      expect(readFollowers(t).map((f) => f.handle)).toEqual(rows.map((r) => r.handle));
    }),
    params('header row anywhere in rows 1-10', 500),
  );
});

test('column order does not matter', () => {
  fc.assert(
    fc.property(fc.array(followerRow, { minLength: 1, maxLength: 15 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (rows, keys) => {
      const order = [0, 1, 2, 3].sort((a, b) => keys[a] - keys[b] || a - b);
      const permute = (r: Cell[]) => order.map((i) => r[i]);
      const a = readFollowers(readTable({ name: 'F', grid: [HEADERS, ...rows.map(toGridRow)] }, 'followers'));
      const b = readFollowers(readTable({ name: 'F', grid: [permute(HEADERS), ...rows.map((r) => permute(toGridRow(r)))] }, 'followers'));
      expect(b).toEqual(a);
    }),
    params('column order independence', 500),
  );
});

test('merged-header remnants (blank or repeated header cells) do not move the handle column', () => {
  fc.assert(
    fc.property(
      fc.array(followerRow, { minLength: 1, maxLength: 10 }),
      fc.array(fc.constantFrom<Cell>('', null, 'Followers', 'Username', 'Full Name'), { maxLength: 4 }),
      (rows, extra) => {
        // extra header cells to the right (repeats of real headers, blanks) with hostile data under them
        const grid: Grid = [[...HEADERS, ...extra], ...rows.map((r) => [...toGridRow(r), ...extra.map(() => '#N/A')])];
        const t = readTable({ name: 'F', grid }, 'followers');
        expect(t.columns.handle).toBe(0); // the first of duplicated headers wins
        expect(readFollowers(t).map((f) => f.handle)).toEqual(rows.map((r) => r.handle));
      },
    ),
    params('merged/duplicated headers', 500),
  );
});

test('cellOf never reads outside a ragged row', () => {
  fc.assert(
    fc.property(hostileGrid(), fc.constantFrom(...KINDS), fc.constantFrom('handle', 'url', 'email', 'name', 'nothing'), (grid, kind, field) => {
      const t = thrown(() => readTable({ name: 'T', grid }, kind));
      if (t) return;
      const table = readTable({ name: 'T', grid }, kind);
      for (let i = 0; i < table.rows.length + 2; i++) {
        const v = cellOf(table, i, field);
        const col = table.columns[field];
        expect(v).toBe(col === undefined ? undefined : table.rows[i]?.[col]);
      }
    }),
    params('cellOf ragged rows', 500),
  );
});

test('guessKind: any text in, a kind or null out', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), hostileCell().map(String)), (name) => {
      const k = guessKind(name);
      expect(k === null || KINDS.includes(k)).toBe(true);
    }),
    params('guessKind total', 1000),
  );
});

test('a header row 10,000 columns wide and 50,000-character header cells are read', () => {
  const wide: Cell[] = Array.from({ length: 10000 }, (_, i) => (i === 7777 ? 'Username' : `c${i}`));
  const t = readTable({ name: 'Wide', grid: [wide, wide.map((_, i) => (i === 7777 ? '@jane' : i))] }, 'followers');
  expect(readFollowers(t)[0].handle).toBe('jane');
});

// Found by this file and fixed (table.ts): the "Columns found: …" list quoted each header in full, so two
// 50,000-character header cells made a 100,000-character message for a toast, an alert or one stderr line.
test('the missing-column message stays short when header cells are 50,000 characters', () => {
  const e = thrown(() => readTable({ name: 'Long', grid: [['x'.repeat(50000), 'y'.repeat(50000)], ['a', 'b']] }, 'followers'));
  expect(e).toBeInstanceOf(InputError);
  expect((e as Error).message.length).toBeLessThan(2000);
});
