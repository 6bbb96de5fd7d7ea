// The one entry point every face calls: tables and settings in, rows of results out.
import { assessBot, botInputOf } from './botrisk';
import { buildCustomers, describeCustomer } from './customers';
import { createMatcher, fullNameCounts, settleClaims } from './match';
import { engagementEntriesAt, readEngagementLedger, type EngagementLedger } from './engagement';
import { assignQueue, type Summary } from './queue';
import { readOrderTables } from './purchases';
import { routineOf, type Routine } from './routine';
import { scoreFollower, type Evidence } from './score';
import { cellOf, readFollowers, readTable } from './table';
import { normalizeHandle } from './values';
import {
  OUTPUT_HEADERS,
  type BotAssessment,
  type Cell,
  type Customer,
  type Engagement,
  type Follower,
  type Match,
  type ResultRow,
  type Settings,
  type Source,
  type Table,
} from './types';

export { DEFAULT_SETTINGS, validateSettings } from './settings';
export { assignQueue, type QueueRow, type Summary } from './queue';
export { OUTPUT_HEADERS };

export interface WorkbookInput {
  followers: Source;
  orders?: Source[];
  engagement?: Source[];
  following?: Source[];
  /** the `Followback history` tab (or the command line's --history file) */
  history?: Source[];
  /** the spreadsheet's time zone, for "today" in the history (IANA name); UTC when absent */
  timeZone?: string;
}

export interface Prepared {
  settings: Settings;
  now: number;
  table: Table;
  followers: Follower[];
  customers: Customer[];
  match: (f: Follower) => Match | null;
  /** bot assessment of a follower; replaceable by precomputed results (the command line's two threads) */
  assess: (f: Follower) => BotAssessment;
  engagement: Map<string, Engagement>;
  following: Set<string>;
  /** what the history says about today's queue */
  routine?: Routine;
  /** handle -> index of its first row in the Followers table; built on first use (custom functions look handles up) */
  byHandle?: Map<string, number>;
  ignoredOrders: { refunded: number; cancelled: number; zero: number; totals: number };
  /** one message per orders file that holds no purchase, naming it (also the first of `warnings`) */
  noPurchases: string[];
  warnings: string[];
  /** describeCustomer() per customer index, filled on first use */
  described: string[];
  /** the confident links scoring made, by follower: settleRows links them again only when they are not here */
  linked?: Map<Follower, Match>;
}

export interface Scored {
  table: Table;
  followers: Follower[];
  rows: (ResultRow | null)[];
  summary: Summary;
  warnings: string[];
  /** orders files that hold no purchase, each message naming the file (the menu shows them in an alert) */
  noPurchases: string[];
}

/** The parts of a workbook that do not depend on the Followers tab: cacheable between custom-function calls. */
export interface Context {
  customers: Customer[];
  ignoredOrders: Prepared['ignoredOrders'];
  /** entries as readContext gives them (plain data, cacheable), or a Map read already (the command line) */
  engagement: [string, Engagement][] | Map<string, Engagement>;
  following: string[];
  /** orders files that hold no purchase: why, one message each naming the file */
  noPurchases?: string[];
  /** from the history: kept out of today's queue, today's and this week's follows, what Undo takes back */
  routine?: Routine;
}

/** The handles on Following tabs or files, by their handle column, else their profile URL. */
export function followingHandles(sources: Source[], overrides?: Record<string, string>): string[] {
  const following: string[] = [];
  for (const source of sources) {
    const t = readTable(source, 'following', overrides);
    for (let i = 0; i < t.rows.length; i++) {
      const h = normalizeHandle(cellOf(t, i, 'handle')) || normalizeHandle(cellOf(t, i, 'url'));
      if (h) following.push(h);
    }
  }
  return following;
}

/** What the orders say: it depends on no clock, so the cache keeps it apart from the rest (every hour shares it). */
export type OrdersPart = Pick<Context, 'customers' | 'ignoredOrders' | 'noPurchases'>;

