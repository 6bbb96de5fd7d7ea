// Fitting and leave-one-collection-out evaluation of the bot-risk model (Node side only: scripts and tests,
// never the bundle). Features come from src/core/botrisk.ts (featuresOf), and held-out rows are scored through
// its assessMeasures, so what is measured here is exactly what the add-on computes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { FEATURE_NAMES, assessMeasures, featuresOf, type BotMeasures, type BotModel } from '../src/core/botrisk';
import { DEFAULT_SETTINGS } from '../src/core/settings';

/** One labelled collection, read into the model's measures. */
export interface Collection {
  name: string;
  platform: 'instagram' | 'twitter';
  measures: BotMeasures[];
  /** 1 = fake, spam or bot; 0 = genuine */
  labels: number[];
  /** exact duplicate rows dropped */
  duplicates: number;
  /** real handles, where the collection has them (Cresci 2017), in row order */
  handles?: string[];
  /** sub-collection of each row (Cresci's genuine users and seven bot families) */
  groups?: string[];
  /** whether each row's profile has a link: read to measure that it does not earn a place in the model */
  links: boolean[];
}

/**
 * ../shared/datasets beside the repository, or the workplace's /work/shared/datasets for a clone made elsewhere (a
 * CI check clones into a temporary folder); FOLLOWBACK_DATASETS overrides both.
 */
export function datasetsDir(root: string): string {
  if (process.env.FOLLOWBACK_DATASETS) return resolve(process.env.FOLLOWBACK_DATASETS);
  const beside = resolve(join(root, '..', 'shared', 'datasets'));
  const workplace = '/work/shared/datasets';
  return existsSync(beside) || !existsSync(workplace) ? beside : workplace;
}

type Row = Record<string, string>;

function csvRows(path: string): Row[] {
  if (!existsSync(path)) throw new Error(`labelled data not found: ${path} (set FOLLOWBACK_DATASETS to the datasets folder)`);
  const parsed = Papa.parse<Row>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return parsed.data;
}

function number(row: Row, column: string, file: string, line: number): number {
  const v = Number(row[column]);
  if (row[column] === undefined || row[column].trim() === '' || !isFinite(v)) throw new Error(`${file} (row ${line}, column "${column}"): not a number: ${row[column]}`);
  return v;
}

/** Rows in, exact duplicates out (the Kaggle file has two, Purba 1,082). */
function collect(name: string, platform: Collection['platform'], file: string, rows: Row[], read: (r: Row, line: number) => { m: BotMeasures; y: number; link: boolean }): Collection {
  const out: Collection = { name, platform, measures: [], labels: [], duplicates: 0, links: [] };
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const key = JSON.stringify(r);
    if (seen.has(key)) {
      out.duplicates++;
      return;
    }
    seen.add(key);
    const { m, y, link } = read(r, i + 2);
    out.measures.push(m);
    out.labels.push(y);
    out.links.push(link);
  });
  if (!out.labels.length) throw new Error(`${file}: no rows`);
  return out;
}

/** The columns of a file that holds the profile as numbers (0/1 flags, counts, bio length). */
interface NumericColumns {
  picture: string;
  bio: string;
  posts: string;
  followers: string;
  following: string;
  link: string;
}

function numericProfile(cols: NumericColumns, file: string, r: Row, line: number): { m: BotMeasures; link: boolean } {
  return {
    m: {
      hasPicture: number(r, cols.picture, file, line) === 1,
      bioLength: number(r, cols.bio, file, line),
      posts: number(r, cols.posts, file, line),
      followers: number(r, cols.followers, file, line),
      following: number(r, cols.following, file, line),
    },
    link: number(r, cols.link, file, line) === 1,
  };
}

/** Kaggle "Instagram fake spammer genuine accounts" train.csv: derived columns, no handles. */
export function readKaggle(dir: string): Collection {
  const file = join(dir, 'instagram-fake-genuine-train.csv');
  const cols = { picture: 'profile pic', bio: 'description length', posts: '#posts', followers: '#followers', following: '#follows', link: 'external URL' };
  return collect('kaggle-instagram', 'instagram', file, csvRows(file), (r, line) => ({
    ...numericProfile(cols, file, r, line),
    y: number(r, 'fake', file, line) === 1 ? 1 : 0,
  }));
}

/** Purba 2020: counts, bio length, picture; classes r (real) against a, i, s (fakes). */
export function readPurba(dir: string): Collection {
  const file = join(dir, 'purba-2020', 'user_fake_authentic_4class.csv');
  const cols = { picture: 'pic', bio: 'bl', posts: 'pos', followers: 'flw', following: 'flg', link: 'lin' };
  return collect('purba-2020', 'instagram', file, csvRows(file), (r, line) => ({ ...numericProfile(cols, file, r, line), y: r.class === 'r' ? 0 : 1 }));
}

