// Linking followers to customers, in the style of Splink (Fellegi-Sunter):
// each comparison is a ladder of levels written as data; the first level whose test holds gives the
// comparison's weight, log2(m/u), where m = P(level | same person) and u = P(level | different people).
// u of name levels is term-frequency adjusted: a shared rare surname says more than a shared "Smith".
// Candidates come from a blocking index (handle, email local part, name-token pairs, initial + surname,
// surname alone when rare), so the cost grows with followers × block size, never with all pairs.
import type { Customer, Follower, Match } from './types';
import {
  canonToken,
  compactHandle,
  emailLocal,
  givenNameKeys,
  handleLetters,
  handleParts,
  isBusinessWord,
  isNickname,
  jaroWinkler,
  nameTokens,
  plainTokens,
} from './names';

// ---- what each side looks like once normalised -------------------------------------------------

interface NameView {
  /** the name as the orders write it */
  full: string;
  first: string;
  /** '' for a one-word name */
  last: string;
  plainFirst: string;
  plainLast: string;
  /** middle names and other tokens */
  middle: string[];
}

interface CustomerView {
  names: NameView[];
  handles: string[];
  /** email local parts, separators removed ("jane.doe87") */
  locals: string[];
}

interface FollowerView {
  handle: string;
  /** handle without separators: "jane.doe87" → "janedoe87" */
  compact: string;
  /** handle letters as typed and with the vowel collapse of canonToken */
  plainLetters: string;
  canonLetters: string;
  /** display-name tokens, canonical */
  display: string[];
}

/** Term frequencies of name tokens among the customers, smoothed toward a population of unseen names. */
interface Frequencies {
  first(t: string): number;
  last(t: string): number;
}

// ---- the comparisons ------------------------------------------------------------------------------

interface Level<P> {
  /** short id, used by tests and by the evidence text */
  id: string;
  when: (p: P) => boolean;
  /** P(level | same person) */
  m: number;
  /** P(level | different people): a constant, or computed from term frequencies */
  u: number | ((p: P, tf: Frequencies) => number);
  /** plain-language evidence for the Reasons column ('' = say nothing) */
  says: (p: P) => string;
}

interface Comparison<P> {
  name: string;
  /** The facts to grade, one per value the customer has (several emails, several names); [] = no data. */
  facts: (f: FollowerView, c: CustomerView) => P[];
  levels: Level<P>[];
}

interface HandleFacts {
  equal: boolean;
}

interface EmailFacts {
  local: string;
  handle: string;
}

type FirstInDisplay = 'exact' | 'nick' | 'fuzzy' | 'initial' | 'none';
type FirstInHandle = 'exact' | 'nick' | 'initial' | 'none';

interface NameFacts {
  name: NameView;
  /** how the customer's first name shows in the display name */
  first: FirstInDisplay;
  /** the display-name token that matched as first name (for "Jen = Jennifer") */
  firstAs: string;
  last: 'exact' | 'fuzzy' | 'none';
  handleFirst: FirstInHandle;
  handleFirstAs: string;
  handleLast: boolean;
  /** the follower shows a display name */
  display: boolean;
  /** display-name words the customer's name does not explain (business words and short words aside) */
  others: number;
}

const digitsOff = (s: string) => s.replace(/\d+/g, '');

const HANDLE: Comparison<HandleFacts> = {
  name: 'handle written in an order',
  facts: (f, c) => (c.handles.length ? [{ equal: c.handles.indexOf(f.handle) >= 0 }] : []),
  levels: [
    { id: 'handle', when: (p) => p.equal, m: 0.9, u: 1e-7, says: () => 'handle written in an order' },
    // A different handle in the orders is mild evidence against: it may be another platform's.
    { id: 'other-handle', when: () => true, m: 0.15, u: 0.99, says: () => '' },
  ],
};

