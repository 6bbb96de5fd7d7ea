// Property-based tests of the engine end to end (src/core/engine.ts with customers, matching, engagement, bot risk,
// score and queue): any workbook either scores or fails with an InputError naming a tab; scoring is deterministic;
// the order of follower rows (and of order and engagement rows) does not change any handle's nine outputs or
// who is queued today; scoreHandles agrees with the bulk run.
import fc from 'fast-check';
import { DEFAULT_SETTINGS, prepare, prepareForHandles, readContext, scoreHandles, scoreRows, scoreWorkbook, settleRows, toCells, type WorkbookInput } from '../src/core/engine';
import { InputError, type Cell, type Grid, type ResultRow, type Settings } from '../src/core/types';
import { hostileCell, hostileGrid, params, recordFigures } from './property-arbitraries';

afterAll(() => recordFigures('property-engine'));

const NOW = Date.UTC(2026, 10, 25);
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, now: NOW, ...over });
const platform = fc.constantFrom<Settings['platform']>('instagram', 'x', 'tiktok', 'facebook', 'threads', 'bluesky', 'linkedin', 'pinterest');
const anySettings = fc.record({ platform, followingCount: fc.nat(12000), dailyLimit: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }) }).map((s) => settings(s));

function expectClear(e: unknown, names: string[]): void {
  expect(e).toBeInstanceOf(InputError);
  const msg = (e as Error).message;
  expect(names.some((n) => msg.startsWith(n))).toBe(true);
  expect(msg).not.toMatch(/\[object |TypeError|ReferenceError/);
}

function expectRow(r: ResultRow | null): void {
  if (!r) return;
  expect(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100).toBe(true);
  expect(Number.isInteger(r.botRisk) && r.botRisk >= 0 && r.botRisk <= 100).toBe(true);
  expect(['Follow back', 'Consider', 'Skip', 'Likely bot', 'Already following']).toContain(r.recommendation);
  expect(r.matchConfidence === '' || (r.matchConfidence >= 0 && r.matchConfidence <= 1)).toBe(true);
  expect(Number.isFinite(r.engagement)).toBe(true);
  expect(typeof r.reasons === 'string' && r.reasons.length > 0).toBe(true);
  if (r.customerId) expect(r.customer).not.toMatch(/^Possible: /);
  expect(toCells(r)).toHaveLength(9);
}

test('any workbook of hostile tabs: rows scored, or an InputError naming a tab', () => {
  fc.assert(
    fc.property(
      hostileGrid({ long: true }),
      fc.array(hostileGrid(), { maxLength: 2 }),
      fc.array(hostileGrid(), { maxLength: 1 }),
      fc.array(hostileGrid(), { maxLength: 1 }),
      anySettings,
      (f, o, e, g, s) => {
        const input: WorkbookInput = {
          followers: { name: 'Followers', grid: f },
          orders: o.map((grid, i) => ({ name: `Orders ${i + 1}`, grid })),
          engagement: e.map((grid) => ({ name: 'Engagement', grid })),
          following: g.map((grid) => ({ name: 'Following', grid })),
        };
        let out;
        try {
          out = scoreWorkbook(input, s);
        } catch (err) {
          expectClear(err, ['Followers', 'Orders 1', 'Orders 2', 'Engagement', 'Following']);
          return;
        }
        expect(out.rows).toHaveLength(out.followers.length);
        out.rows.forEach(expectRow);
        expect(out.summary.queued).toBeLessThanOrEqual(out.summary.budget);
      },
    ),
    params('scoreWorkbook any workbook', 250),
  );
});

// A realistic workbook with hostile cells in its data (handles unique unless asked otherwise).
const firstNames = ['jane', 'marco', 'lena', 'محمد', 'יוסי', 'zoë', 'anna', 'ali'];
const follower = (i: number) =>
  fc.record({
    name: fc.oneof(fc.constantFrom(...firstNames).map((n) => `${n} Doe`), hostileCell()),
    followers: fc.oneof(fc.nat(100000), hostileCell()),
    following: fc.oneof(fc.nat(8000), hostileCell()),
    posts: fc.oneof(fc.nat(3000), hostileCell()),
    pic: fc.oneof(fc.boolean(), hostileCell()),
    bio: fc.oneof(fc.constantFrom('', 'Ceramics ✨', 'DM for promo 💰💰', 'مرحبا'), hostileCell()),
  }).map((r) => [`${firstNames[i % firstNames.length].replace(/[^a-z]/g, 'x')}_${i}`, r.name, r.followers, r.following, r.posts, r.pic, r.bio] as Cell[]);
const F_HEAD = ['Username', 'Full Name', 'Followers', 'Following', 'Posts', 'Has profile picture', 'Bio'];

const workbook = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    followers: fc.tuple(...Array.from({ length: n }, (_, i) => follower(i))),
    blanks: fc.array(fc.nat(n), { maxLength: 3 }),
    orders: fc.array(
      fc.record({ who: fc.nat(n + 5), email: fc.boolean(), total: fc.oneof(fc.integer({ min: 0, max: 500 }), hostileCell()), status: fc.constantFrom('paid', 'refunded', '', 'voided') }),
      { maxLength: 15 },
    ),
    engagement: fc.array(fc.record({ who: fc.nat(n + 5), type: fc.constantFrom('comment', 'like', 'mention', 'share', '??'), days: fc.nat(200) }), { maxLength: 20 }),
    following: fc.array(fc.nat(n + 5), { maxLength: 4 }),
  }),
);

