// The sidebar's scoring run: one call to begin, one call per chunk (each well under Apps Script's
// 6-minute limit), then one to finish. Progress is reported after each chunk.
import type { Report, ServerApi } from '../server/api';

type Call = <K extends keyof ServerApi>(name: K, ...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;

export async function runScoring(call: Call, progress: (done: number, total: number) => void): Promise<Report> {
  const { total, chunk } = await call('beginScoring');
  const size = chunk > 0 ? chunk : Math.max(1, total);
  progress(0, total);
  for (let start = 0; start < total; start += size) {
    const count = Math.min(size, total - start);
    await call('scoreChunk', start, count);
    progress(start + count, total);
  }
  return call('finishScoring');
}