const EMAIL: Comparison<EmailFacts> = {
  name: 'email local part vs handle',
  facts: (f, c) => c.locals.map((local) => ({ local, handle: f.compact })),
  levels: [
    // Longer names are rarer, so a long exact local part is near proof.
    { id: 'email=handle', when: (p) => p.local.length >= 6 && p.local === p.handle, m: 0.3, u: 1e-7, says: () => 'email matches handle' },
    { id: 'email=handle-short', when: (p) => p.local.length >= 4 && p.local === p.handle, m: 0.05, u: 2e-5, says: () => 'email matches handle' },
    {
      id: 'email~handle',
      when: (p) => digitsOff(p.local).length >= 5 && digitsOff(p.local) === digitsOff(p.handle),
      m: 0.1,
      u: 1e-6,
      says: () => 'email matches handle (apart from digits)',
    },
    {
      id: 'email-in-handle',
      when: (p) => {
        const a = digitsOff(p.local);
        const b = digitsOff(p.handle);
        const [short, long] = a.length <= b.length ? [a, b] : [b, a];
        return short.length >= 6 && long.indexOf(short) >= 0;
      },
      m: 0.05,
      u: 1e-5,
      says: () => 'email and handle share a name',
    },
    { id: 'email-differs', when: () => true, m: 0.55, u: 0.999, says: () => '' },
  ],
};

// Stand-ins for "how often do two strangers' first names agree this way", by level.
const NICK_SHARE = 0.004;
const FUZZY_SHARE = 0.003;
const INITIAL_SHARE = 0.07;

const fullTf = (p: NameFacts, tf: Frequencies) => tf.first(p.name.first) * tf.last(p.name.last);
const fullName = (p: NameFacts) => p.name.full;

const NAME: Comparison<NameFacts> = {
  name: 'name vs display name and handle',
  facts: (f, c) => c.names.map((n) => nameFacts(f, n)),
  levels: [
    {
      id: 'full+handle',
      when: (p) => !!p.name.last && p.first === 'exact' && p.last === 'exact' && p.handleFirst === 'exact' && p.handleLast,
      m: 0.35,
      // a stranger with the same name writes it in the handle about half the time
      u: (p, tf) => fullTf(p, tf) * 0.5,
      says: (p) => `name and handle match ${fullName(p)}`,
    },
    {
      id: 'full',
      when: (p) => !!p.name.last && p.first === 'exact' && p.last === 'exact',
      m: 0.25,
      u: fullTf,
      says: (p) => `name matches ${fullName(p)}`,
    },
    {
      id: 'full-in-handle',
      when: (p) => !!p.name.last && p.handleFirst === 'exact' && p.handleLast && p.others === 0,
      m: 0.15,
      u: (p, tf) => fullTf(p, tf) * 0.5,
      says: (p) => `handle spells ${fullName(p)}`,
    },
    {
      id: 'nickname',
      when: (p) => !!p.name.last && ((p.first === 'nick' && p.last === 'exact') || (p.handleFirst === 'nick' && p.handleLast && p.last !== 'fuzzy')),
      m: 0.08,
      u: (p, tf) => tf.last(p.name.last) * NICK_SHARE,
      says: (p) => `nickname: ${p.first === 'nick' ? p.firstAs : p.handleFirstAs} = ${p.name.plainFirst} ${p.name.plainLast}`,
    },
    {
      id: 'near-first',
      when: (p) => !!p.name.last && p.first === 'fuzzy' && p.last === 'exact',
      m: 0.06,
      u: (p, tf) => tf.last(p.name.last) * FUZZY_SHARE,
      says: (p) => `name close to ${fullName(p)}`,
    },
    {
      id: 'near-last',
      when: (p) => !!p.name.last && p.first === 'exact' && p.last === 'fuzzy',
      m: 0.06,
      u: (p, tf) => tf.first(p.name.first) * FUZZY_SHARE * 0.3,
      says: (p) => `name close to ${fullName(p)}`,
    },
    {
      id: 'initial',
      when: (p) =>
        !!p.name.last &&
        ((p.first === 'initial' && p.last === 'exact') || (p.handleFirst === 'initial' && p.handleLast && p.others === 0)),
      m: 0.05,
      u: (p, tf) => tf.last(p.name.last) * INITIAL_SHARE,
      says: (p) => `initial and surname match ${fullName(p)}`,
    },
    {
      id: 'near-both',
      when: (p) => !!p.name.last && (p.first === 'fuzzy' || p.first === 'nick') && p.last === 'fuzzy',
      m: 0.02,
      u: 2e-6,
      says: (p) => `name close to ${fullName(p)}`,
    },
    {
      id: 'surname-only',
      when: (p) =>
        !!p.name.last && p.first === 'none' && p.others === 0 && (p.last === 'exact' || (p.handleLast && p.name.last.length >= 4)),
      m: 0.04,
      u: (p, tf) => tf.last(p.name.last) * 0.5,
      says: (p) => `surname ${p.name.plainLast} matches`,
    },
    {
      id: 'first-only',
      when: (p) => (p.first === 'exact' || p.first === 'nick') && p.others === 0 && p.last === 'none',
      m: 0.06,
      u: (p, tf) => tf.first(p.name.first),
      says: (p) => `first name ${p.name.plainFirst} matches`,
    },
    {
      id: 'first-only-handle',
      when: (p) => !p.display && (p.handleFirst === 'exact' || p.handleFirst === 'nick') && p.name.first.length >= 4,
      m: 0.05,
      u: (p, tf) => tf.first(p.name.first) * 0.6,
      says: (p) => `first name ${p.name.plainFirst} in handle`,
    },
    // A display name that names someone else argues against; no display name says nothing.
    { id: 'name-differs', when: (p) => p.display, m: 0.2, u: 0.99, says: () => '' },
  ],
};

