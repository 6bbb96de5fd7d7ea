// Runs src/server and src/sheets directly (no build) against the emulator: its globals installed on globalThis.
import { createGlobals, type ExecutionOptions, type GasGlobals, type Workbook } from '../src/emulator';

const NAMES = ['SpreadsheetApp', 'PropertiesService', 'LockService', 'CacheService', 'HtmlService', 'Utilities', 'Session', 'Logger', 'ScriptApp'] as const;

/** A new execution against `book`: its globals replace the previous execution's. */
export function execution(book: Workbook, opts: ExecutionOptions = {}): GasGlobals {
  const g = createGlobals(book, opts);
  for (const n of NAMES) (globalThis as Record<string, unknown>)[n] = g[n];
  return g;
}
