import { buildCustomers, describeCustomer, formatMoney, handlesInText } from '../src/core/customers';
import { readTable } from '../src/core/table';
import type { Cell, Customer, Table } from '../src/core/types';

/** An orders table from a real export's header line and rows given as field → value. */
function exportTable(name: string, header: string, rows: Record<string, Cell>[]): Table {
  const headers = header.split(',');
  const grid: Cell[][] = [headers, ...rows.map((r) => headers.map((h) => (h in r ? r[h] : '')))];
  return readTable({ name, grid }, 'orders');
}

const byKey = (customers: Customer[], key: string) => customers.find((c) => c.key === key);

const SHOPIFY =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,' +
  'Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,' +
  'Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,' +
  'Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,' +
  'Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,' +
  'Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,' +
  'Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Phone,' +
  'Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References';

describe('Shopify orders (one row per line item, order fields on the first row)', () => {
  const first = (order: string, email: string, name: string, total: string, extra: Record<string, Cell> = {}) => ({
    Name: order,
    Email: email,
    'Financial Status': 'paid',
    Currency: 'USD',
    Total: total,
    'Created at': '2026-05-12 12:08:27 -0700',
    'Lineitem name': 'Mug',
    'Billing Name': name,
    'Shipping Name': name,
    ...extra,
  });
  const item = (order: string, email: string) => ({ Name: order, Email: email, 'Lineitem name': 'Extra item', 'Lineitem price': '10.00' });

  it('counts orders, not rows, and adds up the order totals', () => {
    const t = exportTable('Orders', SHOPIFY, [
      first('#1001', 'Jane@Example.com', 'Jane Doe', '120.00'),
      item('#1001', 'jane@example.com'),
      item('#1001', 'jane@example.com'),
      first('#1002', 'jane@example.com', 'Jane Doe', '120.00', { 'Created at': '2026-06-01 09:00:00 -0700' }),
      item('#1002', 'jane@example.com'),
      first('#1003', 'bob@example.com', 'Bob Stone', '35.50'),
    ]);
    const { customers, ignored } = buildCustomers([t]);
    expect(customers).toHaveLength(2);
    const jane = byKey(customers, 'jane@example.com')!;
    expect(jane.orders).toBe(2);
    expect(jane.spent).toBe(240);
    expect(jane.names).toEqual(['Jane Doe']);
    expect(jane.currency).toBe('USD');
    expect(jane.lastOrder).toBe(Date.UTC(2026, 5, 1, 16, 0, 0));
    expect(describeCustomer(jane)).toBe('Jane Doe · jane@example.com · 2 orders · $240.00');
    expect(ignored).toEqual({ refunded: 0, cancelled: 0, zero: 0, totals: 0 });
  });

  it('leaves out refunded, cancelled, voided and $0 exchange orders, and keeps partial refunds net', () => {
    const t = exportTable('Orders', SHOPIFY, [
      first('#2001', 'a@example.com', 'Ann Lee', '50.00', { 'Financial Status': 'refunded', 'Refunded Amount': '50.00' }),
      item('#2001', 'a@example.com'),
      first('#2002', 'b@example.com', 'Ben Cruz', '40.00', { 'Cancelled at': '2026-05-13 10:00:00 -0700' }),
      first('#2003', 'c@example.com', 'Cat Moss', '30.00', { 'Financial Status': 'voided' }),
      first('#2004', 'd@example.com', 'Dan Fox', '0.00'),
      first('#2005', 'e@example.com', 'Eve Park', '80.00', { 'Financial Status': 'partially_refunded', 'Refunded Amount': '20.00' }),
      first('#2006', 'f@example.com', 'Fay Ito', '25.00', { 'Financial Status': 'paid', 'Refunded Amount': '25.00' }),
    ]);
    const { customers, ignored } = buildCustomers([t]);
    expect(customers.map((c) => c.key)).toEqual(['e@example.com']);
    expect(customers[0].spent).toBe(60);
    expect(ignored).toEqual({ refunded: 2, cancelled: 2, zero: 1, totals: 0 });
  });

  it('reads social handles from a handle column and from notes', () => {
    const t = exportTable('Orders', SHOPIFY, [
      first('#3001', 'jane@example.com', 'Jane Doe', '20.00', { Notes: 'Gift wrap please!\nIG: @jane.doe.makes' }),
      first('#3002', 'jane@example.com', 'Jane Doe', '20.00', { 'Note Attributes': 'instagram: https://www.instagram.com/JaneDoeArt/' }),
      first('#3003', 'sam@example.com', 'Sam Hill', '20.00', { Notes: 'found you via @hill.sam, email me at sam@example.com' }),
    ]);
    const { customers } = buildCustomers([t]);
    expect(byKey(customers, 'jane@example.com')!.handles).toEqual(['jane.doe.makes', 'janedoeart']);
    expect(byKey(customers, 'sam@example.com')!.handles).toEqual(['hill.sam']);
  });
});

