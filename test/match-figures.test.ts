// Precision and recall of confident matches (Customer ID) on the generated hard problem (test/fixtures/match-problem.ts).
import { createMatcher } from '../src/core/match';
import { generateMatchProblem, measureMatching, type MatchFigures } from './fixtures/match-problem';

const line = (label: string, f: MatchFigures) =>
  `${label}: ${f.customers} customers, ${f.followers} followers (${f.buyers} are customers): ` +
  `confident ${f.confident} (wrong ${f.wrong}), possible ${f.possible}, precision ${f.precision.toFixed(3)}, recall ${f.recall.toFixed(3)}`;

describe('matching figures on the hard generated problem', () => {
  it('is deterministic for a seed', () => {
    const a = generateMatchProblem({ seed: 5, customers: 300, followers: 600 });
    const b = generateMatchProblem({ seed: 5, customers: 300, followers: 600 });
    expect(a).toEqual(b);
    expect(generateMatchProblem({ seed: 6, customers: 300, followers: 600 })).not.toEqual(a);
  });

  it('has the hard parts it claims: shared names, same-name customers, unrelated emails, accents, nicknames', () => {
    const p = generateMatchProblem();
    expect(p.customers.length).toBeGreaterThanOrEqual(2000);
    expect(p.followers.length).toBeGreaterThanOrEqual(5000);
    const names = p.customers.map((c) => c.names[0].toLowerCase());
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) || 0) + 1);
    expect([...counts.values()].filter((c) => c > 1).length).toBeGreaterThan(20); // several customers with one name
    const surname = (n: string) => n.split(' ').pop()!;
    expect(names.filter((n) => surname(n) === 'smith').length).toBeGreaterThan(5);
    expect(names.some((n) => /[^\x00-\x7f]/.test(n))).toBe(true);
    const unrelated = p.customers.filter((c) => c.emails[0] && !c.emails[0].includes(c.names[0].split(' ')[0].toLowerCase()));
    expect(unrelated.length).toBeGreaterThan(400);
    expect(p.followers.some((f) => /^(Bill|Bob|Jen|Liz|Mike|Kate) /.test(f.name || ''))).toBe(true);
    // strangers share names with customers
    const customerNames = new Set(names);
    const strangersWithCustomerNames = p.followers.filter((f, i) => p.truth[i] === null && f.name && customerNames.has(f.name.toLowerCase()));
    expect(strangersWithCustomerNames.length).toBeGreaterThan(10);
  });

  it.each([20261125, 1, 2])('precision ≥ 0.98 and recall ≥ 0.90 (seed %s)', (seed) => {
    const f = measureMatching(generateMatchProblem({ seed }), createMatcher);
    console.log(line(`seed ${seed}`, f));
    expect(f.precision).toBeGreaterThanOrEqual(0.98);
    expect(f.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('a harder variant (names drawn from the common lists more often) still keeps precision', () => {
    const f = measureMatching(generateMatchProblem({ seed: 3, commonFirst: 0.75, commonLast: 0.4 }), createMatcher);
    console.log(line('harder variant', f));
    expect(f.precision).toBeGreaterThanOrEqual(0.96);
  });
});