export function readOrdersPart(orders: Source[], settings: Settings): OrdersPart {
  const read = readOrderTables(orders, settings.columnOverrides?.orders);
  const { customers, ignored, empty } = buildCustomers(read.tables);
  const noPurchases = read.empty.concat(empty);
  return { customers, ignoredOrders: ignored, ...(noPurchases.length ? { noPurchases } : {}) };
}

/** `orders`, `ledger`: what readOrdersPart and readEngagementPart give for these tabs, when the cache has them. */
export function readContext(input: Omit<WorkbookInput, 'followers'>, settings: Settings, now: number, orders?: OrdersPart, ledger?: EngagementLedger): Context {
  const overrides = settings.columnOverrides ?? {};
  const { customers, ignoredOrders, noPurchases } = orders ?? readOrdersPart(input.orders ?? [], settings);
  const read = ledger ?? readEngagementPart(input.engagement ?? [], settings);
  const following = followingHandles(input.following ?? [], overrides.following);
  const engagement = engagementEntriesAt(read, now);
  const base: Context = { customers, ignoredOrders, engagement, following, ...(noPurchases ? { noPurchases } : {}) };
  if (!input.history) return base;
  const opts = { now, timeZone: input.timeZone, notNowDays: settings.notNowDays ?? 7, countSince: settings.followingCountOn };
  const r = routineOf(input.history, following, opts);
  return { ...base, following: r.following, routine: r.routine };
}

/** What the engagement tabs say, with no clock in it (the cache keeps it for every hour: engagementAt reads it). */
export function readEngagementPart(engagement: Source[], settings: Settings): EngagementLedger {
  const overrides = settings.columnOverrides?.engagement;
  return readEngagementLedger(engagement.map((s) => readTable(s, 'engagement', overrides)));
}

/**
 * `followerCount`: rows the whole Followers tab has, when `input.followers` holds only a chunk of it
 * (the matcher's prior depends on it, so a chunk scores exactly as the whole tab would); `nameCounts`: the
 * full names the followers of the whole tab show, with how many (fullNameCounts), for the same reason.
 */
export function prepare(input: WorkbookInput, settings: Settings, context?: Context, followerCount?: number, nameCounts?: [string, number][], wanted?: ReadonlySet<string>): Prepared {
  const now = settings.now ?? Date.now();
  const table = readTable(input.followers, 'followers', settings.columnOverrides?.followers);
  const followers = readFollowers(table, wanted);
  const ctx = context ?? readContext(input, settings, now);
  return prepareWith(table, followers, ctx, settings, now, followerCount, undefined, nameCounts);
}

/**
 * For custom functions: the followers of these handles read whole, the rest of the list by handle and name (the
 * matcher's prior and name counts), which on a 50,000-row tab is most of what a cached call would cost.
 */
export function prepareForHandles(input: WorkbookInput, settings: Settings, context: Context, handles: Cell[]): Prepared {
  const wanted = new Set<string>();
  for (const h of handles) {
    const handle = normalizeHandle(h);
    if (handle) wanted.add(handle);
  }
  return prepare(input, settings, context, undefined, undefined, wanted);
}

/** For custom functions called without a Followers tab (or before it exists). */
export function prepareWithoutFollowers(ctx: Context, settings: Settings): Prepared {
  return prepareFollowers([], ctx, settings);
}

/**
 * Followers scored apart from their table: the command line's worker thread scores a share of them.
 * `followerCount`: how many the whole list has (the matcher's prior).
 */
export function prepareFollowers(followers: Follower[], ctx: Context, settings: Settings, followerCount?: number, match?: Prepared['match']): Prepared {
  const table: Table = { kind: 'followers', source: 'Followers', headerIndex: 0, headers: [], columns: {}, rows: [] };
  return prepareWith(table, followers, ctx, settings, settings.now ?? Date.now(), followerCount, match);
}

