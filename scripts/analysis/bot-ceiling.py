# Analysis only (never shipped, never in CI): the ceiling of cross-platform follower-row inputs for bot risk.
# Within each collection, a flexible model (gradient-boosted trees) in 5-fold CV; then leave-one-collection-out
# with the same trees and with a binned additive logistic model, to compare with the shipped logistic.
#   node scripts/analysis/export-bot-rows.mjs /tmp/bot-rows.csv && /usr/bin/python3 scripts/analysis/bot-ceiling.py /tmp/bot-rows.csv
import sys
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import OneHotEncoder

rows = pd.read_csv(sys.argv[1] if len(sys.argv) > 1 else '/tmp/bot-rows.csv')
NAMES = ['kaggle-instagram', 'cresci-2017', 'purba-2020']

def features(d, with_link=True):
    lp, lf, lg = np.log1p(d.posts), np.log1p(d.followers), np.log1p(d.following)
    cols = {'logPosts': lp, 'logFollowers': lf, 'logFollowing': lg, 'ratio': lg - lf,
            'noPosts': (d.posts == 0) * 1, 'picture': d.picture, 'bio': (d.bio > 0) * 1, 'bioLen': d.bio}
    if with_link: cols['link'] = d.link
    return pd.DataFrame(cols).to_numpy(float)

logit = lambda p: np.log(p / (1 - p))
sig = lambda z: 1 / (1 + np.exp(-z))

def figures(p_even, y):
    """p_even: estimate at an even prior; returns AUC, balanced accuracy at 50, ECE and Likely-bot (>=80) precision at own base rate."""
    auc = roc_auc_score(y, p_even)
    hit = p_even >= 0.5
    bal = (hit[y == 1].mean() + (~hit[y == 0]).mean()) / 2
    p_own = sig(logit(np.clip(p_even, 1e-6, 1 - 1e-6)) + logit(y.mean()))
    bins = np.minimum((p_own * 10).astype(int), 9)
    ece = sum(abs(p_own[bins == b].mean() - y[bins == b].mean()) * (bins == b).sum() for b in range(10) if (bins == b).any()) / len(y)
    flagged = np.round(p_own * 100) >= 80
    prec = y[flagged].mean() if flagged.any() else float('nan')
    return auc, bal, ece, prec

def gbm(): return HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, max_leaf_nodes=31, min_samples_leaf=20, random_state=0)

def balanced_weights(y, groups=None):
    """each collection weighs the same, and within it bots and genuine weigh the same: the fit sees an even prior."""
    w = np.zeros(len(y))
    groups = np.zeros(len(y)) if groups is None else groups
    for g in np.unique(groups):
        for c in (0, 1):
            m = (groups == g) & (y == c)
            if m.any(): w[m] = 1.0 / m.sum()
    return w * len(y) / w.sum()

def show(label, f):
    print(f'  {label:<44} AUC {f[0]:.3f}  bal.acc@50 {f[1]:.3f}  ECE {f[2]:.3f}  Likely-bot precision {f[3]:.3f}')

print('within each collection, 5-fold stratified CV (fitted and scored on the same collection):')
for name in NAMES:
    d = rows[rows.collection == name]
    y = d.label.to_numpy()
    for label, make, with_link in [('gradient-boosted trees, 9 inputs', gbm, True), ('gradient-boosted trees, no link', gbm, False),
                                   ('logistic, 9 inputs', lambda: LogisticRegression(max_iter=2000, C=1.0), True)]:
        x = features(d, with_link)
        p = np.zeros(len(y))
        for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(x, y):
            m = make().fit(x[tr], y[tr], sample_weight=balanced_weights(y[tr]))
            p[te] = m.predict_proba(x[te])[:, 1]
        show(f'{name}: {label}', figures(p, y))

def binned(train_x, test_x, edges):
    """one-hot of each log count in fixed bins (an additive model with a step per bin), plus the binary inputs."""
    enc = OneHotEncoder(handle_unknown='ignore')
    def cut(x): return np.stack([np.digitize(x[:, j], edges[j]) for j in range(len(edges))], 1)
    enc.fit(np.vstack([cut(train_x), cut(test_x)]))
    return enc.transform(cut(train_x)), enc.transform(cut(test_x))

print('\nleave-one-collection-out (fitted on the other two, each collection and class weighted equally; scored on the one named):')
for name in NAMES:
    tr, te = rows[rows.collection != name], rows[rows.collection == name]
    ytr, yte = tr.label.to_numpy(), te.label.to_numpy()
    w = balanced_weights(ytr, tr.collection.to_numpy())
    for with_link in (False, True):
        xtr, xte = features(tr, with_link), features(te, with_link)
        m = gbm().fit(xtr, ytr, sample_weight=w)
        show(f'{name}: trees{" + link" if with_link else ""}', figures(m.predict_proba(xte)[:, 1], yte))
    # binned additive: log posts, followers, following, ratio in a few bins each; picture, bio, noPosts as they are
    cols = [0, 1, 2, 3, 4, 5, 6]
    edges = [np.array([0.5, 2, 3.5, 5, 6.5, 8]), np.array([0.5, 2, 3.5, 5, 6.5, 8]), np.array([0.5, 2, 3.5, 5, 6.5, 8]),
             np.array([-3, -1.5, -0.5, 0.5, 1.5, 3]), np.array([0.5]), np.array([0.5]), np.array([0.5])]
    xtr, xte = features(tr, False)[:, cols], features(te, False)[:, cols]
    btr, bte = binned(xtr, xte, edges)
    m = LogisticRegression(max_iter=3000, C=0.1).fit(btr, ytr, sample_weight=w)
    show(f'{name}: binned additive logistic', figures(m.predict_proba(bte)[:, 1], yte))
    m = LogisticRegression(max_iter=3000, C=0.1).fit(xtr, ytr, sample_weight=w)
    show(f'{name}: plain logistic, same inputs', figures(m.predict_proba(xte)[:, 1], yte))
