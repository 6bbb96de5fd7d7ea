// Customers from order exports: line items → orders → customers, without the orders that never
// became a sale (refunded, cancelled, voided, zero-value, PayPal/Square money going out, totals rows).
import type { Cell, Customer, Table } from './types';
import { normHeader } from './fields';
import { noPurchasesMessage, paidColumn } from './purchases';
import { cellAt, columnNumbers, dateOrder } from './table';
import { cleanText, isUnknown, normalizeEmail, normalizeHandle, normalizePhone, parseBool, parseCount, parseDate, parseMoney } from './values';

export interface IgnoredOrders {
  refunded: number;
  cancelled: number;
  zero: number;
  totals: number;
}

/** One order, its fields merged from its rows. */
interface Order {
  email: string;
  names: string[];
  phone: string;
  handles: string[];
  username: string;
  total?: number;
  refunded?: number;
  currency?: string;
  date?: number;
  financialStatus: string;
  status: string;
  cancelled: boolean;
  fullyRefunded: boolean;
  eventType: string;
  balanceImpact: string;
  /** export with a Balance Impact column (PayPal): only Completed credits are sales */
  paypal: boolean;
  /** rows carry item prices to add up (Etsy Sold Order Items), not a repeated order total */
  itemPrices: boolean;
  /** the table has Financial Status and Paid at (Shopify's shape): an order with neither was never paid */
  paymentColumns: boolean;
  paid: boolean;
}

// Stripe's requires_payment_method / requires_confirmation / requires_action / incomplete were never paid.
// Stripe's Pending (a bank debit not yet settled) and Shopify's pending count as orders: the buyer placed them.
const CANCELLED = /^(cancell?ed|voided|void|failed|declined|denied|expired|abandoned|requires_payment_method|requires_confirmation|requires_action|incomplete|not_paid|unpaid)$/;
const REFUNDED = /^(refunded|fully[ _]refunded|reversed|charged[ _]back|chargeback)$/;

/**
 * A customers export says per person what was paid (Total Orders / Total Spent, Stripe's Payment Count / Total
 * Spend): it has those columns and no order id or no per-order amount (Stripe's customers export has an `id`).
 */
function isCustomerExport(table: Table): boolean {
  const c = table.columns;
  return (c.orderCount !== undefined || c.totalSpent !== undefined) && (c.orderId === undefined || c.total === undefined);
}

/**
 * Build customers from every orders table (order exports and customer exports). `empty`: one message for each
 * table that holds rows but no purchase (see purchases.ts), naming it and saying why.
 */
export function buildCustomers(tables: Table[]): { customers: Customer[]; ignored: IgnoredOrders; empty: string[] } {
  const builder = customerBuilder();
  for (const table of tables) builder.add(table);
  return builder.result();
}

export interface CustomerBuilder {
  /**
   * Takes a table, or the first part of one (its header and at least the 5,000 rows after it, which the date
   * order is read from), and returns what takes each later part: that table with the part's rows.
   */
  add(table: Table): (part: Table) => void;
  result(): { customers: Customer[]; ignored: IgnoredOrders; empty: string[] };
}

/**
 * buildCustomers over tables read a part at a time: the command line streams a large export, so that its rows
 * die young instead of all living until the customers are built. The result is buildCustomers' of the whole tables.
 */
export function customerBuilder(): CustomerBuilder {
  const ignored: IgnoredOrders = { refunded: 0, cancelled: 0, zero: 0, totals: 0 };
  const orders: Order[] = [];
  const exported: Customer[] = [];
  const empty: string[] = [];
  let close: (() => void) | null = null;
  const finishTable = () => {
    close?.();
    close = null;
  };
  const add = (table: Table): ((part: Table) => void) => {
    finishTable();
    if (table.kind !== 'orders') return () => {};
    const t = tableReader(table, exported, ignored);
    close = () => {
      const found = t.close();
      for (const o of found.orders) orders.push(o);
      if (found.message) empty.push(found.message);
    };
    t.read(table);
    return t.read;
  };
  const result = () => {
    finishTable();
    const kept: Order[] = [];
    for (const o of orders) {
      const why = exclusion(o);
      if (why) ignored[why]++;
      else kept.push(o);
    }
    return { customers: mergeCustomers(kept, exported), ignored, empty };
  };
  return { add, result };
}