type Wb = { followers: Cell[][]; blanks: number[]; orders: { who: number; email: boolean; total: Cell; status: string }[]; engagement: { who: number; type: string; days: number }[]; following: number[] };

function inputOf(w: Wb, order?: number[]): WorkbookInput {
  let rows: Cell[][] = w.followers.slice();
  for (const b of w.blanks) rows.splice(Math.min(b, rows.length), 0, ['', '', '', '', '', '', '']);
  if (order) rows = order.map((i) => rows[i]);
  const handle = (k: number) => (w.followers[k] ? String(w.followers[k][0]) : `stranger_${k}`);
  const orders: Grid = [['Order ID', 'Email', 'Billing Name', 'Total', 'Financial Status']];
  w.orders.forEach((o, i) => orders.push([`#${1000 + i}`, o.email ? `${handle(o.who)}@example.com` : '', w.followers[o.who]?.[1] ?? `Someone ${o.who}`, o.total, o.status]));
  const engagement: Grid = [['Username', 'Type', 'Date']];
  w.engagement.forEach((e) => engagement.push([`@${handle(e.who)}`, e.type, new Date(NOW - e.days * 86400000)]));
  return {
    followers: { name: 'Followers', grid: [F_HEAD, ...rows] },
    orders: [{ name: 'Orders', grid: orders }],
    engagement: [{ name: 'Engagement', grid: engagement }],
    following: [{ name: 'Following', grid: [['Username'], ...w.following.map((k) => [handle(k)])] }],
  };
}

/**
 * handle → its nine output cells (one entry per row: duplicates listed in full). `unsureText: false` blanks the
 * text of an unsure "Possible: …" customer (see the BUG test at the end: ties between candidates).
 */
function byHandle(input: WorkbookInput, s: Settings, unsureText = true): Map<string, string[]> {
  const out = scoreWorkbook(input, s);
  const m = new Map<string, string[]>();
  out.followers.forEach((f, i) => {
    if (!f.handle) return;
    const cells = toCells(out.rows[i]);
    if (!unsureText && typeof cells[3] === 'string' && cells[3].startsWith('Possible: ')) cells[3] = 'Possible: …';
    m.set(f.handle, [...(m.get(f.handle) || []), JSON.stringify(cells)]);
  });
  for (const [k, v] of m) m.set(k, v.sort());
  return m;
}

