import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import committed from '../src/core/bot-model.json';
import { FEATURE_NAMES, assessBot, assessWith, botInputOf, featuresOf, measuresOf, type BotModel } from '../src/core/botrisk';
import type { BotInput } from '../src/core/types';
import {
  crossValidate,
  fitModel,
  modelScorer,
  pointsRuleFigures,
  readTrainingSet,
  reliability,
  VIEWS,
  type TrainingSet,
} from '../scripts/bot-fit';

// The shared labelled file, vendored in data/ (CC BY 3.0, see NOTICE.md); FOLLOWBACK_BOT_DATASET overrides it.
const DATASET = process.env.FOLLOWBACK_BOT_DATASET || resolve(__dirname, '../data/instagram-fake-genuine-train.csv');

const DAY = 86400000;
const genuine: BotInput = {
  handle: 'jane.doe',
  name: 'Jane Doe',
  bio: 'Potter in Leeds. Mugs and bowls, shop below',
  externalUrl: true,
  hasPicture: true,
  isPrivate: false,
  posts: 230,
  followers: 840,
  following: 610,
};
const botLike: BotInput = {
  handle: 'kzx83920183',
  name: '',
  bio: '',
  externalUrl: false,
  hasPicture: false,
  isPrivate: false,
  posts: 0,
  followers: 12,
  following: 480,
};

describe('measures from raw fields (the training file’s derived columns)', () => {
  test('digits / length of the handle, ignoring @ and case; a mastodon host is not part of the handle', () => {
    expect(measuresOf({ handle: 'john_doe123' }).handleDigitRatio).toBeCloseTo(3 / 11);
    expect(measuresOf({ handle: '@Anna' }).handleDigitRatio).toBe(0);
    expect(measuresOf({ handle: 'ab12@mastodon.social' }).handleDigitRatio).toBeCloseTo(0.5);
    expect(measuresOf({ handle: '' }).handleDigitRatio).toBeUndefined();
  });

  test('name: words, digits / length, equal to the handle; empty name is known, absent name is unknown', () => {
    const m = measuresOf({ handle: 'shop4u', name: '  Anna  Maria 2 ' }); // inner spaces collapse: 'Anna Maria 2'
    expect(m.nameWords).toBe(3);
    expect(m.nameDigitRatio).toBeCloseTo(1 / 12);
    expect(m.nameIsHandle).toBe(false);
    expect(measuresOf({ handle: 'shop4u', name: 'Shop4U' }).nameIsHandle).toBe(true);
    expect(measuresOf({ handle: 'shop4u', name: '' })).toMatchObject({ nameWords: 0, nameDigitRatio: 0, nameIsHandle: false });
    const unknown = measuresOf({ handle: 'shop4u' });
    expect(unknown.nameWords).toBeUndefined();
    expect(unknown.nameIsHandle).toBeUndefined();
    // without a handle, "name equals handle" cannot be known
    expect(measuresOf({ handle: '', name: 'x' }).nameIsHandle).toBeUndefined();
  });

  test('bio length counts characters (an emoji is one), trimmed; flags pass through; bad counts are unknown', () => {
    expect(measuresOf({ handle: 'a', bio: ' hi 👋 ' }).bioLength).toBe(4);
    expect(measuresOf({ handle: 'a', bio: '' }).bioLength).toBe(0);
    expect(measuresOf({ handle: 'a' }).bioLength).toBeUndefined();
    expect(measuresOf({ handle: 'a', externalUrl: true, isPrivate: false, hasPicture: true })).toMatchObject({
      hasLink: true,
      isPrivate: false,
      hasPicture: true,
    });
    const m = measuresOf({ handle: 'a', posts: -1, followers: NaN, following: 3 });
    expect(m.posts).toBeUndefined();
    expect(m.followers).toBeUndefined();
    expect(m.following).toBe(3);
  });
});

