// Fitting and cross-validation of the bot-risk model (Node side only: scripts and tests, never the bundle).
// Features come from src/core/botrisk.ts (featuresOf), and held-out rows are scored through its
// assessMeasures, so what is measured here is exactly what the add-on computes.
import Papa from 'papaparse';
import { FEATURE_NAMES, assessMeasures, featuresOf, type BotMeasures, type BotModel } from '../src/core/botrisk';

export interface TrainingSet {
  measures: BotMeasures[];
  /** 1 = fake or spam, 0 = genuine */
  labels: number[];
  /** exact duplicate rows dropped (the shared file has two) */
  duplicates: number;
}

const COLUMNS = [
  'profile pic',
  'nums/length username',
  'fullname words',
  'nums/length fullname',
  'name==username',
  'description length',
  'external URL',
  'private',
  '#posts',
  '#followers',
  '#follows',
  'fake',
];

/** The Kaggle "Instagram fake spammer genuine accounts" train.csv → measures, its derived columns mapped one-to-one. */
export function readTrainingSet(csvText: string): TrainingSet {
  const parsed = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const col = COLUMNS.map((name) => {
    const i = header.findIndex((h) => h.trim() === name);
    if (i < 0) throw new Error(`training file: no column "${name}" (found: ${header.join(', ')})`);
    return i;
  });
  const seen = new Set<string>();
  const out: TrainingSet = { measures: [], labels: [], duplicates: 0 };
  rows.forEach((row, r) => {
    const v = col.map((i) => Number(row[i]));
    const bad = v.findIndex((x) => !isFinite(x));
    if (bad >= 0) throw new Error(`training file (row ${r + 2}, column "${COLUMNS[bad]}"): not a number: ${row[col[bad]]}`);
    const key = v.join(',');
    if (seen.has(key)) {
      out.duplicates++;
      return;
    }
    seen.add(key);
    out.measures.push({
      hasPicture: v[0] === 1,
      handleDigitRatio: v[1],
      nameWords: v[2],
      nameDigitRatio: v[3],
      nameIsHandle: v[4] === 1,
      bioLength: v[5],
      hasLink: v[6] === 1,
      isPrivate: v[7] === 1,
      posts: v[8],
      followers: v[9],
      following: v[10],
    });
    out.labels.push(v[11] === 1 ? 1 : 0);
  });
  return out;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

/**
 * L2-regularised logistic regression by Newton's method (IRLS) on standardised columns;
 * returns the intercept and coefficients on the raw scale. `lambda` penalises standardised coefficients,
 * which also keeps a perfectly separating column (no fake in the file has a link) finite.
 */
export function fitLogistic(x: number[][], y: number[], lambda: number): { intercept: number; coefficients: number[] } {
  const n = x.length;
  const d = x[0].length;
  const mean = new Array(d).fill(0);
  const sd = new Array(d).fill(0);
  for (const row of x) row.forEach((v, j) => (mean[j] += v / n));
  for (const row of x) row.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / n));
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  const z = x.map((row) => [1, ...row.map((v, j) => (v - mean[j]) / sd[j])]);
  const beta = new Array(d + 1).fill(0);
  for (let iter = 0; iter < 100; iter++) {
    const h = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0));
    const g = new Array(d + 1).fill(0);
    for (let i = 0; i < n; i++) {
      const zi = z[i];
      let eta = 0;
      for (let j = 0; j <= d; j++) eta += beta[j] * zi[j];
      const p = 1 / (1 + Math.exp(-eta));
      const w = Math.max(p * (1 - p), 1e-10);
      for (let j = 0; j <= d; j++) {
        g[j] += (y[i] - p) * zi[j];
        for (let k = 0; k <= j; k++) h[j][k] += w * zi[j] * zi[k];
      }
    }
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) h[k][j] = h[j][k];
    for (let j = 1; j <= d; j++) {
      h[j][j] += lambda;
      g[j] -= lambda * beta[j];
    }
    const step = solve(h, g);
    let change = 0;
    for (let j = 0; j <= d; j++) {
      beta[j] += step[j];
      change = Math.max(change, Math.abs(step[j]));
    }
    if (change < 1e-9) break;
  }
  const coefficients = beta.slice(1).map((b, j) => b / sd[j]);
  const intercept = beta[0] - coefficients.reduce((s, c, j) => s + c * mean[j], 0);
  return { intercept, coefficients };
}

/** The penalty used for the committed model: fixed, not tuned on this file (see eval-bot-model.mjs for its sensitivity). */
export const LAMBDA = 1;