/**
 * One orders table, part by part. A customer export's rows become customers at once; an order export's orders
 * wait until the table is read, for a table where nobody paid counts for nothing (Financial Status and Paid at
 * empty on every row: Shopify's abandoned checkouts export).
 */
function tableReader(first: Table, exported: Customer[], ignored: IgnoredOrders) {
  const customerExport = isCustomerExport(first);
  const zeroBefore = ignored.zero;
  const exportedBefore = exported.length;
  const own: IgnoredOrders = { refunded: 0, cancelled: 0, zero: 0, totals: 0 };
  const found: Order[] = [];
  const readRows = customerExport ? customerRowsReader(first, exported, ignored) : orderReader(first, found, own);
  const status = first.columns.financialStatus;
  const paid = paidColumn(first);
  let paidSeen = customerExport || status === undefined || paid === undefined;
  let filledRow = false;
  const read = (part: Table) => {
    for (let i = 0; i < part.rows.length; i++) {
      const row = part.rows[i];
      if (!paidSeen && row && (cleanText(row[status!]) !== '' || cleanText(row[paid!]) !== '')) paidSeen = true;
      if (!filledRow && !isBlankRow(row)) filledRow = true;
    }
    readRows(part);
  };
  const close = (): { orders: Order[]; message?: string } => {
    const unpaid = !paidSeen;
    // an unpaid table's orders are not counted at all, nor its totals rows
    const read = unpaid ? [] : found;
    if (!unpaid) ignored.totals += own.totals;
    const anyKept = customerExport ? exported.length > exportedBefore : read.some((o) => !exclusion(o));
    const message = !anyKept && filledRow ? noPurchasesMessage(first, { customerExport, unpaid, orders: read.length, zero: ignored.zero - zeroBefore }) : undefined;
    return { orders: read, message };
  };
  return { read, close };
}

// ---- reading rows ---------------------------------------------------------------------------------

/** The fields the readers below look at (columnNumbers: looked up once a table part, not once a cell). */
const ORDER_FIELDS = [
  'orderId', 'name', 'email', 'buyer', 'firstName', 'lastName', 'shippingName', 'phone', 'buyerUsername', 'handle', 'notes', 'noteAttributes',
  'total', 'quantity', 'refunded', 'currency', 'date', 'paidAt', 'financialStatus', 'status', 'cancelledAt', 'fullyRefunded', 'eventType',
  'balanceImpact', 'orderCount', 'totalSpent',
] as const;

type OrderColumns = Record<(typeof ORDER_FIELDS)[number], number | undefined>;

const orderColumns = (table: Table): OrderColumns => columnNumbers(table, ORDER_FIELDS);

const textAt = (row: Cell[], col: number | undefined): string => cleanText(cellAt(row, col));

/** A cell that holds something (most cells of a line-item row are empty: skip the cleaning for those). */
const filled = (v: Cell): boolean => v !== undefined && v !== null && v !== '';

const TOTALS_RAW = /^\s*'?\s*(grand\s+)?totals?:?\s*$|^\s*sum\s*$/i;

function isTotalsRow(row: Cell[], c: OrderColumns): boolean {
  for (const col of [c.orderId, c.name, c.email]) {
    const v = cellAt(row, col);
    if (typeof v === 'string' && TOTALS_RAW.test(v)) return true;
  }
  // plain loops: a wide export's rows are mostly holes, which every() and find() walk slowly
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (filled(v)) return typeof v === 'string' && TOTALS_RAW.test(v);
  }
  return false;
}

function isBlankRow(row: Cell[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (filled(v) && !(typeof v === 'string' && cleanText(v) === '')) return false;
  }
  return true;
}

