// Prints the bot-risk model's cross-validated figures on the shared labelled file:
// the full model, partial rows (missing inputs marginalised, as shipped) against a model refitted on only those
// inputs, the points-rule baseline, the penalty's sensitivity and a reliability table.
//   node scripts/eval-bot-model.mjs [path/to/instagram-fake-genuine-train.csv] [--repeats N]
import { resolve } from 'node:path';
import { DEFAULT_DATASET, loadFitModule, readDataset } from './fit-bot-model.mjs';

const args = process.argv.slice(2);
const flag = args.indexOf('--repeats');
const repeats = flag >= 0 ? Number(args[flag + 1]) : 10;
const positional = args.filter((a, i) => !a.startsWith('--') && (flag < 0 || i !== flag + 1));
const dataset = resolve(positional[0] || DEFAULT_DATASET);

const fit = await loadFitModule();
const set = fit.readTrainingSet(readDataset(dataset));
const cv = { folds: 5, repeats, seed: 20261125 };
const fmt = (x) => x.toFixed(3);
const line = (name, f) =>
  `${name.padEnd(34)} ${fmt(f.balancedAccuracy)} (${fmt(f.minBalancedAccuracy)})  ${fmt(f.auc)} (${fmt(f.minAuc)})  ${fmt(f.brier)}  ${fmt(f.calibrationError)}`;

console.log(`${dataset}: ${set.labels.length} rows after dropping ${set.duplicates} exact duplicates (${set.labels.filter((y) => y).length} fake)`);
console.log(`stratified ${cv.folds}-fold CV x ${cv.repeats} repeats; Bot risk >= 50 read as bot; (worst repeat)\n`);
console.log(`${'model / inputs known'.padEnd(34)} bal.acc (min)   ROC AUC (min)  Brier  ECE`);
const full = fit.crossValidate(set, fit.modelScorer(), cv);
console.log(line('full model (all inputs)', full.figures));
for (const [name, view] of Object.entries(fit.VIEWS)) {
  if (name === 'full') continue;
  console.log(line(`${name}: marginalised (shipped)`, fit.crossValidate(set, fit.modelScorer(view), cv).figures));
  console.log(line(`${name}: refitted sub-model`, fit.crossValidate(set, fit.refitScorer(view), cv).figures));
}
const points = fit.pointsRuleFigures(set);
console.log(`${'points rule (baseline, not fitted)'.padEnd(34)} ${fmt(points.balancedAccuracy)}           ${fmt(points.auc)}`);

// Robustness: no single input should carry the model (accounts collected elsewhere may differ in any one of them).
console.log('\nrefitted without one input (what the model loses if that input misleads elsewhere)');
const without = {
  picture: ['hasPicture'],
  'handle digits': ['handleDigitRatio', 'nameIsHandle'],
  name: ['nameWords', 'nameDigitRatio', 'nameIsHandle'],
  bio: ['bioLength'],
  link: ['hasLink'],
  private: ['isPrivate'],
  posts: ['posts'],
  'followers and following': ['followers', 'following'],
};
for (const [name, keys] of Object.entries(without)) {
  const view = (m) => Object.fromEntries(Object.entries(m).filter(([k]) => !keys.includes(k)));
  console.log(line(`  without ${name}`, fit.crossValidate(set, fit.refitScorer(view), cv).figures));
}

console.log('\npenalty lambda (standardised features): shipped value', fit.LAMBDA);
for (const lambda of [0.1, 0.3, 1, 3, 10]) {
  console.log(line(`  lambda ${lambda}`, fit.crossValidate(set, fit.modelScorer(undefined, lambda), cv).figures));
}

console.log('\nreliability of the full model (out-of-fold risks, all repeats pooled)');
console.log('risk bin    rows/repeat  mean risk  share fake');
const pooled = full.risks.flat();
const labels = full.risks.flatMap(() => set.labels);
for (const b of fit.reliability(pooled, labels, 10)) {
  console.log(`${b.from.toFixed(1)}-${b.to.toFixed(1)}     ${(b.n / cv.repeats).toFixed(1).padStart(6)}       ${fmt(b.predicted)}      ${fmt(b.observed)}`);
}