/**
 * Cresci 2017: Twitter API v1.1 user fields. default_profile_image "1" = the default (no) picture; it is NULL
 * throughout spambots_1, where profile_image_url tells instead (a default picture's URL names
 * default_profile_images): read from the profile, not filled in.
 */
export function readCresci(dir: string): Collection {
  const folder = join(dir, 'cresci-2017');
  if (!existsSync(folder)) throw new Error(`labelled data not found: ${folder} (set FOLLOWBACK_DATASETS to the datasets folder)`);
  const all: Collection = { name: 'cresci-2017', platform: 'twitter', measures: [], labels: [], duplicates: 0, handles: [], groups: [], links: [] };
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.csv')).sort()) {
    const file = join(folder, name);
    const group = name.replace(/\.csv$/, '');
    const handles: string[] = [];
    const part = collect('cresci-2017', 'twitter', file, csvRows(file), (r, line) => {
      const dpi = r.default_profile_image;
      handles.push(String(r.screen_name || '').toLowerCase());
      return {
        m: {
          hasPicture: dpi === 'NULL' ? !/default_profile_images/.test(r.profile_image_url || '') : dpi !== '1',
          bioLength: Array.from(String(r.description || '').trim()).length,
          posts: number(r, 'statuses_count', file, line),
          followers: number(r, 'followers_count', file, line),
          following: number(r, 'friends_count', file, line),
        },
        y: group.startsWith('genuine') ? 0 : 1,
        link: !!r.url && r.url !== 'NULL',
      };
    });
    all.measures.push(...part.measures);
    all.labels.push(...part.labels);
    all.links.push(...part.links);
    all.handles!.push(...handles);
    all.groups!.push(...part.labels.map(() => group));
    all.duplicates += part.duplicates;
  }
  return all;
}

/** The three labelled collections the model is fitted on. */
export function readCollections(dir: string): Collection[] {
  return [readKaggle(dir), readCresci(dir), readPurba(dir)];
}

export const shareOfBots = (c: { labels: number[] }): number => c.labels.reduce((s, y) => s + y, 0) / c.labels.length;
const logit = (p: number): number => Math.log(p / (1 - p));

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

/** Weighted mean and standard deviation of each column. */
function columnStats(x: number[][], w: number[]): { mean: number[]; sd: number[] } {
  const d = x[0].length;
  const total = w.reduce((s, v) => s + v, 0);
  const mean = new Array(d).fill(0);
  const sd = new Array(d).fill(0);
  x.forEach((row, i) => row.forEach((v, j) => (mean[j] += (w[i] * v) / total)));
  x.forEach((row, i) => row.forEach((v, j) => (sd[j] += (w[i] * (v - mean[j]) ** 2) / total)));
  return { mean, sd: sd.map((v) => Math.sqrt(v) || 1) };
}

/**
 * Weighted L2-regularised logistic regression with a fixed offset per row, by Newton's method (IRLS) on
 * standardised columns; returns the intercept and coefficients on the raw scale. `lambda` penalises standardised
 * coefficients against the total weight of the rows.
 */
export function fitLogistic(x: number[][], y: number[], opts: { weights?: number[]; offsets?: number[]; lambda: number }): { intercept: number; coefficients: number[] } {
  const n = x.length;
  const d = x[0].length;
  const w = opts.weights ?? x.map(() => 1);
  const off = opts.offsets ?? x.map(() => 0);
  const { mean, sd } = columnStats(x, w);
  const z = x.map((row) => [1, ...row.map((v, j) => (v - mean[j]) / sd[j])]);
  const beta = new Array(d + 1).fill(0);
  for (let iter = 0; iter < 100; iter++) {
    const h = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0));
    const g = new Array(d + 1).fill(0);
    for (let i = 0; i < n; i++) {
      const zi = z[i];
      let eta = off[i];
      for (let j = 0; j <= d; j++) eta += beta[j] * zi[j];
      const p = 1 / (1 + Math.exp(-eta));
      const hw = w[i] * Math.max(p * (1 - p), 1e-10);
      for (let j = 0; j <= d; j++) {
        g[j] += w[i] * (y[i] - p) * zi[j];
        for (let k = 0; k <= j; k++) h[j][k] += hw * zi[j] * zi[k];
      }
    }
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) h[k][j] = h[j][k];
    for (let j = 1; j <= d; j++) {
      h[j][j] += opts.lambda;
      g[j] -= opts.lambda * beta[j];
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

/** The penalty of the committed model: fixed, not tuned (eval-bot-model.mjs prints its sensitivity). */
export const LAMBDA = 10;

/**
 * Fits the model on collections pooled: each collection weighs the same in total (43,000 Purba rows would
 * otherwise decide alone), and each row's offset is its collection's logit share of bots, so the fit is a log
 * likelihood ratio with no training prior in it.
 */
export function fitModel(collections: Collection[], lambda = LAMBDA): BotModel {
  const { x, y, weights, offsets } = pooled(collections, (c, i) => featuresOf(c.measures[i]));
  const { intercept, coefficients } = fitLogistic(x, y, { weights, offsets, lambda });
  const total = weights.reduce((s, v) => s + v, 0);
  const { mean } = columnStats(x, weights);
  const d = FEATURE_NAMES.length;
  const covariance = Array.from({ length: d }, () => new Array(d).fill(0));
  x.forEach((row, i) => {
    for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) covariance[j][k] += (weights[i] * (row[j] - mean[j]) * (row[k] - mean[k])) / total;
  });
  return {
    features: [...FEATURE_NAMES],
    intercept,
    coefficients,
    mean,
    covariance,
    min: mean.map((_, j) => Math.min(...x.map((r) => r[j]))),
    max: mean.map((_, j) => Math.max(...x.map((r) => r[j]))),
    trainingPrior: y.reduce((s, v, i) => s + v * weights[i], 0) / total,
  };
}

