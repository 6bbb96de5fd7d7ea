// The in-memory Apps Script emulation: a Workbook (plain state) and the globals a script sees for one execution.
// Used by the unit tests, the bundle tests (through gas-local) and the `npm start` preview.
import type { Cell } from '../core/types';
import { Calls, ExecutionOptions, UiLog, newExecution } from './context';
import { createSpreadsheetApp } from './spreadsheet';
import { createCacheService, createHtmlService, createLockService, endExecution, createLogger, createPropertiesService, createSession, createUtilities } from './services';
import type { Workbook } from './workbook';

export { createWorkbook, findSheet, sheetFromData } from './workbook';
export type { EmuRule, EmuSheetState, LockKind, TabInput, Workbook, WorkbookOptions } from './workbook';
export { renderSheet, backgrounds } from './render';
export type { RenderedSheet } from './render';
export { columnLetter, columnNumber, parseA1, toA1 } from './a1';
export type { ExecutionOptions, UiLog, Calls } from './context';

export const AUTH_MODE = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;

export interface GasGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
  ScriptApp: { AuthMode: typeof AUTH_MODE };
  /** Spreadsheet service calls of this execution ('Range.getValues' …) */
  calls: Calls;
  ui: UiLog;
  /** what Logger and console printed */
  logs: string[];
  /** The event object Sheets passes to onOpen / onInstall in this execution's mode. */
  event: { authMode: string; source?: unknown };
  /** Emulator controls; not an Apps Script global. */
  __emulator: {
    book: Workbook;
    /**
     * Make getValues() build Date values with the given constructor: code loaded by gas-local runs in another
     * vm context, where `instanceof Date` fails for this realm's dates.
     */
    useDate(DateCtor: DateConstructor): void;
    /** Ends the execution as Apps Script does when the called function returns: its locks are released. */
    end(): void;
    /** Milliseconds this execution waited (a tryLock that timed out, Utilities.sleep), on the emulator's clock. */
    waitedMs(): number;
  };
}

/** Globals for one execution against `book` (each call = a new execution with its own lock identity). */
export function createGlobals(book: Workbook, opts: ExecutionOptions = {}): GasGlobals {
  const x = newExecution(book, opts);
  const { Logger, console } = createLogger(x);
  const cast = <T>(v: unknown) => v as T;
  return {
    SpreadsheetApp: cast(createSpreadsheetApp(x)),
    PropertiesService: cast(createPropertiesService(x)),
    LockService: cast(createLockService(x)),
    CacheService: cast(createCacheService(x)),
    HtmlService: cast(createHtmlService(x)),
    Utilities: cast(createUtilities(x)),
    Session: cast(createSession(x)),
    Logger: cast(Logger),
    console: cast(console),
    ScriptApp: { AuthMode: AUTH_MODE },
    calls: x.calls,
    ui: x.ui,
    logs: x.logs,
    event: { authMode: x.mode },
    __emulator: {
      book,
      useDate(DateCtor) {
        x.makeDate = (ms) => new DateCtor(ms);
      },
      end: () => endExecution(x),
      waitedMs: () => x.waitedMs,
    },
  };
}

/** Values of a tab as getValues() would return them for its whole grid's used area (tests, preview). */
export function tabValues(book: Workbook, name: string): Cell[][] {
  const g = createGlobals(book);
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues() : [];
}
