// Fits the bot-risk model on the shared labelled Instagram file and writes src/core/bot-model.json:
// coefficients, the feature statistics that marginalise missing inputs, and the cross-validated figures they reach.
//   npm run fit-model [-- path/to/instagram-fake-genuine-train.csv]
// The features are src/core/botrisk.ts's own (bundled on the fly with scripts/bot-fit.ts), so training and scoring cannot drift.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATASET = resolve(root, 'data/instagram-fake-genuine-train.csv');
const OUT = join(root, 'src/core/bot-model.json');

/** Bundles scripts/bot-fit.ts (and the botrisk.ts it imports) into a temporary ES module and imports it. */
export async function loadFitModule() {
  const dir = mkdtempSync(join(tmpdir(), 'bot-fit-'));
  const file = join(dir, 'bot-fit.mjs');
  try {
    await build({
      entryPoints: [join(root, 'scripts/bot-fit.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile: file,
      logLevel: 'silent',
    });
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readDataset(path) {
  if (!existsSync(path)) {
    console.error(`fit-bot-model: training file not found: ${path} (pass its path as the first argument)`);
    process.exit(1);
  }
  return readFileSync(path, 'utf8');
}

/** Rounds every number to 6 significant digits: the committed file stays small and diffs stay readable. */
const round = (v) =>
  typeof v === 'number' ? Number(v.toPrecision(6)) : Array.isArray(v) ? v.map(round) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)])) : v;

/** JSON with one line per array of numbers and per small object, so the covariance reads as a matrix. */
function toJson(v, indent = '') {
  const flat = JSON.stringify(v);
  if (flat.length <= 100 || v === null || typeof v !== 'object') return flat;
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return flat;
  const inner = indent + '  ';
  if (Array.isArray(v)) return `[\n${v.map((x) => inner + toJson(x, inner)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${toJson(x, inner)}`).join(',\n')}\n${indent}}`;
}

const pick = (f) => ({ balancedAccuracy: f.balancedAccuracy, auc: f.auc, brier: f.brier, calibrationError: f.calibrationError, minBalancedAccuracy: f.minBalancedAccuracy, minAuc: f.minAuc });

/** Not fitted (the training file has no account age): a small, documented prior that young accounts are more often fake. */
const AGE_PRIOR = [
  { belowDays: 30, logit: 0.7 },
  { belowDays: 90, logit: 0.35 },
  { atLeastDays: 730, logit: -0.25 },
];

async function main() {
  const dataset = resolve(process.argv[2] || DEFAULT_DATASET);
  const fit = await loadFitModule();
  const set = fit.readTrainingSet(readDataset(dataset));
  const cv = { folds: 5, repeats: 10, seed: 20261125 };
  const full = fit.crossValidate(set, fit.modelScorer(fit.VIEWS.full), cv);
  const handleOnly = fit.crossValidate(set, fit.modelScorer(fit.VIEWS.handleOnly), cv);
  const handleAndName = fit.crossValidate(set, fit.modelScorer(fit.VIEWS.handleAndName), cv);
  const profileWithoutCounts = fit.crossValidate(set, fit.modelScorer(fit.VIEWS.profileWithoutCounts), cv);
  const pooled = full.risks.flat();
  const labels = full.risks.flatMap(() => set.labels);
  const model = fit.fitModel(set.measures, set.labels, fit.LAMBDA);
  const out = {
    about:
      'Bot-risk model for src/core/botrisk.ts, written by `npm run fit-model` (scripts/fit-bot-model.mjs). ' +
      'L2-regularised logistic regression (IRLS, lambda on standardised features) over featuresOf(); missing features are ' +
      'marginalised with the training mean and covariance. Training data: Kaggle "Instagram fake spammer genuine accounts" train.csv (CC BY 3.0).',
    ...model,
    agePrior: AGE_PRIOR,
    training: { rows: set.labels.length, fake: set.labels.filter((y) => y === 1).length, duplicatesDropped: set.duplicates, lambda: fit.LAMBDA },
    figures: {
      method: `stratified ${cv.folds}-fold cross-validation repeated ${cv.repeats} times (seed ${cv.seed}); Bot risk >= 50 read as bot; mean over repeats, min = worst repeat`,
      full: pick(full.figures),
      handleOnly: pick(handleOnly.figures),
      handleAndName: pick(handleAndName.figures),
      profileWithoutCounts: pick(profileWithoutCounts.figures),
      pointsRule: fit.pointsRuleFigures(set),
      reliability: fit.reliability(pooled, labels, 5).map((b) => ({ bin: `${b.from.toFixed(1)}-${b.to.toFixed(1)}`, n: b.n / cv.repeats, predicted: b.predicted, observed: b.observed })),
    },
  };
  writeFileSync(OUT, toJson(round(out)) + '\n');
  const f = full.figures;
  console.log(`fitted on ${set.labels.length} rows (${set.duplicates} duplicates dropped) from ${dataset}`);
  console.log(`cross-validated: balanced accuracy ${f.balancedAccuracy.toFixed(3)} (worst repeat ${f.minBalancedAccuracy.toFixed(3)}), ROC AUC ${f.auc.toFixed(3)} (worst ${f.minAuc.toFixed(3)})`);
  console.log(`handle only: balanced accuracy ${handleOnly.figures.balancedAccuracy.toFixed(3)}, ROC AUC ${handleOnly.figures.auc.toFixed(3)}`);
  console.log(`wrote ${OUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`fit-bot-model: ${e.message}`);
    process.exit(1);
  });
}
