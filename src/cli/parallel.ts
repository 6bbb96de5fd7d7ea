// Large inputs on the command line use both cores: a worker thread reads the orders, builds the
// customers and links the later part of the followers, while the main thread reads the followers and
// engagement, assesses bots and scores. Results are the same as on one thread (test/cli-parallel.test.ts).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { assignQueue, prepareRead, readContext, scoreRows, type Scored } from '../core/engine';
import { assessBot, botInputOf } from '../core/botrisk';
import { buildCustomers } from '../core/customers';
import { createMatcher } from '../core/match';
import { readFollowers, readTable } from '../core/table';
import { InputError, type Customer, type Follower, type Match, type Settings, type Source, type TableKind } from '../core/types';
import { readCsvFile } from './csv';

export type ReadSource = (path: string, kind?: TableKind, overrides?: Record<string, string>) => Source;

interface Job {
  followbackWorker: true;
  orders: string[];
  settings: Settings;
}

/** From the main thread: the followers the worker links, and how many the tab has (the matcher's prior). */
interface FollowersMessage {
  start: number;
  count: number;
  followers: Follower[];
}

type Message =
  | { type: 'customers'; customers: Customer[]; ignored: { refunded: number; cancelled: number; zero: number; totals: number } }
  | { type: 'matches'; start: number; matches: (Match | null)[] }
  | { type: 'error'; message: string };

/**
 * Where the parts meet: the worker links followers [split, n). The main thread also assesses bots and
 * writes reasons for every row, so the worker takes the larger share of the linking.
 */
export function splitOf(n: number): number {
  return Math.floor(n * 0.45);
}

/** The worker's side: started by `new Worker(build/cli.js, { workerData: job })`. */
export function runWorker(job: Job, read: ReadSource): void {
  const post = (m: Message) => parentPort!.postMessage(m);
  let share: FollowersMessage | null = null;
  let link: ((m: FollowersMessage) => void) | null = null;
  parentPort!.on('message', (m: FollowersMessage) => (link ? link(m) : (share = m)));
  try {
    const overrides = job.settings.columnOverrides ?? {};
    const orders = job.orders.map((p) => readTable(read(p, 'orders', overrides.orders), 'orders', overrides.orders));
    const { customers, ignored } = buildCustomers(orders);
    post({ type: 'customers', customers, ignored });
    link = (m) => {
      try {
        const match = createMatcher(customers, { followers: m.count || undefined });
        post({ type: 'matches', start: m.start, matches: m.followers.map((f) => (f.handle ? match(f) : null)) });
      } catch (e) {
        post({ type: 'error', message: (e as Error).message });
      }
    };
    if (share) link(share);
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
}

/** Scores with a worker thread; same inputs and result as scoreWorkbook. */
export async function scoreInParallel(
  script: string,
  paths: { followers: string; orders: string[]; engagement: string[]; following: string[] },
  settings: Settings,
  read: ReadSource,
): Promise<{ followers: Source; result: Scored }> {
  const job: Job = { followbackWorker: true, orders: paths.orders, settings };
  // Started first: reading the orders is the longest road to the customers that matching needs.
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
    const followers = read(paths.followers);
    const overrides = settings.columnOverrides ?? {};
    const now = settings.now ?? Date.now();
    const engagement = paths.engagement.map((p) => read(p, 'engagement', overrides.engagement));
    const following = paths.following.map((p) => read(p, 'following', overrides.following));
    const partial = readContext({ engagement, following }, settings, now);
    const table = readTable(followers, 'followers', overrides.followers);
    const list = readFollowers(table);
    const split = splitOf(list.length);
    worker.postMessage({ start: split, count: list.length, followers: list.slice(split) } satisfies FollowersMessage);
    // While the worker builds the customers: every follower's bot assessment, which needs no orders.
    const bots = list.map((f) => (f.handle ? assessBot(botInputOf(f, now)) : null));
    const c = (await next('customers')) as Extract<Message, { type: 'customers' }>;
    const p = prepareRead(table, list, { ...partial, customers: c.customers, ignoredOrders: c.ignored }, settings);
    p.assess = (f) => bots[f.index] ?? assessBot(botInputOf(f, now));
    const rows = scoreRows(p, 0, split);
    const m = (await next('matches')) as Extract<Message, { type: 'matches' }>;
    p.match = (f) => m.matches[f.index - m.start] ?? null;
    rows.push(...scoreRows(p, split));
    const summary = assignQueue(
      rows,
      settings,
      p.followers.map((f) => f.handle),
    );
    return { followers, result: { table: p.table, followers: p.followers, rows, summary, warnings: p.warnings } };
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
