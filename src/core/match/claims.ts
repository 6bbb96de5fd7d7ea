// One customer is one person: followers confidently linked to the same customer compete for her, so a stranger
// who shows her name does not keep her Customer ID beside the follower who is her. Settled once every follower of
// the list is linked; plain data in and out.
import type { Match } from '../types';
import { CONFIDENT, roundConfidence } from './decide';

/** p / (1 − p) of a match: its exact odds when the matcher gave them, else read back from the rounded confidence. */
function oddsOf(m: Match): number {
  if (m.odds !== undefined) return m.odds;
  const p = Math.min(m.confidence, 0.999);
  return p / (1 - p);
}

/**
 * For each customer that several confident matches name, the matches are mutually exclusive explanations of her
 * (with "none of them"): each one's probability becomes its odds over one plus the sum of all their odds, and
 * those that fall below `confident` become Possible, with a reason. Every other match is returned as it is (the
 * same object); so is the list when no customer is named twice.
 */
export function settleClaims(matches: readonly (Match | null)[], confident = CONFIDENT): (Match | null)[] {
  const claims = new Map<number, number[]>();
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (!m || !m.confident) continue;
    const list = claims.get(m.customer);
    if (list) list.push(i);
    else claims.set(m.customer, [i]);
  }
  const out = matches.slice();
  claims.forEach((rows) => {
    if (rows.length < 2) return;
    let total = 1;
    for (const i of rows) total += oddsOf(matches[i]!);
    for (const i of rows) out[i] = shared(matches[i]!, oddsOf(matches[i]!) / total, rows.length - 1, confident);
  });
  return out;
}

/** A match whose customer `others` more followers also claim, at probability p. */
function shared(m: Match, p: number, others: number, confident: number): Match {
  const note = others === 1 ? 'another follower fits this customer too' : `${others} other followers fit this customer too`;
  return { ...m, confidence: roundConfidence(p), confident: p >= confident, evidence: m.evidence.concat(note), odds: p / (1 - p) };
}
