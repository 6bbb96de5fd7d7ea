// Bot risk: a small logistic regression over profile numbers that mean the same on Instagram and on X/Twitter,
// fitted by scripts/fit-bot-model.mjs on three labelled collections (../shared/datasets) and measured
// leave-one-collection-out (coefficients and figures in bot-model.json).
//
// The model holds a log likelihood ratio, bot against genuine: each training collection entered the fit with
// its own share of bots as an offset, so no training file's prior is baked in. The estimate is that ratio
// moved to the owner's base rate (Settings.botBaseRate): risk = σ(LLR + logit(base rate)).
//
// Missing inputs are marginalised, not guessed: the unknown features are replaced by their expectation given
// the known ones (a linear-Gaussian regression on the training covariance), and the remaining uncertainty of
// the logit shrinks the ratio toward 1 (the probit approximation of the logistic-normal integral). With none
// of the inputs known (a handle alone) the ratio is exactly 1: the estimate is the base rate. A handle says
// nothing measurable (scripts/eval-bot-model.mjs measures it on Cresci 2017's real handles), so it is no input.
import bundledModel from './bot-model.json';
import { DEFAULT_SETTINGS } from './settings';
import type { BotAssessment, BotInput, Follower } from './types';

/** The raw quantities the model reads; undefined = unknown. */
export interface BotMeasures {
  hasPicture?: boolean;
  bioLength?: number;
  posts?: number;
  followers?: number;
  following?: number;
}

/** The committed model: what bot-model.json holds (figures are documentation only). */
export interface BotModel {
  features: string[];
  /** log likelihood ratio bot : genuine = intercept + coefficients · features */
  intercept: number;
  /** per feature, on the raw feature scale */
  coefficients: number[];
  /** training mean, covariance and range of each feature (ranges clip unseen extremes) */
  mean: number[];
  covariance: number[][];
  min: number[];
  max: number[];
  /** share of bots in the pooled (collection-weighted) training rows, whose covariance marginalises */
  trainingPrior: number;
}

/**
 * Feature names in featuresOf order; the fitting script writes them into the model and scoring checks them.
 * A link and post counts were tried and left out: a link marks genuine accounts on one collection and bots on
 * another, and a tweet count is not an Instagram post count (scripts/eval-bot-model.mjs prints both).
 */
export const FEATURE_NAMES = ['picture', 'bio', 'noPosts', 'followers', 'followRatio'] as const;

const bit = (b: boolean | undefined): number | undefined => (b === undefined ? undefined : b ? 1 : 0);
const logCount = (n: number | undefined): number | undefined =>
  n === undefined || !isFinite(n) ? undefined : Math.log1p(Math.max(0, n));

/** Features from measures; undefined = unknown. Counts are log-scaled so a celebrity does not dominate. */
export function featuresOf(m: BotMeasures): (number | undefined)[] {
  const followers = logCount(m.followers);
  const following = logCount(m.following);
  return [
    bit(m.hasPicture),
    m.bioLength === undefined ? undefined : m.bioLength > 0 ? 1 : 0,
    m.posts === undefined ? undefined : m.posts === 0 ? 1 : 0,
    followers,
    // log(following / followers), both +1: > 0 follows more accounts than follow it
    followers === undefined || following === undefined ? undefined : following - followers,
  ];
}

const chars = (s: string): number => Array.from(s).length;
const flag = (b: boolean | undefined): boolean | undefined => (typeof b === 'boolean' ? b : undefined);
const count = (n: number | undefined): number | undefined =>
  n === undefined || typeof n !== 'number' || !isFinite(n) || n < 0 ? undefined : n;

/** Measures from raw fields. A bio that is undefined is unknown; an empty string is known to be empty. */
export function measuresOf(input: BotInput): BotMeasures {
  const m: BotMeasures = {
    hasPicture: flag(input.hasPicture),
    posts: count(input.posts),
    followers: count(input.followers),
    following: count(input.following),
  };
  if (input.bio !== undefined && input.bio !== null) m.bioLength = chars(String(input.bio).trim());
  return m;
}

