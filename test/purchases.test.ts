// Orders and customers exports in the variants real files have (research/export-formats.md, "Variants seen in real
// files"): what counts as a purchase, who the buyer is, and the message for a file that holds none.
import { buildCustomers, describeCustomer } from '../src/core/customers';
import { DEFAULT_SETTINGS, readContext, scoreWorkbook } from '../src/core/engine';
import { readFollowers, readTable } from '../src/core/table';
import { createWorkbook } from '../src/emulator';
import * as server from '../src/server/index';
import { execution } from './sheets-env';
import type { Cell, Settings } from '../src/core/types';
import { abandonedCheckouts, bigCartel, etsyItems, paidShopify, shopifyTransactions, signUps, stripeCustomers, stripePayments } from './fixtures/variants';

const table = (name: string, g: Cell[][]) => readTable({ name, grid: g }, 'orders');
const settings: Settings = { ...DEFAULT_SETTINGS, now: Date.UTC(2026, 5, 1) };

describe('files that hold no purchase: no customer, and a message naming the file and why', () => {
  test('Shopify abandoned checkouts (Financial Status and Paid at empty on every row)', () => {
    const { customers, empty } = buildCustomers([table('abandoned_checkouts.csv', abandonedCheckouts(250))]);
    expect(customers).toEqual([]);
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatch(/^abandoned_checkouts\.csv: Financial Status and Paid at are empty on every row.*nobody in it has paid/);
  });

  test('a Shopify customers export of sign-ups (Total Orders 0 everywhere)', () => {
    const { customers, empty } = buildCustomers([table('customers_export.csv', signUps())]);
    expect(customers).toEqual([]);
    expect(empty[0]).toMatch(/^customers_export\.csv: every customer in it has 0 Total Orders \/ Total Spent/);
  });

  test('a Shopify transactions export names no person: a message, not silence, and not an error', () => {
    const ctx = readContext({ orders: [{ name: 'transactions_export.csv', grid: shopifyTransactions() }, { name: 'orders_export.csv', grid: paidShopify() }] }, settings, settings.now!);
    expect(ctx.customers.map((c) => c.key)).toEqual(['orla.venn@example.test']);
    expect(ctx.noPurchases).toEqual([expect.stringMatching(/^transactions_export\.csv: this is a transactions export .*names no person/)]);
  });

  test('an order export whose orders were all refused names the file too', () => {
    const g = stripePayments().filter((r, i) => i === 0 || r[5] === 'Failed' || r[5] === 'requires_payment_method');
    const { empty } = buildCustomers([table('unified_payments.csv', g)]);
    expect(empty).toEqual([expect.stringMatching(/^unified_payments\.csv: none of its 2 orders was paid for/)]);
  });

  test('the message reaches the scoring warnings; scoring goes on with the other files', () => {
    const followers = { name: 'Followers', grid: [['Username', 'Full name'], ['orla.venn', 'Orla Venn'], ['tova.q', 'Tova Quillan0']] as Cell[][] };
    const s = scoreWorkbook({ followers, orders: [{ name: 'abandoned.csv', grid: abandonedCheckouts(3) }, { name: 'orders.csv', grid: paidShopify() }] }, settings);
    expect(s.noPurchases).toEqual([expect.stringMatching(/^abandoned\.csv: /)]);
    expect(s.warnings[0]).toBe(s.noPurchases[0]);
    expect(s.rows[0]!.customer).toMatch(/^Orla Venn/);
    expect(s.rows[1]!.customer).toBe(''); // a shopper who never paid is nobody's customer
  });
});