describe('notes → handles', () => {
  it.each([
    ['@jane.doe', ['jane.doe']],
    ['IG: jane.doe', ['jane.doe']],
    ['insta - jane_doe', ['jane_doe']],
    ['tiktok: @janedoe', ['janedoe']],
    ['see instagram.com/jane.doe and x.com/janed', ['jane.doe', 'janed']],
    ['write to jane@example.com', []],
    ['Size: M, colour: blue', []],
    ['', []],
  ])('%s', (text, handles) => {
    expect(handlesInText(text)).toEqual(handles);
  });
});

describe('other exports', () => {
  it('Squarespace: line items grouped like Shopify, Amount Refunded', () => {
    const t = exportTable(
      'Orders',
      'Order ID,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Amount Refunded,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem variant,Billing Name,Shipping Name,Cancelled at,Private Notes,Payment Method,Payment Reference',
      [
        { 'Order ID': '00101', Email: 'mo@example.com', 'Financial Status': 'PAID', Currency: 'EUR', Total: '64.00', 'Billing Name': 'Mo Chen', 'Lineitem name': 'A' },
        { 'Order ID': '00101', Email: 'mo@example.com', 'Lineitem name': 'B' },
        { 'Order ID': '00102', Email: 'mo@example.com', 'Financial Status': 'REFUNDED', Total: '10.00', 'Amount Refunded': '10.00', 'Billing Name': 'Mo Chen' },
      ],
    );
    const { customers, ignored } = buildCustomers([t]);
    expect(customers).toHaveLength(1);
    expect(customers[0].orders).toBe(1);
    expect(describeCustomer(customers[0])).toBe('Mo Chen · mo@example.com · 1 order · €64.00');
    expect(ignored.refunded).toBe(1);
  });

  it('Wix: order fields repeated on every item row are counted once', () => {
    const t = exportTable(
      'Orders',
      'Order number,Date created,Time,Fulfill by,Total order quantity,Contact email,Note from customer,Item,Variant,SKU,Qty,Quantity refunded,Price,Recipient name,Recipient phone,Billing name,Billing phone,Payment status,Payment method,Total,Currency,Refunded amount,Net amount',
      [1, 2, 3].map((n) => ({
        'Order number': '10045',
        'Date created': 'Dec 8, 2024',
        'Contact email': 'lia@example.com',
        Item: `Item ${n}`,
        Price: '15.00',
        'Billing name': 'Lia Park',
        'Billing phone': '"+1 555 010 9999"',
        'Payment status': 'Paid',
        Total: '45.00',
        Currency: 'USD',
      })),
    );
    const { customers } = buildCustomers([t]);
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ key: 'lia@example.com', orders: 1, spent: 45, lastOrder: Date.UTC(2024, 11, 8) });
    expect(customers[0].phones).toEqual(['+15550109999']);
  });

  it('Etsy Sold Orders: no email, keyed by the name as written; adjusted totals ignored', () => {
    const t = exportTable(
      'Sold Orders',
      'Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type,InPerson Discount,InPerson Location,SKU',
      [
        { 'Sale Date': '03/04/25', 'Order ID': '3301', 'Buyer User ID': 'jdoe88', 'Full Name': 'Jane  Doe', 'Order Total': '22.50', Currency: 'USD', 'Adjusted Order Total': '0' },
        { 'Sale Date': '04/20/25', 'Order ID': '3302', 'Buyer User ID': 'jdoe88', 'Full Name': 'Jane Doe', 'Order Total': '10.00', Currency: 'USD' },
        { 'Sale Date': '04/21/25', 'Order ID': '3303', 'Buyer User ID': '', 'Full Name': 'JosÃ© NÃºÃ±ez', 'Order Total': '5.00', Currency: 'USD' },
      ],
    );
    const { customers } = buildCustomers([t]);
    expect(customers.map((c) => c.key)).toEqual(['Jane Doe', 'José Núñez']);
    expect(customers[0]).toMatchObject({ orders: 2, spent: 32.5, emails: [] });
    expect(describeCustomer(customers[0])).toBe('Jane Doe · 2 orders · $32.50');
  });

  it('Etsy Sold Order Items: item prices of one order add up', () => {
    const t = exportTable(
      'Sold Order Items',
      'Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Transaction ID,Listing ID,Date Paid,Date Shipped,Ship Name,Ship Address1,Order ID,Variations,Order Type,Listings Type,Payment Type',
      [
        { 'Item Name': 'Mug', Buyer: 'Kim Ono', Price: '18.00', 'Transaction ID': 't1', 'Order ID': '88', 'Ship Name': 'Kim Ono' },
        { 'Item Name': 'Bowl', Buyer: 'Kim Ono', Price: '24.00', 'Transaction ID': 't2', 'Order ID': '88', 'Ship Name': 'Kim Ono' },
      ],
    );
    const { customers } = buildCustomers([t]);
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ key: 'Kim Ono', orders: 1, spent: 42 });
  });

  it('an Etsy order without email joins the one emailed customer of that name', () => {
    const shop = exportTable('Orders', 'Name,Email,Total,Billing Name,Currency', [
      { Name: '#1', Email: 'jane@example.com', Total: '10', 'Billing Name': 'Jane Doe', Currency: 'USD' },
    ]);
    const etsy = exportTable('Etsy', 'Sale Date,Order ID,Full Name,Order Total', [{ 'Order ID': '9', 'Full Name': 'jane doe', 'Order Total': '5' }]);
    const { customers } = buildCustomers([shop, etsy]);
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ key: 'jane@example.com', orders: 2, spent: 15 });
  });

  it('Gumroad: the Totals row and fully refunded sales do not count', () => {
    const t = exportTable(
      'Sales',
      'Purchase ID,Item Name,Buyer Name,Purchase Email,Buyer Email,Do not contact?,Purchase Date,Purchase Time (UTC timezone),Subtotal ($),Sale Price ($),Refunded?,Partial Refund ($),Fully Refunded?',
      [
        { 'Purchase ID': 'a1', 'Item Name': 'Ebook', 'Buyer Name': 'Ola Berg', 'Purchase Email': 'ola@example.com', 'Sale Price ($)': '12', 'Fully Refunded?': '0' },
        { 'Purchase ID': 'a2', 'Item Name': 'Ebook', 'Buyer Name': 'Ira Blum', 'Purchase Email': 'ira@example.com', 'Sale Price ($)': '12', 'Fully Refunded?': '1' },
        { 'Purchase ID': 'Totals', 'Sale Price ($)': '24' },
      ],
    );
    const { customers, ignored } = buildCustomers([t]);
    expect(customers.map((c) => c.key)).toEqual(['ola@example.com']);
    expect(ignored).toMatchObject({ refunded: 1, totals: 1 });
  });

  it('PayPal: only Completed credits are sales (refunds, debits and pending rows are left out)', () => {
    const t = exportTable(
      'Transactions',
      'Date,Time,TimeZone,Name,Type,Status,Currency,Gross,Fee,Net,From Email Address,To Email Address,Transaction ID,Item Title,Balance Impact',
      [
        { Date: '01/05/2026', Name: 'Nia Cole', Type: 'Express Checkout Payment', Status: 'Completed', Currency: 'USD', Gross: '1,250.00', 'From Email Address': 'nia@example.com', 'Transaction ID': 'T1', 'Balance Impact': 'Credit' },
        { Date: '01/06/2026', Name: 'Nia Cole', Type: 'Payment Refund', Status: 'Completed', Currency: 'USD', Gross: '-50.00', 'From Email Address': 'nia@example.com', 'Transaction ID': 'T2', 'Balance Impact': 'Debit' },
        { Date: '01/07/2026', Name: 'Supplier Ltd', Type: 'General Payment', Status: 'Completed', Currency: 'USD', Gross: '-300.00', 'From Email Address': 'shop@example.com', 'Transaction ID': 'T3', 'Balance Impact': 'Debit' },
        { Date: '01/08/2026', Name: 'Raj Iyer', Type: 'Express Checkout Payment', Status: 'Pending', Currency: 'USD', Gross: '20.00', 'From Email Address': 'raj@example.com', 'Transaction ID': 'T4', 'Balance Impact': 'Credit' },
      ],
    );
    const { customers, ignored } = buildCustomers([t]);
    expect(customers.map((c) => [c.key, c.spent])).toEqual([['nia@example.com', 1250]]);
    expect(ignored).toMatchObject({ refunded: 2, cancelled: 1 });
    expect(describeCustomer(customers[0])).toBe('Nia Cole · nia@example.com · 1 order · $1,250.00');
  });

  it('Square transactions: Refund events are left out', () => {
    const t = exportTable(
      'Transactions',
      'Date,Time,Time Zone,Gross Sales,Discounts,Net Sales,Total Collected,Transaction ID,Payment ID,Customer ID,Customer Name,Event Type,Transaction Status',
      [
        { Date: '2026-03-01', 'Total Collected': '$22.50', 'Transaction ID': 's1', 'Customer Name': 'Tom Reed', 'Event Type': 'Payment', 'Transaction Status': 'Complete' },
        { Date: '2026-03-02', 'Total Collected': '($22.50)', 'Transaction ID': 's2', 'Customer Name': 'Tom Reed', 'Event Type': 'Refund', 'Transaction Status': 'Complete' },
        { Date: '2026-03-03', 'Total Collected': '$8.00', 'Transaction ID': 's3', 'Customer Name': 'Tom Reed', 'Event Type': 'Payment', 'Transaction Status': 'Complete' },
      ],
    );
    const { customers, ignored } = buildCustomers([t]);
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ key: 'Tom Reed', orders: 2, spent: 30.5 });
    expect(ignored.refunded).toBe(1);
  });

  it('Stripe payments: refunded in full and failed charges are left out', () => {
    const t = exportTable('Payments', 'id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Customer ID,Customer Description,Customer Email', [
      { id: 'ch_1', Amount: '30,00', 'Amount Refunded': '0,00', Currency: 'eur', Status: 'Paid', 'Customer Email': 'x@example.com' },
      { id: 'ch_2', Amount: '30,00', 'Amount Refunded': '30,00', Currency: 'eur', Status: 'Paid', 'Customer Email': 'x@example.com' },
      { id: 'ch_3', Amount: '30,00', 'Amount Refunded': '0,00', Currency: 'eur', Status: 'Failed', 'Customer Email': 'x@example.com' },
    ]);
    const { customers, ignored } = buildCustomers([t]);
    expect(customers[0]).toMatchObject({ orders: 1, spent: 30, currency: 'EUR' });
    expect(ignored).toMatchObject({ refunded: 1, cancelled: 1 });
  });

  it('customer exports become customers directly; people with no orders are left out', () => {
    const t = exportTable(
      'Customers',
      'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags',
      [
        { 'Customer ID': "'7022550000001", 'First Name': 'Jane', 'Last Name': 'Doe', Email: 'jane@example.com', 'Total Spent': '240.00', 'Total Orders': '3', Note: 'insta @janedoe' },
        { 'Customer ID': "'7022550000002", 'First Name': 'Lead', 'Last Name': 'Only', Email: 'lead@example.com', 'Total Spent': '0.00', 'Total Orders': '0' },
      ],
    );
    const { customers, ignored } = buildCustomers([t]);
    expect(customers).toEqual([
      { key: 'jane@example.com', emails: ['jane@example.com'], names: ['Jane Doe'], handles: ['janedoe'], phones: [], orders: 3, spent: 240 },
    ]);
    expect(ignored.zero).toBe(1);
  });

  it('a customer in both an orders export and a customers export is counted once', () => {
    const orders = exportTable('Orders', 'Name,Email,Total,Billing Name', [
      { Name: '#1', Email: 'jane@example.com', Total: '100', 'Billing Name': 'Jane Doe' },
      { Name: '#2', Email: 'jane@example.com', Total: '140', 'Billing Name': 'Jane Doe' },
    ]);
    const export_ = exportTable('Customers', 'First Name,Last Name,Email,Total Spent,Total Orders', [
      { 'First Name': 'Jane', 'Last Name': 'Doe', Email: 'jane@example.com', 'Total Spent': '240', 'Total Orders': '2' },
    ]);
    const { customers } = buildCustomers([orders, export_]);
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({ orders: 2, spent: 240 });
  });
});