/** The model's input for a follower row: only the fields it reads. */
export function botInputOf(f: Follower): BotInput {
  const input: BotInput = { handle: f.handle };
  if (f.bio !== undefined) input.bio = f.bio;
  if (f.followers !== undefined) input.followers = f.followers;
  if (f.following !== undefined) input.following = f.following;
  if (f.posts !== undefined) input.posts = f.posts;
  if (f.hasPicture !== undefined) input.hasPicture = f.hasPicture;
  return input;
}

/** Share of the model's raw inputs that were known. */
function coverageOf(m: BotMeasures): number {
  const known = [m.hasPicture, m.bioLength, m.posts, m.followers, m.following].filter((v) => v !== undefined).length;
  return known / 5;
}

/** A linear model on the known features that integrates the unknown ones out; one per pattern of missing features. */
interface Reduced {
  known: number[];
  weights: number[];
  /** pooled-training logit of the row's known features at zero, before shrinking */
  constant: number;
  /** 1 / √(1 + π·s²/8): how far the unknown features pull the estimate toward the training prior */
  shrink: number;
}

const reducedCache = new WeakMap<BotModel, Map<number, Reduced>>();

/** Solves A·x = b for symmetric positive definite A (Cholesky). */
function solveSpd(a: number[][], b: number[]): number[] {
  const n = a.length;
  const l: number[][] = a.map(() => new Array(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      // a tiny ridge keeps near-constant features (a column that never varies in a fold) solvable
      l[i][j] = i === j ? Math.sqrt(Math.max(s, 1e-9)) : s / l[j][j];
    }
  }
  const y = new Array(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * y[k];
    y[i] = s / l[i][i];
  }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k][i] * x[k];
    x[i] = s / l[i][i];
  }
  return x;
}

const logit = (p: number): number => Math.log(p / (1 - p));

