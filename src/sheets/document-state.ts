// What the add-on remembers in document properties (each value is JSON and stays under 9 KB).

export const KEYS = {
  settings: 'followback.settings',
  /** per sheet id: where the output columns are and what to restore on Clear */
  output: (sheetId: number) => `followback.output.${sheetId}`,
  /** the sidebar's chunked run in progress */
  run: 'followback.run',
} as const;

const OUTPUT_PREFIX = 'followback.output.';

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readJson<T>(key: string): T | null {
  const raw = props().getProperty(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  props().setProperty(key, JSON.stringify(value));
}

export function remove(key: string): void {
  props().deleteProperty(key);
}

/** Sheet ids that have output state recorded. */
export function outputSheetIds(): number[] {
  return props()
    .getKeys()
    .filter((k) => k.indexOf(OUTPUT_PREFIX) === 0)
    .map((k) => Number(k.slice(OUTPUT_PREFIX.length)))
    .filter((n) => Number.isInteger(n));
}

/** Where the nine output columns sit on a sheet, and what Clear must give back. */
export interface OutputState {
  sheetId: number;
  /** 1-based first output column */
  column: number;
  /** how many of the block's last columns the add-on inserted (deleted again on Clear) */
  inserted: number;
  /** 1-based header row the headers were written to */
  headerRow: number;
  /** true when the nine headers were already in the sheet before the first run (Clear keeps them) */
  hadHeaders: boolean;
  /** 1-based last row ever written */
  lastRow: number;
  /** each output column's number format before the first run when it was uniform; null = automatic or mixed */
  formats: (string | null)[];
}

/** The sidebar's chunked run. */
export interface RunState {
  sheetId: number;
  tab: string;
  column: number;
  headerRow: number;
  /** 0-based grid columns of the user's data (the output block starts after them) */
  userColumns: number;
  total: number;
  done: number;
  /** "now" for the whole run (recency and account age) */
  started: number;
  /** clock time of the run's last call: a run untouched for a while was abandoned (a closed sidebar) */
  touched: number;
  /** the engine's warnings (e.g. refunded orders not counted), for the final report */
  warnings: string[];
  /** the settings the run started with, so every chunk scores alike even if the settings change meanwhile */
  settings?: unknown;
}
