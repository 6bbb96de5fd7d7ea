// The server calls the sidebar makes, as the team contract describes them. A stand-in for
// src/server/api.ts (the sheets engineer's) until that file exists; run.ts is the only importer.
import type { Recommendation, Settings, TableKind } from '../core/types';

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
  problems: string[];
}

export interface Summary {
  counts: Record<Recommendation, number>;
  scored: number;
  queued: number;
  budget: number;
  dailyLimit: number;
  /** Infinity on the server arrives as null over google.script.run */
  capLeft: number | null;
}

export interface QueueItem {
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
}

export interface ImportedRow {
  handle: string;
  url?: string;
  name?: string;
  date?: number;
  platform?: string;
}

export interface ImportSummary {
  added: number;
  duplicates: number;
  tab: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ServerApi {
  getStatus(): Status;
  getSettings(): Settings;
  saveSettings(s: unknown): { settings: Settings; errors: FieldError[] };
  beginScoring(): { total: number; chunk: number };
  scoreChunk(start: number, count: number): { done: number };
  finishScoring(): Report;
  getReport(): Report | null;
  selectRow(row: number): void;
  clearScores(): void;
  importRows(kind: 'followers' | 'following', rows: ImportedRow[]): ImportSummary;
}