function reduce(model: BotModel, mask: number): Reduced {
  let byMask = reducedCache.get(model);
  if (!byMask) {
    // a model fitted on other features would silently score nonsense
    if (model.features.join() !== FEATURE_NAMES.join()) throw new Error('bot model: features differ from featuresOf(); run npm run fit-model');
    reducedCache.set(model, (byMask = new Map()));
  }
  const cached = byMask.get(mask);
  if (cached) return cached;
  const b = model.coefficients;
  const mu = model.mean;
  const cov = model.covariance;
  const known: number[] = [];
  const missing: number[] = [];
  for (let j = 0; j < b.length; j++) (mask & (1 << j) ? known : missing).push(j);
  // E[x_M | x_K] = μ_M + Σ_MK Σ_KK⁻¹ (x_K − μ_K); Var = Σ_MM − Σ_MK Σ_KK⁻¹ Σ_KM.
  // Only b_Mᵀ Σ_MK Σ_KK⁻¹ is needed: solve Σ_KK v = Σ_KM b_M once.
  const sKMb = known.map((i) => missing.reduce((s, j) => s + cov[i][j] * b[j], 0));
  const v = known.length && missing.length ? solveSpd(known.map((i) => known.map((j) => cov[i][j])), sKMb) : known.map(() => 0);
  let constant = model.intercept + logit(model.trainingPrior);
  for (const j of missing) constant += b[j] * mu[j];
  known.forEach((j, k) => (constant -= v[k] * mu[j]));
  let variance = 0;
  for (const i of missing) for (const j of missing) variance += b[i] * b[j] * cov[i][j];
  known.forEach((_, k) => (variance -= v[k] * sKMb[k]));
  const reduced = {
    known,
    weights: known.map((j, k) => b[j] + v[k]),
    constant,
    shrink: 1 / Math.sqrt(1 + (Math.PI * Math.max(variance, 0)) / 8),
  };
  byMask.set(mask, reduced);
  return reduced;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

// Digit grouping by hand: toLocaleString goes through Intl, slow when called for every follower.
const grouped = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (n: number, one: string, many: string): string => `${grouped(n)} ${n === 1 ? one : many}`;

/** A plain-language label for one feature's contribution (towards bot when weight > 0). */
function factorLabel(name: string, m: BotMeasures, weight: number): string {
  const towardsBot = weight > 0;
  switch (name) {
    case 'picture':
      return m.hasPicture ? 'has a profile picture' : 'no profile picture';
    case 'bio':
      return m.bioLength ? 'has a bio' : 'empty bio';
    case 'noPosts':
      return m.posts === 0 ? 'no posts' : plural(m.posts || 0, 'post', 'posts');
    case 'followers':
      return towardsBot ? `only ${plural(m.followers || 0, 'follower', 'followers')}` : plural(m.followers || 0, 'follower', 'followers');
    case 'followRatio': {
      const ratio = ((m.following || 0) + 1) / ((m.followers || 0) + 1);
      if (ratio >= 2) return `follows ${Math.round(ratio)}× more accounts than follow it`;
      if (ratio <= 0.5) return `followed by ${Math.round(1 / ratio)}× more accounts than it follows`;
      return towardsBot ? 'follows about as many accounts as follow it' : 'about as many followers as accounts it follows';
    }
    default:
      return name;
  }
}

/** Factors whose pull on the logit is smaller than this are not worth a reason. */
const FACTOR_MIN = 0.25;
const FACTOR_MAX = 4;

/** The base rate as a probability strictly inside (0, 1). */
const clampRate = (p: number): number => Math.min(0.99, Math.max(0.001, isFinite(p) ? p : DEFAULT_SETTINGS.botBaseRate / 100));

/**
 * Bot risk from measures with a given model, for a list whose share of bots is `baseRate` (0..1).
 * Leave-one-collection-out evaluation scores held-out rows through this same function.
 */
export function assessMeasures(model: BotModel, m: BotMeasures, baseRate: number): BotAssessment {
  const prior = logit(clampRate(baseRate));
  const x = featuresOf(m);
  let mask = 0;
  x.forEach((v, j) => {
    if (v !== undefined && isFinite(v)) mask |= 1 << j;
  });
  // nothing the model reads is known: the base rate itself, exactly
  if (mask === 0) return { risk: sigmoid(prior), factors: [], coverage: 0 };
  const r = reduce(model, mask);
  let z = r.constant;
  const contributions: { name: string; weight: number }[] = [];
  r.known.forEach((j, k) => {
    const v = Math.min(model.max[j], Math.max(model.min[j], x[j] as number));
    z += r.weights[k] * v;
    // relative to an average training account, in the same (shrunk) logit units as the estimate
    contributions.push({ name: model.features[j], weight: r.weights[k] * (v - model.mean[j]) * r.shrink });
  });
  const llr = z * r.shrink - logit(model.trainingPrior);
  const factors = contributions
    .filter((c) => Math.abs(c.weight) >= FACTOR_MIN)
    .map((c) => ({ label: factorLabel(c.name, m, c.weight), weight: c.weight }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return {
    risk: sigmoid(llr + prior),
    factors: factors.slice(0, FACTOR_MAX).map((f) => ({ label: f.label, weight: Math.round(f.weight * 100) / 100 })),
    coverage: coverageOf(m),
  };
}

/** Bot risk of one account with a given model; `baseRate` is the share of bots expected (0..1). */
export function assessWith(model: BotModel, input: BotInput, baseRate = DEFAULT_SETTINGS.botBaseRate / 100): BotAssessment {
  return assessMeasures(model, measuresOf(input), baseRate);
}

/** Bot risk of one account from whatever is known about it; a handle alone gives the base rate. */
export function assessBot(input: BotInput, baseRate = DEFAULT_SETTINGS.botBaseRate / 100): BotAssessment {
  return assessWith(bundledModel as BotModel, input, baseRate);
}
