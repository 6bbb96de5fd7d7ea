# Analysis only (not shipped, not run by tests or CI): how far can any model go on the inputs a follower row carries on
# both platforms? A flexible model (gradient-boosted trees) fitted and scored within each labelled collection (5-fold)
# is in practice a ceiling for what a model fitted on the other collections reaches on it. Needs Debian's python3-sklearn:
#   apt-get install -y python3-sklearn python3-pandas && /usr/bin/python3 scripts/bot-ceiling.py
# Data: ../shared/datasets (or $FOLLOWBACK_DATASETS).
import glob, os, numpy as np, pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict, StratifiedKFold
from sklearn.metrics import roc_auc_score, balanced_accuracy_score
D=os.environ.get('FOLLOWBACK_DATASETS', os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'datasets')) + '/'
def num(s): return pd.to_numeric(s, errors='coerce').fillna(0)
k=pd.read_csv(D+'instagram-fake-genuine-train.csv')
K=pd.DataFrame({'posts':k['#posts'],'followers':k['#followers'],'following':k['#follows'],'pic':k['profile pic'],'bio':k['description length'],'link':k['external URL'],'y':k['fake']})
rows=[]
for f in glob.glob(D+'cresci-2017/*.csv'):
    c=pd.read_csv(f, dtype=str, low_memory=False)
    pic = 1-num(c['default_profile_image']).clip(0,1) if 'spambots_1' not in f else pd.Series(np.nan,index=c.index)
    rows.append(pd.DataFrame({'posts':num(c['statuses_count']),'followers':num(c['followers_count']),'following':num(c['friends_count']),'pic':pic,'bio':c['description'].fillna('').str.len(),'link':c['url'].notna().astype(int),'y':0 if 'genuine' in f else 1}))
C=pd.concat(rows,ignore_index=True)
p=pd.read_csv(D+'purba-2020/user_fake_authentic_4class.csv').drop_duplicates()
P=pd.DataFrame({'posts':p.pos,'followers':p.flw,'following':p.flg,'pic':p.pic,'bio':p.bl,'link':p.lin,'y':(p['class']!='r').astype(int)})
cols=['posts','followers','following','pic','bio','link']
def feats(d):
    X=pd.DataFrame({'lp':np.log1p(d.posts),'lf':np.log1p(d.followers),'lg':np.log1p(d.following),'pic':d.pic,'hasbio':(d.bio>0).astype(int),'link':d.link})
    X['ratio']=X.lg-X.lf
    return X
sets={'kaggle':K,'cresci':C,'purba':P}
for name,d in sets.items():
    X=feats(d);y=d.y.values
    cv=StratifiedKFold(5,shuffle=True,random_state=1)
    g=cross_val_predict(HistGradientBoostingClassifier(max_iter=200),X,y,cv=cv,method='predict_proba')[:,1]
    l=cross_val_predict(LogisticRegression(max_iter=2000),X.fillna(X.mean()),y,cv=cv,method='predict_proba')[:,1]
    print(f'{name} in-collection 5-fold: GBM AUC {roc_auc_score(y,g):.3f} balacc {balanced_accuracy_score(y,g>0.5):.3f}; logistic AUC {roc_auc_score(y,l):.3f}')
for out in sets:
    tr=pd.concat([sets[n] for n in sets if n!=out]); te=sets[out]
    m=HistGradientBoostingClassifier(max_iter=200).fit(feats(tr),tr.y)
    s=m.predict_proba(feats(te))[:,1]
    print(f'LOCO {out}: GBM AUC {roc_auc_score(te.y,s):.3f}')