const permutation = (n: number) => fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) => keys.map((k, i) => [k, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((p) => p[1]));

test('deterministic: the same workbook scores the same, twice', () => {
  fc.assert(
    fc.property(workbook, anySettings, (w, s) => {
      const a = scoreWorkbook(inputOf(w), s);
      const b = scoreWorkbook(inputOf(w), s);
      expect(b.rows).toEqual(a.rows);
      expect(b.summary).toEqual(a.summary);
      expect(b.warnings).toEqual(a.warnings);
    }),
    params('engine deterministic', 100),
  );
});

test('follower row order does not matter: each handle keeps its nine outputs, the same handles are queued', () => {
  fc.assert(
    fc.property(
      workbook.chain((w) => fc.tuple(fc.constant(w), permutation(w.followers.length + w.blanks.length))),
      anySettings,
      ([w, order], s) => {
        const a = byHandle(inputOf(w), s);
        const b = byHandle(inputOf(w, order), s);
        expect(b).toEqual(a);
      },
    ),
    params('engine follower-row order independence', 100),
  );
});

test('order and engagement row order does not matter either', () => {
  fc.assert(
    fc.property(
      workbook.chain((w) => fc.tuple(fc.constant(w), permutation(w.orders.length), permutation(w.engagement.length))),
      ([w, po, pe]) => {
        const a = byHandle(inputOf(w), settings(), false);
        const shuffled = { ...w, orders: po.map((i) => w.orders[i]), engagement: pe.map((i) => w.engagement[i]) };
        expect(byHandle(inputOf(shuffled), settings(), false)).toEqual(a);
      },
    ),
    params('engine orders/engagement row order independence', 100),
  );
});

test('a follower listed twice gets the same scores on both rows, and is queued at most once', () => {
  fc.assert(
    fc.property(workbook, fc.nat(100), (w, pick) => {
      const k = pick % w.followers.length;
      const dup = { ...w, followers: [...w.followers, w.followers[k]] };
      const out = scoreWorkbook(inputOf(dup), settings({ dailyLimit: 500 }));
      const rows = out.followers.map((f, i) => [f.handle, out.rows[i]] as const).filter(([h]) => h === String(w.followers[k][0]).toLowerCase());
      expect(rows).toHaveLength(2);
      const strip = (r: ResultRow | null) => r && { ...r, queue: '' };
      expect(strip(rows[1][1])).toEqual(strip(rows[0][1]));
      expect(rows.filter(([, r]) => r && r.queue !== '').length).toBeLessThanOrEqual(1);
    }),
    params('duplicate follower rows', 100),
  );
});

test('chunks give the same rows as one run (the sidebar scores in chunks)', () => {
  fc.assert(
    fc.property(workbook, fc.integer({ min: 1, max: 7 }), (w, size) => {
      const input = inputOf(w);
      const p = prepare(input, settings());
      const whole = scoreRows(p);
      const parts: (ResultRow | null)[] = [];
      for (let i = 0; i < p.followers.length; i += size) parts.push(...scoreRows(p, i, i + size));
      expect(parts).toEqual(whole);
      // chunks settled afterwards (the sidebar's finish, the command line's two threads) = the menu's whole run
      settleRows(p, p.followers, parts);
      expect(parts).toEqual(scoreWorkbook(input, settings()).rows.map((r) => r && { ...r, queue: '' }));
    }),
    params('chunked scoring = whole', 100),
  );
});

test('scoreHandles (custom functions) agrees with the bulk run for every handle of the tab', () => {
  fc.assert(
    fc.property(workbook, (w) => {
      const input = inputOf(w);
      const p = prepare(input, settings());
      const rows = scoreRows(p);
      // the bulk run settles the customers several followers claim; so do custom functions, over the handles asked
      settleRows(p, p.followers, rows);
      const handles = p.followers.map((f) => f.handle);
      const single = scoreHandles(p, handles);
      p.followers.forEach((f, i) => {
        if (!f.handle || p.byHandle!.get(f.handle) !== i) return;
        expect(single[i]).toEqual(rows[i]);
      });
      // and hostile cells as handles never throw
      expect(() => scoreHandles(p, ['#N/A', '', null, 42, new Date(NaN), '😀', 'x'.repeat(50000)])).not.toThrow();
    }),
    params('scoreHandles = bulk', 100),
  );
});

test('custom functions read only the asked followers whole (prepareForHandles), with the same results', () => {
  fc.assert(
    fc.property(workbook, fc.array(fc.nat(), { maxLength: 6 }), (w, picks) => {
      const input = inputOf(w);
      const whole = prepare(input, settings());
      const handles: Cell[] = picks.map((k) => (whole.followers.length ? String(w.followers[k % w.followers.length][0]) : 'nobody'));
      handles.push('someone_not_on_the_list', '');
      const lite = prepareForHandles(input, settings(), readContext(input, settings(), settings().now!), handles);
      expect(scoreHandles(lite, handles)).toEqual(scoreHandles(whole, handles));
    }),
    params('prepareForHandles = prepare', 100),
  );
});

// BUG (src/core/match.ts, matching engineer): when two customers fit an unsure match equally, the one shown in
// `Possible: …` is whichever comes first in the Orders tab, so re-sorting the orders export changes the Customer
// column. Repro: Followers [['Username'], ['marco_17']]; Orders rows marco_1@example.com (Ann Lee) and
// marco_9@example.com (Bo Chan), both 'email matches handle (apart from digits)', confidence 0.5 each: in one order
// the cell reads "Possible: Ann Lee · …", in the other "Possible: Bo Chan · …". Expected: a tie broken by a stable
// key (e.g. the customer key), or both candidates named.
test('a tie between two possible customers does not depend on the order of the Orders rows', () => {
  const head = ['Order ID', 'Email', 'Billing Name', 'Total', 'Financial Status'];
  const a = ['#1', 'marco_1@example.com', 'Ann Lee', 10, 'paid'];
  const b = ['#2', 'marco_9@example.com', 'Bo Chan', 10, 'paid'];
  const run = (rows: Cell[][]) =>
    scoreWorkbook({ followers: { name: 'Followers', grid: [['Username'], ['marco_17']] }, orders: [{ name: 'Orders', grid: [head, ...rows] }] }, settings()).rows[0];
  expect(run([b, a])).toEqual(run([a, b]));
});