/** Fits the full model on fully known training rows, with the statistics that marginalise missing features. */
export function fitModel(measures: BotMeasures[], labels: number[], lambda = LAMBDA): BotModel {
  const x = measures.map((m, i) => {
    const f = featuresOf(m);
    if (f.some((v) => v === undefined || !isFinite(v))) throw new Error(`training row ${i}: a feature is missing`);
    return f as number[];
  });
  const n = x.length;
  const d = FEATURE_NAMES.length;
  const mean = new Array(d).fill(0);
  for (const row of x) row.forEach((v, j) => (mean[j] += v / n));
  const covariance = Array.from({ length: d }, () => new Array(d).fill(0));
  for (const row of x) {
    for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) covariance[j][k] += ((row[j] - mean[j]) * (row[k] - mean[k])) / (n - 1);
  }
  const { intercept, coefficients } = fitLogistic(x, labels, lambda);
  return {
    features: [...FEATURE_NAMES],
    intercept,
    coefficients,
    mean,
    covariance,
    min: mean.map((_, j) => Math.min(...x.map((r) => r[j]))),
    max: mean.map((_, j) => Math.max(...x.map((r) => r[j]))),
  };
}

/** Small seeded generator (mulberry32) so folds are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stratified fold of each row: each class shuffled, then dealt round-robin into k folds. */
export function stratifiedFolds(labels: number[], k: number, random: () => number): number[] {
  const fold = new Array(labels.length).fill(0);
  for (const cls of [0, 1]) {
    const idx = labels.map((y, i) => (y === cls ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((row, n) => (fold[row] = n % k));
  }
  return fold;
}

/** `Bot risk` as the sheet shows it, ≥ 50 read as "bot". */
export const readAsBot = (risk: number): boolean => Math.round(risk * 100) >= 50;

export function balancedAccuracy(risks: number[], labels: number[]): number {
  let tp = 0, fn = 0, tn = 0, fp = 0;
  risks.forEach((r, i) => {
    const bot = readAsBot(r);
    if (labels[i] === 1) bot ? tp++ : fn++;
    else bot ? fp++ : tn++;
  });
  return (tp / (tp + fn) + tn / (tn + fp)) / 2;
}

/** ROC AUC as the Mann–Whitney statistic (ties count half). */
export function rocAuc(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => [s, labels[i]]).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k][1] === 1) (rankSum += rank), positives++;
    i = j;
  }
  const negatives = order.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function brier(risks: number[], labels: number[]): number {
  return risks.reduce((s, r, i) => s + (r - labels[i]) ** 2, 0) / risks.length;
}

export function logLoss(risks: number[], labels: number[]): number {
  const eps = 1e-12;
  return -risks.reduce((s, r, i) => s + (labels[i] ? Math.log(Math.max(r, eps)) : Math.log(Math.max(1 - r, eps))), 0) / risks.length;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  /** mean predicted risk in the bin */
  predicted: number;
  /** share of bots in the bin */
  observed: number;
}

/** Reliability table: predictions in equal-width bins against the observed rate. */
export function reliability(risks: number[], labels: number[], bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, n: 0, predicted: 0, observed: 0 }));
  risks.forEach((r, i) => {
    const b = out[Math.min(bins - 1, Math.floor(r * bins))];
    b.n++;
    b.predicted += r;
    b.observed += labels[i];
  });
  return out
    .filter((b) => b.n > 0)
    .map((b) => ({ ...b, predicted: b.predicted / b.n, observed: b.observed / b.n }));
}

/** Expected calibration error: the n-weighted gap between predicted and observed over the reliability bins. */
export function calibrationError(risks: number[], labels: number[]): number {
  return reliability(risks, labels).reduce((s, b) => s + (b.n / risks.length) * Math.abs(b.predicted - b.observed), 0);
}

export interface Figures {
  balancedAccuracy: number;
  auc: number;
  brier: number;
  logLoss: number;
  calibrationError: number;
  /** worst repeat, so one lucky shuffle cannot carry the figure */
  minBalancedAccuracy: number;
  minAuc: number;
}

export interface CvResult {
  figures: Figures;
  /** out-of-fold risk of every row, one array per repeat */
  risks: number[][];
}

/** Anything that scores held-out rows after fitting on the others. */
export type Scorer = (train: { measures: BotMeasures[]; labels: number[] }) => (m: BotMeasures) => number;

/** The shipped model: fitModel + assessMeasures; `view` hides fields to measure partial rows (e.g. handle only). */
export const modelScorer =
  (view: (m: BotMeasures) => BotMeasures = (m) => m, lambda = LAMBDA): Scorer =>
  (train) => {
    const model = fitModel(train.measures, train.labels, lambda);
    return (m) => assessMeasures(model, view(m)).risk;
  };

