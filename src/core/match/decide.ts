// The decision for one follower from its candidates' weights: confident (fills Customer ID), possible
// (`Possible: …`) or none, and the evidence in words, strongest first.
import type { LevelHit } from './levels';
import { CONFIDENT_FITTED } from './weights';

/** Probability above which a match is confident (it also needs MARGIN_BITS over the runner-up): fitted. */
export const CONFIDENT = CONFIDENT_FITTED;
/** The best candidate's weight must beat the runner-up's by this many bits (16×) to be confident. */
export const MARGIN_BITS = 4;
/**
 * Candidates below this probability are not reported at all. Low, because a `Possible: …` is for the owner to
 * check: on the generated problems most candidates between it and CONFIDENT are the right customer (about 3 % of strangers get one).
 */
export const SHOWN = 0.001;

export interface Decision {
  /** index into the candidate list */
  top: number;
  /** P(the top candidate | the ladders), 0..1 */
  p: number;
  confident: boolean;
  /** other candidates within MARGIN_BITS of the top one */
  close: number;
  /** p / (1 − p), unrounded */
  odds: number;
}

/**
 * Candidates are mutually exclusive explanations of one follower, plus "none of them" (weight 0), so two
 * equally good candidates share the probability. `before(a, b)`: the tie-break between candidate a and b.
 * null when there is no candidate or the best is below SHOWN.
 */
export function decide(weights: number[], before: (a: number, b: number) => boolean): Decision | null {
  if (!weights.length) return null;
  let top = 0;
  for (let k = 1; k < weights.length; k++) {
    if (weights[k] > weights[top] || (weights[k] === weights[top] && before(k, top))) top = k;
  }
  let total = 1;
  let runnerUp = -Infinity;
  let close = 0;
  for (let k = 0; k < weights.length; k++) {
    total += Math.pow(2, Math.min(60, weights[k]));
    if (k === top) continue;
    if (weights[k] > runnerUp) runnerUp = weights[k];
    if (weights[top] - weights[k] < MARGIN_BITS) close++;
  }
  const best = Math.pow(2, Math.min(60, weights[top]));
  const p = best / total;
  if (p < SHOWN) return null;
  return { top, p, confident: p >= CONFIDENT && weights[top] - runnerUp >= MARGIN_BITS, close, odds: best / (total - best) };
}

/** A probability as Match confidence shows it: two decimals, and at least 1 % (below SHOWN it is not shown at all). */
export function roundConfidence(p: number): number {
  return Math.max(0.01, Math.round(p * 100) / 100);
}

/** What spoke for the match, strongest first, and how many other customers fit as well. */
export function evidenceOf(levels: LevelHit[], close: number): string[] {
  const spoke = levels.filter((l) => l.weight > 0 && l.says).sort((a, b) => b.weight - a.weight);
  const evidence = spoke.map((l) => l.says);
  if (close) evidence.push(close === 1 ? 'another customer fits as well' : `${close} other customers fit as well`);
  return evidence;
}
