// Linking followers to customers: createMatcher wires the views (views.ts), the frequency tables
// (frequencies.ts), the blocking index (blocking.ts), the comparison ladder (levels.ts) and the decision
// (decide.ts). The public entry point of the matcher; engine.ts and the tests import from here.
import type { Customer, Follower, Match } from '../types';
import { createBlocking } from './blocking';
import { decide, evidenceOf, roundConfidence } from './decide';
import { buildFrequencies } from './frequencies';
import { scorePair, type LevelHit, type NameMemo } from './levels';
import { customerViews, followerView } from './views';

export { CONFIDENT, MARGIN_BITS, SHOWN } from './decide';
export { settleClaims } from './claims';
export { fullNameCounts } from './frequencies';

export interface MatcherOptions {
  /** How many followers the list has, when known: sets the prior chance that a follower is a given customer. */
  followers?: number;
  /** Full names the followers of the whole list show, with how many (frequencies.ts fullNameCounts). */
  nameCounts?: [string, number][];
}

export interface Scored {
  customer: number;
  /** total log2 Bayes factor, prior included */
  weight: number;
  levels: LevelHit[];
}

/** A matcher plus its internals, for tests and the benchmark. */
export interface Matcher {
  (f: Follower): Match | null;
  /** every blocked candidate with its ladder, best first */
  candidates(f: Follower): Scored[];
}

/** log2 of the chance, before any comparison, that a follower is one given customer. */
export function priorWeight(customers: number, followers: number): number {
  // a follower is any one given customer with chance ~ (share of followers who buy) / followers
  return Math.log2(Math.min(0.5, (0.5 * Math.min(customers, followers)) / followers) / Math.max(1, customers));
}

/**
 * Build the blocking index and term frequencies once; the returned function links one follower.
 * confidence = P(this customer | the candidates' ladders), the candidates being mutually exclusive
 * explanations of the follower together with "none of them" (so two equally good candidates share it);
 * confident = confidence ≥ CONFIDENT and a margin of MARGIN_BITS over the runner-up; null below SHOWN.
 */
export function createMatcher(customers: Customer[], options: MatcherOptions = {}): Matcher {
  const views = customerViews(customers);
  const followers = options.followers || Math.max(1000, 2.5 * views.length);
  const tf = buildFrequencies(views, followers, options.nameCounts);
  const prior = priorWeight(views.length, followers);
  const blocking = createBlocking(views);

  // Ties go to the smaller customer key, so the result never depends on the order of the Orders rows. Compared
  // when two weights tie, which is rare: ranking every customer up front cost more than all the ties
  const before = (a: number, b: number) => {
    const ka = customers[a].key;
    const kb = customers[b].key;
    return ka < kb || (ka === kb && a < b);
  };

  function candidates(f: Follower): Scored[] {
    const fv = followerView(f, tf.isGivenName);
    if (!fv.handle && !fv.display.length && !fv.email) return [];
    const ids: number[] = [];
    const weak: (number[] | undefined)[] = [];
    blocking.candidateIds(fv, ids, weak);
    for (let k = 0; k < weak.length; k++) blocking.takeWeak(ids, weak[k]);
    return ids
      .map((i) => {
        const levels: LevelHit[] = [];
        return { customer: i, weight: scorePair(fv, views[i], tf, prior, levels), levels };
      })
      .sort((a, b) => b.weight - a.weight || (before(a.customer, b.customer) ? -1 : before(b.customer, a.customer) ? 1 : 0));
  }

  const match = ((f: Follower): Match | null => {
    const fv = followerView(f, tf.isGivenName);
    if (!fv.handle && !fv.display.length && !fv.email) return null;
    const ids: number[] = [];
    const weak: (number[] | undefined)[] = [];
    blocking.candidateIds(fv, ids, weak);
    const weights: number[] = [];
    let likely = false;
    const memo: NameMemo = new Map();
    for (let k = 0; k < ids.length; k++) {
      weights.push(scorePair(fv, views[ids[k]], tf, prior, null, memo));
      if (weights[k] > 0) likely = true;
    }
    if (!likely && weak.length) {
      // nothing likely yet: a rare surname or first name alone may still make a Possible
      const from = ids.length;
      for (let k = 0; k < weak.length; k++) blocking.takeWeak(ids, weak[k]);
      for (let k = from; k < ids.length; k++) weights.push(scorePair(fv, views[ids[k]], tf, prior, null, memo));
    }
    const d = decide(weights, (a, b) => before(ids[a], ids[b]));
    if (!d) return null;
    const levels: LevelHit[] = [];
    scorePair(fv, views[ids[d.top]], tf, prior, levels);
    return { customer: ids[d.top], confidence: roundConfidence(d.p), confident: d.confident, evidence: evidenceOf(levels, d.close), odds: d.odds };
  }) as Matcher;
  match.candidates = candidates;
  return match;
}
