import { assessBot } from '../src/core/botrisk';
import { scoreWorkbook } from '../src/core/engine';
import { customerStrength, engagementStrength, HANDLE_ONLY, recommend, reasonsFor, scoreFollower, scoreParts, type Evidence } from '../src/core/score';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { BotAssessment, Customer, Match } from '../src/core/types';

const NOW = Date.UTC(2026, 10, 25);
const genuine: BotAssessment = { risk: 0.05, factors: [{ label: 'has a bio', weight: -1 }, { label: 'has a profile picture', weight: -0.5 }], coverage: 1 };
const botty: BotAssessment = { risk: 0.93, factors: [{ label: 'no profile picture', weight: 2 }, { label: 'no posts', weight: 1 }], coverage: 1 };
const jane: Customer = { key: 'jane@example.com', emails: ['jane@example.com'], names: ['Jane Doe'], handles: [], phones: [], orders: 3, spent: 240, currency: 'USD' };
const sure: Match = { customer: 0, confidence: 0.97, confident: true, evidence: ['email matches handle'] };
const unsure: Match = { customer: 0, confidence: 0.62, confident: false, evidence: ['name matches'] };

function ev(over: Partial<Evidence>): Evidence {
  return { match: null, customerText: '', bot: genuine, alreadyFollowing: false, ...over };
}

describe('score parts', () => {
  test('a confident customer outweighs a possible one, repeat buyers a little more', () => {
    expect(customerStrength(sure, jane)).toBeGreaterThan(customerStrength(unsure, jane));
    expect(customerStrength(sure, { ...jane, orders: 5 })).toBeGreaterThan(customerStrength(sure, { ...jane, orders: 1 }));
    expect(customerStrength(sure, { ...jane, orders: 50 })).toBeLessThanOrEqual(1);
    expect(customerStrength(null, jane)).toBe(0);
  });
  test('engagement saturates below 1 and grows with points', () => {
    expect(engagementStrength(undefined)).toBe(0);
    const a = engagementStrength({ points: 5, counts: {} });
    const b = engagementStrength({ points: 50, counts: {} });
    expect(b).toBeGreaterThan(a);
    expect(engagementStrength({ points: 1e9, counts: {} })).toBeLessThanOrEqual(1);
  });
  test('parts are points out of each weight', () => {
    const p = scoreParts(ev({ match: sure, customer: jane }), DEFAULT_SETTINGS);
    expect(p.customer).toBeLessThanOrEqual(DEFAULT_SETTINGS.weights.customer);
    expect(p.genuine).toBeCloseTo(DEFAULT_SETTINGS.weights.genuine * 0.95);
  });
});