/** The ladder: every comparison adds its level's weight. */
const LADDER = [HANDLE, EMAIL, NAME] as Comparison<unknown>[];

// ---- facts about one customer name vs one follower -----------------------------------------------

function similar(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3) return false;
  return jaroWinkler(a, b) >= (Math.min(a.length, b.length) <= 4 ? 0.92 : 0.9);
}

function nameFacts(f: FollowerView, n: NameView): NameFacts {
  const d = f.display;
  let first: FirstInDisplay = 'none';
  let firstAt = -1;
  let lastAt = -1;
  let last: NameFacts['last'] = 'none';
  if (n.last) {
    lastAt = d.indexOf(n.last);
    if (lastAt >= 0) last = 'exact';
  }
  // first name: best kind of agreement among the display tokens, never the surname's token
  const rank: Record<FirstInDisplay, number> = { exact: 4, nick: 3, fuzzy: 2, initial: 1, none: 0 };
  for (let i = 0; i < d.length; i++) {
    if (i === lastAt) continue;
    const t = d[i];
    const kind: FirstInDisplay =
      t === n.first
        ? 'exact'
        : t.length === 1
          ? t === n.first[0]
            ? 'initial'
            : 'none'
          : isNickname(t, n.first)
            ? 'nick'
            : similar(t, n.first)
              ? 'fuzzy'
              : 'none';
    if (rank[kind] > rank[first]) {
      first = kind;
      firstAt = i;
    }
  }
  if (n.last && last === 'none') {
    for (let i = 0; i < d.length; i++) {
      if (i !== firstAt && similar(d[i], n.last)) {
        last = 'fuzzy';
        lastAt = i;
        break;
      }
    }
  }
  let others = 0;
  for (let i = 0; i < d.length; i++) {
    if (i !== firstAt && i !== lastAt && d[i].length > 2 && !isBusinessWord(d[i]) && !n.middle.includes(d[i])) others++;
  }

  // the handle: surname inside it, and what sits next to the surname
  let handleLast = false;
  let handleFirst: FirstInHandle = 'none';
  let handleFirstAs = '';
  const letters = [f.canonLetters, f.plainLetters];
  const lasts = [n.last, n.plainLast];
  const firsts = [n.first, n.plainFirst];
  for (let v = 0; v < 2; v++) {
    const h = letters[v];
    const lastTok = lasts[v];
    const firstTok = firsts[v];
    const at = lastTok.length >= 3 ? h.indexOf(lastTok) : -1;
    if (at >= 0) handleLast = true;
    if (firstTok.length >= 3) {
      const fa = h.indexOf(firstTok);
      if (fa >= 0 && (at < 0 || fa + firstTok.length <= at || fa >= at + lastTok.length)) {
        handleFirst = 'exact';
        break;
      }
    }
    if (at >= 0 && handleFirst !== 'nick') {
      const before = h.slice(0, at);
      const after = h.slice(at + lastTok.length);
      const near = nickNextTo(before, after, n.first);
      if (near) {
        handleFirst = 'nick';
        handleFirstAs = near;
      } else if (handleFirst === 'none' && (before === firstTok[0] || (after === firstTok[0] && !before))) {
        handleFirst = 'initial';
      }
    }
  }
  return { name: n, first, firstAs: firstAt >= 0 ? d[firstAt] : '', last, handleFirst, handleFirstAs, handleLast, display: d.length > 0, others };
}

