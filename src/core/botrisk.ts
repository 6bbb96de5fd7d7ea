// Bot risk: a regularised logistic regression over profile features, fitted by scripts/fit-bot-model.mjs
// on the shared Instagram fake/genuine file (coefficients and figures in bot-model.json).
//
// Raw follower fields → measures (the quantities the training file's derived columns hold) → features.
// The fitting script maps the file's columns onto BotMeasures and calls featuresOf, the same function
// scoring uses, so training and scoring cannot drift.
//
// Missing inputs are marginalised, not guessed: the features that are unknown are replaced by their
// expectation given the known ones (a linear-Gaussian regression on the training covariance), and the
// remaining uncertainty of the logit shrinks the probability toward the base rate
// (p = σ(μ / √(1 + π·s²/8)), the probit approximation of the logistic-normal integral).
// A handle-only row therefore gets a less certain estimate driven by the digits in its handle.
import bundledModel from './bot-model.json';
import type { BotAssessment, BotInput, Follower } from './types';

/** What the training file's derived columns describe, computed here from raw fields. undefined = unknown. */
export interface BotMeasures {
  hasPicture?: boolean;
  /** digits in the handle / its length */
  handleDigitRatio?: number;
  /** words in the display name (0 = known to be empty) */
  nameWords?: number;
  /** digits in the display name / its length (0 for an empty name) */
  nameDigitRatio?: number;
  /** display name equals the handle */
  nameIsHandle?: boolean;
  bioLength?: number;
  hasLink?: boolean;
  isPrivate?: boolean;
  posts?: number;
  followers?: number;
  following?: number;
}

/** The committed model: what bot-model.json holds (figures are documentation only). */
export interface BotModel {
  features: string[];
  intercept: number;
  /** per feature, on the raw feature scale */
  coefficients: number[];
  /** training mean, covariance and range of each feature (ranges clip unseen extremes) */
  mean: number[];
  covariance: number[][];
  min: number[];
  max: number[];
  /** Not fitted (the training file has no account age): a small expert prior on the logit. */
  agePrior?: { belowDays?: number; atLeastDays?: number; logit: number }[];
}

/** Feature names in featuresOf order; the fitting script writes them into the model and scoring checks them. */
export const FEATURE_NAMES = [
  'picture',
  'handleDigits',
  'nameDigits',
  'nameWords',
  'nameIsHandle',
  'bio',
  'link',
  'private',
  'posts',
  'followers',
  'followRatio',
] as const;

const bit = (b: boolean | undefined): number | undefined => (b === undefined ? undefined : b ? 1 : 0);
const logCount = (n: number | undefined): number | undefined =>
  n === undefined || !isFinite(n) ? undefined : Math.log1p(Math.max(0, n));

/** Features from measures; undefined = unknown. Counts are log-scaled so a celebrity does not dominate. */
export function featuresOf(m: BotMeasures): (number | undefined)[] {
  const followers = logCount(m.followers);
  const following = logCount(m.following);
  return [
    bit(m.hasPicture),
    m.handleDigitRatio,
    m.nameDigitRatio,
    // "no name", "one word", "a full name": more words than three say nothing more
    m.nameWords === undefined ? undefined : Math.min(m.nameWords, 3),
    bit(m.nameIsHandle),
    logCount(m.bioLength),
    bit(m.hasLink),
    bit(m.isPrivate),
    logCount(m.posts),
    followers,
    // log(following / followers), both +1: > 0 follows more accounts than follow it
    followers === undefined || following === undefined ? undefined : following - followers,
  ];
}

const digitCount = (s: string): number => (s.match(/[0-9]/g) || []).length;
const chars = (s: string): number => Array.from(s).length;
const flag = (b: boolean | undefined): boolean | undefined => (typeof b === 'boolean' ? b : undefined);
const count = (n: number | undefined): number | undefined =>
  n === undefined || typeof n !== 'number' || !isFinite(n) || n < 0 ? undefined : n;

/**
 * Measures from raw fields, as the training file defines them. A name or bio that is undefined is unknown;
 * an empty string is known to be empty (a blank cell in a column that exists).
 */
export function measuresOf(input: BotInput): BotMeasures {
  // mastodon-style "user@host": the local part is the handle
  const handle = (input.handle || '').trim().toLowerCase().replace(/^@/, '').split('@')[0];
  const m: BotMeasures = {
    hasPicture: flag(input.hasPicture),
    hasLink: flag(input.externalUrl),
    isPrivate: flag(input.isPrivate),
    posts: count(input.posts),
    followers: count(input.followers),
    following: count(input.following),
  };
  if (handle) m.handleDigitRatio = digitCount(handle) / chars(handle);
  if (input.name !== undefined && input.name !== null) {
    const name = String(input.name).trim().replace(/\s+/g, ' ');
    m.nameWords = name ? name.split(/\s+/).length : 0;
    m.nameDigitRatio = name ? digitCount(name) / chars(name) : 0;
    if (handle) m.nameIsHandle = name !== '' && name.toLowerCase() === handle;
  }
  if (input.bio !== undefined && input.bio !== null) m.bioLength = chars(String(input.bio).trim());
  return m;
}

