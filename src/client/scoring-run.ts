// The sidebar's scoring run: one call to begin, one call per chunk (each well under Apps Script's
// 6-minute limit), then one to finish. Progress is reported after each chunk. Each chunk's size follows the time
// the last one took, so a chunk costs about the plan's target whatever the sheet and Apps Script's speed that day.
import type { Report, ServerApi } from '../server/api';

type Call = <K extends keyof ServerApi>(name: K, ...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;

/** Chunks never shrink below this (each call has its own fixed cost) nor grow more than GROWTH times at once. */
export const MIN_CHUNK = 100;
export const GROWTH = 4;

/** A chunk that was scored: its rows and the time it took (ms). */
export interface ChunkTime {
  rows: number;
  ms: number;
}

/**
 * The next chunk's rows, from the chunks so far. A chunk costs a fixed part (its Spreadsheet calls, the same for
 * any size) plus a part per row: two chunks of different sizes give both (a line through the last two), one chunk
 * the per-row part alone. The next chunk's per-row part fills what the target leaves after the fixed part, and
 * at least half the target, so a large fixed part does not make the chunks small and many. It grows at most GROWTH
 * times at once (a chunk quick by chance does not make the next one huge) and never goes below MIN_CHUNK.
 */
export function nextChunkRows(done: ChunkTime[], targetMs: number): number {
  const last = done[done.length - 1];
  let fixed = 0;
  let perRow = last.ms / last.rows;
  // the latest earlier chunk of another size: chunks of one size cannot tell the two parts apart
  let before: ChunkTime | undefined;
  for (let i = done.length - 2; i >= 0 && !before; i--) if (done[i].rows !== last.rows) before = done[i];
  if (before) {
    const slope = (last.ms - before.ms) / (last.rows - before.rows);
    if (slope > 0 && Number.isFinite(slope)) {
      perRow = slope;
      fixed = Math.max(0, last.ms - slope * last.rows);
    }
  }
  const fit = perRow > 0 ? Math.floor(Math.max(targetMs - fixed, targetMs / 2) / perRow) : Infinity;
  return Math.max(MIN_CHUNK, Math.min(fit, last.rows * GROWTH));
}

export async function runScoring(call: Call, progress: (done: number, total: number) => void): Promise<Report> {
  const { total, chunk, targetMs } = await call('beginScoring');
  let size = chunk > 0 ? chunk : Math.max(1, total);
  const done: ChunkTime[] = [];
  progress(0, total);
  for (let start = 0; start < total; ) {
    const count = Math.min(size, total - start);
    const result = await call('scoreChunk', start, count);
    start += count;
    progress(start, total);
    if (!(targetMs > 0 && result && typeof result.ms === 'number' && count > 0)) continue;
    done.push({ rows: count, ms: result.ms });
    size = nextChunkRows(done, targetMs);
  }
  return call('finishScoring');
}