describe('features', () => {
  test('counts are log-scaled, the follow ratio is log(following+1) − log(followers+1), name words stop at 3', () => {
    const x = featuresOf({ posts: 0, followers: 99, following: 999, nameWords: 7, hasPicture: true, hasLink: false });
    const at = (name: string) => x[FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number])];
    expect(at('posts')).toBe(0);
    expect(at('followers')).toBeCloseTo(Math.log(100));
    expect(at('followRatio')).toBeCloseTo(Math.log(10));
    expect(at('nameWords')).toBe(3);
    expect(at('picture')).toBe(1);
    expect(at('link')).toBe(0);
    expect(at('bio')).toBeUndefined();
  });

  test('the ratio is unknown unless both counts are known', () => {
    const ratio = FEATURE_NAMES.indexOf('followRatio');
    expect(featuresOf({ followers: 10 })[ratio]).toBeUndefined();
    expect(featuresOf({ following: 10 })[ratio]).toBeUndefined();
  });

  test('one value per feature name, in the committed model’s order; a model of other features is refused', () => {
    expect(featuresOf({})).toHaveLength(FEATURE_NAMES.length);
    expect((committed as BotModel).features).toEqual([...FEATURE_NAMES]);
    const stale = { ...(committed as BotModel), features: ['picture', 'handleDigits'] };
    expect(() => assessWith(stale, { handle: 'a' })).toThrow(/fit-model/);
  });
});

describe('botInputOf', () => {
  test('account age in days from the joined date; a link is a non-empty URL; unknown fields stay unknown', () => {
    const now = Date.UTC(2026, 10, 25);
    const input = botInputOf({ index: 0, handle: 'jane', joined: now - 40 * DAY - 5000, externalUrl: ' https://x.y ', posts: 3 }, now);
    expect(input).toEqual({ handle: 'jane', ageDays: 40, externalUrl: true, posts: 3 });
    expect(botInputOf({ index: 1, handle: 'bob', externalUrl: '' }, now).externalUrl).toBe(false);
    expect(botInputOf({ index: 2, handle: 'bob' }, now)).toEqual({ handle: 'bob' });
  });
});

