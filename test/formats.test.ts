// One test per export format of research/export-formats.md, built from the exact header lines it lists
// (the "…" of the research file kept as literal columns), with the traps it names.
import { readFileSync } from 'fs';
import { join } from 'path';
import Papa from 'papaparse';
import { readEngagement } from '../src/core/engagement';
import { cellOf, readFollowers, readTable } from '../src/core/table';
import { InputError, type Cell, type Grid, type Table, type TableKind } from '../src/core/types';
import { cleanId, cleanText, normalizeEmail, normalizeHandle, normalizePhone, parseBool, parseDate, parseMoney } from '../src/core/values';

const FIXTURES = join(__dirname, 'fixtures', 'formats');

/** Header line + records → CSV text (papaparse quotes newlines and commas) → grid, as the command line reads files. */
function viaCsv(headerLine: string, records: Record<string, Cell>[]): Grid {
  const headers = Papa.parse<string[]>(headerLine.trim()).data[0];
  const rows = records.map((r) => headers.map((h) => (r[h] === undefined || r[h] === null ? '' : String(r[h]))));
  const text = Papa.unparse([headers, ...rows], { newline: '\r\n' });
  return Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
}

function fixture(name: string): Grid {
  const text = readFileSync(join(FIXTURES, name), 'utf8'); // keeps the BOM: the reader must cope
  const grid = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  while (grid.length && grid[grid.length - 1].length === 1 && grid[grid.length - 1][0] === '') grid.pop();
  return grid;
}

/** field → header text of the column it was mapped to */
const mapped = (t: Table): Record<string, string> =>
  Object.fromEntries(Object.entries(t.columns).map(([f, c]) => [f, t.headers[c]]));

const read = (kind: TableKind, name: string, grid: Grid): Table => readTable({ name, grid }, kind);
const text = (t: Table, i: number, f: string) => cleanText(cellOf(t, i, f));
const money = (t: Table, i: number, f: string) => parseMoney(cellOf(t, i, f));
const date = (t: Table, i: number, f: string, order?: 'MDY' | 'DMY') => parseDate(cellOf(t, i, f), order);