/** A nickname of `first` written right before or right after the surname in a handle ("jendoe", "doe_jen"). */
function nickNextTo(before: string, after: string, first: string): string {
  for (let len = 2; len <= 8; len++) {
    if (before.length >= len) {
      const s = before.slice(before.length - len);
      if (isNickname(s, first)) return s;
    }
    if (after.length >= len) {
      const s = after.slice(0, len);
      if (isNickname(s, first)) return s;
    }
  }
  return '';
}

// ---- building the views and the blocking index ---------------------------------------------------

function nameView(full: string): NameView | null {
  const tokens = nameTokens(full);
  const plain = plainTokens(full);
  if (!tokens.length) return null;
  const first = tokens[0];
  const last = tokens.length > 1 ? tokens[tokens.length - 1] : '';
  return {
    full,
    first,
    last,
    plainFirst: plain[0] || first,
    plainLast: tokens.length > 1 ? plain[plain.length - 1] || last : '',
    middle: tokens.slice(1, -1),
  };
}

function customerView(c: Customer): CustomerView {
  const names: NameView[] = [];
  const seen = new Set<string>();
  for (const full of c.names) {
    const v = nameView(full);
    if (v && !seen.has(v.first + ' ' + v.last)) {
      seen.add(v.first + ' ' + v.last);
      names.push(v);
    }
  }
  const locals: string[] = [];
  for (const e of c.emails) {
    const l = emailLocal(e);
    if (l && locals.indexOf(l) < 0) locals.push(l);
  }
  return { names, handles: c.handles.map((h) => h.toLowerCase()), locals };
}

function followerView(f: Follower): FollowerView {
  const handle = (f.handle || '').toLowerCase();
  const plainLetters = handleLetters(handle);
  return {
    handle,
    compact: compactHandle(handle),
    plainLetters,
    canonLetters: canonToken(plainLetters),
    display: f.name ? nameTokens(f.name) : [],
  };
}

/** Character trie over customers' name tokens, to find the tokens written inside a handle. */
interface Trie {
  next: Map<number, number>[];
  word: (string | undefined)[];
}

function trieAdd(t: Trie, word: string, canon: string): void {
  let node = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let n = t.next[node].get(c);
    if (n === undefined) {
      n = t.next.length;
      t.next.push(new Map());
      t.word.push(undefined);
      t.next[node].set(c, n);
    }
    node = n;
  }
  t.word[node] = canon;
}

function trieFind(t: Trie, s: string, out: string[]): void {
  for (let i = 0; i < s.length; i++) {
    let node = 0;
    for (let j = i; j < s.length; j++) {
      const n = t.next[node].get(s.charCodeAt(j));
      if (n === undefined) break;
      node = n;
      const w = t.word[node];
      if (w !== undefined && out.indexOf(w) < 0) out.push(w);
    }
  }
}

