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