describe('recommendation', () => {
  test('a confident customer is Follow back even with a bot-like profile', () => {
    const r = scoreFollower(ev({ match: sure, customer: jane, customerText: 'Jane Doe', bot: botty }), DEFAULT_SETTINGS, NOW);
    expect(r.recommendation).toBe('Follow back');
    expect(r.customerId).toBe('jane@example.com');
    expect(r.matchConfidence).toBe(0.97);
  });
  test('a bot-like profile with only likes is Likely bot', () => {
    const r = scoreFollower(ev({ bot: botty, engagement: { points: 40, counts: { like: 40 } } }), DEFAULT_SETTINGS, NOW);
    expect(r.recommendation).toBe('Likely bot');
    expect(r.reasons.split('; ')[0]).toMatch(/^Bot signs: no profile picture/);
  });
  test('too little profile data is not enough to call someone a bot, and says so', () => {
    const r = scoreFollower(ev({ bot: { risk: 0.85, factors: [{ label: 'no posts', weight: 1 }], coverage: 0.2 } }), DEFAULT_SETTINGS, NOW);
    expect(r.recommendation).not.toBe('Likely bot');
    expect(r.botRisk).toBe(85);
    expect(r.reasons).toMatch(/Some bot signs: no posts/);
    expect(r.reasons).toMatch(/Little profile data/);
  });
  test('Likely bot needs three of the five profile inputs: no picture and an empty bio alone are not enough', () => {
    const row = scoreFollower(ev({ bot: assessBot({ handle: 'anna', hasPicture: false, bio: '' }) }), DEFAULT_SETTINGS, NOW);
    expect(row!.botRisk).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.botThreshold);
    expect(row!.recommendation).not.toBe('Likely bot');
    expect(row!.reasons).toMatch(/Little profile data/);
  });
  test('a handle alone: the base rate, never Likely bot, and the reason says the risk is unknown', () => {
    const rows = scoreWorkbook({ followers: { name: 'Followers', grid: [['handle'], ['kzx83920183'], ['jenny1987']] } }, { ...DEFAULT_SETTINGS, botBaseRate: 40, botThreshold: 30, now: NOW }).rows;
    for (const r of rows) {
      expect(r?.botRisk).toBe(40);
      expect(r?.recommendation).not.toBe('Likely bot');
      expect(r?.reasons).toContain(HANDLE_ONLY);
    }
    expect(HANDLE_ONLY).toBe('Bot risk unknown: only a handle. Add followers, following and posts columns (a follower export with profile data) for a real check.');
  });
  test('the base-rate setting moves every profile’s Bot risk the same way', () => {
    const grid = [['handle', 'followers', 'following', 'posts', 'profile picture'], ['anna', '300', '280', '40', 'yes'], ['x9', '3', '900', '0', 'no']];
    const at = (botBaseRate: number) => scoreWorkbook({ followers: { name: 'Followers', grid } }, { ...DEFAULT_SETTINGS, botBaseRate, now: NOW }).rows.map((r) => r!.botRisk);
    const low = at(2);
    const high = at(30);
    low.forEach((v, i) => expect(high[i]).toBeGreaterThan(v));
    expect(at(DEFAULT_SETTINGS.botBaseRate)[1]).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.botThreshold);
  });
  test('a possible match never fills Customer ID', () => {
    const r = scoreFollower(ev({ match: unsure, customer: jane, customerText: 'Possible: Jane Doe' }), DEFAULT_SETTINGS, NOW);
    expect(r.customerId).toBe('');
    expect(r.matchConfidence).toBe(0.62);
    expect(r.reasons).toMatch(/Possible customer, check by hand/);
  });
  test('Already following wins over everything', () => {
    expect(recommend(99, 99, ev({ alreadyFollowing: true }), DEFAULT_SETTINGS)).toBe('Already following');
  });
  test('thresholds split Follow back, Consider and Skip', () => {
    const s = DEFAULT_SETTINGS;
    expect(recommend(s.followThreshold, 10, ev({}), s)).toBe('Follow back');
    expect(recommend(s.followThreshold - 1, 10, ev({}), s)).toBe('Consider');
    expect(recommend(s.considerThreshold - 1, 10, ev({}), s)).toBe('Skip');
  });
  test('an engaged genuine person outranks a silent genuine one', () => {
    const engaged = scoreFollower(ev({ engagement: { points: 30, counts: { comment: 6, mention: 2 }, last: NOW - 3 * 86400000 } }), DEFAULT_SETTINGS, NOW);
    const silent = scoreFollower(ev({}), DEFAULT_SETTINGS, NOW);
    expect(engaged.score).toBeGreaterThan(silent.score);
    expect(engaged.recommendation).toBe('Follow back');
    expect(engaged.reasons).toMatch(/Engaged: 2 mentions, 6 comments, latest 3 days ago/);
    expect(engaged.engagement).toBe(30);
  });
  test('scores stay within 0..100 with extreme weights', () => {
    const heavy = { ...DEFAULT_SETTINGS, weights: { customer: 100, engagement: 100, genuine: 100 } };
    const r = scoreFollower(ev({ match: sure, customer: jane, engagement: { points: 1e6, counts: {} } }), heavy, NOW);
    expect(r.score).toBe(100);
  });
});

describe('reasons', () => {
  test('customer first, then engagement, then profile', () => {
    const e = ev({ match: sure, customer: jane, customerText: 'Jane', engagement: { points: 6, counts: { comment: 2 } } });
    const parts = scoreParts(e, DEFAULT_SETTINGS);
    const reasons = reasonsFor(e, parts, 5, 'Follow back', DEFAULT_SETTINGS, NOW);
    expect(reasons[0]).toBe('Customer (email matches handle)');
    expect(reasons[1]).toMatch(/^Engaged: 2 comments/);
    expect(reasons[2]).toMatch(/^Looks genuine/);
  });
  test('little profile data is said', () => {
    const e = ev({ bot: { risk: 0.3, factors: [], coverage: 0.1 } });
    expect(reasonsFor(e, scoreParts(e, DEFAULT_SETTINGS), 30, 'Skip', DEFAULT_SETTINGS, NOW).join('; ')).toMatch(/Little profile data/);
  });
});
