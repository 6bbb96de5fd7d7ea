// The sidebar's chunk size follows the time the last chunks took, aiming at the plan's target of Apps Script time.
import { GROWTH, MIN_CHUNK, nextChunkRows, runScoring } from '../src/client/scoring-run';
import type { ChunkResult, Report, ScoringPlan } from '../src/server/api';

/**
 * A fake server whose chunk costs what the README's estimate says a chunk costs in Apps Script: one second per
 * Spreadsheet call (14 a chunk) plus ten times the script's compute (`perRow` ms of Apps Script time a row).
 */
function server(total: number, perRow: number, calls = 14) {
  const asked: number[] = [];
  let done = 0;
  const call = (async (name: string, ...args: number[]) => {
    if (name === 'beginScoring') return { total, chunk: 2000, targetMs: 20_000 } satisfies ScoringPlan;
    if (name === 'scoreChunk') {
      const [start, count] = args;
      expect(start).toBe(done); // chunks follow one another with no gap or overlap
      asked.push(count);
      done = start + count;
      return { done, ms: calls * 1000 + perRow * count } satisfies ChunkResult;
    }
    return { summary: { scored: done } } as unknown as Report;
  }) as Parameters<typeof runScoring>[0];
  return { call, asked, cost: (n: number) => calls * 1000 + perRow * n };
}

describe('adaptive chunks', () => {
  test('a chunk that took twice the target halves the next; a quick one grows it at most GROWTH times', () => {
    expect(nextChunkRows([{ rows: 2000, ms: 40_000 }], 20_000)).toBe(1000);
    expect(nextChunkRows([{ rows: 2000, ms: 1_000 }], 20_000)).toBe(2000 * GROWTH);
    expect(nextChunkRows([{ rows: 200, ms: 600_000 }], 20_000)).toBe(MIN_CHUNK);
    expect(nextChunkRows([{ rows: 500, ms: 0 }], 20_000)).toBe(500 * GROWTH);
  });

  test('two chunks of different sizes separate the fixed cost from the cost per row', () => {
    // 14 s fixed, 4 ms a row: 2,500 rows fill 20 s
    expect(nextChunkRows([{ rows: 2000, ms: 22_000 }, { rows: 1800, ms: 21_200 }], 20_000)).toBe(2500);
    // a fixed part over the target: the rows fill half the target rather than shrinking to nothing
    expect(nextChunkRows([{ rows: 1000, ms: 29_000 }, { rows: 2000, ms: 33_000 }], 20_000)).toBe(2500);
  });

  test.each([
    ['Apps Script as the README estimates it (4 ms a row)', 4, 2500],
    ['a day when Apps Script runs twice as slow', 8, 1250],
    ['a light sheet (1 ms a row)', 1, 10_000],
  ])('%s: chunks settle near 20 s each (24 s where the 14 s of calls leave less than half of it), and cover every row once', async (_what, perRow, settled) => {
    const total = 60_000;
    const s = server(total, perRow);
    const report = await runScoring(s.call, () => undefined);
    expect(report.summary.scored).toBe(total);
    expect(s.asked.reduce((a, b) => a + b, 0)).toBe(total);
    expect(s.asked[0]).toBe(2000);
    // after the first two chunks every full chunk is the settled size, and costs about the target
    const full = s.asked.slice(2, -1);
    expect(full.length).toBeGreaterThan(0);
    for (const n of full) {
      expect(n).toBe(settled);
      expect(s.cost(n)).toBeGreaterThanOrEqual(20_000 - perRow);
      expect(s.cost(n)).toBeLessThanOrEqual(14_000 + 10_000 + perRow);
    }
  });

  test('a server that does not say how long a chunk took keeps the planned size', async () => {
    const asked: number[] = [];
    const call = (async (name: string, ...args: number[]) => {
      if (name === 'beginScoring') return { total: 5000, chunk: 2000, targetMs: 20_000 };
      if (name === 'scoreChunk') return asked.push(args[1]) && { done: args[0] + args[1] };
      return {} as Report;
    }) as Parameters<typeof runScoring>[0];
    await runScoring(call, () => undefined);
    expect(asked).toEqual([2000, 2000, 1000]);
  });
});