describe('orders and customers', () => {
  const SHOPIFY_ORDERS =
    'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,…,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References';

  test('Shopify orders: Name is the order number, Billing Name the person; line-item rows; apostrophe zips; notes with newlines', () => {
    const grid = viaCsv(SHOPIFY_ORDERS, [
      {
        Name: '#1001', Email: 'Jane@Example.com', 'Financial Status': 'paid', 'Paid at': '2026-05-12 12:08:27 -0700', Currency: 'USD',
        Subtotal: '40.00', Total: '45.50', 'Created at': '2026-05-12 12:08:27 -0700', 'Lineitem quantity': '1', 'Lineitem name': 'Mug',
        'Billing Name': 'Jane Doe', 'Billing Zip': "'90503", 'Billing Phone': "'+1 555 0100", 'Shipping Name': 'Jane Doe',
        Notes: 'Gift for my sister\nIG: @jane.doe', 'Note Attributes': 'instagram: @jane.doe', 'Refunded Amount': '0.00', Id: '5890000000001',
      },
      { Name: '#1001', Email: 'Jane@Example.com', 'Lineitem quantity': '2', 'Lineitem name': 'Spoon', 'Lineitem price': '5.00' },
      {
        Name: '#1002', Email: 'bob@example.com', 'Financial Status': 'refunded', Total: '20.00', 'Created at': '2026-05-13 09:00:00 -0700',
        'Billing Name': 'Bob  Smith', 'Cancelled at': '2026-05-14 10:00:00 -0700', 'Refunded Amount': '20.00',
      },
    ]);
    const t = read('orders', 'orders_export_1.csv', grid);
    expect(mapped(t)).toMatchObject({
      orderId: 'Name', email: 'Email', name: 'Billing Name', shippingName: 'Shipping Name', phone: 'Phone', total: 'Total',
      subtotal: 'Subtotal', currency: 'Currency', financialStatus: 'Financial Status', cancelledAt: 'Cancelled at',
      refunded: 'Refunded Amount', date: 'Created at', notes: 'Notes', noteAttributes: 'Note Attributes',
    });
    expect(t.rows).toHaveLength(3);
    expect(text(t, 0, 'orderId')).toBe('#1001');
    expect(text(t, 1, 'orderId')).toBe('#1001'); // line-item row repeats the order
    expect(text(t, 1, 'name')).toBe(''); // …without order-level fields
    expect(money(t, 1, 'total')).toBeUndefined();
    expect(normalizeEmail(cellOf(t, 0, 'email'))).toBe('jane@example.com');
    expect(money(t, 0, 'total')).toBe(45.5);
    expect(date(t, 0, 'date')).toBe(Date.UTC(2026, 4, 12, 19, 8, 27));
    expect(text(t, 0, 'notes')).toBe('Gift for my sister\nIG: @jane.doe');
    expect(cleanId(t.rows[0][t.headers.indexOf('Billing Zip')])).toBe('90503');
    expect(normalizePhone(t.rows[0][t.headers.indexOf('Billing Phone')])).toBe('+15550100');
    expect(text(t, 2, 'name')).toBe('Bob Smith');
    expect(text(t, 2, 'financialStatus')).toBe('refunded');
    expect(date(t, 2, 'cancelledAt')).toBe(Date.UTC(2026, 4, 14, 17));
  });

  test('a bare Name column of order numbers is an order id; of people, a name', () => {
    const orders = read('orders', 'Orders', [['Name', 'Email', 'Total'], ['#1001', 'a@b.co', '5'], ['#1002', 'c@d.co', '6']]);
    expect(mapped(orders)).toMatchObject({ orderId: 'Name', email: 'Email' });
    expect(orders.columns.name).toBeUndefined();
    const people = read('orders', 'Orders', [['Name', 'Email', 'Total'], ['Jane Doe', 'a@b.co', '5']]);
    expect(mapped(people)).toMatchObject({ name: 'Name' });
    expect(people.columns.orderId).toBeUndefined();
  });

  test("Shopify customers: IDs and phones with an apostrophe, or as Excel's 7.02255E+12, stay text", () => {
    const grid = viaCsv(
      'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags',
      [
        { 'Customer ID': "'7022550000001", 'First Name': 'Jane', 'Last Name': 'Doe', Email: 'jane@example.com', 'Default Address Zip': "'02134", Phone: "'+15550100", 'Total Spent': '240.00', 'Total Orders': '3', Note: 'insta @jane.doe' },
        { 'Customer ID': '7.02255E+12', 'First Name': 'Bob', 'Last Name': 'Smith', Email: '', Phone: '7.02255E+12', 'Total Spent': '0.00', 'Total Orders': '0' },
      ],
    );
    const t = read('orders', 'customers_export.csv', grid);
    expect(mapped(t)).toMatchObject({
      customerId: 'Customer ID', firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Phone',
      totalSpent: 'Total Spent', orderCount: 'Total Orders', notes: 'Note',
    });
    expect(cleanId(cellOf(t, 0, 'customerId'))).toBe('7022550000001');
    expect(cleanId(cellOf(t, 1, 'customerId'))).toBe('7.02255E+12');
    expect(normalizePhone(cellOf(t, 0, 'phone'))).toBe('+15550100');
    expect(normalizePhone(cellOf(t, 1, 'phone'))).toBe(''); // digits lost: never matched on
    expect(money(t, 0, 'totalSpent')).toBe(240);
    expect(cleanId(t.rows[0][t.headers.indexOf('Default Address Zip')])).toBe('02134');
  });

  test('Shopify customers before 2019 (Accepts Marketing, Company, Zip) still read', () => {
    const t = read('orders', 'customers.csv', viaCsv('First Name,Last Name,Email,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,Zip,Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt', [{ 'First Name': 'A', Email: 'a@b.co', 'Total Orders': '2' }]));
    expect(mapped(t)).toMatchObject({ firstName: 'First Name', email: 'Email', orderCount: 'Total Orders', totalSpent: 'Total Spent' });
  });

  test('Etsy Sold Orders: no email, Buyer User ID is the username, MM/DD/YY dates, double spaces and mojibake in names', () => {
    const grid = viaCsv(
      'Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type,InPerson Discount,InPerson Location,SKU',
      [
        { 'Sale Date': '03/12/24', 'Order ID': '3012345678', 'Buyer User ID': 'janedoe88', 'Full Name': 'Jane  Doe', 'First Name': 'Jane', 'Last Name': 'Doe', 'Ship Zipcode': '02134', Currency: 'USD', 'Order Value': '40.00', 'Order Total': '45.50', 'Adjusted Order Total': '0', Buyer: 'Jane D', Status: 'Completed' },
        { 'Sale Date': '12/31/2023', 'Order ID': '3012345679', 'Buyer User ID': '', 'Full Name': 'JosÃ© MÃ¼ller', 'Order Total': '12.00', Buyer: 'José' },
      ],
    );
    const t = read('orders', 'EtsySoldOrders2024.csv', grid);
    expect(mapped(t)).toMatchObject({
      date: 'Sale Date', orderId: 'Order ID', buyerUsername: 'Buyer User ID', name: 'Full Name', firstName: 'First Name',
      lastName: 'Last Name', currency: 'Currency', subtotal: 'Order Value', total: 'Order Total', status: 'Status',
    });
    expect(t.columns.email).toBeUndefined();
    expect(text(t, 0, 'name')).toBe('Jane Doe');
    expect(text(t, 1, 'name')).toBe('José Müller');
    expect(normalizeHandle(cellOf(t, 0, 'buyerUsername'))).toBe('janedoe88');
    expect(text(t, 1, 'buyerUsername')).toBe('');
    expect(date(t, 0, 'date')).toBe(Date.UTC(2024, 2, 12));
    expect(date(t, 1, 'date')).toBe(Date.UTC(2023, 11, 31));
    expect(money(t, 0, 'total')).toBe(45.5);
  });

  test('Etsy Sold Order Items: Buyer is the buyer ("Name (username)", split in customers.ts), Ship Name the recipient, Order ID groups items', () => {
    const grid = viaCsv(
      'Sale Date,Item Name,Buyer,Quantity,Price,…,Transaction ID,Listing ID,Date Paid,Date Shipped,Ship Name,…,Order ID,Variations,Order Type,Listings Type,Payment Type,…',
      [
        { 'Sale Date': '03/12/24', 'Item Name': 'Mug', Buyer: 'Jane D', Quantity: '1', Price: '20.00', 'Transaction ID': '111', 'Ship Name': 'Jane Doe', 'Order ID': '3012345678' },
        { 'Sale Date': '03/12/24', 'Item Name': 'Spoon', Buyer: 'Jane D', Quantity: '2', Price: '5.00', 'Transaction ID': '112', 'Ship Name': 'Jane Doe', 'Order ID': '3012345678' },
      ],
    );
    const t = read('orders', 'EtsySoldOrderItems2024.csv', grid);
    expect(mapped(t)).toMatchObject({ orderId: 'Order ID', buyer: 'Buyer', shippingName: 'Ship Name', date: 'Sale Date', quantity: 'Quantity', total: 'Price' });
    expect(text(t, 1, 'orderId')).toBe('3012345678');
  });

  test('WooCommerce analytics orders and customers', () => {
    const orders = read('orders', 'orders.csv', viaCsv('Date, Order #, Status, Customer, Customer type, Payment method, Product(s), Items sold, Coupon(s), Net sales, Attribution', [
      { Date: '2024-03-12 10:00:00', ' Order #': '1234', ' Status': 'Completed', ' Customer': 'Jane Doe', ' Net sales': '45.50' },
    ]));
    expect(mapped(orders)).toMatchObject({ date: 'Date', orderId: 'Order #', status: 'Status', name: 'Customer', total: 'Net sales' });
    expect(text(orders, 0, 'name')).toBe('Jane Doe');
    expect(money(orders, 0, 'total')).toBe(45.5);

    const customers = read('orders', 'customers.csv', viaCsv('Name, Username, Role, Last active, Date registered, Email, Orders, Total spend, AOV, Country / Region, City, Region, Postal code', [
      { Name: 'Jane Doe', ' Username': 'janed', ' Email': 'jane@example.com', ' Orders': '3', ' Total spend': '$240.00', ' Postal code': '02134' },
    ]));
    expect(mapped(customers)).toMatchObject({ name: 'Name', buyerUsername: 'Username', email: 'Email', orderCount: 'Orders', totalSpent: 'Total spend' });
    expect(money(customers, 0, 'totalSpent')).toBe(240);
  });

  test('WooCommerce Advanced Order Export (quoted headers) and snake-case plugins', () => {
    const aoe = read('orders', 'export.csv', viaCsv('"Order Number","Order Status","Order Date",…,"First Name (Billing)","Last Name (Billing)",…,"Email (Billing)","Phone (Billing)",…,"Order Total Amount",…', [
      { 'Order Number': '1234', 'Order Status': 'wc-completed', 'Order Date': '2024-03-12 10:00', 'First Name (Billing)': 'Jane', 'Last Name (Billing)': 'Doe', 'Email (Billing)': 'jane@example.com', 'Phone (Billing)': '"555-0100"', 'Order Total Amount': '45.50' },
    ]));
    expect(mapped(aoe)).toMatchObject({
      orderId: 'Order Number', status: 'Order Status', date: 'Order Date', firstName: 'First Name (Billing)', lastName: 'Last Name (Billing)',
      email: 'Email (Billing)', phone: 'Phone (Billing)', total: 'Order Total Amount',
    });
    expect(cleanId(cellOf(aoe, 0, 'phone'))).toBe('555-0100');

    const snake = read('orders', 'orders.csv', viaCsv('order_id, order_number, order_date, status, order_total, customer_email, billing_first_name, billing_last_name, billing_email, billing_phone', [
      { order_id: '77', ' order_number': '1234', ' customer_email': 'Jane@Example.com', ' billing_email': 'other@example.com', ' billing_first_name': 'Jane' },
    ]));
    expect(mapped(snake)).toMatchObject({
      orderId: 'order_id', date: 'order_date', status: 'status', total: 'order_total', email: 'customer_email',
      firstName: 'billing_first_name', lastName: 'billing_last_name', phone: 'billing_phone',
    });
  });

  test('Square transactions: $ money, -$0.93 and ($33.62) negatives, Payment/Refund events', () => {
    const grid = viaCsv(
      'Date,Time,Time Zone,Gross Sales,Discounts,…,Net Sales,…,Total Collected,…,Transaction ID,Payment ID,…,Customer ID,Customer Name,Customer Reference ID,…,Event Type,…,Transaction Status,…',
      [
        { Date: '2024-03-12', Time: '10:15:00', 'Time Zone': 'Pacific Time (US & Canada)', 'Gross Sales': '$22.50', 'Total Collected': '$22.50', 'Transaction ID': 'abc123', 'Customer ID': 'CUST1', 'Customer Name': 'Jane Doe', 'Event Type': 'Payment', 'Transaction Status': 'Complete' },
        { Date: '2024-03-13', 'Total Collected': '-$0.93', 'Transaction ID': 'abc124', 'Event Type': 'Refund' },
        { Date: '2024-03-14', 'Total Collected': '($33.62)', 'Transaction ID': 'abc125', 'Event Type': 'Refund' },
      ],
    );
    const t = read('orders', 'transactions.csv', grid);
    expect(mapped(t)).toMatchObject({
      date: 'Date', total: 'Total Collected', orderId: 'Transaction ID', customerId: 'Customer ID', name: 'Customer Name',
      eventType: 'Event Type', status: 'Transaction Status',
    });
    expect([0, 1, 2].map((i) => money(t, i, 'total'))).toEqual([22.5, -0.93, -33.62]);
    expect(text(t, 1, 'eventType')).toBe('Refund');
    expect(text(t, 1, 'name')).toBe('');
  });

  test('Square customers', () => {
    const t = read('orders', 'customers.csv', viaCsv('Reference ID, First Name, Last Name, Email Address, Phone Number, Nickname, Company Name, …, Square Customer ID, Creation Source, First Visit, Last Visit, Transaction Count, Lifetime Spend, …', [
      { 'Reference ID': 'R1', ' First Name': 'Jane', ' Last Name': 'Doe', ' Email Address': 'jane@example.com', ' Phone Number': "'+1 555 0100", ' Square Customer ID': 'SQ1', ' Last Visit': '2024-03-12', ' Transaction Count': '3', ' Lifetime Spend': '$240.00' },
    ]));
    expect(mapped(t)).toMatchObject({
      firstName: 'First Name', lastName: 'Last Name', email: 'Email Address', phone: 'Phone Number', customerId: 'Square Customer ID',
      orderCount: 'Transaction Count', totalSpent: 'Lifetime Spend', date: 'Last Visit',
    });
    expect(money(t, 0, 'totalSpent')).toBe(240);
  });

  test('Stripe payments (also older Created (UTC), European decimal commas) and customers', () => {
    const payments = read('orders', 'unified_payments.csv', viaCsv('id,Created date (UTC),Amount,Amount Refunded,Currency,…,Status,…,Customer ID,Customer Description,Customer Email,Customer Phone,Shipping Name,…', [
      { id: 'ch_1', 'Created date (UTC)': '2024-03-12 10:00:00', Amount: '45.50', 'Amount Refunded': '0.00', Currency: 'usd', Status: 'Paid', 'Customer ID': 'cus_1', 'Customer Description': 'Jane Doe', 'Customer Email': 'jane@example.com', 'Shipping Name': 'Jane Doe' },
      { id: 'ch_2', 'Created date (UTC)': '2024-03-13 11:30:00', Amount: '0,25', 'Amount Refunded': '0,25', Currency: 'eur', Status: 'Refunded' },
    ]));
    expect(mapped(payments)).toMatchObject({
      orderId: 'id', date: 'Created date (UTC)', total: 'Amount', refunded: 'Amount Refunded', currency: 'Currency', status: 'Status',
      customerId: 'Customer ID', name: 'Customer Description', email: 'Customer Email', phone: 'Customer Phone', shippingName: 'Shipping Name',
    });
    expect(money(payments, 1, 'total')).toBe(0.25);
    expect(money(payments, 1, 'refunded')).toBe(0.25);
    expect(date(payments, 1, 'date')).toBe(Date.UTC(2024, 2, 13, 11, 30));
    const older = read('orders', 'payments.csv', viaCsv('id,Created (UTC),Amount,Customer Email', [{ id: 'ch_1', 'Created (UTC)': '2019-01-02 03:04', 'Customer Email': 'a@b.co' }]));
    expect(mapped(older)).toMatchObject({ date: 'Created (UTC)' });

    const customers = read('orders', 'customers.csv', viaCsv('id,Description,Email,Name,Created (UTC),…,Total Spend,Payment Count,…', [
      { id: 'cus_1', Email: 'jane@example.com', Name: 'Jane Doe', 'Total Spend': '240.00', 'Payment Count': '3' },
    ]));
    expect(mapped(customers)).toMatchObject({ email: 'Email', name: 'Name', date: 'Created (UTC)', totalSpent: 'Total Spend', orderCount: 'Payment Count' });
  });

  test('PayPal activity (every field quoted): "1,250.00", US and European dates, Type/Status/Balance Impact', () => {
    const t = read('orders', 'Download.CSV', fixture('paypal-activity.csv'));
    expect(mapped(t)).toMatchObject({
      date: 'Date', name: 'Name', eventType: 'Type', status: 'Status', currency: 'Currency', total: 'Gross',
      email: 'From Email Address', orderId: 'Transaction ID', balanceImpact: 'Balance Impact',
    });
    expect(t.columns.orderId).toBe(12);
    expect([0, 1, 2].map((i) => money(t, i, 'total'))).toEqual([1250, -20, 12.5]);
    expect(date(t, 0, 'date')).toBe(Date.UTC(2024, 2, 12));
    expect(date(t, 2, 'date')).toBe(Date.UTC(2024, 2, 13));
    expect(date(t, 0, 'date', 'DMY')).toBe(Date.UTC(2024, 11, 3)); // an ambiguous date follows the order asked for
    expect(text(t, 0, 'balanceImpact')).toBe('Credit');
    expect(text(t, 2, 'name')).toBe('Zoë Élise');
  });

  test('Squarespace orders (Shopify-like, one row per item)', () => {
    const t = read('orders', 'orders.csv', viaCsv('Order ID,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Amount Refunded,Total,…,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem variant,…,Billing Name,…,Shipping Name,…,Cancelled at,Private Notes,Payment Method,Payment Reference', [
      { 'Order ID': '00123', Email: 'jane@example.com', 'Financial Status': 'PAID', Total: '45.50', 'Created at': '2024-03-12 10:00:00 -0500', 'Billing Name': 'Jane Doe', 'Private Notes': '@jane.doe', 'Amount Refunded': '0' },
      { 'Order ID': '00123', Email: 'jane@example.com', 'Lineitem name': 'Spoon' },
    ]));
    expect(mapped(t)).toMatchObject({
      orderId: 'Order ID', email: 'Email', financialStatus: 'Financial Status', refunded: 'Amount Refunded', total: 'Total',
      date: 'Created at', name: 'Billing Name', shippingName: 'Shipping Name', cancelledAt: 'Cancelled at', notes: 'Private Notes',
    });
    expect(cleanId(cellOf(t, 0, 'orderId'))).toBe('00123');
    expect(date(t, 0, 'date')).toBe(Date.UTC(2024, 2, 12, 15));
  });

  test('Wix orders: "Dec 8, 2024" dates, literal quotes in phones and zips, order fields on every item row', () => {
    const t = read('orders', 'orders.csv', viaCsv('Order number,Date created,Time,Fulfill by,Total order quantity,Contact email,Note from customer,…,Item,Variant,SKU,Qty,Quantity refunded,Price,…,Recipient name,Recipient phone,…,Billing name,Billing phone,…,Payment status,Payment method,…,Total,Currency,Refunded amount,Net amount,…', [
      { 'Order number': '10001', 'Date created': 'Dec 8, 2024', Time: '3:04 PM', 'Contact email': 'jane@example.com', Item: 'Mug', Qty: '1', Price: '20.00', 'Recipient name': 'Jane Doe', 'Recipient phone': '"+1 555 0100"', 'Billing name': 'Jane Doe', 'Billing phone': '"+1 555 0100"', 'Payment status': 'Paid', Total: '45.50', Currency: 'USD', 'Refunded amount': '0.00' },
      { 'Order number': '10001', 'Date created': 'Dec 8, 2024', 'Contact email': 'jane@example.com', Item: 'Spoon', Qty: '2', Price: '5.00', 'Billing name': 'Jane Doe', 'Payment status': 'Paid', Total: '45.50' },
    ]));
    expect(mapped(t)).toMatchObject({
      orderId: 'Order number', date: 'Date created', email: 'Contact email', notes: 'Note from customer', shippingName: 'Recipient name',
      name: 'Billing name', phone: 'Billing phone', financialStatus: 'Payment status', total: 'Total', currency: 'Currency', refunded: 'Refunded amount',
    });
    expect(date(t, 0, 'date')).toBe(Date.UTC(2024, 11, 8));
    expect(cleanId(cellOf(t, 0, 'phone'))).toBe('+1 555 0100');
    expect(normalizePhone(cellOf(t, 0, 'phone'))).toBe('+15550100');
    expect(money(t, 1, 'total')).toBe(45.5);
  });

  test('Gumroad sales: 0/1 yes-no, ($) headers; the Totals row is just a row here (customers.ts skips it)', () => {
    const t = read('orders', 'sales.csv', viaCsv('Purchase ID,Item Name,Buyer Name,Purchase Email,Buyer Email,Do not contact?,Purchase Date,Purchase Time (UTC timezone),Subtotal ($),…,Sale Price ($),…,Refunded?,Partial Refund ($),Fully Refunded?,…', [
      { 'Purchase ID': 'abc==', 'Item Name': 'E-book', 'Buyer Name': 'Jane Doe', 'Purchase Email': 'jane@example.com', 'Buyer Email': 'jane@example.com', 'Do not contact?': '0', 'Purchase Date': '2024-03-12', 'Purchase Time (UTC timezone)': '10:00', 'Subtotal ($)': '10', 'Sale Price ($)': '10', 'Refunded?': '0', 'Partial Refund ($)': '0', 'Fully Refunded?': '0' },
      { 'Purchase ID': 'def==', 'Buyer Name': 'Bob', 'Purchase Email': 'bob@example.com', 'Purchase Date': '2024-03-13', 'Sale Price ($)': '5', 'Refunded?': '1', 'Fully Refunded?': '1' },
      { 'Purchase ID': 'Totals', 'Sale Price ($)': '15' },
    ]));
    expect(mapped(t)).toMatchObject({
      orderId: 'Purchase ID', name: 'Buyer Name', email: 'Purchase Email', date: 'Purchase Date', subtotal: 'Subtotal ($)',
      total: 'Sale Price ($)', refunded: 'Partial Refund ($)', fullyRefunded: 'Fully Refunded?',
    });
    expect(parseBool(cellOf(t, 0, 'fullyRefunded'))).toBe(false);
    expect(parseBool(cellOf(t, 1, 'fullyRefunded'))).toBe(true);
    expect(t.rows).toHaveLength(3);
    expect(text(t, 2, 'orderId')).toBe('Totals');
  });

  test('Big Cartel and other unknown shops: plain headers by synonym, translated headers too', () => {
    const t = read('orders', 'orders.csv', [['Number', 'Customer first name', 'Customer last name', 'Customer email', 'Total', 'Created at'], ['1001', 'Jane', 'Doe', 'jane@example.com', '$45.50', '2024-03-12']]);
    expect(mapped(t)).toMatchObject({ orderId: 'Number', firstName: 'Customer first name', lastName: 'Customer last name', email: 'Customer email', total: 'Total', date: 'Created at' });
    const de = read('orders', 'Bestellungen', [['Bestellnummer', 'Vorname', 'Nachname', 'E-Mail', 'Gesamtsumme', 'Datum'], ['1', 'Jürgen', 'Groß', 'j@example.de', '1.250,00', '12.03.2024']]);
    expect(mapped(de)).toMatchObject({ orderId: 'Bestellnummer', firstName: 'Vorname', lastName: 'Nachname', email: 'E-Mail', total: 'Gesamtsumme', date: 'Datum' });
    expect(money(de, 0, 'total')).toBe(1250);
    expect(date(de, 0, 'date')).toBe(Date.UTC(2024, 2, 12));
  });
});