describe('Etsy Sold Order Items', () => {
  const { customers } = buildCustomers([table('EtsySoldOrderItems2026.csv', etsyItems())]);
  test('Buyer "Full Name (etsyusername)": the name is the name, the username a handle', () => {
    const maren = customers.find((c) => c.key === 'Maren Tollefsen')!;
    expect(maren.names).toEqual(['Maren Tollefsen']);
    expect(maren.handles).toEqual(['marentoll85']);
  });
  test('an item is Price × Quantity: 2 × 3.35 + 4.00 in one order; Sale Date MM/DD/YY', () => {
    const maren = customers.find((c) => c.key === 'Maren Tollefsen')!;
    expect(maren.orders).toBe(1);
    expect(maren.spent).toBe(10.7);
    expect(maren.lastOrder).toBe(Date.UTC(2026, 2, 12));
  });
  test('a bare Buyer is the username, the Ship Name the name', () => {
    const c = customers.find((x) => x.handles.includes('quillfeather22'))!;
    expect(c.names).toEqual(['Ilse Brandvik']);
    expect(describeCustomer(c)).toBe('Ilse Brandvik · 1 order · 12.00');
  });
  test('Item Total, where present, is the item amount (no multiplying)', () => {
    const g = etsyItems().map((r, i) => (i === 0 ? [...r, 'Item Total'] : [...r, String(Number(r[4]) * Number(r[3]))]));
    const { customers: c } = buildCustomers([table('items.csv', g)]);
    expect(c.find((x) => x.key === 'Maren Tollefsen')!.spent).toBe(10.7);
  });
  test('Buyer User ID of Sold Orders is a handle when it is a username (not when a number)', () => {
    const g: Cell[][] = [
      ['Sale Date', 'Order ID', 'Buyer User ID', 'Full Name', 'Order Total', 'Buyer'],
      ['03/12/26', '1', 'hollyreed7', 'Holly Reed', '20.00', 'Holly Reed (hollyreed7)'],
      ['03/13/26', '2', '48151623', 'Ivo Lant', '15.00', ''],
    ];
    const { customers: c } = buildCustomers([table('EtsySoldOrders.csv', g)]);
    expect(c.map((x) => [x.key, x.handles])).toEqual([
      ['Holly Reed', ['hollyreed7']],
      ['Ivo Lant', []],
    ]);
  });
});

test('Big Cartel: the amount paid is Total price; the buyer from Buyer first/last name and email', () => {
  const { customers } = buildCustomers([table('orders.csv', bigCartel())]);
  expect(customers).toHaveLength(1);
  expect(customers[0]).toMatchObject({ key: 'soren.h@example.test', names: ['Soren Halvard'], orders: 1, spent: 41.5, currency: 'USD' });
});

describe('Stripe', () => {
  test('customers export: Total Spend and Payment Count read; who never paid is no customer', () => {
    const { customers } = buildCustomers([table('unified_customers.csv', stripeCustomers())]);
    expect(customers.map((c) => [c.key, c.orders, c.spent])).toEqual([['ada.fennick@example.test', 3, 120.5]]);
  });
  test('payments: Failed and requires_payment_method never paid; Pending (a bank debit on its way) counts', () => {
    const { customers, ignored } = buildCustomers([table('unified_payments.csv', stripePayments())]);
    expect(customers.map((c) => c.key)).toEqual(['paid@example.test', 'pending@example.test']);
    expect(ignored.cancelled).toBe(2);
  });
});

describe('unknown everywhere: NA, N/A, null, None, [], {} read as a blank cell is', () => {
  const header = ['Username', 'Full name', 'Bio', 'Followers', 'Following', 'Posts', 'Profile pic url', 'Is private', 'Is verified', 'External url'];
  const blank = ['kessa.wynd', '', '', '', '', '', '', '', '', ''];
  test.each([
    ['R', ['kessa.wynd', 'NA', 'NA', 'NA', 'NA', 'NA', 'NA', 'NA', 'NA', 'NA']],
    ['Python', ['kessa.wynd', 'None', '[]', 'None', 'None', 'None', 'None', 'None', 'None', '{}']],
    ['mixed case and spaces', ['kessa.wynd', ' n/a ', 'null', 'N/A', 'Null', 'NONE', '[ ]', 'na', 'NULL', '{ }']],
  ])('%s: the same bot risk and the same nine outputs as the blank row', (_lang, unknown) => {
    const score = (row: Cell[]) => scoreWorkbook({ followers: { name: 'Followers', grid: [header, row] } }, settings).rows[0];
    expect(score(unknown)).toEqual(score(blank));
  });
  test('Python True/False and R TRUE/FALSE are booleans', () => {
    const t = readTable({ name: 'F', grid: [header, ['a', '', '', '', '', '', '', 'True', 'FALSE', ''], ['b', '', '', '', '', '', '', 'false', 'TRUE', '']] }, 'followers');
    expect(readFollowers(t).map((f) => [f.isPrivate, f.verified])).toEqual([
      [true, false],
      [false, true],
    ]);
  });
  test('an order row with NA as its name makes no customer called "NA"', () => {
    const g: Cell[][] = [['Order ID', 'Customer Name', 'Email', 'Total'], ['1', 'NA', '', '10.00'], ['2', 'Rhea Tamsin', 'NA', '12.00']];
    expect(buildCustomers([table('o.csv', g)]).customers.map((c) => c.key)).toEqual(['Rhea Tamsin']);
  });
});