/** The model's input for a follower row. `now` (epoch ms) dates the account's age. */
export function botInputOf(f: Follower, now: number): BotInput {
  const input: BotInput = { handle: f.handle };
  if (f.name !== undefined) input.name = f.name;
  if (f.bio !== undefined) input.bio = f.bio;
  if (f.followers !== undefined) input.followers = f.followers;
  if (f.following !== undefined) input.following = f.following;
  if (f.posts !== undefined) input.posts = f.posts;
  if (f.hasPicture !== undefined) input.hasPicture = f.hasPicture;
  if (f.isPrivate !== undefined) input.isPrivate = f.isPrivate;
  if (f.externalUrl !== undefined) input.externalUrl = f.externalUrl.trim() !== '';
  if (f.joined !== undefined && isFinite(f.joined) && isFinite(now)) {
    input.ageDays = Math.max(0, Math.floor((now - f.joined) / 86400000));
  }
  return input;
}

/** The raw inputs the fitted model reads; coverage is the share of them that were known. */
function coverageOf(m: BotMeasures): number {
  const known = [
    m.handleDigitRatio,
    m.nameWords,
    m.bioLength,
    m.hasLink,
    m.isPrivate,
    m.hasPicture,
    m.posts,
    m.followers,
    m.following,
  ].filter((v) => v !== undefined).length;
  return Math.round((known / 9) * 100) / 100;
}

/** A linear model on the known features that integrates the unknown ones out; one per pattern of missing features. */
interface Reduced {
  known: number[];
  weights: number[];
  constant: number;
  /** 1 / √(1 + π·s²/8): how far the unknown features pull the estimate toward the base rate */
  shrink: number;
}

const reducedCache = new WeakMap<BotModel, Map<number, Reduced>>();

/** Solves A·X = B for symmetric positive definite A (Cholesky); B is a list of right-hand sides. */
function solveSpd(a: number[][], rhs: number[][]): number[][] {
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
  return rhs.map((b) => {
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
  });
}