/** Rows of collections pooled with equal total weight per collection and their collection's logit prior as offset. */
function pooled(collections: Collection[], features: (c: Collection, i: number) => (number | undefined)[]) {
  const x: number[][] = [];
  const y: number[] = [];
  const weights: number[] = [];
  const offsets: number[] = [];
  for (const c of collections) {
    const prior = logit(shareOfBots(c));
    c.measures.forEach((_, i) => {
      const f = features(c, i);
      if (f.some((v) => v === undefined || !isFinite(v))) throw new Error(`${c.name} row ${i}: a feature is missing`);
      x.push(f as number[]);
      y.push(c.labels[i]);
      weights.push(1000 / c.labels.length);
      offsets.push(prior);
    });
  }
  return { x, y, weights, offsets };
}

/** Inputs tried and left out of the model, as extra features on top of featuresOf(). */
export const CANDIDATES: Record<string, (c: Collection, i: number) => number[]> = {
  link: (c, i) => [c.links[i] ? 1 : 0],
  'log posts': (c, i) => [Math.log1p(c.measures[i].posts ?? 0)],
};

/** Leave-one-collection-out ROC AUC of the model with extra features: what a candidate input would add. */
export function aucWith(collections: Collection[], extra: (c: Collection, i: number) => number[], lambda = LAMBDA): { name: string; auc: number }[] {
  const row = (c: Collection, i: number) => [...(featuresOf(c.measures[i]) as number[]), ...extra(c, i)];
  return collections.map((c) => {
    const { x, y, weights, offsets } = pooled(collections.filter((o) => o !== c), row);
    const { intercept, coefficients } = fitLogistic(x, y, { weights, offsets, lambda });
    const scores = c.measures.map((_, i) => row(c, i).reduce((s, v, j) => s + v * coefficients[j], intercept));
    return { name: c.name, auc: rocAuc(scores, c.labels) };
  });
}

/** `Bot risk` as the sheet shows it, at or above a threshold (percent). */
export const flagged = (risk: number, threshold: number): boolean => Math.round(risk * 100) >= threshold;

export function balancedAccuracy(risks: number[], labels: number[], threshold = 50): { balancedAccuracy: number; recall: number; specificity: number } {
  let tp = 0, fn = 0, tn = 0, fp = 0;
  risks.forEach((r, i) => {
    const bot = flagged(r, threshold);
    if (labels[i] === 1) bot ? tp++ : fn++;
    else bot ? fp++ : tn++;
  });
  const recall = tp / (tp + fn);
  const specificity = tn / (tn + fp);
  return { balancedAccuracy: (recall + specificity) / 2, recall, specificity };
}

/** Share of bots among the rows at or above the threshold, and how many there were. */
export function precisionAt(risks: number[], labels: number[], threshold: number): { precision: number; flagged: number } {
  let n = 0, bots = 0;
  risks.forEach((r, i) => {
    if (flagged(r, threshold)) (n++, (bots += labels[i]));
  });
  return { precision: n ? bots / n : NaN, flagged: n };
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

export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  /** mean predicted risk in the bin */
  predicted: number;
  /** share of bots in the bin */
  observed: number;
}

/** Reliability table: predictions in equal-width bins against the observed rate (empty bins kept, n 0). */
export function reliability(risks: number[], labels: number[], bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, n: 0, predicted: 0, observed: 0 }));
  risks.forEach((r, i) => {
    const b = out[Math.min(bins - 1, Math.floor(r * bins))];
    b.n++;
    b.predicted += r;
    b.observed += labels[i];
  });
  return out.map((b) => (b.n ? { ...b, predicted: b.predicted / b.n, observed: b.observed / b.n } : b));
}

