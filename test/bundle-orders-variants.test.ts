// dist/Code.js through gas-local on Orders tabs in the variants real exports have: Shopify abandoned checkouts (no
// customer, an alert and a sidebar problem naming the tab), Big Cartel (Total price) and Etsy (Buyer's username).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkbook, tabValues } from '../src/emulator';
import type { Cell } from '../src/core/types';
import { DIST, run } from './bundle-env';
import { abandonedCheckouts, bigCartel, etsyItems } from './fixtures/variants';

beforeAll(() => {
  if (!existsSync(join(DIST, 'Code.js')) || process.env.FOLLOWBACK_REBUILD) {
    execFileSync('node', ['scripts/build.mjs'], { cwd: join(__dirname, '..'), stdio: 'pipe' });
  }
});

const FOLLOWERS: Cell[][] = [
  ['Username', 'Full name', 'Bio', 'Followers', 'Following', 'Posts'],
  ['soren.halvard', 'Soren Halvard', 'Screen printer', 800, 400, 120],
  ['tova.quillan0', 'Tova Quillan0', 'Coffee and clay', 500, 300, 80],
  ['marentoll85', 'Maren', 'Stickers', 300, 200, 40],
];

function scored(orders: Cell[][]): { out: Record<string, Cell>[]; alerts: string[]; toasts: string[] } {
  const book = createWorkbook([
    { name: 'Followers', values: FOLLOWERS },
    { name: 'Orders', values: orders },
  ]);
  const { g, code } = run(book);
  code.scoreFollowers();
  const values = tabValues(book, 'Followers');
  const out = values.slice(1).map((row) => Object.fromEntries(values[0].map((h, i) => [String(h), row[i]])));
  return { out, alerts: g.ui.alerts, toasts: g.ui.toasts };
}

test('Shopify abandoned checkouts: nobody becomes a customer; the menu alerts naming the tab; the sidebar lists the problem', () => {
  const { out, alerts, toasts } = scored(abandonedCheckouts(250));
  expect(out.map((r) => r['Customer'])).toEqual(['', '', '']);
  expect(out.map((r) => r['Customer ID'])).toEqual(['', '', '']);
  expect(alerts).toEqual([expect.stringMatching(/^Followback: Orders: Financial Status and Paid at are empty on every row.*nobody in it has paid/)]);
  expect(toasts[0]).toMatch(/Orders: Financial Status and Paid at are empty/);

  const book = createWorkbook([
    { name: 'Followers', values: FOLLOWERS },
    { name: 'Orders', values: abandonedCheckouts(250) },
  ]);
  const status = run(book).code.getStatus() as { problems: string[] };
  expect(status.problems).toEqual([expect.stringMatching(/^Orders: Financial Status and Paid at are empty on every row/)]);
  // a paid order far down the tab: the whole tab is read before a problem is reported, and there is none
  const mixed = abandonedCheckouts(250);
  mixed[200][2] = 'paid';
  mixed[200][3] = '2026-05-12 12:10:00 -0700';
  const book2 = createWorkbook([
    { name: 'Followers', values: FOLLOWERS },
    { name: 'Orders', values: mixed },
  ]);
  expect((run(book2).code.getStatus() as { problems: string[] }).problems).toEqual([]);
});

test('Big Cartel: the customer paid Total price', () => {
  const { out, alerts } = scored(bigCartel());
  expect(alerts).toEqual([]);
  expect(out[0]['Customer']).toBe('Soren Halvard · soren.h@example.test · 1 order · $41.50');
  expect(out[0]['Customer ID']).toBe('soren.h@example.test');
});

test('Etsy: the username in Buyer "Full Name (etsyusername)" links the follower of that handle; Price × Quantity', () => {
  const { out, alerts } = scored(etsyItems());
  expect(alerts).toEqual([]);
  expect(out[2]['Customer']).toBe('Maren Tollefsen · 1 order · 10.70');
  expect(out[2]['Customer ID']).toBe('Maren Tollefsen');
  expect(out[2]['Recommendation']).toBe('Follow back');
});
