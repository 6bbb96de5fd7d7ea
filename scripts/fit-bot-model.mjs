// Fits the bot-risk model on the three labelled collections in ../shared/datasets (FOLLOWBACK_DATASETS overrides
// the folder) and writes src/core/bot-model.json: coefficients, the feature statistics that marginalise missing
// inputs, and the leave-one-collection-out figures they reach. No row of the data goes into the file.
//   npm run fit-model
// The features are src/core/botrisk.ts's own (bundled on the fly with scripts/bot-fit.ts), so training and scoring cannot drift.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'src/core/bot-model.json');

/** Bundles scripts/bot-fit.ts and bot-handle.ts (and the botrisk.ts they import) into a temporary ES module and imports it. */
export async function loadFitModule() {
  const dir = mkdtempSync(join(tmpdir(), 'bot-fit-'));
  const file = join(dir, 'bot-fit.mjs');
  try {
    await build({
      stdin: { contents: "export * from './bot-fit'; export * from './bot-handle'; export { assessMeasures, measuresOf } from '../src/core/botrisk'; export { DEFAULT_SETTINGS } from '../src/core/settings';", resolveDir: join(root, 'scripts'), loader: 'ts' },
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

/** The collections, or a message naming the folder and how to point elsewhere. */
export function loadCollections(fit) {
  const dir = fit.datasetsDir(root);
  try {
    return { dir, collections: fit.readCollections(dir) };
  } catch (e) {
    console.error(`bot model: ${e.message}`);
    process.exit(1);
  }
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

async function main() {
  const fit = await loadFitModule();
  const { dir, collections } = loadCollections(fit);
  const held = fit.leaveOneCollectionOut(collections);
  const handle = fit.measureHandleSignal(collections.find((c) => c.handles));
  const model = fit.fitModel(collections);
  const out = {
    about:
      'Bot-risk model for src/core/botrisk.ts, written by `npm run fit-model` (scripts/fit-bot-model.mjs). ' +
      'L2-regularised logistic regression (IRLS) over featuresOf(), each collection weighted equally and offset by its own ' +
      'share of bots, so intercept + coefficients give a log likelihood ratio; missing features are marginalised with the ' +
      'pooled mean and covariance. Fitted on Kaggle "Instagram fake spammer genuine accounts" train.csv (CC BY 3.0), ' +
      'Cresci et al. 2017 and Purba et al. 2020 (see NOTICE.md); no row of them is in this file.',
    ...model,
    training: {
      collections: collections.map((c) => ({ name: c.name, rows: c.labels.length, shareOfBots: fit.shareOfBots(c), duplicatesDropped: c.duplicates })),
      lambda: fit.LAMBDA,
    },
    figures: {
      method: 'leave-one-collection-out: fitted on the other two, scored on the one named; see node scripts/eval-bot-model.mjs',
      heldOut: held.map((h) => ({ name: h.name, auc: h.auc, balancedAccuracyAtEven: h.atEven.balancedAccuracy, likelyBotPrecision: h.likelyBot.precision, ece: h.ece })),
      handleOnly: { outOfFoldAuc: handle.auc, worstFamilyAuc: Math.min(...handle.byFamily.map((f) => f.auc)), shipped: 'base rate, whatever the handle' },
    },
  };
  writeFileSync(OUT, toJson(round(out)) + '\n');
  console.log(`fitted on ${collections.map((c) => `${c.name} (${c.labels.length} rows)`).join(', ')} from ${dir}`);
  for (const h of held) console.log(`left out ${h.name}: ROC AUC ${h.auc.toFixed(3)}, balanced accuracy ${h.atEven.balancedAccuracy.toFixed(3)}`);
  console.log(`wrote ${OUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`fit-bot-model: ${e.message}`);
    process.exit(1);
  });
}
