import fc from 'fast-check';
import { resolve } from 'node:path';
import committed from '../src/core/bot-model.json';
import { FEATURE_NAMES, assessBot, assessMeasures, assessWith, botInputOf, featuresOf, measuresOf, type BotModel } from '../src/core/botrisk';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import type { BotInput } from '../src/core/types';
import { datasetsDir, fitModel, leaveOneCollectionOut, readCollections, rocAuc, type Collection, type HeldOut } from '../scripts/bot-fit';
import { measureHandleSignal } from '../scripts/bot-handle';

const BASE = DEFAULT_SETTINGS.botBaseRate / 100;
const genuine: BotInput = { handle: 'jane.doe', bio: 'Potter in Leeds. Mugs and bowls, shop below', hasPicture: true, posts: 230, followers: 840, following: 610 };
const botLike: BotInput = { handle: 'kzx83920183', bio: '', hasPicture: false, posts: 0, followers: 12, following: 480 };

describe('measures and features', () => {
  test('bio length counts characters (an emoji is one), trimmed; an absent bio is unknown; bad counts are unknown', () => {
    expect(measuresOf({ handle: 'a', bio: ' hi 👋 ' }).bioLength).toBe(4);
    expect(measuresOf({ handle: 'a', bio: '' }).bioLength).toBe(0);
    expect(measuresOf({ handle: 'a' }).bioLength).toBeUndefined();
    const m = measuresOf({ handle: 'a', posts: -1, followers: NaN, following: 3, hasPicture: true });
    expect(m).toEqual({ hasPicture: true, posts: undefined, followers: undefined, following: 3 });
  });

  test('a handle and a name are no inputs: digits in them change nothing', () => {
    expect(measuresOf(botInputOf({ index: 0, handle: 'jenny1987', name: 'Jenny 1987' }))).toEqual(measuresOf(botInputOf({ index: 0, handle: 'jenny', name: 'Jenny' })));
  });

  test('log followers, log(following+1) − log(followers+1), "no posts", "has a bio", picture', () => {
    const x = featuresOf({ posts: 0, followers: 99, following: 999, hasPicture: true, bioLength: 12 });
    const at = (name: (typeof FEATURE_NAMES)[number]) => x[FEATURE_NAMES.indexOf(name)];
    expect(at('followers')).toBeCloseTo(Math.log(100));
    expect(at('followRatio')).toBeCloseTo(Math.log(10));
    expect(at('noPosts')).toBe(1);
    expect(featuresOf({ posts: 3 })[FEATURE_NAMES.indexOf('noPosts')]).toBe(0);
    expect(at('bio')).toBe(1);
    expect(at('picture')).toBe(1);
    expect(featuresOf({ followers: 10 })[FEATURE_NAMES.indexOf('followRatio')]).toBeUndefined();
  });

  test('one value per feature name, in the committed model’s order; a model of other features is refused', () => {
    expect(featuresOf({})).toHaveLength(FEATURE_NAMES.length);
    expect((committed as BotModel).features).toEqual([...FEATURE_NAMES]);
    const stale = { ...(committed as BotModel), features: ['picture', 'handleDigits'] };
    expect(() => assessWith(stale, { handle: 'a', posts: 1 })).toThrow(/fit-model/);
  });

  test('botInputOf passes on only what the model reads; a blank bio is known to be empty', () => {
    const input = botInputOf({ index: 0, handle: 'jane', name: 'Jane', bio: '', posts: 3, joined: 0, externalUrl: 'https://x.y' });
    expect(input).toEqual({ handle: 'jane', bio: '', posts: 3 });
  });
});

describe('assessBot', () => {
  test('a complete genuine-looking profile is low risk and says why', () => {
    const a = assessBot(genuine);
    expect(a.risk).toBeLessThan(0.05);
    expect(a.coverage).toBe(1);
    expect(a.factors.map((f) => f.label)).toContain('has a profile picture');
    expect(a.factors.every((f) => f.weight < 0)).toBe(true);
  });

  test('a complete bot-like profile is high risk, strongest reason first, in words that hold on every platform', () => {
    const a = assessBot(botLike);
    expect(a.risk).toBeGreaterThan(0.9);
    const labels = a.factors.map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['no profile picture', 'no posts', 'follows 37× more accounts than follow it']));
    expect(labels.some((l) => /digit/.test(l))).toBe(false);
    const weights = a.factors.map((f) => Math.abs(f.weight));
    expect([...weights].sort((x, y) => y - x)).toEqual(weights);
  });

  test('a handle alone gets exactly the base rate, whatever the handle, no reasons, coverage 0', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), fc.integer({ min: 1, max: 50 }), (handle, name, pct) => {
        const a = assessBot(botInputOf({ index: 0, handle, name }), pct / 100);
        expect(a.risk).toBeCloseTo(pct / 100, 12);
        expect(a.factors).toEqual([]);
        expect(a.coverage).toBe(0);
      }),
      { numRuns: 200 },
    );
    expect(Math.round(assessBot({ handle: 'kzx83920183' }).risk * 100)).toBe(DEFAULT_SETTINGS.botBaseRate);
  });

  // Arbitrary inputs: any field known or not, extreme or broken counts.
  const count = fc.oneof(fc.constant(undefined), fc.nat({ max: 50_000_000 }), fc.constant(-3), fc.constant(NaN));
  const inputs = fc.record({
    handle: fc.stringMatching(/^[a-z._]{0,12}[0-9]{0,4}$/),
    bio: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    followers: count,
    following: count,
    posts: count,
    hasPicture: fc.option(fc.boolean(), { nil: undefined }),
  }) as fc.Arbitrary<BotInput>;

  test('risk in 0..1, coverage in 0..1, at most four finite factors', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const a = assessBot(input);
        expect(a.risk).toBeGreaterThanOrEqual(0);
        expect(a.risk).toBeLessThanOrEqual(1);
        expect(a.coverage).toBeGreaterThanOrEqual(0);
        expect(a.coverage).toBeLessThanOrEqual(1);
        expect(a.factors.length).toBeLessThanOrEqual(4);
        for (const f of a.factors) expect(Number.isFinite(f.weight)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('a higher base rate never lowers the risk; a profile picture always lowers it', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 49 }), (input, pct) => {
        expect(assessBot(input, (pct + 1) / 100).risk).toBeGreaterThan(assessBot(input, pct / 100).risk);
        expect(assessBot({ ...input, hasPicture: true }).risk).toBeLessThan(assessBot({ ...input, hasPicture: false }).risk);
      }),
      { numRuns: 300 },
    );
  });
});