/** Blocks larger than this say too little to enumerate alone (a common surname). */
const MAX_SOLO_BLOCK = 60;
/** At most this many candidates are scored per follower. */
const MAX_CANDIDATES = 400;

export interface MatcherOptions {
  /** How many followers the list has, when known: sets the prior chance that a follower is a given customer. */
  followers?: number;
}

/** Probability above which a match is confident (it also needs MARGIN_BITS over the runner-up). */
export const CONFIDENT = 0.95;
export const MARGIN_BITS = 4;
/** Candidates below this probability are not reported at all. */
export const SHOWN = 0.15;

export interface Scored {
  customer: number;
  /** total log2 Bayes factor, prior included */
  weight: number;
  levels: { comparison: string; level: string; weight: number; says: string }[];
}

/** A matcher plus its internals, for tests and the benchmark. */
export interface Matcher {
  (f: Follower): Match | null;
  /** every blocked candidate with its ladder, best first */
  candidates(f: Follower): Scored[];
}

export function createMatcher(customers: Customer[], options: MatcherOptions = {}): Matcher {
  const views = customers.map(customerView);
  const n = customers.length;

  // term frequencies of first names and surnames
  const firstCount = new Map<string, number>();
  const lastCount = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) || 0) + 1);
  for (const v of views) {
    const firsts = new Set<string>();
    const lasts = new Set<string>();
    for (const nm of v.names) {
      firsts.add(nm.first);
      if (nm.last) lasts.add(nm.last);
    }
    firsts.forEach((t) => bump(firstCount, t));
    lasts.forEach((t) => bump(lastCount, t));
  }
  // smoothing: a name seen once among a few customers is not as common as 1 in a few
  const tf: Frequencies = {
    first: (t) => ((firstCount.get(t) || 0) + 0.5) / (n + 500),
    last: (t) => ((lastCount.get(t) || 0) + 0.5) / (n + 500),
  };
  // prior: a follower is any one given customer with chance ~ (share of followers who buy) / followers
  const followers = options.followers || Math.max(1000, 2.5 * n);
  const prior = Math.log2(Math.min(0.5, (0.5 * Math.min(n, followers)) / followers) / Math.max(1, n));

  // blocking index
  const blocks = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const b = blocks.get(key);
    if (!b) blocks.set(key, [i]);
    else if (b[b.length - 1] !== i) b.push(i);
  };
  const trie: Trie = { next: [new Map()], word: [undefined] };
  views.forEach((v, i) => {
    for (const h of v.handles) add('h:' + compactHandle(h), i);
    for (const l of v.locals) {
      add('e:' + l, i);
      const letters = digitsOff(l);
      if (letters.length >= 5 && letters !== l) add('e:' + letters, i);
    }
    for (const nm of v.names) {
      if (nm.first.length >= 2) {
        trieAdd(trie, nm.first, nm.first);
        if (nm.plainFirst !== nm.first) trieAdd(trie, nm.plainFirst, nm.first);
      }
      if (!nm.last) continue;
      if (nm.last.length >= 2) {
        trieAdd(trie, nm.last, nm.last);
        if (nm.plainLast !== nm.last) trieAdd(trie, nm.plainLast, nm.last);
      }
      for (const g of givenNameKeys(nm.first)) {
        add('n:' + g + '|' + nm.last, i);
        add('p:' + g + '|' + nm.last.slice(0, 2), i);
      }
      add('i:' + nm.first[0] + '|' + nm.last, i);
      add('s:' + nm.last, i);
    }
  });

  const seen = new Int32Array(n).fill(-1);
  let stamp = 0;

  function candidateIds(fv: FollowerView): number[] {
    stamp++;
    const out: number[] = [];
    const take = (key: string, solo = false) => {
      const b = blocks.get(key);
      if (!b || (solo && b.length > MAX_SOLO_BLOCK)) return;
      for (let k = 0; k < b.length && out.length < MAX_CANDIDATES; k++) {
        const i = b[k];
        if (seen[i] !== stamp) {
          seen[i] = stamp;
          out.push(i);
        }
      }
    };
    if (fv.handle) {
      take('h:' + fv.compact);
      take('e:' + fv.compact);
      const letters = digitsOff(fv.compact);
      if (letters.length >= 5 && letters !== fv.compact) take('e:' + letters);
    }
    // name tokens from the display name and from inside the handle
    const tokens = fv.display.filter((t) => t.length >= 2);
    const found: string[] = [];
    trieFind(trie, fv.canonLetters, found);
    if (fv.plainLetters !== fv.canonLetters) trieFind(trie, fv.plainLetters, found);
    for (const t of found) if (t.length >= 3 && tokens.indexOf(t) < 0) tokens.push(t);
    for (let a = 0; a < tokens.length; a++) {
      const keys = givenNameKeys(tokens[a]);
      for (let b = 0; b < tokens.length; b++) {
        if (a === b) continue;
        for (const g of keys) {
          take('n:' + g + '|' + tokens[b]);
          take('p:' + g + '|' + tokens[b].slice(0, 2), true);
        }
      }
    }
    // initial + surname: "J. Doe", "jdoe", "doe.j"
    const initials = fv.display.filter((t) => t.length === 1);
    if (fv.canonLetters) initials.push(fv.canonLetters[0]);
    for (const t of tokens) {
      if (t.length < 3) continue;
      for (const c of initials) take('i:' + c + '|' + t, true);
      const at = fv.canonLetters.indexOf(t);
      if (at >= 0 && at + t.length < fv.canonLetters.length) take('i:' + fv.canonLetters[at + t.length] + '|' + t, true);
      take('s:' + t, true);
    }
    return out;
  }

  function score(fv: FollowerView, i: number): Scored {
    const c = views[i];
    let weight = prior;
    const levels: Scored['levels'] = [];
    for (const cmp of LADDER) {
      const facts = cmp.facts(fv, c);
      let best: Scored['levels'][number] | null = null;
      for (const p of facts) {
        for (const level of cmp.levels) {
          if (!level.when(p)) continue;
          const u = typeof level.u === 'number' ? level.u : level.u(p, tf);
          const w = Math.log2(level.m / Math.min(0.999, Math.max(u, 1e-12)));
          if (!best || w > best.weight) best = { comparison: cmp.name, level: level.id, weight: w, says: level.says(p) };
          break;
        }
      }
      if (best) {
        weight += best.weight;
        levels.push(best);
      }
    }
    return { customer: i, weight, levels };
  }

  function candidates(f: Follower): Scored[] {
    const fv = followerView(f);
    if (!fv.handle && !fv.display.length) return [];
    return candidateIds(fv)
      .map((i) => score(fv, i))
      .sort((a, b) => b.weight - a.weight || a.customer - b.customer);
  }

  const match = ((f: Follower): Match | null => {
    const scored = candidates(f);
    if (!scored.length) return null;
    const best = scored[0];
    // candidates are mutually exclusive explanations of one follower, plus "none of them"
    let total = 1;
    for (const s of scored) total += Math.pow(2, Math.min(60, s.weight));
    const p = Math.pow(2, Math.min(60, best.weight)) / total;
    if (p < SHOWN) return null;
    const runnerUp = scored.length > 1 ? scored[1].weight : -Infinity;
    const margin = best.weight - runnerUp;
    const evidence = best.levels
      .filter((l) => l.weight > 0 && l.says)
      .sort((a, b) => b.weight - a.weight)
      .map((l) => l.says);
    if (margin < MARGIN_BITS) {
      const others = scored.filter((s) => best.weight - s.weight < MARGIN_BITS).length - 1;
      evidence.push(others === 1 ? 'another customer fits as well' : `${others} other customers fit as well`);
    }
    return {
      customer: best.customer,
      confidence: Math.round(p * 100) / 100,
      confident: p >= CONFIDENT && margin >= MARGIN_BITS,
      evidence,
    };
  }) as Matcher;
  match.candidates = candidates;
  return match;
}
