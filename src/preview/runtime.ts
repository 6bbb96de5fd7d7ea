// Runs the real dist/Code.js as Apps Script would: every execution (menu click, sidebar call, custom-function
// recalculation, onOpen) gets a fresh V8 context whose globals are a fresh set of emulated services over the
// one shared workbook. The compiled script is reused; its top level runs again in each context, as in Apps Script.
import vm from 'node:vm';
import { statSync, readFileSync } from 'node:fs';

/** What the preview needs of the emulator (src/emulator/index.ts); typed structurally so tests can pass a stand-in. */
export interface UiLog {
  menus: { title: string; items: { caption: string; functionName: string }[] }[];
  toasts: string[];
  alerts: string[];
  sidebar?: { title: string; html: string };
  dialogs?: { title: string; html: string }[];
}

export interface GlobalsLike {
  ui: UiLog;
}

/** Keys of the emulator's globals object that are not Apps Script globals. */
const NOT_GLOBALS = new Set(['ui', 'calls', 'logs', 'event', '__emulator']);

export interface ExecutionOpts {
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  customFunction?: boolean;
  executionId?: string;
  readFile?: (name: string) => string;
  addonName?: string;
}

export interface EmulatorLike<Book> {
  createGlobals(book: Book, opts?: ExecutionOpts): GlobalsLike;
}

/** Apps Script's limits: 6 minutes an execution, 30 s a custom function. */
export const EXECUTION_TIMEOUT_MS = 6 * 60 * 1000;
export const CUSTOM_FUNCTION_TIMEOUT_MS = 30 * 1000;

export interface Outcome {
  ok: boolean;
  /** the function's return value, copied out of the execution's realm (Dates stay Dates) */
  value?: unknown;
  /** the message the user would see, e.g. in a failure handler or "#ERROR!" tooltip */
  error?: string;
  ui: UiLog;
  ms: number;
}

/** Copies a value between realms: arrays, plain objects and Dates are rebuilt with the target realm's constructors. */
const COPY_SOURCE = `(function copy(v, depth) {
  if (depth > 64) throw new Error('value nested too deeply');
  if (v === null || typeof v !== 'object') return v;
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date(v.getTime());
  if (Array.isArray(v)) { var a = new Array(v.length); for (var i = 0; i < v.length; i++) a[i] = copy(v[i], depth + 1); return a; }
  var o = {}; for (var k of Object.keys(v)) o[k] = copy(v[k], depth + 1); return o;
})`;

type Copy = (v: unknown, depth: number) => unknown;
let copyHereFn: Copy | undefined;
const copyHere: Copy = (v, depth) => (copyHereFn ??= vm.runInThisContext(COPY_SOURCE) as Copy)(v, depth);

export class Bundle {
  private script!: vm.Script;
  private mtime = 0;
  /** top-level function names of Code.js, in source order */
  functions: string[] = [];
  source = '';

  constructor(private readonly path: string) {
    this.reloadIfChanged();
  }

  /** Picks up a rebuilt dist/Code.js without restarting the preview. */
  reloadIfChanged(): void {
    const m = statSync(this.path).mtimeMs;
    if (m === this.mtime) return;
    this.source = readFileSync(this.path, 'utf8');
    this.script = new vm.Script(this.source, { filename: this.path });
    this.mtime = m;
    this.functions = [...this.source.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
  }

  /**
   * One execution: a new context with `globals`, the bundle's top level, then `name(...args)`.
   * Errors (thrown by the add-on, the emulator or a timeout) become `{ ok: false, error }`; nothing escapes.
   */
  run(globals: GlobalsLike, name: string, args: unknown[], timeoutMs = EXECUTION_TIMEOUT_MS): Outcome {
    const started = Date.now();
    const ui = globals.ui;
    const services = Object.fromEntries(Object.entries(globals).filter(([k]) => !NOT_GLOBALS.has(k)));
    try {
      this.reloadIfChanged();
      if (!this.functions.includes(name)) throw new Error(`Script function not found: ${name}`);
      const ctx = vm.createContext({ console: quietConsole, ...services });
      // Dates the emulator hands to the script are built with the script's own Date (instanceof works there).
      const emu = (globals as { __emulator?: { useDate?(d: DateConstructor): void } }).__emulator;
      emu?.useDate?.(vm.runInContext('Date', ctx) as DateConstructor);
      this.script.runInContext(ctx, { timeout: timeoutMs });
      const copyThere = vm.runInContext(COPY_SOURCE, ctx) as Copy;
      (ctx as Record<string, unknown>).__previewArgs = copyThere(args, 0);
      const value = vm.runInContext(`${name}.apply(this, __previewArgs)`, ctx, { timeout: timeoutMs });
      return { ok: true, value: copyHere(value, 0), ui, ms: Date.now() - started };
    } catch (e) {
      const timedOut = e instanceof Error && /Script execution timed out/.test(e.message);
      const message = timedOut ? `Exceeded maximum execution time` : messageOf(e);
      return { ok: false, error: message, ui, ms: Date.now() - started };
    } finally {
      // the execution is over, even when it failed or timed out: Apps Script releases the locks it held
      (globals as { __emulator?: { end?(): void } }).__emulator?.end?.();
    }
  }
}

/** console.* of the add-on, shown on standard error only when FOLLOWBACK_PREVIEW_DEBUG is set. */
const quietConsole = Object.fromEntries(
  ['log', 'info', 'warn', 'error', 'debug', 'time', 'timeEnd'].map((k) => [
    k,
    (...a: unknown[]) => {
      if (process.env.FOLLOWBACK_PREVIEW_DEBUG) process.stderr.write(`[Code.js] ${a.map(String).join(' ')}\n`);
    },
  ]),
);

export function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}
