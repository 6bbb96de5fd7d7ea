// Large inputs on the command line use both cores: a worker thread reads the orders, builds the customers
// and scores the later half of the followers, while the main thread reads the followers and engagement and
// scores the first half. Results are the same as on one thread (test/cli-parallel.test.ts).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { assignQueue, prepareFollowers, prepareRead, readContext, scoreRows, type Context, type Scored } from '../core/engine';
import { assessBot, botInputOf } from '../core/botrisk';
import { buildCustomers } from '../core/customers';
import { engagementTally } from '../core/engagement';
import { dateOrder, readFollowers, readTable } from '../core/table';
import { InputError, type Customer, type Engagement, type Follower, type ResultRow, type Settings, type Source, type Table, type TableKind } from '../core/types';
import { readCsvFile, resultText, streamCsvFile } from './csv';

/** FOLLOWBACK_STATS=1: when each phase ends, in ms since the process started (both threads on one clock). */
const stats = !!process.env.FOLLOWBACK_STATS;
const t0 = Number(process.env.FOLLOWBACK_T0 || 0) || performance.timeOrigin;
export function mark(label: string): void {
  if (stats) process.stderr.write(`followback: ${isMainThread ? 'main' : 'worker'} ${label} ${(performance.timeOrigin + performance.now() - t0).toFixed(0)} ms\n`);
}

export type ReadSource = (path: string, kind?: TableKind, overrides?: Record<string, string>) => Source;

interface Job {
  followbackWorker: true;
  orders: string[];
  settings: Settings;
}

/**
 * From the main thread: the followers the worker scores, with what the main thread read about them (their
 * engagement, whether the business follows them already), and how many the list has (the matcher's prior).
 */
interface ShareMessage {
  start: number;
  count: number;
  followers: Follower[];
  engagement: [string, Engagement][];
  following: string[];
}

type Message =
  | { type: 'customers'; customers: Customer[]; ignored: Context['ignoredOrders'] }
  | { type: 'rows'; start: number; rows: (ResultRow | null)[]; texts: string[] }
  | { type: 'error'; message: string };

/**
 * Where the parts meet: the worker scores followers [split, n) from start to end (linking, bot risk, score,
 * reasons, CSV text); the main thread scores [0, split) and, before that, reads the followers and engagement.
 */
export function splitOf(n: number): number {
  return Math.floor(n * 0.5);
}

/** Reads a file in parts (streamCsvFile): the first part, then the others. */
export type StreamSource = (path: string, onPart: (rows: string[][], first: boolean) => void) => void;

/**
 * Reads a table that is summed up rather than kept, part by part: `take(table)` gets the first part as a
 * table and returns what takes the later parts' rows.
 */
function streamTable(stream: StreamSource, path: string, kind: TableKind, overrides: Record<string, string> | undefined, take: (table: Table) => (rows: string[][]) => void): void {
  let more: ((rows: string[][]) => void) | null = null;
  stream(path, (rows, first) => {
    if (first) more = take(readTable({ name: path, grid: rows }, kind, overrides));
    else more!(rows);
  });
}