/**
 * Etsy's Buyer: "Jane Doe (janedoe85)" → name "Jane Doe" and username "janedoe85"; a bare word is the username
 * (research: "Variants seen in real files"). Elsewhere a Buyer is a name as written: "Acme (UK)" names no account.
 */
export function splitBuyer(v: Cell, etsy: boolean): { name: string; username: string } {
  const s = cleanText(v);
  if (!etsy) return { name: s, username: '' };
  const m = /^(.*?)\s*\(\s*([^()\s]+)\s*\)$/.exec(s);
  if (m) return { name: m[1].trim(), username: m[2] };
  if (s && !/\s/.test(s)) return { name: '', username: s };
  return { name: s, username: '' };
}

/** Headers only Etsy's Sold Orders and Sold Order Items exports write. */
function isEtsy(table: Table): boolean {
  return table.headers.some((h) => {
    const n = normHeader(h);
    return n === 'sale date' || n === 'buyer user id' || n === 'listing id';
  });
}

/** A phone number where a name should be (Stripe writes one in Name for some customers): never a name. */
const PHONE_LIKE = /^\+?[\d\s().-]{7,}$/;

/** A person's names on one row: billing/full name, shipping name, first + last. */
function namesOf(row: Cell[], c: OrderColumns, etsy: boolean): string[] {
  const out: string[] = [];
  const push = (s: string) => {
    if (s && !isUnknown(s) && !PHONE_LIKE.test(s) && !out.some((x) => x.toLowerCase() === s.toLowerCase())) out.push(s);
  };
  if (filled(cellAt(row, c.name))) push(textAt(row, c.name));
  if (filled(cellAt(row, c.buyer))) push(splitBuyer(cellAt(row, c.buyer), etsy).name);
  if (filled(cellAt(row, c.firstName)) || filled(cellAt(row, c.lastName))) push([textAt(row, c.firstName), textAt(row, c.lastName)].filter(Boolean).join(' '));
  if (filled(cellAt(row, c.shippingName))) push(textAt(row, c.shippingName));
  return out;
}

/** An order export's rows into orders, a part at a time (tableReader); what the header says, from the first part. */
function orderReader(first: Table, out: Order[], ignored: IgnoredOrders): (table: Table) => void {
  const dates = dateOrder(first, 'date');
  const totalHeader = first.columns.total !== undefined ? normHeader(first.headers[first.columns.total]) : '';
  // Etsy's Sold Order Items: Price (per unit, times Quantity) or Item Total, one row per item, added up per order
  const itemPrices = (/price|item/.test(totalHeader) && !/total/.test(totalHeader)) || totalHeader === 'item total';
  const unitPrices = itemPrices && !/total/.test(totalHeader) && first.columns.quantity !== undefined;
  const etsy = isEtsy(first);
  const paidAt = paidColumn(first);
  const paymentColumns = first.columns.financialStatus !== undefined && paidAt !== undefined;
  const byId = new Map<string, Order>();
  const hasIds = first.columns.orderId !== undefined;
  let previous: Order | undefined;
  const how: ReadHow = { unitPrices, etsy, paidAt, dateOf: new Map() };
  return (table) => {
    const c = orderColumns(table);
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i];
      if (isBlankRow(row)) continue;
      if (isTotalsRow(row, c)) {
        ignored.totals++;
        continue;
      }
      const id = textAt(row, c.orderId);
      let order = id ? byId.get(id) : undefined;
      let email = '';
      if (!order) {
        email = normalizeEmail(cellAt(row, c.email));
        // a line-item row without an order id belongs to the order above it unless it names another buyer
        // (a table without an order id column has one order a row)
        if (!id && hasIds && previous && (!email || email === previous.email) && !textAt(row, c.name)) order = previous;
      }
      if (!order) {
        order = {
          email: '',
          names: [],
          phone: '',
          handles: [],
          username: '',
          financialStatus: '',
          status: '',
          cancelled: false,
          fullyRefunded: false,
          eventType: '',
          balanceImpact: '',
          paypal: first.columns.balanceImpact !== undefined,
          itemPrices,
          paymentColumns,
          paid: false,
        };
        out.push(order);
        if (id) byId.set(id, order);
      }
      addPeople(order, row, c, email, how);
      addSale(order, row, c, dates, how);
      previous = order;
    }
  };
}

