// Property-based tests of engagement (src/core/engagement.ts): any engagement tab gives finite, non-negative points
// per normalised handle; the order of rows and how they are split over tabs do not matter; newer counts more.
import fc from 'fast-check';
import { readEngagement, decay, engagementType } from '../src/core/engagement';
import { readTable } from '../src/core/table';
import { normalizeHandle } from '../src/core/values';
import { InputError, type Cell, type Engagement, type Grid, type Table } from '../src/core/types';
import { hostileCell, hostileGrid, params, recordFigures } from './property-arbitraries';

afterAll(() => recordFigures('property-engagement'));

const NOW = Date.UTC(2026, 10, 25);
const countCell = hostileCell();
const DAY = 86400000;

function tableOf(grid: Grid, name = 'Engagement'): Table | undefined {
  try {
    return readTable({ name, grid }, 'engagement');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return undefined;
  }
}

function expectSane(map: Map<string, Engagement>): void {
  for (const [handle, e] of map) {
    expect(handle).not.toBe('');
    expect(normalizeHandle(handle)).toBe(handle);
    expect(Number.isFinite(e.points)).toBe(true);
    expect(e.points).toBeGreaterThanOrEqual(0);
    for (const n of Object.values(e.counts)) {
      expect(Number.isFinite(n)).toBe(true);
      expect(n).toBeGreaterThan(0);
    }
    if (e.last !== undefined) expect(Number.isFinite(e.last)).toBe(true);
  }
}

function expectSame(a: Map<string, Engagement>, b: Map<string, Engagement>): void {
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [h, e] of a) {
    const f = b.get(h)!;
    expect(Math.abs(f.points - e.points)).toBeLessThanOrEqual(0.011 + 1e-9 * Math.abs(e.points)); // rounding to cents
    expect(f.counts).toEqual(e.counts);
    expect(f.last).toBe(e.last);
  }
}

test('any grid read as engagement: finite, non-negative points per normalised handle', () => {
  fc.assert(
    fc.property(hostileGrid({ long: true }), (grid) => {
      const t = tableOf(grid);
      if (t) expectSane(readEngagement([t], NOW));
    }),
    params('readEngagement any grid', 1000),
  );
});

// Well-formed event rows with hostile types, counts and dates.
const handle = fc.constantFrom('jane', '@Jane', 'https://instagram.com/jane', 'bob_1', '@bob_1', 'محمد', 'שרה', 'zoë😀', '#N/A', '');
const eventRow = fc.tuple(
  handle,
  fc.oneof(fc.constantFrom<Cell>('comment', 'Mention', 'story reply', 'LIKE', 'retweet', 'dm', 'unknown', '', null, '#REF!'), hostileCell()),
  fc.oneof(fc.integer({ min: 0, max: 400 }).map((d) => new Date(NOW - d * DAY)), hostileCell()),
  fc.oneof(fc.nat(50), fc.constantFrom<Cell>('1,234', '-5', '1.5k', '', '#VALUE!', -3, NaN, Infinity, 1e20), countCell),
);
const HEAD = ['Username', 'Type', 'Date', 'Count'];

test('shuffling rows or splitting them over two tabs gives the same engagement', () => {
  fc.assert(
    fc.property(fc.array(eventRow, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 30 }), fc.nat(30), (rows, keys, cut) => {
      const a = readEngagement([readTable({ name: 'E', grid: [HEAD, ...rows] }, 'engagement')], NOW);
      expectSane(a);
      const order = rows.map((_, i) => i).sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0) || x - y);
      const shuffled = order.map((i) => rows[i]);
      expectSame(a, readEngagement([readTable({ name: 'E', grid: [HEAD, ...shuffled] }, 'engagement')], NOW));
      const k = Math.min(cut, rows.length);
      const split = [
        readTable({ name: 'E1', grid: [HEAD, ...shuffled.slice(0, k)] }, 'engagement'),
        readTable({ name: 'E2', grid: [['x', 'y'], HEAD, ...shuffled.slice(k)] }, 'engagement'),
      ];
      expectSame(a, readEngagement(split, NOW));
    }),
    params('engagement row order / split independence', 500),
  );
});

test('per-person count rows: hostile counts never make points negative or infinite', () => {
  const head = ['Handle', 'Comments', 'Likes', 'Mentions', 'Shares'];
  fc.assert(
    fc.property(fc.array(fc.tuple(handle, countCell, countCell, countCell, countCell), { maxLength: 20 }), (rows) => {
      expectSane(readEngagement([readTable({ name: 'E', grid: [head, ...rows] }, 'engagement')], NOW));
    }),
    params('engagement count rows', 500),
  );
});

// Found by this file and fixed (engagement.ts): a count of Number.MAX_VALUE (a formula gone wrong) gave Infinity points.
test('an absurd count gives finite engagement points', () => {
  const m = readEngagement([readTable({ name: 'E', grid: [['Handle', 'Comments'], ['jane', Number.MAX_VALUE]] }, 'engagement')], NOW);
  expect(Number.isFinite(m.get('jane')!.points)).toBe(true);
});

test('decay: 1 for undated or future interactions, halves every 30 days, never increases with age', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1000, max: 100000 }), fc.integer({ min: 0, max: 100000 }), (a, b) => {
      const older = NOW - Math.max(a, b) * DAY;
      const newer = NOW - Math.min(a, b) * DAY;
      expect(decay(older, NOW)).toBeLessThanOrEqual(decay(newer, NOW));
      expect(decay(older, NOW)).toBeGreaterThanOrEqual(0);
      expect(decay(newer, NOW)).toBeLessThanOrEqual(1);
    }),
    params('decay monotone', 500),
  );
  expect(decay(undefined, NOW)).toBe(1);
  expect(decay(NOW - 30 * DAY, NOW)).toBeCloseTo(0.5, 10);
});

test('engagementType: any text in, a known type or undefined out', () => {
  const types = ['mention', 'tag', 'share', 'comment', 'dm', 'save', 'like'];
  fc.assert(
    fc.property(hostileCell({ long: true }), (v) => {
      const t = engagementType(v);
      expect(t === undefined || types.includes(t)).toBe(true);
    }),
    params('engagementType total', 1000),
  );
});
