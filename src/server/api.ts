// The sidebar ⇄ server calls: plain data only (google.script.run carries no Date, Map, Infinity or function).
// Importable by the client: types only, no code.
import type { ImportedRow, ImportSummary } from '../core/imports/types';
import type { Summary as EngineSummary } from '../core/queue';
import type { SettingsError as FieldError } from '../core/settings';
import type { Settings, TableKind } from '../core/types';

export interface Status {
  /** tab found for each kind, or null */
  tabs: Record<TableKind, string | null>;
  /** every tab name of the spreadsheet, in order */
  allTabs: string[];
  /** per kind: field -> header text of the column found for it */
  columns: Record<TableKind, Record<string, string>>;
  /** per kind: data rows below the header */
  rows: Record<TableKind, number>;
  /** per kind: every header of the tab's header row (for picking a column by hand) */
  headers?: Record<TableKind, string[]>;
  /** clear messages a shop owner can act on (missing tab, missing column, …) */
  problems: string[];
}

/** The queue's summary as it crosses to the sidebar: Infinity does not travel, so no cap is null. */
export type Summary = Omit<EngineSummary, 'capLeft'> & {
  /** follows left under the platform's total cap; null where there is no cap */
  capLeft: number | null;
};

export interface QueueItem {
  /** 1-based sheet row on the Followers tab */
  row: number;
  handle: string;
  name: string;
  score: number;
  queue: number;
  reasons: string;
  customer: string;
}

export interface Report {
  summary: Summary;
  queue: QueueItem[];
  /** the Followers tab the report is about */
  tab?: string;
  warnings?: string[];
}

export type { ImportedRow, ImportSummary };

/** A settings field and what is wrong with it. */
export type { FieldError };

export interface ScoringPlan {
  /** data rows of the Followers tab */
  total: number;
  /** rows the sidebar asks for in its first scoreChunk call; later chunks follow the time each one took */
  chunk: number;
  /** the Apps Script time a chunk should take, in ms */
  targetMs: number;
}

/** What one scoreChunk call did: rows done so far, and the time the chunk took in its execution (ms). */
export interface ChunkResult {
  done: number;
  ms: number;
}

export interface ServerApi {
  getStatus(): Status;
  getSettings(): Settings;
  saveSettings(s: unknown): { settings: Settings; errors: FieldError[] };
  beginScoring(): ScoringPlan;
  scoreChunk(start: number, count: number): ChunkResult;
  finishScoring(): Report;
  getReport(): Report | null;
  selectRow(row: number): void;
  clearScores(): void;
  importRows(kind: 'followers' | 'following', rows: ImportedRow[]): ImportSummary;
}
