// What a handle alone says about a bot, measured on the real handles of Cresci 2017 (Node side only).
// The add-on ships no handle signal unless this measurement earns one; scripts/eval-bot-model.mjs prints it.
import { fitLogistic, rocAuc, type Collection } from './bot-fit';

/** Handle features a follower export gives: digits, where they sit, length, separators. */
export function handleFeatures(handle: string): number[] {
  const h = handle.toLowerCase();
  const digits = (h.match(/[0-9]/g) || []).length;
  const trailing = (/[0-9]+$/.exec(h) || [''])[0].length;
  return [digits / Math.max(1, h.length), Math.min(trailing, 4), Math.min(h.length, 20), /[._]/.test(h) ? 1 : 0];
}

export interface HandleSignal {
  /** out-of-fold ROC AUC of a handle model fitted on the other folds */
  auc: number;
  /** the same, per bot family: fitted without that family, scored on it and on genuine handles left out */
  byFamily: { family: string; auc: number }[];
  /** digits / length alone, more digits read as bot (what the first model learned) */
  digitsAuc: number;
  /** out-of-fold handle model at Cresci's own share of bots: rows it gives ≥ 50 and the share of bots among them */
  atOwnPrior: { flagged: number; precision: number };
}

const LAMBDA = 10;

/** Logistic handle model fitted on `train` rows, scoring `test` rows (probabilities at the training prior). */
function fitScore(c: Collection, x: number[][], train: number[], test: number[]): number[] {
  const { intercept, coefficients } = fitLogistic(train.map((i) => x[i]), train.map((i) => c.labels[i]), { lambda: LAMBDA });
  return test.map((i) => 1 / (1 + Math.exp(-(intercept + x[i].reduce((s, v, j) => s + v * coefficients[j], 0)))));
}

/** Handle signal of a collection with real handles; rows split into `folds` by position (deterministic). */
export function measureHandleSignal(c: Collection, folds = 5): HandleSignal {
  if (!c.handles || !c.groups) throw new Error(`${c.name}: no handles to measure`);
  const x = c.handles.map(handleFeatures);
  const rows = c.labels.map((_, i) => i);
  const fold = (i: number) => (i * 7919) % folds;
  const risk = new Array(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const test = rows.filter((i) => fold(i) === f);
    fitScore(c, x, rows.filter((i) => fold(i) !== f), test).forEach((r, k) => (risk[test[k]] = r));
  }
  const families = [...new Set(c.groups.filter((_, i) => c.labels[i] === 1))];
  const byFamily = families.map((family) => {
    // genuine handles split in two: one half fits, the other half is scored with the family left out
    const train = rows.filter((i) => (c.labels[i] === 0 ? fold(i) % 2 === 0 : c.groups![i] !== family));
    const test = rows.filter((i) => (c.labels[i] === 0 ? fold(i) % 2 === 1 : c.groups![i] === family));
    return { family, auc: rocAuc(fitScore(c, x, train, test), test.map((i) => c.labels[i])) };
  });
  const high = rows.filter((i) => Math.round(risk[i] * 100) >= 50);
  return {
    auc: rocAuc(risk, c.labels),
    byFamily,
    digitsAuc: rocAuc(x.map((f) => f[0]), c.labels),
    atOwnPrior: { flagged: high.length, precision: high.length ? high.reduce((s, i) => s + c.labels[i], 0) / high.length : NaN },
  };
}
