// Large inputs on the command line use both cores. A worker thread reads the orders, builds the customers and
// scores the later part of the followers from start to end (linking, bot risk, score, reasons, output line);
// the main thread reads the followers and the engagement, scores the first part, queues and writes.
// Results are the same as on one thread (test/cli-parallel.test.ts).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { assignQueue, matcherFor, prepareFollowers, prepareRead, readContext, scoreRows, settleRows, type Context, type QueueRow } from '../core/engine';
import { customerBuilder } from '../core/customers';
import { orderTableOf } from '../core/purchases';
import { fullNameCounts } from '../core/match';
import { engagementTally } from '../core/engagement';
import { dateOrder, readFollowers, readTable } from '../core/table';
import {
  InputError,
  RECOMMENDATIONS,
  type Customer,
  type Engagement,
  type Follower,
  type Match,
  type ResultRow,
  type Settings,
  type Source,
  type Table,
  type TableKind,
} from '../core/types';
import { resultLines, resultText, streamCsvFile, userColumns, userText } from './csv';
import { collectGarbage } from './collect';
import { readLayout, mark, stats, t0, type Output, type ReadSource, type StreamSource } from './score-parts';

interface Job {
  followbackWorker: true;
  orders: string[];
  settings: Settings;
}

/**
 * Main → worker, as soon as the followers are read, as JSON text (followers hold only text, finite numbers and
 * booleans; JSON crosses faster than a structured clone): the followers the worker scores and how many
 * followers the list has (the matcher's prior). Their cells stay on the main thread, which writes the user part
 * of their output lines while the worker scores (the cells would cross twice, out and back inside the lines).
 */
interface ShareMessage {
  type: 'share';
  count: number;
  /** full names the followers of the whole list show, with how many (the matcher's name frequencies) */
  names: [string, number][];
  followers: Follower[];
}

/** Main → worker, once the engagement is read: what it says about the worker's followers. */
interface ContextMessage {
  type: 'context';
  engagement: [string, Engagement][];
  following: string[];
}

/**
 * Worker → main. Customers cross as JSON text (for plain records about twice as quick as structured cloning);
 * scored rows as their output cells but the queue (resultText) and what the queue needs: score, recommendation
 * (index, -1 for a blank row), engagement and Customer ID.
 */
type Message =
  | { type: 'customers'; customers: string; ignored: Context['ignoredOrders']; noPurchases: string[] }
  | { type: 'rows'; results: string[]; numbers: Float64Array; ids: string[] }
  | { type: 'error'; message: string };

/**
 * Where the parts meet: the worker scores followers [split, n). Each thread reads about as much before it can
 * score (the orders; the followers and engagement), but the main thread alone then writes every row's user cells,
 * queues and writes the file, while the worker sat idle for about 0.3 s (profiles of both benchmark problems, 4
 * December). So the main thread scores 43 %: 8 runs each alternated with halves, medians 2.91 → 2.84 s on the
 * project's benchmark and 3.21 → 3.09 s on the realistic one, the same within the noise for 36–44 %. Claiming
 * chunks from a shared counter gained nothing measurable (3 December).
 */
export const MAIN_SHARE = 0.43;

export function splitOf(n: number): number {
  return Math.floor(n * MAIN_SHARE);
}

/**
 * Reads a table that is summed up rather than kept, part by part: `take(table)` gets the first part as a
 * table and returns what takes the later parts' rows.
 */
function streamTable(stream: StreamSource, path: string, kind: TableKind, overrides: Record<string, string> | undefined, take: (table: Table) => (rows: string[][]) => void): void {
  let more: ((rows: string[][]) => void) | null = null;
  stream(path, kind, overrides, (rows, first) => {
    if (first) more = take(readTable({ name: path, grid: rows }, kind, overrides));
    else more!(rows);
  });
}