/**
 * Merge one row into its order: order-level fields from the first row that has them (Shopify writes them on
 * the first row only; Wix repeats them, and they are read once).
 */
type ReadHow = {
  unitPrices: boolean;
  etsy: boolean;
  paidAt?: number;
  /** each date text of the table parsed once: an order's line items repeat its date */
  dateOf: Map<string, number | undefined>;
};

/** Who the order is from: email, names, phone, and the handles (Etsy usernames, a handle column, notes). */
function addPeople(o: Order, row: Cell[], c: OrderColumns, email: string, how: ReadHow): void {
  const addHandle = (v: Cell) => {
    const handle = isUnknown(v) ? '' : normalizeHandle(v);
    if (handle && o.handles.indexOf(handle) < 0) o.handles.push(handle);
  };
  if (!o.email) o.email = email || normalizeEmail(cellAt(row, c.email));
  for (const n of namesOf(row, c, how.etsy)) if (o.names.indexOf(n) < 0 && !o.names.some((x) => x.toLowerCase() === n.toLowerCase())) o.names.push(n);
  if (!o.phone && filled(cellAt(row, c.phone))) o.phone = normalizePhone(cellAt(row, c.phone));
  if (!o.phone && filled(cellAt(row, c.name)) && PHONE_LIKE.test(textAt(row, c.name))) o.phone = normalizePhone(cellAt(row, c.name));
  if (filled(cellAt(row, c.buyerUsername))) {
    const username = textAt(row, c.buyerUsername);
    if (!o.username) o.username = username;
    // Etsy's Buyer User ID is the buyer's Etsy username (a number on some stores: no handle then)
    if (!/^\d+$/.test(username)) addHandle(username);
  }
  if (filled(cellAt(row, c.buyer))) {
    const { username } = splitBuyer(cellAt(row, c.buyer), how.etsy);
    if (username) {
      if (!o.username) o.username = username;
      addHandle(username);
    }
  }
  if (filled(cellAt(row, c.handle))) addHandle(cellAt(row, c.handle));
  if (filled(cellAt(row, c.notes)) || filled(cellAt(row, c.noteAttributes))) {
    for (const h of handlesInText(textAt(row, c.notes) + '\n' + textAt(row, c.noteAttributes))) {
      if (o.handles.indexOf(h) < 0) o.handles.push(h);
    }
  }
}

/** What was paid and whether it stands: amount (× quantity for unit prices), refunds, date, statuses. */
function addSale(o: Order, row: Cell[], c: OrderColumns, dates: 'MDY' | 'DMY', how: ReadHow): void {
  if ((o.total === undefined || o.itemPrices) && filled(cellAt(row, c.total))) {
    let total = parseMoney(cellAt(row, c.total));
    if (total !== undefined && how.unitPrices) {
      const quantity = parseCount(cellAt(row, c.quantity));
      if (quantity !== undefined && quantity > 0) total *= quantity;
    }
    if (total !== undefined) o.total = o.itemPrices && o.total !== undefined ? o.total + total : total;
  }
  if (filled(cellAt(row, c.refunded))) {
    const refunded = parseMoney(cellAt(row, c.refunded));
    if (refunded !== undefined && (o.refunded === undefined || refunded > o.refunded)) o.refunded = refunded;
  }
  if (!o.currency && filled(cellAt(row, c.currency))) o.currency = textAt(row, c.currency).toUpperCase() || undefined;
  const dateCell = c.date !== undefined ? cellAt(row, c.date) : cellAt(row, c.paidAt);
  if (filled(dateCell)) {
    let date: number | undefined;
    if (typeof dateCell !== 'string') date = parseDate(dateCell, dates);
    else if (how.dateOf.has(dateCell)) date = how.dateOf.get(dateCell);
    else how.dateOf.set(dateCell, (date = parseDate(dateCell, dates)));
    if (date !== undefined && (o.date === undefined || date > o.date)) o.date = date;
  }
  if (!o.paid && o.paymentColumns) {
    const paidAt = cellAt(row, how.paidAt);
    o.paid = filled(cellAt(row, c.financialStatus)) || (filled(paidAt) && cleanText(paidAt) !== '');
  }
  if (!o.financialStatus && filled(cellAt(row, c.financialStatus))) o.financialStatus = textAt(row, c.financialStatus).toLowerCase();
  if (!o.status && filled(cellAt(row, c.status))) o.status = textAt(row, c.status).toLowerCase();
  if (!o.cancelled && filled(cellAt(row, c.cancelledAt)) && textAt(row, c.cancelledAt)) o.cancelled = true;
  if (!o.fullyRefunded && filled(cellAt(row, c.fullyRefunded)) && parseBool(cellAt(row, c.fullyRefunded)) === true) o.fullyRefunded = true;
  if (!o.eventType && filled(cellAt(row, c.eventType))) o.eventType = textAt(row, c.eventType).toLowerCase();
  if (!o.balanceImpact && filled(cellAt(row, c.balanceImpact))) o.balanceImpact = textAt(row, c.balanceImpact).toLowerCase();
}

