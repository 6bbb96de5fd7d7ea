// Today's follow list, as many as today's budget allows (the platform's daily pace, never past its total
// cap given how many the business follows): `Follow back` rows best first, then, while room is left,
// `Consider` rows best first — genuine accounts come third in the order of evidence, after customers and
// engaged people, but they do come.
import { followBudget } from './platforms';
import { RECOMMENDATIONS, type Recommendation, type ResultRow, type Settings } from './types';

export interface Summary {
  counts: Record<Recommendation, number>;
  scored: number;
  queued: number;
  budget: number;
  dailyLimit: number;
  /** follows left under the platform's total cap (Infinity where there is none) */
  capLeft: number;
}

/**
 * Fills `queue` (1, 2, 3 …) in place and returns the summary. Ties are broken by customer, then
 * engagement, then handle, never by row position, so the queue does not depend on row order.
 * A handle listed twice is queued once.
 */
export function assignQueue(rows: (ResultRow | null)[], settings: Settings, handles?: string[]): Summary {
  const counts = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<Recommendation, number>;
  const first: number[] = [];
  const then: number[] = [];
  rows.forEach((row, i) => {
    if (!row) return;
    row.queue = '';
    counts[row.recommendation]++;
    if (row.recommendation === 'Follow back') first.push(i);
    else if (row.recommendation === 'Consider') then.push(i);
  });
  const key = (i: number) => handles?.[i] ?? '';
  const best = (a: number, b: number) => {
    const ra = rows[a]!;
    const rb = rows[b]!;
    return (
      rb.score - ra.score ||
      Number(!!rb.customerId) - Number(!!ra.customerId) ||
      rb.engagement - ra.engagement ||
      (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a - b)
    );
  };
  const candidates = [...first.sort(best), ...then.sort(best)];
  const { daily, capLeft, budget } = followBudget(settings.platform, settings.followingCount, settings.dailyLimit);
  const seen = new Set<string>();
  let queued = 0;
  for (const i of candidates) {
    if (queued >= budget) break;
    const h = key(i);
    if (h && seen.has(h)) continue;
    if (h) seen.add(h);
    rows[i]!.queue = ++queued;
  }
  return { counts, scored: rows.filter(Boolean).length, queued, budget, dailyLimit: daily, capLeft };
}
