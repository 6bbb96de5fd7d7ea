import { assignQueue } from '../src/core/queue';
import { followBudget, PLATFORMS } from '../src/core/platforms';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { Recommendation, ResultRow } from '../src/core/types';

function row(score: number, recommendation: Recommendation = 'Follow back', customerId = ''): ResultRow {
  return { score, recommendation, botRisk: 5, customer: '', customerId, matchConfidence: '', engagement: 0, reasons: '', queue: '' };
}

describe('follow budget', () => {
  test('daily pace, never past the cap', () => {
    expect(followBudget('x', 0).budget).toBe(400);
    expect(followBudget('x', 4900).budget).toBe(100);
    expect(followBudget('x', 6000).budget).toBe(0);
    expect(followBudget('instagram', 0, 30).budget).toBe(30);
    expect(followBudget('bluesky', 1e6).capLeft).toBe(Infinity);
  });
  test('every platform has a preset', () => {
    for (const p of Object.values(PLATFORMS)) expect(p.daily).toBeGreaterThan(0);
  });
});

describe('queue', () => {
  test('the queue is the first rows of a full sort, whatever the budget', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const recs: Recommendation[] = ['Follow back', 'Consider', 'Skip', 'Likely bot'];
    const rows = Array.from({ length: 3000 }, (_, i) =>
      i % 50 === 0 ? null : { ...row(Math.floor(rnd() * 40) + 60, recs[Math.floor(rnd() * 4)], rnd() < 0.2 ? `c${i}@x.com` : ''), engagement: Math.floor(rnd() * 5) },
    );
    const handles = rows.map((_, i) => `h${Math.floor(rnd() * 2500)}`); // some handles listed twice
    const rank = (r: Recommendation) => (r === 'Follow back' ? 0 : 1);
    const expected = rows
      .map((r, i) => ({ r, i }))
      .filter((x) => x.r && (x.r.recommendation === 'Follow back' || x.r.recommendation === 'Consider'))
      .sort((a, b) => rank(a.r!.recommendation) - rank(b.r!.recommendation) || b.r!.score - a.r!.score || Number(!!b.r!.customerId) - Number(!!a.r!.customerId) || b.r!.engagement - a.r!.engagement || (handles[a.i] < handles[b.i] ? -1 : handles[a.i] > handles[b.i] ? 1 : a.i - b.i))
      .filter((x, k, all) => all.findIndex((y) => handles[y.i] === handles[x.i]) === k)
      .map((x) => x.i);
    for (const dailyLimit of [1, 7, 100, 400]) {
      assignQueue(rows, { ...DEFAULT_SETTINGS, platform: 'x', dailyLimit }, handles);
      const queued = rows.map((r, i) => ({ q: r?.queue, i })).filter((x) => typeof x.q === 'number').sort((a, b) => (a.q as number) - (b.q as number));
      expect(queued.map((x) => x.i)).toEqual(expected.slice(0, dailyLimit));
    }
  });

  test('best Follow back rows first, within the budget', () => {
    const rows = [row(60), row(90), null, row(95, 'Consider'), row(70), row(80)];
    const s = assignQueue(rows, { ...DEFAULT_SETTINGS, dailyLimit: 3 }, ['a', 'b', '', 'd', 'e', 'f']);
    expect(rows.map((r) => r?.queue ?? null)).toEqual(['', 1, null, '', 3, 2]);
    expect(s.queued).toBe(3);
    expect(s.counts['Follow back']).toBe(4);
    expect(s.counts['Consider']).toBe(1);
    expect(s.scored).toBe(5);
  });
  test('ties: customers first, then handle, independent of row order', () => {
    const a = [row(70, 'Follow back'), row(70, 'Follow back', 'k@x.com'), row(70)];
    assignQueue(a, DEFAULT_SETTINGS, ['zed', 'mia', 'amy']);
    const b = [a[2], a[0], a[1]].map((r) => ({ ...r, queue: '' as const }));
    assignQueue(b, DEFAULT_SETTINGS, ['amy', 'zed', 'mia']);
    expect(a.map((r) => r.queue)).toEqual([3, 1, 2]);
    expect(b.map((r) => r.queue)).toEqual([2, 3, 1]);
  });
  test('a handle listed twice is queued once', () => {
    const rows = [row(80), row(80)];
    assignQueue(rows, DEFAULT_SETTINGS, ['same', 'same']);
    expect(rows.filter((r) => r.queue !== '').length).toBe(1);
  });
  test('no room under the cap: nothing queued', () => {
    const rows = [row(80)];
    const s = assignQueue(rows, { ...DEFAULT_SETTINGS, platform: 'instagram', followingCount: 7500 });
    expect(rows[0].queue).toBe('');
    expect(s.budget).toBe(0);
  });
});

describe('queue after the Follow back rows', () => {
  test('Consider rows fill the room that is left, best first, never Skip or bots', () => {
    const rows = [row(30, 'Consider'), row(80), row(10, 'Skip'), row(40, 'Consider'), row(5, 'Likely bot'), row(20, 'Already following')];
    const s = assignQueue(rows, { ...DEFAULT_SETTINGS, dailyLimit: 10 }, ['a', 'b', 'c', 'd', 'e', 'f']);
    expect(rows.map((r) => r.queue)).toEqual([3, 1, '', 2, '', '']);
    expect(s.queued).toBe(3);
  });
  test('a Consider row never takes a Follow back row\'s place', () => {
    const rows = [row(99, 'Consider'), row(51), row(52)];
    assignQueue(rows, { ...DEFAULT_SETTINGS, dailyLimit: 2 }, ['a', 'b', 'c']);
    expect(rows.map((r) => r.queue)).toEqual(['', 2, 1]);
  });
});
