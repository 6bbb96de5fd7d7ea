// Prints the bot-risk model's figures on the three labelled collections in ../shared/datasets (FOLLOWBACK_DATASETS
// overrides the folder), each left out in turn: fitted on the other two, scored on it. For each: balanced accuracy
// at Bot risk 50, ROC AUC, `Likely bot` precision and calibration after the prior correction to that collection's
// own share of bots, a ten-bin reliability table, and what `Likely bot` does at the shipped base rate. Then
// partial rows, the handle-only measurement on Cresci 2017's real handles, inputs left out, and the penalty.
//   node scripts/eval-bot-model.mjs
import { loadCollections, loadFitModule } from './fit-bot-model.mjs';

const fit = await loadFitModule();
const { dir, collections } = loadCollections(fit);
const threshold = fit.DEFAULT_SETTINGS.botThreshold;
const rate = fit.DEFAULT_SETTINGS.botBaseRate;
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  –  ');
const pct = (x) => `${(x * 100).toFixed(1)}%`;

console.log(`labelled collections in ${dir}: ${collections.map((c) => `${c.name} ${c.labels.length} rows, ${pct(fit.shareOfBots(c))} bots`).join('; ')}`);
console.log(`leave-one-collection-out: fitted on the other two, scored on the collection named`);
console.log(`  balanced accuracy at 50 (even): Bot risk >= 50 with the base rate set to 50% (the likelihood ratio alone, > 1 read as bot)`);
console.log(`  balanced accuracy at 50 (own):  Bot risk >= 50 with the base rate set to the collection's own share of bots`);
console.log(`  Likely bot precision, ECE and the reliability table: base rate set to the collection's own share of bots, Likely bot = Bot risk >= ${threshold}\n`);
const held = fit.leaveOneCollectionOut(collections, threshold);
for (const h of held) {
  console.log(
    `left out ${h.name}: balanced accuracy at 50 ${fmt(h.atEven.balancedAccuracy)} (even; recall ${fmt(h.atEven.recall)}, specificity ${fmt(h.atEven.specificity)}), ${fmt(h.atOwnPrior.balancedAccuracy)} (own), ROC AUC ${fmt(h.auc)}, Likely bot precision ${fmt(h.likelyBot.precision)} (${h.likelyBot.flagged} of ${h.rows} rows), ECE ${fmt(h.ece)}`,
  );
  console.log(
    `  at the shipped base rate ${rate}%: Likely bot flags ${pct(h.atShipped.recall)} of bots and ${pct(h.atShipped.falsePositiveRate)} of genuine accounts (balanced accuracy ${fmt((h.atShipped.recall + 1 - h.atShipped.falsePositiveRate) / 2)}); precision among followers with ${rate}% bots ${fmt(h.atShipped.precision)}`,
  );
  console.log('  risk bin   rows    mean risk  share of bots');
  for (const b of h.reliability) console.log(`  ${b.from.toFixed(1)}-${b.to.toFixed(1)}  ${String(b.n).padStart(6)}    ${b.n ? fmt(b.predicted) : '  –  '}      ${b.n ? fmt(b.observed) : '  –  '}`);
}

console.log(`\nthe ceiling of these inputs: fitted on half of the same collection, scored on the other half (2-fold): ROC AUC ${collections.map((c) => `${c.name} ${fmt(fit.withinCollectionAuc(c))}`).join(', ')}`);

console.log('\npartial rows, missing inputs marginalised as shipped (left out in turn: ROC AUC; Likely bot precision and ECE at own base rate)');
for (const [name, view] of Object.entries(fit.VIEWS)) {
  if (name === 'full') continue;
  const r = fit.leaveOneCollectionOut(collections, threshold, { view });
  console.log(`  ${name.padEnd(14)} ${r.map((h) => `${h.name} AUC ${fmt(h.auc)}, precision ${fmt(h.likelyBot.precision)} (${h.likelyBot.flagged}), ECE ${fmt(h.ece)}`).join('; ')}`);
}

const cresci = collections.find((c) => c.handles);
const handle = fit.measureHandleSignal(cresci);
const model = fit.fitModel(collections.filter((c) => c !== cresci));
// the shipped path: each real handle alone through measuresOf and assessMeasures, a model fitted without Cresci
const handleOnly = cresci.handles.map((h) => fit.assessMeasures(model, fit.measuresOf({ handle: h }), rate / 100).risk);
const atLeast50 = handleOnly.filter((r) => Math.round(r * 100) >= 50).length;
const shippedRisks = [...new Set(handleOnly.map((r) => Math.round(r * 100)))].join(', ');
console.log(`\nhandle only, Cresci 2017's ${cresci.labels.length} real handles (${pct(fit.shareOfBots(cresci))} bots):`);
console.log(`  a handle model fitted on the other folds (5 folds): out-of-fold ROC AUC ${fmt(handle.auc)}; gives ${handle.atOwnPrior.flagged} rows >= 50 at Cresci's own base rate, ${fmt(handle.atOwnPrior.precision)} of them bots`);
console.log(`  fitted without one bot family, scored on it and on genuine handles left out: ${handle.byFamily.map((f) => `${f.family} ${fmt(f.auc)}`).join(', ')}`);
console.log(`  digits / length alone (more digits read as bot): ROC AUC ${fmt(handle.digitsAuc)}`);
const earns = Math.min(...handle.byFamily.map((f) => f.auc)) >= 0.6;
console.log(`  handle signal ${earns ? 'earns' : 'does not earn'} a place (it must rank every unseen bot family above chance, ROC AUC >= 0.6): shipped handle-only Bot risk at ${rate}%: ${shippedRisks} (the base rate, whatever the handle); rows >= 50: ${atLeast50} of ${cresci.labels.length}; ROC AUC ${fmt(fit.rocAuc(handleOnly, cresci.labels))}`);

console.log('\ninputs tried and left out (left out in turn: ROC AUC with the input added to the shipped features)');
for (const [name, extra] of Object.entries(fit.CANDIDATES)) {
  console.log(`  + ${name.padEnd(10)} ${fit.aucWith(collections, extra).map((r) => `${r.name} ${fmt(r.auc)}`).join(', ')}`);
}
console.log(`  shipped    ${held.map((h) => `${h.name} ${fmt(h.auc)}`).join(', ')}`);

console.log(`\npenalty lambda (standardised features, per 1,000 rows of each collection): shipped ${fit.LAMBDA}`);
for (const lambda of [1, 10, 100]) {
  const r = fit.leaveOneCollectionOut(collections, threshold, { lambda });
  console.log(`  lambda ${String(lambda).padEnd(4)} ${r.map((h) => `${h.name} AUC ${fmt(h.auc)}, ECE ${fmt(h.ece)}`).join('; ')}`);
}