/** Why an order does not count as a sale, or null when it does. */
function exclusion(o: Order): keyof IgnoredOrders | null {
  const fin = o.financialStatus.replace(/\s+/g, '_');
  const status = o.status.replace(/\s+/g, '_');
  if (o.cancelled || CANCELLED.test(fin) || CANCELLED.test(status)) return 'cancelled';
  // an abandoned checkout among orders: no Financial Status and no Paid at
  if (o.paymentColumns && !o.paid) return 'cancelled';
  if (REFUNDED.test(fin) || REFUNDED.test(status) || o.fullyRefunded) return 'refunded';
  if (/refund|reversal|chargeback/.test(o.eventType)) return 'refunded';
  if (o.balanceImpact === 'debit') return 'refunded';
  if (o.paypal) {
    if (o.balanceImpact && o.balanceImpact !== 'credit') return 'cancelled';
    if (status && status !== 'completed') return 'cancelled';
  }
  if (o.total !== undefined) {
    if (o.total < 0) return 'refunded';
    if (o.refunded !== undefined && o.refunded > 0 && o.refunded >= o.total) return 'refunded';
    if (o.total === 0) return 'zero';
  }
  return null;
}

/** Customer exports (Total Orders / Total Spent, no order id): one customer a row, a part at a time (tableReader). */
function customerRowsReader(first: Table, out: Customer[], ignored: IgnoredOrders): (table: Table) => void {
  const dates = dateOrder(first, 'date');
  const etsy = isEtsy(first);
  return (table) => {
    const c = orderColumns(table);
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i];
      if (isBlankRow(row)) continue;
      if (isTotalsRow(row, c)) {
        ignored.totals++;
        continue;
      }
      const count = parseCount(cellAt(row, c.orderCount));
      const spent = parseMoney(cellAt(row, c.totalSpent));
      // subscribers and leads who never bought are in customer exports too
      if (count === 0 || (count === undefined && spent !== undefined && spent <= 0)) {
        ignored.zero++;
        continue;
      }
      const email = normalizeEmail(cellAt(row, c.email));
      const names = namesOf(row, c, etsy);
      const key = email || names[0] || textAt(row, c.buyerUsername);
      if (!key) continue;
      const handles: string[] = [];
      const handle = isUnknown(cellAt(row, c.handle)) ? '' : normalizeHandle(cellAt(row, c.handle));
      if (handle) handles.push(handle);
      for (const h of handlesInText(textAt(row, c.notes))) if (handles.indexOf(h) < 0) handles.push(h);
      const phone = normalizePhone(cellAt(row, c.phone));
      const customer: Customer = {
        key,
        emails: email ? [email] : [],
        names,
        handles,
        phones: phone ? [phone] : [],
        orders: count ?? 1,
        spent: spent ?? 0,
      };
      const currency = textAt(row, c.currency).toUpperCase();
      if (currency) customer.currency = currency;
      const date = parseDate(cellAt(row, c.date), dates);
      if (date !== undefined) customer.lastOrder = date;
      out.push(customer);
    }
  };
}