/** prepare() for a Followers table already read (the command line reads it while the orders load). */
export function prepareRead(table: Table, followers: Follower[], ctx: Context, settings: Settings, nameCounts?: [string, number][]): Prepared {
  return prepareWith(table, followers, ctx, settings, settings.now ?? Date.now(), followers.length, undefined, nameCounts);
}

/**
 * Links followers to these customers; `followerCount`: how many followers the whole list has (the prior);
 * `nameCounts`: the full names they show, with how many (fullNameCounts of the whole list's display names).
 */
export function matcherFor(customers: Customer[], followerCount: number, nameCounts?: [string, number][]): Prepared['match'] {
  return createMatcher(customers, { followers: followerCount || undefined, nameCounts });
}

/** `match`: links found already (the command line's worker links first, then scores); else a matcher is built. */
function prepareWith(
  table: Table,
  followers: Follower[],
  ctx: Context,
  settings: Settings,
  now: number,
  followerCount = followers.length,
  match?: Prepared['match'],
  nameCounts?: [string, number][],
): Prepared {
  const noPurchases = ctx.noPurchases ?? [];
  const warnings: string[] = noPurchases.slice();
  const ig = ctx.ignoredOrders;
  const skipped = ig.refunded + ig.cancelled + ig.zero;
  if (skipped) warnings.push(`${skipped} refunded, cancelled or zero-value orders were not counted.`);
  const problems = ctx.routine?.problems ?? [];
  if (problems.length) warnings.push(...problems.slice(0, 3), ...(problems.length > 3 ? [`… and ${problems.length - 3} more unreadable history rows.`] : []));
  return {
    settings,
    now,
    table,
    followers,
    customers: ctx.customers,
    // a part of the list (a sidebar chunk) brings the whole list's name counts; the whole list has its own
    match: match ?? matcherFor(ctx.customers, followerCount, nameCounts ?? (followerCount === followers.length ? fullNameCounts(followers.map((f) => f.name), followers.map((f) => f.handle)) : undefined)),
    assess: (f) => assessBot(botInputOf(f), settings.botBaseRate / 100),
    engagement: ctx.engagement instanceof Map ? ctx.engagement : new Map(ctx.engagement),
    following: new Set(ctx.following),
    routine: ctx.routine,
    ignoredOrders: ig,
    noPurchases,
    warnings,
    described: [],
  };
}

function evaluate(p: Prepared, f: Follower, match = linkOf(p, f)): ResultRow {
  const customer = match ? p.customers[match.customer] : undefined;
  let customerText = '';
  if (match && customer) {
    // Described once per customer: a popular name is a candidate for many followers.
    const described = (p.described[match.customer] ??= describeCustomer(customer));
    customerText = match.confident ? described : `Possible: ${described}`;
  }
  const ev: Evidence = {
    match,
    customer,
    customerText,
    engagement: p.engagement.get(f.handle),
    bot: p.assess(f),
    alreadyFollowing: p.following.has(f.handle),
  };
  return scoreFollower(ev, p.settings, p.now);
}

/** A follower's link, kept when it is confident (few are, and settleRows may need them again). */
function linkOf(p: Prepared, f: Follower): Match | null {
  const m = p.match(f);
  if (m && m.confident) (p.linked ??= new Map()).set(f, m);
  return m;
}

/** Rows [start, end) of the Followers table, without the queue; null for a blank row. */
export function scoreRows(p: Prepared, start = 0, end = p.followers.length): (ResultRow | null)[] {
  const out: (ResultRow | null)[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, p.followers.length); i++) {
    const f = p.followers[i];
    out.push(f.handle ? evaluate(p, f) : null);
  }
  return out;
}

/**
 * One customer is one person (match/claims.ts): the followers whose rows give the same Customer ID are linked
 * again and that customer settled among them, and their rows are scored again in place. `rows[i]` is the row of
 * `followers[i]`; rows scored apart (sidebar chunks, the command line's two threads) settle here as one list
 * would. Returns the indexes of the rows that changed.
 */