describe('assessBot', () => {
  test('a complete genuine-looking profile is low risk, with "has a bio and a link" among its reasons', () => {
    const a = assessBot(genuine);
    expect(a.risk).toBeLessThan(0.1);
    expect(a.coverage).toBe(1);
    const bioLink = a.factors.find((f) => f.label === 'has a bio and a link');
    expect(bioLink?.weight).toBeLessThan(0);
  });

  test('a complete bot-like profile is high risk and says why, strongest reason first', () => {
    const a = assessBot(botLike);
    expect(a.risk).toBeGreaterThan(0.9);
    const labels = a.factors.map((f) => f.label);
    expect(labels).toContain('no profile picture');
    expect(labels).toContain('many digits in the handle');
    expect(labels.some((l) => /^follows \d+× more accounts than follow it$/.test(l))).toBe(true);
    expect(a.factors.every((f) => f.weight > 0)).toBe(true);
    const weights = a.factors.map((f) => Math.abs(f.weight));
    expect([...weights].sort((x, y) => y - x)).toEqual(weights);
  });

  test('a handle alone gives a less certain estimate than the full profile, in the same direction', () => {
    const handleOnly = assessBot({ handle: botLike.handle });
    expect(handleOnly.coverage).toBeLessThan(0.2);
    expect(handleOnly.risk).toBeGreaterThan(0.5);
    expect(handleOnly.risk).toBeLessThan(assessBot(botLike).risk);
    expect(handleOnly.factors.map((f) => f.label)).toEqual(['many digits in the handle']);
    const plain = assessBot({ handle: genuine.handle });
    expect(plain.risk).toBeLessThan(0.5);
    expect(plain.risk).toBeGreaterThan(assessBot(genuine).risk);
  });

  test('nothing known: the base rate, no reasons, coverage 0', () => {
    const a = assessBot({ handle: '' });
    expect(Math.abs(a.risk - 0.5)).toBeLessThan(0.1);
    expect(a.factors).toEqual([]);
    expect(a.coverage).toBe(0);
  });

  test('a very new account is riskier than the same account of unknown age', () => {
    const partial: BotInput = { handle: 'maria_k', name: 'Maria K', hasPicture: true, posts: 4 };
    const young = assessBot({ ...partial, ageDays: 5 });
    expect(young.risk).toBeGreaterThan(assessBot(partial).risk);
    expect(young.factors.map((f) => f.label)).toContain('new account (5 days old)');
  });

  // Arbitrary inputs: any field known or not, extreme or broken counts.
  const count = fc.oneof(fc.constant(undefined), fc.nat({ max: 50_000_000 }), fc.constant(-3), fc.constant(NaN));
  const flag = fc.option(fc.boolean(), { nil: undefined });
  const text = fc.option(fc.string({ maxLength: 40 }), { nil: undefined });
  const inputs = fc.record({
    handle: fc.stringMatching(/^[a-z._]{0,12}[0-9]{0,4}$/),
    name: text,
    bio: text,
    followers: count,
    following: count,
    posts: count,
    hasPicture: flag,
    isPrivate: flag,
    externalUrl: flag,
    ageDays: fc.option(fc.nat({ max: 5000 }), { nil: undefined }),
  }) as fc.Arbitrary<BotInput>;

  test('risk is in 0..1, coverage in 0..1, at most four finite factors', () => {
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

  test('more digits in the handle never lowers the risk; a profile picture always lowers it', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const handle = input.handle.replace(/[0-9]/g, '') || 'x';
        // a name equal to the handle is its own signal; keep it out of this comparison
        const base = { ...input, handle, name: input.name === undefined ? undefined : `${input.name} ` + 'Q' };
        expect(assessBot({ ...base, handle: `${handle}42` }).risk).toBeGreaterThanOrEqual(assessBot(base).risk - 1e-12);
        expect(assessBot({ ...base, handle: `${handle}4242` }).risk).toBeGreaterThanOrEqual(assessBot({ ...base, handle: `${handle}42` }).risk - 1e-12);
        expect(assessBot({ ...input, hasPicture: true }).risk).toBeLessThan(assessBot({ ...input, hasPicture: false }).risk);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fitted on the shared labelled file, cross-validated', () => {
  let set: TrainingSet;
  beforeAll(() => {
    if (!existsSync(DATASET)) throw new Error(`training file not found: ${DATASET} (set FOLLOWBACK_BOT_DATASET)`);
    set = readTrainingSet(readFileSync(DATASET, 'utf8'));
  });

  test('the two exact duplicate rows are dropped before anything is fitted', () => {
    expect(set.duplicates).toBe(2);
    expect(set.labels).toHaveLength(574);
  });

  test('the committed coefficients are what fitting the file with today’s features gives (no drift)', () => {
    const model = fitModel(set.measures, set.labels);
    const saved = committed as BotModel;
    model.coefficients.forEach((c, j) => expect(saved.coefficients[j]).toBeCloseTo(c, 3));
    expect(saved.intercept).toBeCloseTo(model.intercept, 3);
    model.mean.forEach((m, j) => expect(saved.mean[j]).toBeCloseTo(m, 3));
  });

  test('full profile: balanced accuracy ≥ 0.92 and ROC AUC ≥ 0.97 (Bot risk ≥ 50 read as bot), well calibrated', () => {
    const cv = crossValidate(set, modelScorer(), { folds: 5, repeats: 3, seed: 7 });
    expect(cv.figures.balancedAccuracy).toBeGreaterThanOrEqual(0.92);
    expect(cv.figures.auc).toBeGreaterThanOrEqual(0.97);
    expect(cv.figures.calibrationError).toBeLessThan(0.05);
    // every held-out row was scored
    for (const risks of cv.risks) expect(risks.every((r) => r >= 0 && r <= 1)).toBe(true);
    // beats the points rule marketing blogs publish
    expect(cv.figures.auc).toBeGreaterThan(pointsRuleFigures(set).auc);
    // reliability: in each well-populated bin the observed share of fakes is near the predicted risk
    for (const bin of reliability(cv.risks.flat(), cv.risks.flatMap(() => set.labels), 5)) {
      if (bin.n >= 100) expect(Math.abs(bin.observed - bin.predicted)).toBeLessThan(0.1);
    }
  });

  test('handle only: still better than chance, and never as sure as the full profile', () => {
    const handleOnly = crossValidate(set, modelScorer(VIEWS.handleOnly), { folds: 5, repeats: 2, seed: 7 });
    expect(handleOnly.figures.auc).toBeGreaterThan(0.75);
    expect(handleOnly.figures.balancedAccuracy).toBeGreaterThan(0.7);
    const full = crossValidate(set, modelScorer(), { folds: 5, repeats: 2, seed: 7 });
    const certainty = (risks: number[][]) => risks.flat().reduce((s, r) => s + Math.abs(r - 0.5), 0) / risks.flat().length;
    expect(certainty(handleOnly.risks)).toBeLessThan(certainty(full.risks) - 0.1);
    // no handle on its own makes an account look certainly genuine
    expect(Math.min(...handleOnly.risks.flat())).toBeGreaterThan(0.1);
  });
});
