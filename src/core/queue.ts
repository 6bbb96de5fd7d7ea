// Today's follow list, as many as today's budget allows (the platform's daily pace, never past its total
// cap given how many the business follows): `Follow back` rows best first, then, while room is left,
// `Consider` rows best first — genuine accounts come third in the order of evidence, after customers and
// engaged people, but they do come.
import { followBudget } from './platforms';
import { followingNow, ratioView, ratioWarning, type LastAction, type RatioView, type Routine } from './routine';
import { RECOMMENDATIONS, type Recommendation, type ResultRow, type Settings } from './types';

/** What the queue reads of a row (and writes: `queue`). */
export type QueueRow = Pick<ResultRow, 'score' | 'recommendation' | 'customerId' | 'engagement' | 'queue'>;

export interface Summary {
  counts: Record<Recommendation, number>;
  scored: number;
  queued: number;
  budget: number;
  dailyLimit: number;
  /** follows left under the platform's total cap (Infinity where there is none) */
  capLeft: number;
  /** the routine, when the history was read: today's and this week's ticks, the ratio, a warning, what Undo takes back */
  followedToday?: number;
  followedThisWeek?: number;
  /** rows kept out of today's queue by "Not now", "Never suggest" or a follow the history records */
  held?: number;
  ratio?: RatioView;
  warning?: string;
  last?: LastAction;
}

/**
 * Fills `queue` (1, 2, 3 …) in place and returns the summary. Ties are broken by customer, then
 * engagement, then handle, never by row position, so the queue does not depend on row order.
 * A handle listed twice is queued once.
 */
export function assignQueue(rows: (QueueRow | null)[], settings: Settings, handles?: string[], routine?: Routine): Summary {
  const counts = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<Recommendation, number>;
  const first: number[] = [];
  const then: number[] = [];
  let others = 0;
  let held = 0;
  const skip = new Set(routine?.skip);
  rows.forEach((row, i) => {
    if (!row) return;
    row.queue = '';
    counts[row.recommendation]++;
    const queueable = row.recommendation === 'Follow back' || row.recommendation === 'Consider';
    if (queueable && skip.size && handles && skip.has(handles[i])) held++;
    else if (row.recommendation === 'Follow back') first.push(i);
    else if (row.recommendation === 'Consider') then.push(i);
    else others++;
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
  const scored = first.length + then.length + others + held;
  const ownFollowers = settings.ownFollowers ?? scored;
  const following = followingNow(settings.followingCount, routine);
  const opts = { followedToday: routine?.followedToday, ownFollowers };
  const { daily, capLeft, budget } = followBudget(settings.platform, following, settings.dailyLimit, opts);
  const seen = new Set<string>();
  let queued = 0;
  const take = (i: number) => {
    if (queued >= budget) return false;
    const h = key(i);
    if (h && seen.has(h)) return true;
    if (h) seen.add(h);
    rows[i]!.queue = ++queued;
    return true;
  };
  if (inOrder(first, best, take)) inOrder(then, best, take);
  const summary: Summary = { counts, scored, queued, budget, dailyLimit: daily, capLeft };
  if (!routine) return summary;
  const ratio = ratioView(settings.platform, following, ownFollowers, queued);
  const extra = { followedToday: routine.followedToday, followedThisWeek: routine.followedThisWeek, held, ratio, warning: ratioWarning(settings.platform, ratio, queued) };
  return { ...summary, ...extra, ...(routine.last ? { last: routine.last } : {}) };
}

/**
 * Calls `take` on the items best first until it returns false (then returns false). A binary heap, so the
 * day's hundred out of 50,000 rows cost a pass over the rows rather than a sort of them.
 */
function inOrder(items: number[], order: (a: number, b: number) => number, take: (i: number) => boolean): boolean {
  const h = items;
  let n = h.length;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const c = l + 1 < n && order(h[l + 1], h[l]) < 0 ? l + 1 : l;
      if (order(h[c], h[i]) >= 0) return;
      const t = h[i];
      h[i] = h[c];
      h[c] = t;
      i = c;
    }
  };
  for (let i = (n >> 1) - 1; i >= 0; i--) down(i);
  while (n > 0) {
    if (!take(h[0])) return false;
    h[0] = h[--n];
    down(0);
  }
  return true;
}
