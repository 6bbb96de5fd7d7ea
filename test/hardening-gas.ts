// The built add-on (dist/Code.js) as Apps Script runs it, for the hardening tests (corpus, limits, concurrency):
// every call is a new execution with fresh globals, loaded by gas-local into its own context. Also snapshots of a
// workbook's user cells (values, formulas, number formats, rules) to prove the add-on left them alone.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createGlobals, createWorkbook, type ExecutionOptions, type GasGlobals, type TabInput, type Workbook } from '../src/emulator';
import type { Cell } from '../src/core/types';

// gas-local has no type declarations.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const gas: { require(dir: string, globals: object): Record<string, unknown> } = require('gas-local');

export const ROOT = join(__dirname, '..');
/** HARDENING_DIST: test another build (e.g. one made in a scratch copy of the tree while a module is missing). */
export const DIST = process.env.HARDENING_DIST || join(ROOT, 'dist');

/** Builds dist/ unless it is there with the add-on's functions (`npm test` builds it first). */
/** Builds dist/ when it lacks the add-on; a failed build fails the test file with the build's own message. */
export function ensureBundle(): void {
  const code = join(DIST, 'Code.js');
  if (!existsSync(code) || !/function scoreFollowers\s*\(/.test(readFileSync(code, 'utf8'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  }
  if (!/function scoreFollowers\s*\(/.test(readFileSync(code, 'utf8'))) throw new Error('dist/Code.js does not expose scoreFollowers');
}

export interface Execution {
  g: GasGlobals;
  /** calls a global function of Code.js; arguments are re-made in the script's context, as Apps Script does */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** runs code in the script's context (to stand in for its clock, say) */
  run(code: string): unknown;
}

/** Called before every service method the script calls (e.g. 'setValues'), to run another execution right there. */
export type Hook = (method: string) => void;

const isDateLike = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';

/** Wraps a service object so that every method call, at any depth (ss → sheet → range), first calls `hook`. */
function hooked<T>(v: T, hook: Hook): T {
  if (Array.isArray(v)) return v.map((e) => hooked(e, hook)) as unknown as T;
  if (!v || typeof v !== 'object' || isDateLike(v)) return v;
  return new Proxy(v as unknown as object, {
    get(target, prop) {
      const f = Reflect.get(target, prop, target);
      if (typeof f !== 'function' || typeof prop !== 'string') return f;
      return (...args: unknown[]) => {
        hook(prop);
        return hooked(Reflect.apply(f, target, args), hook);
      };
    },
  }) as T;
}

/** A new execution of the bundle against `book`; `hook` sees every SpreadsheetApp / Properties / Lock call. */
export function execution(book: Workbook, opts: ExecutionOptions = {}, hook?: Hook): Execution {
  const g = createGlobals(book, { authMode: 'FULL', readFile: (n) => readFileSync(join(DIST, `${n}.html`), 'utf8'), ...opts });
  if (hook) {
    g.SpreadsheetApp = hooked(g.SpreadsheetApp, hook);
    g.PropertiesService = hooked(g.PropertiesService, hook);
    g.LockService = hooked(g.LockService, hook);
  }
  const ctx = gas.require(DIST, g);
  // The context's own built-ins are not properties of the sandbox object: ask the context for them.
  const innerJson = vm.runInContext('JSON', ctx as vm.Context) as JSON;
  g.__emulator.useDate(vm.runInContext('Date', ctx as vm.Context) as DateConstructor);
  return {
    g,
    run: (code) => vm.runInContext(code, ctx as vm.Context),
    call<T>(name: string, ...args: unknown[]): T {
      const fn = ctx[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const inner = innerJson.parse(JSON.stringify(args)) as unknown[];
      try {
        return (fn as (...a: unknown[]) => T)(...inner);
      } finally {
        g.__emulator.end(); // the execution is over: Apps Script releases any lock it still holds
      }
    },
  };
}

/** Runs a call and returns its error message ('' when it succeeded). Errors come from another realm: read .message. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
    return '';
  } catch (e) {
    return String((e as { message?: string })?.message ?? e);
  }
}

export function book(tabs: TabInput[]): Workbook {
  return createWorkbook(tabs);
}

export interface SheetSnapshot {
  name: string;
  id: number;
  values: string;
  formulas: string;
  formats: string;
  /** each conditional-format rule as JSON */
  rules: string[];
  frozenRows: number;
}

const cellKey = (v: Cell): unknown => (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? { date: (v as Date).getTime() } : v ?? '');

/** Values, formulas and formats of rows × columns (the user's area), as comparable text. */
export function snapshot(b: Workbook, areas?: Record<string, { rows: number; columns: number }>): SheetSnapshot[] {
  return b.sheets.map((s) => {
    const area = areas?.[s.name] ?? { rows: Math.max(s.values.length, s.formulas.length, s.formats.length), columns: Infinity };
    const cut = <T>(grid: T[][], f: (v: T) => unknown) =>
      JSON.stringify(
        Array.from({ length: area.rows }, (_, r) => {
          const row = grid[r] || [];
          const n = Math.min(area.columns, row.length);
          const out: unknown[] = [];
          for (let c = 0; c < n; c++) out.push(f(row[c]));
          while (out.length && (out[out.length - 1] === '' || out[out.length - 1] === undefined)) out.pop();
          return out;
        }),
      );
    return {
      name: s.name,
      id: s.id,
      values: cut(s.values, cellKey),
      formulas: cut(s.formulas, (f) => f || ''),
      formats: cut(s.formats, (f) => f || ''),
      rules: s.rules.map((r) => JSON.stringify(r)),
      frozenRows: s.frozenRows,
    };
  });
}

/** The user's area of every tab: the rows and columns it has before the add-on runs. */
export function userAreas(b: Workbook): Record<string, { rows: number; columns: number }> {
  const out: Record<string, { rows: number; columns: number }> = {};
  for (const s of b.sheets) {
    let columns = s.values.reduce((m, r) => Math.max(m, (r || []).length), 0);
    // The nine columns of an earlier run (a scored tab pasted back) are the add-on's to re-use, not the user's.
    for (const row of s.values.slice(0, 10)) {
      const at = (row || []).indexOf('Followback score');
      if (at >= 0) columns = Math.min(columns, at);
    }
    out[s.name] = { rows: s.values.length, columns };
  }
  return out;
}