describe('more variants of real exports', () => {
  test('PayPal personal download (10 columns, Amount): money received counts, money sent does not', () => {
    const g: Cell[][] = [
      ['\uFEFFDate', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Amount', 'Receipt ID', 'Balance'],
      ['03/12/2026', '10:15:02', 'PST', 'Noor Vale', 'General Payment', 'Completed', 'USD', '25.00', '', '125.00'],
      ['03/13/2026', '11:00:00', 'PST', 'Shop Supplies Inc', 'General Payment', 'Completed', 'USD', '-10.00', '', '115.00'],
    ];
    const { customers } = buildCustomers([table('Download.CSV', g)]);
    expect(customers.map((c) => [c.key, c.spent])).toEqual([['Noor Vale', 25]]);
  });

  test('Stripe: a phone number in Name is a phone, not a name; a "… (metadata)" handle column is read', () => {
    const g: Cell[][] = [
      ['id', 'Created (UTC)', 'Amount', 'Status', 'Customer Email', 'Name', 'instagram (metadata)'],
      ['py_9', '2026-02-01 10:00', '30.00', 'Paid', 'lio@example.test', '+1 555 010 7788', '@lio.makes'],
    ];
    const { customers } = buildCustomers([table('unified_payments.csv', g)]);
    expect(customers[0]).toMatchObject({ key: 'lio@example.test', names: [], phones: ['+15550107788'], handles: ['lio.makes'] });
  });

  test('Shopify customers export, older headers (Company, Address1, …, Province Code, Country Code, Zip)', () => {
    const g: Cell[][] = [
      ['First Name', 'Last Name', 'Email', 'Company', 'Address1', 'Address2', 'City', 'Province', 'Province Code', 'Country', 'Country Code', 'Zip', 'Phone', 'Accepts Marketing', 'Total Spent', 'Total Orders', 'Tags', 'Note', 'Tax Exempt'],
      ['Pia', 'Ostrom', 'pia@example.test', '', '1 Main St', '', 'Town', 'Oregon', 'OR', 'United States', 'US', "'97201", "'5550101", 'no', '88.00', '2', '', '', 'no'],
      ['Lev', 'Amani', 'lev@example.test', '', '', '', '', '', '', '', '', '', '', 'yes', '0.00', '0', '', '', 'no'],
    ];
    const { customers, empty } = buildCustomers([table('customers_export.csv', g)]);
    expect(customers.map((c) => [c.key, c.orders, c.spent])).toEqual([['pia@example.test', 2, 88]]);
    expect(empty).toEqual([]);
  });
});

test('a scraper CSV without a header row gets a message saying so, naming the file, not a list of "columns"', () => {
  const g: Cell[][] = [
    ['kessa.wynd', 'Kessa Wynd', 'True', '1234', '[]'],
    ['mott.kr', 'NA', 'False', '88', 'Potter'],
  ];
  expect(() => readTable({ name: 'scraped.csv', grid: g }, 'followers')).toThrow(/^scraped\.csv: the first row holds a follower \(kessa\.wynd, Kessa Wynd, True, 1234\), not column names: the file has no header row\. Add one/);
});

test('abandoned checkouts mixed into an orders export: only the paid order makes a customer', () => {
  const g = abandonedCheckouts(5);
  g[3][2] = 'paid'; // Financial Status of the third checkout
  const { customers, ignored, empty } = buildCustomers([table('orders_export.csv', g)]);
  expect(customers.map((c) => c.key)).toEqual(['shopper2@example.test']);
  expect(ignored.cancelled).toBe(4);
  expect(empty).toEqual([]);
});

test('outside Etsy a Buyer is a name as written: "(…)" is not read as a username', () => {
  const g: Cell[][] = [['Order ID', 'Buyer', 'Total'], ['1', 'Acme Studio (UK)', '10.00']];
  expect(buildCustomers([table('sales.csv', g)]).customers.map((c) => [c.key, c.handles])).toEqual([['Acme Studio (UK)', []]]);
});

test('BOT_RISK: NA, None and [] arguments give what blank cells give', () => {
  execution(createWorkbook([]), { customFunction: true });
  const blank = server.BOT_RISK([[120], [300]], [[80], [7400]], [[''], ['']], [[''], ['']], [[''], ['']], [['kessa.wynd'], ['user8812']]);
  const unknown = server.BOT_RISK([[120], [300]], [[80], [7400]], [['NA'], ['None']], [['NA'], ['null']], [['[]'], ['NA']], [['kessa.wynd'], ['user8812']]);
  expect(unknown).toEqual(blank);
});