describe('followers, following and engagement', () => {
  test('LinkedIn Connections.csv: BOM, Notes: preamble, URL as the handle, "12 Mar 2024"', () => {
    expect(readFileSync(join(FIXTURES, 'linkedin-connections.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const grid = fixture('linkedin-connections.csv');
    // papaparse drops the BOM; a sheet import or another reader may keep it: the table reader must cope either way
    if (String(grid[0][0]).charCodeAt(0) !== 0xfeff) grid[0][0] = '\uFEFF' + grid[0][0];
    const t = read('followers', 'Connections.csv', grid);
    expect(t.headerIndex).toBe(3);
    expect(mapped(t)).toMatchObject({ firstName: 'First Name', lastName: 'Last Name', url: 'URL', email: 'Email Address', bio: 'Position' });
    const f = readFollowers(t);
    expect(f).toHaveLength(2);
    expect(f[0]).toMatchObject({ handle: 'jane-doe-1a2b3c', name: 'Jane Doe', bio: 'Owner', platform: 'linkedin' });
    expect(f[1]).toMatchObject({ handle: 'jose-muller', name: 'José Müller' });
    const following = read('following', 'Connections.csv', grid);
    expect(mapped(following)).toMatchObject({ url: 'URL', date: 'Connected On' });
    expect(date(following, 0, 'date')).toBe(Date.UTC(2024, 2, 12));
  });

  test('third-party scraper, camelCase layout', () => {
    const t = read('followers', 'followers.csv', viaCsv('username,fullName,profileUrl,imgUrl,isPrivate,isVerified,followersCount,followingCount,postsCount,bio', [
      { username: 'jane.doe', fullName: 'Jane Doe', profileUrl: 'https://www.instagram.com/jane.doe', imgUrl: 'https://scontent.cdninstagram.com/x.jpg', isPrivate: 'false', isVerified: 'false', followersCount: '1,234', followingCount: '321', postsCount: '45', bio: 'Baker 🍞' },
      { username: 'shop4cheap_9921', fullName: '', profileUrl: 'https://www.instagram.com/shop4cheap_9921', imgUrl: '', isPrivate: 'true', isVerified: 'false', followersCount: '3', followingCount: '7.5k', postsCount: '0', bio: '' },
    ]));
    expect(mapped(t)).toMatchObject({
      handle: 'username', name: 'fullName', url: 'profileUrl', hasPicture: 'imgUrl', private: 'isPrivate', verified: 'isVerified',
      followers: 'followersCount', following: 'followingCount', posts: 'postsCount', bio: 'bio',
    });
    const f = readFollowers(t);
    expect(f[0]).toEqual({ index: 0, handle: 'jane.doe', name: 'Jane Doe', bio: 'Baker 🍞', followers: 1234, following: 321, posts: 45, hasPicture: true, isPrivate: false, verified: false, platform: 'instagram' });
    expect(f[1]).toMatchObject({ handle: 'shop4cheap_9921', hasPicture: false, isPrivate: true, followers: 3, following: 7500, posts: 0 });
    expect(f[1].name).toBeUndefined();
  });

  test('third-party scraper, snake_case layout', () => {
    const t = read('followers', 'followers.csv', viaCsv('username,full_name,is_private,is_verified,profile_pic_url,follower_count,following_count,media_count,biography,external_url', [
      { username: 'jane.doe', full_name: 'Jane Doe', is_private: 'False', is_verified: 'True', profile_pic_url: 'https://x/y.jpg', follower_count: '10', following_count: '20', media_count: '30', biography: 'hi', external_url: 'https://jane.example' },
    ]));
    expect(mapped(t)).toMatchObject({ handle: 'username', name: 'full_name', private: 'is_private', verified: 'is_verified', hasPicture: 'profile_pic_url', followers: 'follower_count', following: 'following_count', posts: 'media_count', bio: 'biography', externalUrl: 'external_url' });
    expect(readFollowers(t)[0]).toMatchObject({ verified: true, isPrivate: false, followers: 10, following: 20, posts: 30, externalUrl: 'https://jane.example' });
  });

  test('TikTok scraper layout (uniqueId, nickname, signature, followerCount, videoCount, avatarThumb, privateAccount)', () => {
    const t = read('followers', 'followers.csv', viaCsv('id,uniqueId,nickname,signature,followerCount,followingCount,videoCount,heartCount,avatarThumb,verified,privateAccount', [
      { id: '6789012345678901234', uniqueId: 'Jane.Doe', nickname: 'Jane ✨', signature: 'pottery', followerCount: '1.2M', followingCount: '12', videoCount: '340', avatarThumb: 'https://p16.tiktokcdn.com/a.jpeg', verified: 'false', privateAccount: 'false' },
    ]));
    expect(mapped(t)).toMatchObject({ handle: 'uniqueId', name: 'nickname', bio: 'signature', followers: 'followerCount', following: 'followingCount', posts: 'videoCount', hasPicture: 'avatarThumb', verified: 'verified', private: 'privateAccount' });
    expect(readFollowers(t)[0]).toMatchObject({ handle: 'jane.doe', name: 'Jane ✨', followers: 1200000, posts: 340, hasPicture: true });
  });

  test('X / Twitter API-style layout (screen_name, friends_count, statuses_count, protected, profile_image_url_https)', () => {
    const t = read('followers', 'followers.csv', viaCsv('id_str,screen_name,name,description,followers_count,friends_count,statuses_count,created_at,protected,verified,profile_image_url_https', [
      { id_str: '1295862231402459136', screen_name: 'JaneDoe', name: 'Jane', description: 'hi', followers_count: '10', friends_count: '4,999', statuses_count: '3', created_at: 'Sat, 12 Mar 2016 10:00:00 GMT', protected: 'false', verified: 'false', profile_image_url_https: 'https://pbs.twimg.com/sticky/default_profile_images/default_profile_normal.png' },
    ]));
    expect(mapped(t)).toMatchObject({ handle: 'screen_name', name: 'name', bio: 'description', followers: 'followers_count', following: 'friends_count', posts: 'statuses_count', joined: 'created_at', private: 'protected', hasPicture: 'profile_image_url_https' });
    expect(readFollowers(t)[0]).toMatchObject({ handle: 'janedoe', following: 4999, joined: Date.UTC(2016, 2, 12, 10), hasPicture: false });
  });

  test('plain hand-made headers: Handle/@, Name, Followers, Following, Posts, Bio', () => {
    for (const h of ['Handle', 'Username', 'Instagram', '@', 'Profile URL']) {
      const t = read('followers', 'Followers', [[h, 'Name', 'Followers', 'Following', 'Posts', 'Bio'], ['@Jane.Doe', 'Jane', '1.2k', '300', '12', 'hello']]);
      expect(readFollowers(t)[0]).toMatchObject({ handle: 'jane.doe', name: 'Jane', followers: 1200, following: 300, posts: 12, bio: 'hello' });
    }
  });

  test('tabs written by the importer (Handle, Name, Profile URL, Followed on, Platform) read as followers and following', () => {
    const grid: Grid = [['Handle', 'Name', 'Profile URL', 'Followed on', 'Platform'], ['jane.doe', 'Jane', 'https://www.tiktok.com/@jane.doe', '2024-03-12', 'tiktok']];
    expect(mapped(read('followers', 'Followers', grid))).toMatchObject({ handle: 'Handle', name: 'Name', url: 'Profile URL', platform: 'Platform' });
    expect(mapped(read('following', 'Following', grid))).toMatchObject({ handle: 'Handle', url: 'Profile URL', date: 'Followed on', platform: 'Platform' });
  });

  test('Instagram data download, flattened (href, value, timestamp) as a Following tab; new shape title + /_u/ link', () => {
    const t = read('following', 'Following', [['href', 'value', 'timestamp'], ['https://www.instagram.com/jane.doe', 'jane.doe', 1736791494], ['https://www.instagram.com/_u/bob', '', 1736791000]]);
    expect(mapped(t)).toMatchObject({ url: 'href', handle: 'value', date: 'timestamp' });
    expect(date(t, 0, 'date')).toBe(1736791494000);
    const h = (i: number) => normalizeHandle(cellOf(t, i, 'handle')) || normalizeHandle(cellOf(t, i, 'url'));
    expect([h(0), h(1)]).toEqual(['jane.doe', 'bob']);
    const newer = read('following', 'Following', [['title', 'href', 'timestamp'], ['jane.doe', 'https://www.instagram.com/_u/jane.doe', 1736791494]]);
    expect(mapped(newer)).toMatchObject({ handle: 'title', url: 'href' });
  });

  test('Threads followers (threads.com / threads.net links) and Bluesky getFollowers profile views', () => {
    const threads = read('followers', 'Followers', [['href', 'value'], ['https://www.threads.com/jane.doe', ''], ['https://www.threads.net/@bob', 'bob']]);
    expect(readFollowers(threads).map((f) => [f.handle, f.platform])).toEqual([['jane.doe', 'threads'], ['bob', 'threads']]);

    const bsky = read('followers', 'Followers', viaCsv('did,handle,displayName,description,avatar,createdAt,indexedAt,labels', [
      { did: 'did:plc:abc', handle: 'jane.bsky.social', displayName: 'Jane Doe', description: 'Ceramics', avatar: 'https://cdn.bsky.app/img/avatar/plain/did:plc:abc/x@jpeg', createdAt: '2023-05-01T12:00:00.000Z', indexedAt: '2024-01-01T00:00:00.000Z', labels: '[]' },
      { did: 'did:plc:def', handle: 'bot123.bsky.social', displayName: '', description: '', avatar: '', createdAt: '2024-12-30T00:00:00Z' },
    ]));
    expect(mapped(bsky)).toMatchObject({ handle: 'handle', name: 'displayName', bio: 'description', hasPicture: 'avatar', joined: 'createdAt' });
    const f = readFollowers(bsky);
    expect(f[0]).toMatchObject({ handle: 'jane.bsky.social', name: 'Jane Doe', bio: 'Ceramics', hasPicture: true, joined: Date.UTC(2023, 4, 1, 12) });
    expect(f[1]).toMatchObject({ hasPicture: false });
  });

  test('TikTok follower list (UserName, Date) and Mastodon following CSV (Account address)', () => {
    const tiktok = read('followers', 'Followers', [['UserName', 'Date'], ['jane.doe', '2021-11-11 01:22:22']]);
    expect(mapped(tiktok)).toMatchObject({ handle: 'UserName' });
    expect(readFollowers(tiktok)[0].handle).toBe('jane.doe');
    const masto = read('following', 'following_accounts.csv', viaCsv('Account address,Show boosts,Notify on new posts,Languages', [{ 'Account address': 'Jane@mastodon.social', 'Show boosts': 'true', 'Notify on new posts': 'false' }]));
    expect(mapped(masto)).toMatchObject({ handle: 'Account address' });
    expect(normalizeHandle(cellOf(masto, 0, 'handle'))).toBe('jane@mastodon.social');
  });

  test('X archive follower.js flattened: account IDs are 19-digit text, never numbers', () => {
    const t = read('following', 'Following', [['accountId', 'userLink'], ['1295862231402459136', 'https://twitter.com/intent/user?user_id=1295862231402459136']]);
    expect(mapped(t)).toMatchObject({ url: 'userLink' });
    expect(cleanId(t.rows[0][0])).toBe('1295862231402459136');
  });

  test('Meta Business Suite post export is per post, not per person: no handle column, a clear message', () => {
    const grid = viaCsv('Post ID,Account ID,Account username,Account name,Description,…,Publish time,Permalink,Post type,…,Views,Reach,Likes,Shares,Follows,Comments,Saves', [{ 'Post ID': '1', 'Account username': 'myshop', Likes: '10' }]);
    expect(() => read('engagement', 'Engagement', grid)).toThrow(InputError);
    expect(() => read('engagement', 'Engagement', grid)).toThrow(/Engagement: no handle column found.*Columns found: Post ID, Account ID, Account username/);
  });

  test('engagement: event rows and per-person count rows read through readTable', () => {
    const now = Date.UTC(2024, 2, 31);
    const events = read('engagement', 'Engagement', [['Username', 'Interaction', 'Timestamp'], ['@Jane.Doe', 'Comment', '2024-03-31'], ['jane.doe', 'Story mention', '2024-03-01']]);
    expect(mapped(events)).toMatchObject({ handle: 'Username', type: 'Interaction', date: 'Timestamp' });
    const counts = read('engagement', 'Engagement', [['Handle', 'Comments', 'Likes', 'Shares', 'Saves'], ['bob', '2', '10', '1', '0']]);
    expect(mapped(counts)).toMatchObject({ handle: 'Handle', comments: 'Comments', likes: 'Likes', shares: 'Shares', saves: 'Saves' });
    const e = readEngagement([events, counts], now);
    expect(e.get('jane.doe')!.counts).toEqual({ comment: 1, mention: 1 });
    expect(e.get('bob')!.points).toBe(2 * 3 + 10 * 1 + 1 * 4);
  });

  test('cells from getValues (numbers, Dates, booleans) read like CSV text', () => {
    const t = read('followers', 'Followers', [['Handle', 'Followers', 'Private', 'Joined'], [12345, 1234, true, new Date(Date.UTC(2020, 0, 2))]]);
    expect(readFollowers(t)[0]).toMatchObject({ handle: '12345', followers: 1234, isPrivate: true, joined: Date.UTC(2020, 0, 2) });
  });
});
