// The sidebar's server side as Apps Script runs it: each call is a new execution that loads
// dist/Code.js with gas-local into a fresh context whose globals are the emulator's (createGlobals),
// then calls the global function by name. Arguments are re-made inside that context, as Apps Script
// deserialises them there.
import { createGlobals, type Workbook } from '../../src/emulator';
import { DIST } from './sidebar-build';
import type { ServerFns } from './sidebar-bridge';

// gas-local has no type declarations.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const gas: { require(dir: string, globals: object): Record<string, unknown> } = require('gas-local');

export function bundleServer(book: Workbook): ServerFns {
  return new Proxy({} as ServerFns, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      return (...args: unknown[]) => {
        const globals = createGlobals(book, { authMode: 'FULL' });
        const ctx = gas.require(DIST, globals);
        globals.__emulator.useDate(ctx.Date as DateConstructor);
        const fn = ctx[name];
        if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
        const inner = (ctx.JSON as JSON).parse(JSON.stringify(args)) as unknown[];
        return (fn as (...a: unknown[]) => unknown)(...inner);
      };
    },
  });
}