describe('plain sheets', () => {
  it('without an order id column, every row is an order', () => {
    const t = exportTable('Sales', 'Email,Total,Date', [
      { Email: 'jo@example.com', Total: '20', Date: '2026-01-02' },
      { Email: 'jo@example.com', Total: '30', Date: '2026-02-03' },
    ]);
    const { customers } = buildCustomers([t]);
    expect(customers).toEqual([
      { key: 'jo@example.com', emails: ['jo@example.com'], names: [], handles: [], phones: [], orders: 2, spent: 50, lastOrder: Date.UTC(2026, 1, 3) },
    ]);
  });

  it('a Shopify item row without its order number still belongs to the order above', () => {
    const t = exportTable('Orders', 'Name,Email,Total,Billing Name,Lineitem name', [
      { Name: '#1', Email: 'jo@example.com', Total: '20', 'Billing Name': 'Jo Park', 'Lineitem name': 'A' },
      { Name: '', Email: '', Total: '', 'Billing Name': '', 'Lineitem name': 'B' },
      { Name: '#2', Email: 'al@example.com', Total: '5', 'Billing Name': 'Al Ray', 'Lineitem name': 'C' },
    ]);
    const { customers } = buildCustomers([t]);
    expect(customers.map((c) => [c.key, c.orders, c.spent])).toEqual([
      ['jo@example.com', 1, 20],
      ['al@example.com', 1, 5],
    ]);
  });

  it('rows with nobody to name are skipped, blank rows too', () => {
    const t = exportTable('Orders', 'Order ID,Email,Total', [{ 'Order ID': '1', Total: '20' }, {}, { 'Order ID': '2', Email: 'x@example.com', Total: '3' }]);
    expect(buildCustomers([t]).customers.map((c) => c.key)).toEqual(['x@example.com']);
  });
});

describe('describeCustomer and money', () => {
  it.each([
    [240, 'USD', '$240.00'],
    [1250.5, 'EUR', '€1,250.50'],
    [5, 'GBP', '£5.00'],
    [1200, 'JPY', '¥1,200'],
    [80, 'CHF', 'CHF 80.00'],
    [9.5, undefined, '9.50'],
  ])('%s %s → %s', (amount, currency, text) => {
    expect(formatMoney(amount, currency)).toBe(text);
  });

  it('omits what is unknown and uses the key when there is neither name nor email', () => {
    expect(describeCustomer({ key: 'jdoe88', emails: [], names: [], handles: [], phones: [], orders: 1, spent: 12, currency: 'USD' })).toBe(
      'jdoe88 · 1 order · $12.00',
    );
  });
});
