// Where the nine output columns are on the Followers tab: found by their exact headers, else placed to the right of
// everything the user wrote.
import { OUTPUT_HEADERS, type Cell } from '../core/types';

const HEADER_SEARCH_ROWS = 10;

export interface Block {
  /** 0-based row of the headers */
  headerIndex: number;
  /** 0-based first output column */
  columnIndex: number;
}

/** The nine headers in order on one of the first ten rows. */
export function findBlock(grid: Cell[][]): Block | null {
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.length); r++) {
    const row = grid[r] || [];
    for (let c = 0; c + OUTPUT_HEADERS.length <= row.length; c++) {
      if (row[c] !== OUTPUT_HEADERS[0]) continue;
      if (OUTPUT_HEADERS.every((h, k) => row[c + k] === h)) return { headerIndex: r, columnIndex: c };
    }
  }
  return null;
}

/** The user's own columns: everything left of the output block, or the whole grid without one. */
export function userGrid(grid: Cell[][], block: Block | null): Cell[][] {
  if (!block) return grid;
  return grid.map((row) => row.slice(0, block.columnIndex));
}

/** Column offsets (0-based within the block) that hold user text: written as plain text ('@'). */
/** Recommendation, Customer, Customer ID, Reasons (checked against OUTPUT_HEADERS in test/sheets.test.ts). */
export const TEXT_COLUMNS = [1, 3, 4, 7];
/** Follow queue */
export const QUEUE_COLUMN = 8;

/** Runs of adjacent offsets, so each run is one setNumberFormat call: [[1,1],[3,4],[7,7]]. */
export function runs(offsets: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const o of [...offsets].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === o - 1) last[1] = o;
    else out.push([o, o]);
  }
  return out;
}
