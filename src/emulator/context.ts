// One emulated execution: its authorization mode, its call counter and what it showed the user.
import type { Workbook } from './workbook';

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** Calls the script made to Apps Script services (each a round trip), e.g. byMethod['Range.getValues']. */
export interface Calls {
  /** every service call */
  total: number;
  byMethod: Record<string, number>;
  /** Spreadsheet service calls only: SpreadsheetApp, Spreadsheet, Sheet, Range, conditional-format rules, Ui */
  spreadsheet: number;
}

const SPREADSHEET_KINDS = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'ConditionalFormatRule', 'ConditionalFormatRuleBuilder', 'Ui'];

export interface UiLog {
  menus: { title: string; items: { caption: string; functionName: string }[] }[];
  toasts: string[];
  alerts: string[];
  sidebar?: { title: string; html: string };
  dialogs: { title: string; html: string }[];
}

export interface ExecutionOptions {
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  /** run as a custom function: read-only, no UI */
  customFunction?: boolean;
  /** identifies this execution for LockService (default: a fresh id) */
  executionId?: string;
  /** reads an HTML file of the project by name without extension, e.g. 'Sidebar' → dist/Sidebar.html */
  readFile?: (name: string) => string | undefined;
  /** the clock for CacheService expiry (default Date.now) */
  now?: () => number;
  /** the add-on menu's title (Sheets shows the add-on's name) */
  addonName?: string;
}

export interface Execution {
  book: Workbook;
  mode: AuthModeName;
  id: string;
  calls: Calls;
  ui: UiLog;
  logs: string[];
  opts: ExecutionOptions;
  /** time this execution spent waiting (tryLock on a held lock, Utilities.sleep), in ms: the emulator never blocks */
  waitedMs: number;
  /** builds Date values in the realm of the code under test (gas-local runs it in another vm context) */
  makeDate: (ms: number) => Date;
}

let executions = 0;

export function newExecution(book: Workbook, opts: ExecutionOptions): Execution {
  const mode: AuthModeName = opts.customFunction ? 'CUSTOM_FUNCTION' : opts.authMode ?? 'FULL';
  return {
    book,
    mode,
    id: opts.executionId ?? `execution-${++executions}`,
    calls: { total: 0, byMethod: {}, spreadsheet: 0 },
    ui: { menus: [], toasts: [], alerts: [], dialogs: [] },
    logs: [],
    opts,
    waitedMs: 0,
    makeDate: (ms) => new Date(ms),
  };
}

/** Writes are refused in custom functions, as Sheets refuses them. */
export function assertWrite(x: Execution, method: string): void {
  if (x.mode === 'CUSTOM_FUNCTION') throw new Error(`You do not have permission to call ${method}`);
}

/** AuthMode.NONE: only the menu may be built. */
export function assertAuthorized(x: Execution, method: string): void {
  if (x.mode === 'NONE') {
    throw new Error(`You do not have permission to call ${method} in AuthMode.NONE. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`);
  }
}

/** Wraps an object so that each method call through it is counted as `Kind.method`. */
export function counted<T extends object>(x: Execution, kind: string, target: T): T {
  const spreadsheet = SPREADSHEET_KINDS.indexOf(kind) >= 0;
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string' || prop === 'constructor') return v;
      const name = `${kind}.${prop}`;
      return function (...args: unknown[]) {
        x.calls.total++;
        x.calls.byMethod[name] = (x.calls.byMethod[name] || 0) + 1;
        if (spreadsheet) x.calls.spreadsheet++;
        return (v as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}