// The labelled collections are read from ../shared/datasets (FOLLOWBACK_DATASETS overrides it); no row is committed.
describe('fitted on three collections, each left out in turn', () => {
  let collections: Collection[];
  let held: HeldOut[];
  beforeAll(() => {
    collections = readCollections(datasetsDir(resolve(__dirname, '..')));
    held = leaveOneCollectionOut(collections);
  });
  const figures = (name: string) => held.find((h) => h.name === name)!;

  test('rows read and exact duplicates dropped: Kaggle 574 (2), Cresci 2017 11,017, Purba 2020 42,225 (1,082)', () => {
    expect(collections.map((c) => [c.name, c.labels.length, c.duplicates])).toEqual([
      ['kaggle-instagram', 574, 2],
      ['cresci-2017', 11017, 0],
      ['purba-2020', 42225, 1082],
    ]);
  });

  test('the committed coefficients are what fitting all three with today’s features gives (no drift)', () => {
    const model = fitModel(collections);
    const saved = committed as BotModel;
    model.coefficients.forEach((c, j) => expect(saved.coefficients[j]).toBeCloseTo(c, 3));
    expect(saved.intercept).toBeCloseTo(model.intercept, 3);
    expect(saved.trainingPrior).toBeCloseTo(model.trainingPrior, 4);
  });

  // Issue 10's target, met on every collection left out.
  test('`Likely bot` precision ≥ 0.85 after the prior correction to each left-out collection’s own share of bots', () => {
    for (const h of held) expect(h.likelyBot.precision).toBeGreaterThanOrEqual(0.85);
  });

  test('`Likely bot` stays a high bar at the shipped base rate: at most 1% of genuine accounts on any collection left out', () => {
    for (const h of held) expect(h.atShipped.falsePositiveRate).toBeLessThanOrEqual(0.01);
  });

  // Issue 10 asks ROC AUC ≥ 0.95, balanced accuracy ≥ 0.90 and ECE ≤ 0.05 on each; these are the figures reached
  // (node scripts/eval-bot-model.mjs), held so a change cannot lose them unnoticed.
  test('ROC AUC, balanced accuracy at 50 (base rate 1/2) and calibration on each collection left out', () => {
    const floor = { 'kaggle-instagram': [0.92, 0.83, 0.11], 'cresci-2017': [0.78, 0.73, 0.13], 'purba-2020': [0.74, 0.67, 0.05] };
    for (const [name, [auc, ba, ece]] of Object.entries(floor)) {
      expect(figures(name).auc).toBeGreaterThanOrEqual(auc);
      expect(figures(name).atEven.balancedAccuracy).toBeGreaterThanOrEqual(ba);
      expect(figures(name).ece).toBeLessThanOrEqual(ece);
    }
  });

  test('a ten-bin reliability table that holds every row; rows given ≥ 0.9 are mostly bots', () => {
    for (const h of held) {
      expect(h.reliability).toHaveLength(10);
      expect(h.reliability.reduce((s, b) => s + b.n, 0)).toBe(h.rows);
      expect(h.reliability[9].observed).toBeGreaterThan(0.9);
    }
  });

  test('handle only: the handle signal does not hold on an unseen bot family, so real handles get the base rate, none ≥ 50', () => {
    const cresci = collections.find((c) => c.name === 'cresci-2017')!;
    const signal = measureHandleSignal(cresci);
    expect(Math.min(...signal.byFamily.map((f) => f.auc))).toBeLessThan(0.6);
    const model = fitModel(collections.filter((c) => c !== cresci));
    const risks = cresci.handles!.map((h) => assessMeasures(model, measuresOf({ handle: h }), BASE).risk);
    expect(risks.filter((r) => Math.round(r * 100) >= 50)).toHaveLength(0);
    expect(new Set(risks).size).toBe(1);
    expect(rocAuc(risks, cresci.labels)).toBe(0.5);
  });
});
