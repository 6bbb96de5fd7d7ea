// Precision and recall of confident matches (Customer ID) on the two generated problems: the project's
// (test/fixtures/match-problem.ts) and the independent one (test/fixtures/match-problem-world.ts). The ladder was
// fitted and its threshold chosen on seeds 101-106 of both (scripts/fit-match.mjs; errors studied on 101-112 with
// scripts/analyse-match.mjs); these are other seeds. The floors are the figures reached, rounded down: the issue's
// target of precision ≥ 0.99 on every seed is not met on project seed 1, see the README.
import { createMatcher } from '../src/core/match';
import { fullNameKey } from '../src/core/match/frequencies';
import { generateMatchProblem, measureMatching, type MatchFigures } from './fixtures/match-problem';
import { generateWorldProblem } from './fixtures/match-problem-world';

const line = (label: string, f: MatchFigures) =>
  `${label}: ${f.customers} customers, ${f.followers} followers (${f.buyers} are customers): ` +
  `confident ${f.confident} (wrong ${f.wrong}), possible ${f.possible}, precision ${f.precision.toFixed(3)}, recall ${f.recall.toFixed(3)}, ` +
  `Possible for ${f.missedPossible} of the ${f.missed} customers not linked (${f.possibleShare.toFixed(2)})`;

/** The three seeds' figures pooled: links and customers summed. */
function pooled(fs: MatchFigures[]) {
  const sum = (k: keyof MatchFigures) => fs.reduce((n, f) => n + (f[k] as number), 0);
  return { precision: sum('correct') / sum('confident'), recall: sum('correct') / sum('buyers'), possibleShare: sum('missedPossible') / sum('missed') };
}

describe('matching figures on the project generator', () => {
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

  const project = [20261125, 1, 2].map((seed) => ({ seed, f: measureMatching(generateMatchProblem({ seed }), createMatcher) }));
  it.each(project)('seed $seed: precision ≥ 0.99, recall ≥ 0.92, Possible for ≥ half the customers not linked (the issue\'s figures)', ({ seed, f }) => {
    console.log(line(`project generator, seed ${seed}`, f));
    expect(f.precision).toBeGreaterThanOrEqual(0.99);
    expect(f.recall).toBeGreaterThanOrEqual(0.92);
    expect(f.possibleShare).toBeGreaterThanOrEqual(0.5);
  });

  it('three seeds pooled: precision ≥ 0.99, recall ≥ 0.92', () => {
    const f = pooled(project.map((x) => x.f));
    console.log(`project generator, seeds pooled: precision ${f.precision.toFixed(4)}, recall ${f.recall.toFixed(4)}, Possible share ${f.possibleShare.toFixed(2)}`);
    expect(f.precision).toBeGreaterThanOrEqual(0.99);
    expect(f.recall).toBeGreaterThanOrEqual(0.92);
  });

  it('a harder variant (names drawn from the common lists more often) still keeps precision', () => {
    const f = measureMatching(generateMatchProblem({ seed: 3, commonFirst: 0.75, commonLast: 0.4 }), createMatcher);
    console.log(line('harder variant', f));
    expect(f.precision).toBeGreaterThanOrEqual(0.97);
  });
});

describe('matching figures on the independent world generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateWorldProblem({ seed: 5, customers: 300, followers: 600 });
    expect(generateWorldProblem({ seed: 5, customers: 300, followers: 600 })).toEqual(a);
    expect(generateWorldProblem({ seed: 6, customers: 300, followers: 600 })).not.toEqual(a);
  });

  it('has what the issue lists: near surnames, two surnames, other scripts, generic mailboxes, two exports, exact-name strangers', () => {
    const p = generateWorldProblem();
    expect(p.customers.length).toBeGreaterThanOrEqual(3000);
    const names = p.customers.flatMap((c) => c.names);
    const has = (re: RegExp) => names.some((n) => re.test(n));
    for (const re of [/meier|meyer|mayer|maier/i, /patel|patil/i, /bianchi|bianco/i, /müller|mueller|muller/i, /carroll|carol$/i]) expect(has(re)).toBe(true);
    expect(names.filter((n) => n.trim().split(/\s+/).length >= 3).length).toBeGreaterThan(100); // two surnames
    expect(p.followers.some((f) => /[\u0400-\u04ff]/.test(f.name || ''))).toBe(true); // Cyrillic
    expect(p.followers.some((f) => /[\u0370-\u03ff]/.test(f.name || ''))).toBe(true); // Greek
    expect(p.followers.some((f) => /[\u0600-\u06ff]/.test(f.name || ''))).toBe(true); // Arabic
    expect(p.followers.some((f) => /[\u4e00-\u9fff\uac00-\ud7af]/.test(f.name || ''))).toBe(true); // Chinese, Korean
    expect(p.customers.some((c) => /^(info|hello|shop)@/.test(c.emails[0] || ''))).toBe(true);
    const etsy = p.customers.filter((c) => !c.emails.length && c.handles.length).length;
    expect(etsy).toBeGreaterThan(500); // the Etsy-like export: buyer usernames, no email
    expect(p.followers.some((f) => f.email)).toBe(true);
    // strangers showing a customer's first name and surname (accents and case aside)
    const keys = new Set(names.map(fullNameKey));
    expect(p.followers.filter((f, i) => p.truth[i] === null && keys.has(fullNameKey(f.name)) && fullNameKey(f.name)).length).toBeGreaterThan(10);
  });

  const world = [77, 78, 79].map((seed) => ({ seed, f: measureMatching(generateWorldProblem({ seed }), createMatcher) }));
  it.each(world)('seed $seed: precision ≥ 0.993, recall ≥ 0.93, Possible for ≥ half the customers not linked', ({ seed, f }) => {
    console.log(line(`world generator, seed ${seed}`, f));
    expect(f.precision).toBeGreaterThanOrEqual(0.993);
    expect(f.recall).toBeGreaterThanOrEqual(0.93);
    expect(f.possibleShare).toBeGreaterThanOrEqual(0.5);
  });

  it('three seeds pooled: precision ≥ 0.995, recall ≥ 0.935, Possible for ≥ 0.5 of the customers not linked', () => {
    const f = pooled(world.map((x) => x.f));
    console.log(`world generator, seeds pooled: precision ${f.precision.toFixed(4)}, recall ${f.recall.toFixed(4)}, Possible share ${f.possibleShare.toFixed(2)}`);
    expect(f.precision).toBeGreaterThanOrEqual(0.995);
    expect(f.recall).toBeGreaterThanOrEqual(0.935);
    expect(f.possibleShare).toBeGreaterThanOrEqual(0.5);
  });
});
