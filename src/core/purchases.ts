// Order files that hold no purchase (abandoned checkouts, a payments ledger that names no person, a customers
// export of sign-ups): recognised and named, so the user is told why a file makes no customer, never left guessing.
import { fieldOfHeader, normHeader } from './fields';
import { readTable } from './table';
import type { Cell, Source, Table } from './types';

/** The column of the time a payment was taken ("Paid at"), also when it is the table's only date column. */
export function paidColumn(table: Table): number | undefined {
  const c = table.columns;
  if (c.paidAt !== undefined) return c.paidAt;
  return c.date !== undefined && normHeader(table.headers[c.date]) === 'paid at' ? c.date : undefined;
}

/** Fields that name a person in an orders table (Shopify's transactions `Name` is the order's name, not a person). */
const PERSON_FIELDS = ['email', 'firstName', 'lastName', 'shippingName', 'buyer', 'buyerUsername', 'handle', 'phone'];

/**
 * Shopify's transactions export (`Order,Name,Kind,Gateway,Created At,Status,Amount,Currency,…`): payments by
 * order, no person. The header row among the first ten rows, or undefined when the grid is not one.
 */
function ledgerHeader(grid: Cell[][]): string[] | undefined {
  for (const row of grid.slice(0, 10)) {
    const headers = (row || []).map((c) => normHeader(c));
    if (headers.indexOf('kind') < 0 || headers.indexOf('gateway') < 0) continue;
    const person = headers.some((h) => {
      const field = fieldOfHeader('orders', h);
      return field !== undefined && PERSON_FIELDS.indexOf(field) >= 0;
    });
    return person ? undefined : headers;
  }
  return undefined;
}

/**
 * The orders tables of these sources. A payments ledger without people is not read (readTable would refuse it, or
 * take its order names for people): it gets a message in `empty` instead, and scoring goes on with the others.
 */
export function readOrderTables(sources: Source[], overrides?: Record<string, string>): { tables: Table[]; empty: string[] } {
  const tables: Table[] = [];
  const empty: string[] = [];
  for (const source of sources) {
    const t = orderTableOf(source, overrides);
    if (typeof t === 'string') empty.push(t);
    else tables.push(t);
  }
  return { tables, empty };
}

/** One source's orders table, or for a payments ledger the message saying why nothing in it counts. */
export function orderTableOf(source: Source, overrides?: Record<string, string>): Table | string {
  if (ledgerHeader(source.grid || [])) {
    return (
      `${source.name}: this is a transactions export (Kind, Gateway, Amount by order): it names no person, so no ` +
      'customer can come from it and nothing in it was counted. Export the orders (Orders ▸ Export in Shopify) instead.'
    );
  }
  return readTable(source, 'orders', overrides);
}

export interface EmptyTable {
  customerExport: boolean;
  /** Financial Status and Paid at empty on every row */
  unpaid: boolean;
  /** orders read from the table (all of them excluded) */
  orders: number;
  /** customers-export rows left out for 0 orders / 0 spent */
  zero: number;
}

const header = (table: Table, field: string, fallback: string): string => {
  const col = table.columns[field];
  return (col !== undefined && table.headers[col]) || fallback;
};

/** Why a table with rows made no customer, in one sentence that starts with its name. */
export function noPurchasesMessage(table: Table, e: EmptyTable): string {
  const name = table.source;
  if (e.unpaid) {
    return (
      `${name}: ${header(table, 'financialStatus', 'Financial Status')} and Paid at are empty on every row, as in an ` +
      'abandoned checkouts export: nobody in it has paid, so no one in it counts as a customer.'
    );
  }
  if (e.customerExport) {
    const what = [header(table, 'orderCount', ''), header(table, 'totalSpent', '')].filter(Boolean).join(' / ');
    return e.zero
      ? `${name}: every customer in it has 0 ${what} (sign-ups and leads, not buyers), so no one in it counts as a customer.`
      : `${name}: no row names a customer (no email or name), so nothing in it was counted.`;
  }
  if (e.orders === 0) return `${name}: no row names a customer (no email or name), so nothing in it was counted.`;
  return (
    `${name}: none of its ${e.orders.toLocaleString('en-US')} order${e.orders === 1 ? '' : 's'} was paid for ` +
    '(each is refunded, cancelled, failed, unpaid or $0), so no one in it counts as a customer.'
  );
}
