// The sidebar's server side as Apps Script runs it: each call is a new execution that loads
// the built Code.js with gas-local into a fresh context whose globals are the emulator's (createGlobals),
// then calls the global function by name. Arguments are re-made inside that context, as Apps Script
// deserialises them there.
import vm from 'node:vm';
import { createGlobals, type Workbook } from '../../src/emulator';
import type { ServerFns } from './sidebar-bridge';

// gas-local has no type declarations.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const gas: { require(dir: string, globals: object): Record<string, unknown> } = require('gas-local');

/** `codeDir`: the folder holding the built Code.js (see buildDist). */
export function bundleServer(codeDir: string, book: Workbook): ServerFns {
  return new Proxy({} as ServerFns, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      return (...args: unknown[]) => {
        const globals = createGlobals(book, { authMode: 'FULL' });
        const ctx = gas.require(codeDir, globals);
        // Built-ins of the context are not properties of its sandbox object: ask the context for them.
        globals.__emulator.useDate(vm.runInContext('Date', ctx) as DateConstructor);
        const fn = ctx[name];
        if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
        const inner = (vm.runInContext('JSON', ctx) as JSON).parse(JSON.stringify(args)) as unknown[];
        return (fn as (...a: unknown[]) => unknown)(...inner);
      };
    },
  });
}
