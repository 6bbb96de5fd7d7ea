// What both ways of scoring on the command line share (one thread in main.ts, two in parallel.ts): how a file's
// tables are read, what a run hands to the writer, and the FOLLOWBACK_STATS timings. Kept apart so neither imports the other.
import { isMainThread } from 'node:worker_threads';
import type { QueueRow, Summary } from '../core/engine';
import { readTable } from '../core/table';
import type { Source, TableKind } from '../core/types';
import type { Layout } from './csv';

/** FOLLOWBACK_STATS=1: when each phase ends, in ms since the process started (both threads on one clock). */
export const stats = !!process.env.FOLLOWBACK_STATS;
export const t0 = Number(process.env.FOLLOWBACK_T0 || 0) || performance.timeOrigin;
export function mark(label: string): void {
  if (stats) process.stderr.write(`followback: ${isMainThread ? 'main' : 'worker'} ${label} ${(performance.timeOrigin + performance.now() - t0).toFixed(0)} ms\n`);
}

/** Reads a file as a table of `kind` will be read from it: followers whole, other kinds only in the columns the engine reads. */
export type ReadSource = (path: string, kind: TableKind, overrides?: Record<string, string>) => Source;
/** Reads a file in parts (streamCsvFile): the first part, then the others. */
export type StreamSource = (path: string, kind: TableKind, overrides: Record<string, string> | undefined, onPart: (rows: string[][], first: boolean) => void) => void;

/** The layout a file of `kind` is read with: the followers keep every column, for they are written back whole. */
export function readLayout(kind: TableKind, path: string, overrides?: Record<string, string>) {
  return layoutFor(kind, path, overrides, kind !== 'followers');
}

/** What `score` writes: the followers file, each data row's line but the queue (userText + resultText), the queue. */
export interface Output {
  followers: Source;
  headerIndex: number;
  /** the followers file's columns the output repeats (userColumns) */
  keep: number[];
  lines: string[];
  rows: (QueueRow | null)[];
  summary: Summary;
  warnings: string[];
}

/**
 * A file's layout from its first rows: the header row as the engine will find it (so rows wider than it can be
 * refused) and, when `narrow`, the only columns the engine reads (null keeps all: the followers are written back whole).
 */
export function layoutFor(kind: TableKind, name: string, overrides?: Record<string, string>, narrow = true) {
  return (head: string[][]): Layout => {
    try {
      const table = readTable({ name, grid: head }, kind, overrides);
      return { header: table.headerIndex, keep: narrow ? keptColumns(table.columns, head, kind, name, overrides) : null };
    } catch {
      return { header: -1, keep: null }; // the full parse will say what is wrong
    }
  };
}

/** The columns a table's fields are in, or null when the table read from them alone would find a field elsewhere. */
function keptColumns(full: Record<string, number>, head: string[][], kind: TableKind, name: string, overrides?: Record<string, string>): number[] | null {
  const keep = Object.values(full).sort((a, b) => a - b);
  const kept = readTable({ name, grid: head.map((row) => keep.map((i) => row[i])) }, kind, overrides).columns;
  const same = Object.keys(kept).length === keep.length && Object.keys(full).every((f) => keep[kept[f]] === full[f]);
  return same ? keep : null;
}