/** The worker's side: started by `new Worker(build/cli.js, { workerData: job })`. */
export function runWorker(job: Job, stream: StreamSource): void {
  const post = (m: Message) => parentPort!.postMessage(m);
  const fail = (e: unknown) => post({ type: 'error', message: (e as Error).message });
  let share: ShareMessage | null = null;
  let context: ContextMessage | null = null;
  let customers: Customer[] | null = null;
  let ignored: Context['ignoredOrders'] = { refunded: 0, cancelled: 0, zero: 0, totals: 0 };
  let noPurchases: string[] = [];
  let matches: (Match | null)[] | null = null;
  let done = false;
  // Each step runs as soon as what it needs has arrived: link once the customers and the share are known,
  // score once the links and the context are.
  const advance = () => {
    try {
      if (!matches && customers && share) {
        mark('linking');
        const match = matcherFor(customers, share.count, share.names);
        mark('matcher created');
        matches = share.followers.map((f) => (f.handle ? match(f) : null));
        mark('linked');
      }
      if (matches && context && share && !done) {
        done = true;
        const found = matches;
        const start = share.followers.length ? share.followers[0].index : 0;
        const ctx: Context = { customers: customers!, ignoredOrders: ignored, engagement: context.engagement, following: context.following, noPurchases };
        const p = prepareFollowers(share.followers, ctx, job.settings, share.count, (f) => found[f.index - start] ?? null);
        const rows = scoreRows(p);
        const results = rows.map(resultText);
        const { numbers, ids } = queueKeys(rows);
        mark('scored');
        post({ type: 'rows', results, numbers, ids });
        mark('rows posted');
      }
    } catch (e) {
      fail(e);
    }
  };
  parentPort!.on('message', (m: string | ContextMessage) => {
    if (typeof m === 'string') share = JSON.parse(m) as ShareMessage;
    else context = m;
    advance();
  });
  try {
    mark('started');
    ({ customers, ignored, noPurchases } = postCustomers(stream, job, post));
    mark('customers posted');
    // What reading the orders left behind (the export's text, its rows, the customers made of slices of it) is
    // all garbage now, but V8 may carry it to the end: on the realistic benchmark the worker's heap at the end
    // went from 214 to 86 MB when collected here (17 ms), the run's peak from 592 to 452 MB (medians of 6 runs
    // alternated with the build before, time 3.04 / 3.03 s); on the project's benchmark 492 -> 521 MB, 2.80 / 2.71 s.
    // A second collection after linking gave no more.
    collectGarbage();
    mark('collected');
    advance();
  } catch (e) {
    fail(e);
  }
}

/**
 * Reads the orders, posts their customers to the main thread and returns a copy of them made of fresh strings:
 * the customers' cells are slices of the orders text (V8 keeps a slice's whole parent string alive: 50 MB for a
 * 100,000-row export), and once this returns nothing holds the text.
 */
function postCustomers(stream: StreamSource, job: Job, post: (m: Message) => void) {
  const { built, ledgers } = streamCustomers(stream, job.orders, job.settings.columnOverrides?.orders);
  const noPurchases = ledgers.concat(built.empty);
  mark('customers built');
  const text = JSON.stringify(built.customers);
  post({ type: 'customers', customers: text, ignored: built.ignored, noPurchases });
  return { customers: JSON.parse(text) as Customer[], ignored: built.ignored, noPurchases };
}

/**
 * The customers of these orders files, each read in parts (a 100,000-row export's rows die young instead of all
 * living until the customers are built), and the messages for payments ledgers (readOrderTables).
 */
function streamCustomers(stream: StreamSource, paths: string[], overrides: Record<string, string> | undefined) {
  const builder = customerBuilder();
  const ledgers: string[] = [];
  for (const path of paths) {
    let more: ((part: Table) => void) | null = null;
    let table: Table | null = null;
    stream(path, 'orders', overrides, (rows, first) => {
      if (first) {
        const t = orderTableOf({ name: path, grid: rows }, overrides);
        if (typeof t === 'string') ledgers.push(t);
        else more = builder.add((table = t));
      } else if (more) more({ ...table!, rows });
    });
  }
  return { built: builder.result(), ledgers };
}

/** What the queue needs of each row, flat: score, recommendation index (-1: blank row), engagement. */
function queueKeys(rows: (ResultRow | null)[]): { numbers: Float64Array; ids: string[] } {
  const numbers = new Float64Array(rows.length * 3);
  const ids: string[] = [];
  rows.forEach((r, i) => {
    numbers[3 * i] = r ? r.score : 0;
    numbers[3 * i + 1] = r ? RECOMMENDATIONS.indexOf(r.recommendation) : -1;
    numbers[3 * i + 2] = r ? r.engagement : 0;
    ids.push(r ? r.customerId : '');
  });
  return { numbers, ids };
}

function queueRows(numbers: Float64Array, ids: string[]): (QueueRow | null)[] {
  return ids.map((customerId, i) =>
    numbers[3 * i + 1] < 0
      ? null
      : { score: numbers[3 * i], recommendation: RECOMMENDATIONS[numbers[3 * i + 1]], engagement: numbers[3 * i + 2], customerId, queue: '' },
  );
}