/** Expected calibration error: the n-weighted gap between predicted and observed over ten bins. */
export function calibrationError(risks: number[], labels: number[]): number {
  return reliability(risks, labels).reduce((s, b) => s + (b.n / risks.length) * Math.abs(b.predicted - b.observed), 0);
}

/** Views of a row with inputs hidden, as sheets often have them. */
export const VIEWS: Record<string, (m: BotMeasures) => BotMeasures> = {
  full: (m) => m,
  // BOT_RISK(followers, following, posts) with no picture or bio column
  countsOnly: (m) => ({ followers: m.followers, following: m.following, posts: m.posts }),
  pictureAndBio: (m) => ({ hasPicture: m.hasPicture, bioLength: m.bioLength }),
};

export interface HeldOut {
  name: string;
  rows: number;
  prior: number;
  /** Bot risk ≥ 50 with the base rate at 1/2 (the likelihood ratio alone) */
  atEven: ReturnType<typeof balancedAccuracy>;
  /** Bot risk ≥ 50 with the base rate at the collection's own share of bots */
  atOwnPrior: ReturnType<typeof balancedAccuracy>;
  auc: number;
  /** `Likely bot` (Bot risk ≥ threshold, base rate = the collection's own) */
  likelyBot: ReturnType<typeof precisionAt>;
  /** expected calibration error and reliability at the collection's own base rate */
  ece: number;
  reliability: ReliabilityBin[];
  /**
   * `Likely bot` with the shipped base rate (a follower list, not this file): the share of bots and of genuine
   * accounts it flags, and the precision those two give among followers that hold that share of bots.
   */
  atShipped: { baseRate: number; recall: number; falsePositiveRate: number; precision: number };
}

/** Figures of a model on one collection; `baseRate` defaults to the collection's own share of bots. */
export function heldOutFigures(model: BotModel, c: Collection, threshold: number, view: (m: BotMeasures) => BotMeasures = VIEWS.full, shippedRate = DEFAULT_SETTINGS.botBaseRate / 100): HeldOut {
  const prior = shareOfBots(c);
  const even = c.measures.map((m) => assessMeasures(model, view(m), 0.5).risk);
  const own = c.measures.map((m) => assessMeasures(model, view(m), prior).risk);
  const shipped = balancedAccuracy(
    c.measures.map((m) => assessMeasures(model, view(m), shippedRate).risk),
    c.labels,
    threshold,
  );
  const fpr = 1 - shipped.specificity;
  return {
    name: c.name,
    rows: c.labels.length,
    prior,
    atEven: balancedAccuracy(even, c.labels),
    atOwnPrior: balancedAccuracy(own, c.labels),
    auc: rocAuc(even, c.labels),
    likelyBot: precisionAt(own, c.labels, threshold),
    ece: calibrationError(own, c.labels),
    reliability: reliability(own, c.labels),
    atShipped: {
      baseRate: shippedRate,
      recall: shipped.recall,
      falsePositiveRate: fpr,
      precision: (shipped.recall * shippedRate) / (shipped.recall * shippedRate + fpr * (1 - shippedRate)),
    },
  };
}

/** Fit on all collections but one, score the one left out; for each collection in turn. */
export function leaveOneCollectionOut(collections: Collection[], threshold = DEFAULT_SETTINGS.botThreshold, opts: { lambda?: number; view?: (m: BotMeasures) => BotMeasures } = {}): HeldOut[] {
  return collections.map((c) => heldOutFigures(fitModel(collections.filter((o) => o !== c), opts.lambda), c, threshold, opts.view));
}

/** The rows of a collection whose index passes `keep`, as a collection of their own. */
function subset(c: Collection, keep: (i: number) => boolean): Collection {
  const idx = c.labels.map((_, i) => i).filter(keep);
  return { ...c, measures: idx.map((i) => c.measures[i]), labels: idx.map((i) => c.labels[i]), links: idx.map((i) => c.links[i]), handles: undefined, groups: undefined };
}

/**
 * What these inputs can reach on a collection when the model is fitted on that same collection (2-fold: even
 * rows fit, odd rows score, and back): the ceiling a model fitted elsewhere cannot pass.
 */
export function withinCollectionAuc(c: Collection, lambda = LAMBDA): number {
  const halves = [subset(c, (i) => i % 2 === 0), subset(c, (i) => i % 2 === 1)];
  const scores: number[] = [];
  const labels: number[] = [];
  halves.forEach((half, h) => {
    const model = fitModel([halves[1 - h]], lambda);
    half.measures.forEach((m, i) => (scores.push(assessMeasures(model, m, 0.5).risk), labels.push(half.labels[i])));
  });
  return rocAuc(scores, labels);
}