/** The worker's side: started by `new Worker(build/cli.js, { workerData: job })`. */
export function runWorker(job: Job, read: ReadSource): void {
  const post = (m: Message) => parentPort!.postMessage(m);
  let share: ShareMessage | null = null;
  let score: ((m: ShareMessage) => void) | null = null;
  parentPort!.on('message', (m: ShareMessage) => (score ? score(m) : (share = m)));
  try {
    const overrides = job.settings.columnOverrides ?? {};
    mark('started');
    const orders = job.orders.map((p) => readTable(read(p, 'orders', overrides.orders), 'orders', overrides.orders));
    mark('orders read');
    const { customers, ignored } = buildCustomers(orders);
    mark('customers built');
    post({ type: 'customers', customers, ignored });
    mark('customers posted');
    score = (m) => {
      try {
        mark('followers received');
        const ctx: Context = { customers, ignoredOrders: ignored, engagement: m.engagement, following: m.following };
        const p = prepareFollowers(m.followers, ctx, job.settings, m.count);
        mark('matcher created');
        const rows = scoreRows(p);
        mark('scored');
        post({ type: 'rows', start: m.start, rows, texts: rows.map(resultText) });
        mark('rows posted');
      } catch (e) {
        post({ type: 'error', message: (e as Error).message });
      }
    };
    if (share) score(share);
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
}

/** Scores with a worker thread; same inputs and result as scoreWorkbook, plus each row's resultText. */
export async function scoreInParallel(
  script: string,
  paths: { followers: string; orders: string[]; engagement: string[]; following: string[] },
  settings: Settings,
  read: ReadSource,
  stream: StreamSource,
): Promise<{ followers: Source; result: Scored; texts: string[] }> {
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
    const followers = read(paths.followers);
    mark('followers read');
    const overrides = settings.columnOverrides ?? {};
    const now = settings.now ?? Date.now();
    const tally = engagementTally(now);
    for (const path of paths.engagement) {
      streamTable(stream, path, 'engagement', overrides.engagement, (table) => {
        const dates = dateOrder(table, 'date');
        tally.add(table, dates);
        return (rows) => tally.add({ ...table, rows }, dates);
      });
    }
    const following = paths.following.map((p) => read(p, 'following', overrides.following));
    const partial = { ...readContext({ following }, settings, now), engagement: [...tally.result()] };
    mark('engagement read');
    const table = readTable(followers, 'followers', overrides.followers);
    const list = readFollowers(table);
    mark('followers table');
    const split = splitOf(list.length);
    const share = list.slice(split);
    const engaged = new Map(partial.engagement);
    const followed = new Set(partial.following);
    const shareEngagement: [string, Engagement][] = [];
    const shareFollowing: string[] = [];
    for (const f of share) {
      const e = engaged.get(f.handle);
      if (e) shareEngagement.push([f.handle, e]);
      if (followed.has(f.handle)) shareFollowing.push(f.handle);
    }
    worker.postMessage({ start: split, count: list.length, followers: share, engagement: shareEngagement, following: shareFollowing } satisfies ShareMessage);
    mark('followers posted');
    // While the worker builds the customers: the bot assessments of this thread's share, which need no orders.
    const bots = list.slice(0, split).map((f) => (f.handle ? assessBot(botInputOf(f, now)) : null));
    mark('bots assessed');
    const c = (await next('customers')) as Extract<Message, { type: 'customers' }>;
    mark('customers received');
    const p = prepareRead(table, list, { ...partial, customers: c.customers, ignoredOrders: c.ignored }, settings);
    mark('prepared');
    p.assess = (f) => bots[f.index] ?? assessBot(botInputOf(f, now));
    const rows = scoreRows(p, 0, split);
    const texts = rows.map(resultText);
    mark('first part scored');
    const m = (await next('rows')) as Extract<Message, { type: 'rows' }>;
    mark('rows received');
    rows.push(...m.rows);
    texts.push(...m.texts);
    mark('pushed');
    const summary = assignQueue(
      rows,
      settings,
      p.followers.map((f) => f.handle),
    );
    mark('queued');
    return { followers, result: { table: p.table, followers: p.followers, rows, summary, warnings: p.warnings }, texts };
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
  runWorker(workerData as Job, (path, kind, overrides) => readCsvFile(path, readFileSync, kind ? columnsFor(kind, path, overrides) : undefined));
}

/** The columns the engine reads from a table of this kind (and the header rows), or null to keep all. */
export function columnsFor(kind: TableKind, name: string, overrides?: Record<string, string>) {
  return (head: string[][]): number[] | null => {
    try {
      return Object.values(readTable({ name, grid: head }, kind, overrides).columns);
    } catch {
      return null; // the full parse will say what is wrong
    }
  };
}