function reduce(model: BotModel, mask: number): Reduced {
  let byMask = reducedCache.get(model);
  if (!byMask) {
    // a model fitted on other features would silently score nonsense
    if (model.features.join() !== FEATURE_NAMES.join()) throw new Error('bot model: features differ from featuresOf(); run npm run fit-model');
    reducedCache.set(model, (byMask = new Map()));
  }
  const cached = byMask.get(mask);
  if (cached) return cached;
  const d = model.coefficients.length;
  const known: number[] = [];
  const missing: number[] = [];
  for (let j = 0; j < d; j++) (mask & (1 << j) ? known : missing).push(j);
  const b = model.coefficients;
  const mu = model.mean;
  const cov = model.covariance;
  let reduced: Reduced;
  if (missing.length === 0) {
    reduced = { known, weights: known.map((j) => b[j]), constant: model.intercept, shrink: 1 };
  } else if (known.length === 0) {
    let mean = model.intercept;
    let variance = 0;
    for (const i of missing) {
      mean += b[i] * mu[i];
      for (const j of missing) variance += b[i] * b[j] * cov[i][j];
    }
    reduced = { known, weights: [], constant: mean, shrink: 1 / Math.sqrt(1 + (Math.PI * variance) / 8) };
  } else {
    // E[x_M | x_K] = μ_M + Σ_MK Σ_KK⁻¹ (x_K − μ_K); Var = Σ_MM − Σ_MK Σ_KK⁻¹ Σ_KM.
    // Only b_Mᵀ Σ_MK Σ_KK⁻¹ is needed: solve Σ_KK v = Σ_KM b_M once.
    const sKK = known.map((i) => known.map((j) => cov[i][j]));
    const sKMb = known.map((i) => missing.reduce((s, j) => s + cov[i][j] * b[j], 0));
    const [v] = solveSpd(sKK, [sKMb]);
    const weights = known.map((j, k) => b[j] + v[k]);
    let constant = model.intercept;
    for (const j of missing) constant += b[j] * mu[j];
    known.forEach((j, k) => (constant -= v[k] * mu[j]));
    let variance = 0;
    for (const i of missing) for (const j of missing) variance += b[i] * b[j] * cov[i][j];
    known.forEach((_, k) => (variance -= v[k] * sKMb[k]));
    reduced = { known, weights, constant, shrink: 1 / Math.sqrt(1 + (Math.PI * Math.max(variance, 0)) / 8) };
  }
  byMask.set(mask, reduced);
  return reduced;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function ageLogit(model: BotModel, ageDays: number | undefined): number {
  if (ageDays === undefined || !isFinite(ageDays) || !model.agePrior) return 0;
  for (const step of model.agePrior) {
    if (step.belowDays !== undefined && ageDays < step.belowDays) return step.logit;
    if (step.atLeastDays !== undefined && ageDays >= step.atLeastDays) return step.logit;
  }
  return 0;
}

// Digit grouping by hand: toLocaleString goes through Intl, slow when called for every follower.
const grouped = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (n: number, one: string, many: string): string => `${grouped(n)} ${n === 1 ? one : many}`;

/** A plain-language label for one feature's contribution (towards bot when weight > 0). */
function factorLabel(name: string, m: BotMeasures, weight: number): string {
  const towardsBot = weight > 0;
  switch (name) {
    case 'picture':
      return m.hasPicture ? 'has a profile picture' : 'no profile picture';
    case 'handleDigits':
      return (m.handleDigitRatio || 0) === 0
        ? 'no digits in the handle'
        : (m.handleDigitRatio || 0) >= 0.25
          ? 'many digits in the handle'
          : 'digits in the handle';
    case 'nameDigits':
      return (m.nameDigitRatio || 0) > 0 ? 'digits in the name' : 'no digits in the name';
    case 'nameWords':
      return m.nameWords === 0 ? 'no name' : m.nameWords === 1 ? 'one-word name' : 'full name';
    case 'nameIsHandle':
      return m.nameIsHandle ? 'name is the handle' : 'name differs from the handle';
    case 'bio':
      return m.bioLength ? 'has a bio' : 'empty bio';
    case 'link':
      return m.hasLink ? 'has a link' : 'no link';
    case 'private':
      return m.isPrivate ? 'private account' : 'public account';
    case 'posts':
      return m.posts === 0 ? 'no posts' : towardsBot ? `only ${plural(m.posts || 0, 'post', 'posts')}` : plural(m.posts || 0, 'post', 'posts');
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

/** Bot risk from measures with a given model: cross-validation scores held-out rows through this same function. */
export function assessMeasures(model: BotModel, m: BotMeasures, ageDays?: number): BotAssessment {
  const x = featuresOf(m);
  let mask = 0;
  x.forEach((v, j) => {
    if (v !== undefined && isFinite(v)) mask |= 1 << j;
  });
  const r = reduce(model, mask);
  let z = r.constant;
  const contributions: { name: string; weight: number }[] = [];
  r.known.forEach((j, k) => {
    const v = Math.min(model.max[j], Math.max(model.min[j], x[j] as number));
    z += r.weights[k] * v;
    // relative to an average training account, in the same (shrunk) logit units as the estimate
    contributions.push({ name: model.features[j], weight: r.weights[k] * (v - model.mean[j]) * r.shrink });
  });
  const age = ageLogit(model, ageDays);
  const risk = sigmoid(z * r.shrink + age);

  const factors = contributions
    .filter((c) => Math.abs(c.weight) >= FACTOR_MIN)
    .map((c) => ({ label: factorLabel(c.name, m, c.weight), weight: c.weight }));
  if (age !== 0) {
    factors.push({
      label: age > 0 ? `new account (${plural(ageDays || 0, 'day', 'days')} old)` : `account over ${Math.floor((ageDays || 0) / 365)} years old`,
      weight: age,
    });
  }
  // "has a bio" and "has a link" read better as one reason
  const bio = factors.find((f) => f.label === 'has a bio' && f.weight < 0);
  const link = factors.find((f) => f.label === 'has a link' && f.weight < 0);
  const merged = bio && link ? [{ label: 'has a bio and a link', weight: bio.weight + link.weight }] : [];
  const all = merged.length ? factors.filter((f) => f !== bio && f !== link).concat(merged) : factors;
  all.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return {
    risk,
    factors: all.slice(0, FACTOR_MAX).map((f) => ({ label: f.label, weight: Math.round(f.weight * 100) / 100 })),
    coverage: coverageOf(m),
  };
}

/** Bot risk of one account with a given model. */
export function assessWith(model: BotModel, input: BotInput): BotAssessment {
  return assessMeasures(model, measuresOf(input), input.ageDays);
}

/** Bot risk of one account from whatever is known about it; a handle alone gives a less certain estimate. */
export function assessBot(input: BotInput): BotAssessment {
  return assessWith(bundledModel as BotModel, input);
}