/** Repeated stratified k-fold cross-validation: no row is ever scored by a model fitted on it. */
export function crossValidate(set: { measures: BotMeasures[]; labels: number[] }, scorer: Scorer, opts: { folds?: number; repeats?: number; seed?: number } = {}): CvResult {
  const folds = opts.folds ?? 5;
  const repeats = opts.repeats ?? 10;
  const random = seededRandom(opts.seed ?? 20261125);
  const risks: number[][] = [];
  const per: { ba: number; auc: number; brier: number; logLoss: number; ece: number }[] = [];
  for (let r = 0; r < repeats; r++) {
    const fold = stratifiedFolds(set.labels, folds, random);
    const out = new Array(set.labels.length).fill(NaN);
    for (let f = 0; f < folds; f++) {
      const trainIdx = fold.map((g, i) => (g === f ? -1 : i)).filter((i) => i >= 0);
      const score = scorer({ measures: trainIdx.map((i) => set.measures[i]), labels: trainIdx.map((i) => set.labels[i]) });
      fold.forEach((g, i) => {
        if (g === f) out[i] = score(set.measures[i]);
      });
    }
    risks.push(out);
    per.push({
      ba: balancedAccuracy(out, set.labels),
      auc: rocAuc(out, set.labels),
      brier: brier(out, set.labels),
      logLoss: logLoss(out, set.labels),
      ece: calibrationError(out, set.labels),
    });
  }
  const avg = (k: keyof (typeof per)[0]) => per.reduce((s, p) => s + p[k], 0) / per.length;
  return {
    figures: {
      balancedAccuracy: avg('ba'),
      auc: avg('auc'),
      brier: avg('brier'),
      logLoss: avg('logLoss'),
      calibrationError: avg('ece'),
      minBalancedAccuracy: Math.min(...per.map((p) => p.ba)),
      minAuc: Math.min(...per.map((p) => p.auc)),
    },
    risks,
  };
}

/** Views of a row with fields hidden, as sheets often have them. */
export const VIEWS: Record<string, (m: BotMeasures) => BotMeasures> = {
  full: (m) => m,
  handleOnly: (m) => ({ handleDigitRatio: m.handleDigitRatio }),
  handleAndName: (m) => ({ handleDigitRatio: m.handleDigitRatio, nameWords: m.nameWords, nameDigitRatio: m.nameDigitRatio, nameIsHandle: m.nameIsHandle }),
  profileWithoutCounts: (m) => ({ ...m, posts: undefined, followers: undefined, following: undefined }),
  // BOT_RISK(followers, following, posts, has_profile_pic, bio, handle)
  countsPictureBioHandle: (m) => ({ followers: m.followers, following: m.following, posts: m.posts, hasPicture: m.hasPicture, bioLength: m.bioLength, handleDigitRatio: m.handleDigitRatio }),
  countsOnly: (m) => ({ followers: m.followers, following: m.following, posts: m.posts }),
};

/** Reference for a view: a logistic regression refitted on only the features that view keeps. */
export const refitScorer =
  (view: (m: BotMeasures) => BotMeasures, lambda = LAMBDA): Scorer =>
  (train) => {
    const keep = featuresOf(view(train.measures[0])).map((v, j) => (v === undefined ? -1 : j)).filter((j) => j >= 0);
    const rows = (m: BotMeasures) => keep.map((j) => featuresOf(m)[j] as number);
    const { intercept, coefficients } = fitLogistic(train.measures.map(rows), train.labels, lambda);
    return (m) => 1 / (1 + Math.exp(-(intercept + rows(m).reduce((s, v, j) => s + v * coefficients[j], 0))));
  };

/**
 * The points rule marketing blogs publish, as the baseline to beat: one point each for no picture, fewer than
 * 10 posts, fewer followers than half the accounts it follows, an empty bio, digits in the handle or name;
 * 3 points or more reads as a bot. Nothing is fitted, so its "cross-validated" figure is its plain figure.
 */
export function pointsRule(m: BotMeasures): number {
  const points =
    (m.hasPicture ? 0 : 1) +
    ((m.posts ?? 0) < 10 ? 1 : 0) +
    ((m.followers ?? 0) < (m.following ?? 0) / 2 ? 1 : 0) +
    ((m.bioLength ?? 0) === 0 ? 1 : 0) +
    ((m.handleDigitRatio ?? 0) > 0 || (m.nameDigitRatio ?? 0) > 0 ? 1 : 0);
  return points;
}

export function pointsRuleFigures(set: { measures: BotMeasures[]; labels: number[] }): { balancedAccuracy: number; auc: number } {
  const points = set.measures.map(pointsRule);
  // ≥ 3 of 5 points → risk 0.6 (read as bot), else 0.4
  return { balancedAccuracy: balancedAccuracy(points.map((p) => (p >= 3 ? 0.6 : 0.4)), set.labels), auc: rocAuc(points, set.labels) };
}