// ---- orders → customers ------------------------------------------------------------------------------

const nameKey = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function mergeCustomers(orders: Order[], exported: Customer[]): Customer[] {
  const byKey = new Map<string, Customer>();
  const list: Customer[] = [];
  const emailCustomersByName = new Map<string, Customer[]>();
  const nameCustomers = new Map<string, Customer>();

  const create = (key: string): Customer => {
    const c: Customer = { key, emails: [], names: [], handles: [], phones: [], orders: 0, spent: 0 };
    byKey.set(key, c);
    list.push(c);
    return c;
  };
  const absorb = (c: Customer, o: Order) => {
    if (o.email && c.emails.indexOf(o.email) < 0) c.emails.push(o.email);
    // (most repeat orders write the name exactly as before: no need to fold it)
    for (const n of o.names) if (c.names.indexOf(n) < 0 && !c.names.some((x) => nameKey(x) === nameKey(n))) c.names.push(n);
    for (const h of o.handles) if (c.handles.indexOf(h) < 0) c.handles.push(h);
    if (o.phone && c.phones.indexOf(o.phone) < 0) c.phones.push(o.phone);
    c.orders++;
    const total = o.total ?? 0;
    c.spent += o.refunded && o.refunded > 0 && o.refunded < total ? total - o.refunded : total;
    if (!c.currency && o.currency) c.currency = o.currency;
    if (o.date !== undefined && (c.lastOrder === undefined || o.date > c.lastOrder)) c.lastOrder = o.date;
  };

  // orders with an email first: the email is the customer
  for (const o of orders) {
    if (!o.email) continue;
    const c = byKey.get(o.email) || create(o.email);
    absorb(c, o);
  }
  for (const c of list) {
    for (const n of c.names) {
      const k = nameKey(n);
      const same = emailCustomersByName.get(k);
      if (!same) emailCustomersByName.set(k, [c]);
      else if (same.indexOf(c) < 0) same.push(c);
    }
  }
  // orders without an email (Etsy, Square): the one email customer of that name, else the name as written
  for (const o of orders) {
    if (o.email) continue;
    const written = o.names[0] || o.username || o.handles[0];
    if (!written) continue;
    const k = nameKey(written);
    const same = o.names[0] ? emailCustomersByName.get(k) : undefined;
    let c: Customer | undefined = same && same.length === 1 ? same[0] : nameCustomers.get(k);
    if (!c) {
      c = byKey.get(written) || create(written);
      nameCustomers.set(k, c);
    }
    absorb(c, o);
  }
  // customer exports: the same person may be in the orders too; counts are then the larger, not the sum
  for (const e of exported) {
    const c = byKey.get(e.key) || (e.emails.length ? undefined : nameCustomers.get(nameKey(e.key)));
    if (!c) {
      byKey.set(e.key, e);
      list.push(e);
      continue;
    }
    for (const x of e.emails) if (c.emails.indexOf(x) < 0) c.emails.push(x);
    for (const n of e.names) if (!c.names.some((x) => nameKey(x) === nameKey(n))) c.names.push(n);
    for (const h of e.handles) if (c.handles.indexOf(h) < 0) c.handles.push(h);
    for (const p of e.phones) if (c.phones.indexOf(p) < 0) c.phones.push(p);
    c.orders = Math.max(c.orders, e.orders);
    c.spent = Math.max(c.spent, e.spent);
    if (!c.currency && e.currency) c.currency = e.currency;
    if (e.lastOrder !== undefined && (c.lastOrder === undefined || e.lastOrder > c.lastOrder)) c.lastOrder = e.lastOrder;
  }
  // An absurd total (1e306 pasted by mistake) must not overflow to Infinity, which JSON and the cache cannot hold.
  for (const c of list) {
    const cents = Math.round(c.spent * 100) / 100;
    c.spent = Number.isFinite(cents) ? Math.min(cents, MAX_SPENT) : MAX_SPENT;
  }
  return list;
}

