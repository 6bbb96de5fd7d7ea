// The one door to the server: google.script.run wrapped as a typed promise.
// google.script.run only carries plain data (primitives, arrays, plain objects): a Date or a
// function makes the real call fail without a useful message, so it is refused here, by name.
import type { ServerApi } from '../server/api';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [fn: string]: unknown;
}

function scriptRun(): Runner {
  const g = (globalThis as unknown as { google?: { script?: { run?: Runner } } }).google;
  const run = g && g.script && g.script.run;
  if (!run) throw new Error('This page must be opened from the spreadsheet (Extensions → Followback → Open sidebar).');
  return run;
}

/** Throws when `value` holds anything google.script.run cannot carry; `path` names it in the message. */
export function checkPlain(value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'string' || t === 'boolean') return;
  if (t === 'number') {
    if (!Number.isFinite(value as number)) throw new Error(`${path} is not a finite number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkPlain(v, `${path}[${i}]`));
    return;
  }
  if (t === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new Error(`${path} is not plain data (a ${(value as object).constructor?.name || 'non-plain object'})`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) checkPlain(v, `${path}.${k}`);
    return;
  }
  throw new Error(`${path} is not plain data (a ${t})`);
}

/** The message of a failed call, without a stack or Apps Script's "Exception: " prefix. */
export function messageOf(error: unknown): string {
  const raw = error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error ?? '');
  const text = raw.split('\n').filter((l) => !/^\s+at\s/.test(l)).join('\n').trim();
  return text.replace(/^(Exception|Error|ScriptError|InputError):\s*/, '') || 'Something went wrong. Please try again.';
}

export function call<K extends keyof ServerApi>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    try {
      args.forEach((a, i) => checkPlain(a, `${name} argument ${i + 1}`));
      const runner = scriptRun()
        .withSuccessHandler((v) => resolve(v as ReturnType<ServerApi[K]>))
        .withFailureHandler((e) => reject(new Error(messageOf(e))));
      const fn = runner[name];
      if (typeof fn !== 'function') throw new Error(`The server has no function ${name}.`);
      fn.apply(runner, args);
    } catch (e) {
      reject(new Error(messageOf(e)));
    }
  });
}

/** The untyped shape other panels take (e.g. the import panel): same door, name checked at run time. */
export function callByName(fn: string, ...args: unknown[]): Promise<unknown> {
  return (call as (name: string, ...a: unknown[]) => Promise<unknown>)(fn, ...args);
}