/** Scores with a worker thread; same inputs and result as scoreWorkbook. */
export async function scoreInParallel(
  script: string,
  paths: { followers: string; orders: string[]; engagement: string[]; following: string[]; history?: Source[]; timeZone?: string },
  settings: Settings,
  read: ReadSource,
  stream: StreamSource,
): Promise<Output> {
  const job: Job = { followbackWorker: true, orders: paths.orders, settings };
  // Started first: reading the orders is the longest road to the customers that linking needs.
  if (stats) process.env.FOLLOWBACK_T0 = String(t0);
  const worker = new Worker(script, { workerData: job });
  const waiting = new Map<string, (m: Message) => void>();
  const early: Message[] = [];
  let failure: Error | null = null;
  const next = (type: Message['type']) =>
    new Promise<Message>((resolve, reject) => {
      if (failure) return reject(failure);
      const i = early.findIndex((m) => m.type === type || m.type === 'error');
      if (i >= 0) {
        const m = early.splice(i, 1)[0];
        return m.type === 'error' ? reject(new WorkerInputError(m.message)) : resolve(m);
      }
      waiting.set(type, (m) => (m.type === 'error' ? reject(new WorkerInputError(m.message)) : resolve(m)));
    });
  worker.on('message', (m: Message) => {
    const handlers = m.type === 'error' ? [...waiting.values()] : [waiting.get(m.type)].filter(Boolean);
    if (!handlers.length) early.push(m);
    for (const h of handlers) h!(m);
    if (m.type === 'error') waiting.clear();
    else waiting.delete(m.type);
  });
  worker.on('error', (e) => {
    failure = e;
    for (const h of waiting.values()) h({ type: 'error', message: e.message });
  });
  try {
    mark('worker spawned');
    const overrides = settings.columnOverrides ?? {};
    const followers = read(paths.followers, 'followers', overrides.followers);
    const now = settings.now ?? Date.now();
    const table = readTable(followers, 'followers', overrides.followers);
    const list = readFollowers(table);
    const split = splitOf(list.length);
    const share = list.slice(split);
    const keep = userColumns(followers.grid, table.headerIndex);
    const names = fullNameCounts(list.map((f) => f.name), list.map((f) => f.handle));
    worker.postMessage(JSON.stringify({ type: 'share', count: list.length, names, followers: share } satisfies ShareMessage));
    mark('followers posted');

    const tally = engagementTally(now);
    for (const path of paths.engagement) {
      streamTable(stream, path, 'engagement', overrides.engagement, (t) => {
        const dates = dateOrder(t, 'date');
        tally.add(t, dates);
        return (rows) => tally.add({ ...t, rows }, dates);
      });
    }
    const engaged = tally.result();
    const following = paths.following.map((p) => read(p, 'following', overrides.following));
    const partial = { ...readContext({ following, history: paths.history, timeZone: paths.timeZone }, settings, now), engagement: engaged };
    const followed = new Set(partial.following);
    const shareEngagement: [string, Engagement][] = [];
    const shareFollowing: string[] = [];
    for (const f of share) {
      const e = engaged.get(f.handle);
      if (e) shareEngagement.push([f.handle, e]);
      if (followed.has(f.handle)) shareFollowing.push(f.handle);
    }
    worker.postMessage({ type: 'context', engagement: shareEngagement, following: shareFollowing } satisfies ContextMessage);
    mark('engagement read and posted');

    const c = (await next('customers')) as Extract<Message, { type: 'customers' }>;
    mark('customers received');
    const customers = JSON.parse(c.customers) as Customer[];
    const p = prepareRead(table, list, { ...partial, customers, ignoredOrders: c.ignored, noPurchases: c.noPurchases }, settings, names);
    mark('prepared');
    const scored = scoreRows(p, 0, split);
    const lines = resultLines(scored, (i) => followers.grid[table.headerIndex + 1 + i], keep);
    const rows: (QueueRow | null)[] = scored;
    mark('first part scored');
    // the user part of the worker's lines, made while it scores
    const later: string[] = [];
    for (let r = table.headerIndex + 1 + split; r < table.headerIndex + 1 + list.length; r++) later.push(userText(followers.grid[r], keep));
    const m = (await next('rows')) as Extract<Message, { type: 'rows' }>;
    mark('rows received');
    for (const r of queueRows(m.numbers, m.ids)) rows.push(r);
    for (let i = 0; i < m.results.length; i++) lines.push(later[i] + m.results[i]);
    // one customer is one person: a customer each half gave to a different follower is settled as one list would
    for (const i of settleRows(p, p.followers, rows)) lines[i] = userText(followers.grid[table.headerIndex + 1 + i], keep) + resultText(rows[i] as ResultRow);
    const summary = assignQueue(
      rows,
      settings,
      p.followers.map((f) => f.handle),
      p.routine,
    );
    mark('queued');
    return { followers, headerIndex: table.headerIndex, keep, lines, rows, summary, warnings: p.warnings };
  } finally {
    void worker.terminate();
  }
}

/** A message already formatted by the worker's InputError. */
export class WorkerInputError extends InputError {
  constructor(formatted: string) {
    super('', '');
    this.message = formatted;
  }
}

// Started as a worker thread of build/cli.js.
if (!isMainThread && workerData && (workerData as Job).followbackWorker) {
  runWorker(workerData as Job, (path, kind, overrides, onPart) => streamCsvFile(path, readFileSync, onPart, readLayout(kind, path, overrides)));
}