export function settleRows(p: Prepared, followers: readonly Follower[], rows: ({ customerId: string } | null | undefined)[]): number[] {
  const byCustomer = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!r || !r.customerId) return;
    const list = byCustomer.get(r.customerId);
    if (list) list.push(i);
    else byCustomer.set(r.customerId, [i]);
  });
  // a handle listed twice is one follower, not two who compete: it claims once, and its rows read alike
  const claims: number[][] = [];
  byCustomer.forEach((group) => {
    const byHandle = new Map<string, number[]>();
    for (const i of group) {
      const same = byHandle.get(followers[i].handle);
      if (same) same.push(i);
      else byHandle.set(followers[i].handle, [i]);
    }
    if (byHandle.size > 1) byHandle.forEach((r) => claims.push(r));
  });
  const settled = settleClaims(claims.map((r) => p.linked?.get(followers[r[0]]) ?? p.match(followers[r[0]])));
  const changed: number[] = [];
  claims.forEach((r, k) => {
    for (const i of r) {
      rows[i] = evaluate(p, followers[i], settled[k]);
      changed.push(i);
    }
  });
  return changed.sort((a, b) => a - b);
}

/** `context`: what the other tabs say, read already (the add-on's cache); else read here. */
export function scoreWorkbook(input: WorkbookInput, settings: Settings, context?: Context): Scored {
  const p = prepare(input, settings, context);
  const rows = scoreRows(p);
  settleRows(p, p.followers, rows);
  const summary = assignQueue(
    rows,
    settings,
    p.followers.map((f) => f.handle),
    p.routine,
  );
  return { table: p.table, followers: p.followers, rows, summary, warnings: p.warnings, noPurchases: p.noPurchases };
}

/**
 * Custom functions: a handle found in the Followers tab is scored with its row's profile; any other
 * handle with what the orders and engagement say about it. Blank in, blank result (null). `goOn`, when given, is
 * asked before each handle: once it says no, that handle and the rest are left unscored (undefined), so that a
 * formula over a long range can answer within its time instead of being stopped with nothing.
 */
export function scoreHandles(p: Prepared, handles: Cell[], goOn?: () => boolean): (ResultRow | null | undefined)[] {
  if (!p.byHandle) {
    const index = (p.byHandle = new Map<string, number>());
    p.followers.forEach((f, i) => {
      if (f.handle && !index.has(f.handle)) index.set(f.handle, i);
    });
  }
  const index = p.byHandle;
  // followers[k] is the account of handles[k] (none for a blank cell, whose row is null)
  const followers: Follower[] = new Array(handles.length);
  const rows: (ResultRow | null | undefined)[] = new Array(handles.length);
  let going = true;
  for (let k = 0; k < handles.length; k++) {
    const handle = normalizeHandle(handles[k]);
    if (!handle) rows[k] = null;
    else if ((going = going && (!goOn || goOn()))) {
      const i = index.get(handle);
      rows[k] = evaluate(p, (followers[k] = i !== undefined ? p.followers[i] : { index: -1, handle }));
    } else rows[k] = undefined; // (a hole would be skipped by map)
  }
  // the handles asked for are the list: a customer two of them claim is settled among them
  settleRows(p, followers, rows);
  return rows;
}

/** The nine output values in OUTPUT_HEADERS order; blanks for a blank row. */
export function toCells(row: ResultRow | null): Cell[] {
  if (!row) return OUTPUT_HEADERS.map(() => '');
  return [row.score, row.recommendation, row.botRisk, row.customer, row.customerId, row.matchConfidence, row.engagement, row.reasons, row.queue];
}

/** CSV cells: text that a spreadsheet would read as a formula gets a leading apostrophe (OWASP CSV injection). */
export function csvSafe(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  const s = String(cell);
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