// ---- social handles written in notes -------------------------------------------------------------------

const PROFILE_URL =
  /\b(?:https?:\/\/)?(?:www\.|m\.)?(?:instagram\.com|instagr\.am|tiktok\.com|x\.com|twitter\.com|threads\.(?:net|com)|bsky\.app|facebook\.com|pinterest\.com)\/[^\s,;)"'<>]+/gi;
const LABELLED = /\b(?:ig|insta|instagram|tiktok|tik tok|twitter|threads|bluesky|bsky|handle)\s*(?:handle|username|name)?\s*[:=\-–]\s*@?([a-z0-9][a-z0-9._]{1,29})/gi;
const AT_HANDLE = /(?:^|[^\w.@])@([a-z0-9_][a-z0-9._]{1,29})/gi;

/** Social handles written in free text: "@jane.doe", "IG: jane.doe", "instagram.com/jane.doe". */
export function handlesInText(s: string): string[] {
  const out: string[] = [];
  if (!s || (s.indexOf('@') < 0 && s.indexOf('/') < 0 && s.indexOf(':') < 0 && s.indexOf('-') < 0 && s.indexOf('=') < 0)) return out;
  const push = (h: string) => {
    const n = normalizeHandle(h);
    if (n && !/^\d+$/.test(n) && out.indexOf(n) < 0) out.push(n);
  };
  let m: RegExpExecArray | null;
  const urls = new RegExp(PROFILE_URL.source, 'gi');
  while ((m = urls.exec(s))) push(m[0]);
  const rest = s.replace(urls, ' ');
  const labelled = new RegExp(LABELLED.source, 'gi');
  while ((m = labelled.exec(rest))) push(m[1]);
  const at = new RegExp(AT_HANDLE.source, 'gi');
  while ((m = at.exec(rest))) push(m[1]);
  return out;
}

// ---- describing a customer ---------------------------------------------------------------------------

const SYMBOLS: Record<string, string> = {
  USD: '$', EUR: '€', GBP: '£', JPY: '¥', CAD: 'CA$', AUD: 'A$', NZD: 'NZ$', INR: '₹', KRW: '₩', BRL: 'R$', MXN: 'MX$',
  CNY: 'CN¥', ILS: '₪', PHP: '₱', VND: '₫', NGN: '₦', TRY: '₺', UAH: '₴', PLN: 'zł',
};
const NO_CENTS = ' JPY KRW VND ';

/** An amount with its currency: "$240.00", "€1,250.50", "CHF 80.00"; no symbol when the currency is unknown. */
/** No shop's customer spends more; beyond it a pasted number is a mistake, shown capped. */
const MAX_SPENT = 1e12;

export function formatMoney(amount: number, currency?: string): string {
  const code = (currency || '').toUpperCase();
  const digits = code && NO_CENTS.indexOf(' ' + code + ' ') >= 0 ? 0 : 2;
  const [whole, cents] = Math.abs(amount).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (cents ? '.' + cents : '');
  const sign = amount < 0 ? '-' : '';
  const symbol = SYMBOLS[code];
  if (symbol) return code === 'PLN' ? `${sign}${grouped} ${symbol}` : `${sign}${symbol}${grouped}`;
  return code ? `${sign}${code} ${grouped}` : sign + grouped;
}

/** "Jane Doe · jane@example.com · 3 orders · $240.00" */
export function describeCustomer(c: Customer): string {
  const parts: string[] = [];
  if (c.names[0]) parts.push(c.names[0]);
  if (c.emails[0]) parts.push(c.emails[0]);
  if (!parts.length) parts.push(c.key);
  parts.push(`${c.orders} order${c.orders === 1 ? '' : 's'}`);
  parts.push(formatMoney(c.spent, c.currency));
  return parts.join(' · ');
}
