// Loads the built dist/ through gas-local into a fresh vm context per execution, with the emulator as its globals.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createGlobals, type ExecutionOptions, type GasGlobals, type Workbook } from '../src/emulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const gas = require('gas-local');

export const DIST = join(__dirname, '..', 'dist');

export type Bundle = Record<string, (...args: unknown[]) => unknown>;

export function readDistFile(name: string): string | undefined {
  const path = join(DIST, `${name}.html`);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** One Apps Script execution: fresh globals and a fresh context running dist/Code.js. */
export function run(book: Workbook, opts: ExecutionOptions = {}): { g: GasGlobals; code: Bundle } {
  const g = createGlobals(book, { readFile: readDistFile, ...opts });
  const ctx = gas.require(DIST, g, { filter: (f: string) => f.endsWith('/Code.js') });
  // Dates read from the sheet must be Dates of the bundle's realm, as in Apps Script.
  g.__emulator.useDate(vm.runInContext('Date', ctx));
  return { g, code: ctx as Bundle };
}

export function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}
