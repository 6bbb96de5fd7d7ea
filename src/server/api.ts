// The sidebar ⇄ server calls: plain data only (google.script.run carries no Date, Map, Infinity or function).
// Importable by the client: types only, no code.
import type { ImportedRow, ImportSummary } from '../core/imports/types';
import type { Summary as EngineSummary } from '../core/queue';
import type { SettingsError as FieldError } from '../core/settings';
import type { Settings, TableKind } from '../core/types';
import type { RoomList } from '../core/unfollow';

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

import type { LastAction, RatioView, TickAction } from '../core/routine';
import type { Platform } from '../core/types';
export type { LastAction, RatioView, TickAction };

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
  /** the platform the row is on (its own Platform column, else the settings') */
  platform?: Platform;
  /** the normalised handle, from which the sidebar builds the profile link */
  key?: string;
  /** the row's profile URL as the user's tab gives it (LinkedIn and Facebook links are built from it) */
  url?: string;
}

/** One account ticked in the sidebar: the handle travels, so a tab re-scored meanwhile still records the right one. */
export interface TickItem {
  handle: string;
  /** the 1-based sheet row the sidebar showed (a hint only) */
  row?: number;
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

/** One person of the Say thanks list, as the sidebar shows it (links are http(s) only; '' when none). */
export interface ThanksEntry {
  handle: string;
  isCustomer: boolean;
  why: string;
  /** mention, tag, share, comment, or '' */
  type: string;
  /** YYYY-MM-DD of the shown post, or '' */
  date: string;
  /** the post or comment */
  link: string;
  /** at most 200 characters, to be shown as text */
  text: string;
}

export interface ThanksReport {
  /** the settings' platform: the sidebar links each handle to its profile there */
  platform: string;
  items: ThanksEntry[];
  notes: string[];
  days: number;
}

/** One account of the Make room list. */
export interface RoomEntry {
  handle: string;
  reasons: string;
  score: number;
  botRisk: number;
  /** YYYY-MM-DD, or '' */
  followedOn: string;
}

/** The Make room list as it crosses to the sidebar (core/unfollow.ts's RoomList with plain entries). */
export type RoomReport = Omit<RoomList, 'items' | 'protected'> & {
  /** false when there is no Following tab (then only `notes` says why) */
  available: boolean;
  platform: string;
  items: RoomEntry[];
};

export type ThanksAction = 'thanked' | 'not now';
export type RoomAction = 'unfollowed' | 'keep';

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
  tickFollowed(items: TickItem[]): Report;
  tickNotNow(items: TickItem[]): Report;
  tickNever(items: TickItem[]): Report;
  markAllFollowed(items: TickItem[]): Report;
  undoLastTick(last: { action: TickAction; handles: string[] }): Report;
  getThanksList(): ThanksReport;
  markThanks(handle: string, action: ThanksAction): ThanksReport;
  getMakeRoomList(): RoomReport;
  markMakeRoom(handle: string, action: RoomAction): RoomReport;
}
