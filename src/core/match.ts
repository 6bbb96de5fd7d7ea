// Linking followers to customers, in the style of Splink (Fellegi-Sunter):
// each comparison is a ladder of levels written as data; the first level whose test holds gives the
// comparison's weight, log2(m/u), where m = P(level | same person) and u = P(level | different people).
// u of name levels is term-frequency adjusted: a shared rare surname says more than a shared "Smith".
// Candidates come from a blocking index (handle written in an order, email local part, first name + surname
// with nicknames filed under their formal names, near spellings and initial + surname when no exact name
// matches, a rare surname or first name alone for followers who show only one name), so the cost grows with
// followers × block size, never with all pairs; a name shared by dozens of customers is not looked up at all.
import type { Customer, Follower, Match } from './types';
import {
  canonToken,
  emailLocal,
  formalsOf,
  givenNameKeys,
  givenNamePrior,
  handleForms,
  isBusinessWord,
  relatedNames,
  nameTokens,
  plainTokens,
  similarNames,
  surnamePrior,
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

interface LocalView {
  /** email local part, separators removed ("jane.doe87" → "janedoe87") */
  local: string;
  /** the same without digits */
  letters: string;
  /** the local part is just the customer's name */
  named: boolean;
}

interface CustomerView {
  names: NameView[];
  handles: string[];
  locals: LocalView[];
}

interface FollowerView {
  handle: string;
  /** handle without separators: "jane.doe87" → "janedoe87" */
  compact: string;
  /** the same without digits */
  compactLetters: string;
  /** handle letters as typed and with the vowel collapse of canonToken */
  plainLetters: string;
  canonLetters: string;
  /** display-name tokens, canonical */
  display: string[];
  /** per display token: the names it is a nickname of or for (looked up once per follower, not per pair) */
  related: (string[] | undefined)[];
  /** per display token: a shop word ("studio", "ceramics") rather than a name */
  business: boolean[];
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
  when: (p: P, f: FollowerView) => boolean;
  /** P(level | same person) */
  m: number;
  /** P(level | different people): a constant, or computed from term frequencies */
  u: number | ((p: P, tf: Frequencies) => number);
  /** plain-language evidence for the Reasons column ('' = say nothing) */
  says: (p: P) => string;
}

interface Comparison<P> {
  name: string;
  /** How many values the customer has to grade (several emails, several names); 0 = no data, no weight. */
  count: (c: CustomerView) => number;
  /** The k-th value, as the levels read it (the best level over all values counts). */
  fact: (f: FollowerView, c: CustomerView, k: number) => P;
  levels: Level<P>[];
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

const HANDLE: Comparison<string[]> = {
  name: 'handle written in an order',
  count: (c) => (c.handles.length ? 1 : 0),
  fact: (f, c) => c.handles,
  levels: [
    { id: 'handle', when: (handles, f) => handles.indexOf(f.handle) >= 0, m: 0.9, u: 1e-7, says: () => 'handle written in an order' },
    // A different handle in the orders is mild evidence against: it may be another platform's.
    { id: 'other-handle', when: () => true, m: 0.15, u: 0.99, says: () => '' },
  ],
};

const EMAIL: Comparison<LocalView> = {
  name: 'email local part vs handle',
  count: (c) => c.locals.length,
  fact: (f, c, k) => c.locals[k],
  levels: [
    // A long local part that is not just the person's name (or carries the same digits) is near proof.
    {
      id: 'email=handle',
      when: (p, f) => p.local.length >= 6 && p.local === f.compact && (!p.named || p.letters !== p.local),
      m: 0.3,
      u: 1e-7,
      says: () => 'email matches handle',
    },
    // jane.doe@ and @jane.doe: mostly the name again, which the name comparison already counts; what is left
    // is that this person picked the same spelling of it twice (a namesake picks it one time in twenty).
    { id: 'email=handle-name', when: (p, f) => p.local.length >= 4 && p.local === f.compact, m: 0.3, u: 0.05, says: () => 'email matches handle' },
    {
      id: 'email~handle',
      when: (p, f) => !p.named && p.letters.length >= 5 && p.letters === f.compactLetters,
      m: 0.1,
      u: 1e-5,
      says: () => 'email matches handle (apart from digits)',
    },
    {
      id: 'email~handle-name',
      when: (p, f) => p.letters.length >= 4 && p.letters === f.compactLetters,
      m: 0.1,
      u: 0.05,
      says: () => 'email matches handle (apart from digits)',
    },
    {
      id: 'email-in-handle',
      when: (p, f) => {
        if (p.named) return false;
        const a = p.letters;
        const b = f.compactLetters;
        return a.length <= b.length ? a.length >= 6 && b.indexOf(a) >= 0 : b.length >= 6 && a.indexOf(b) >= 0;
      },
      m: 0.05,
      u: 1e-5,
      says: () => 'email and handle share a word',
    },
    { id: 'email-differs', when: () => true, m: 0.55, u: 0.999, says: () => '' },
  ],
};

/** True when an email's letters are only the person's name (janedoe, jdoe, doejane, janed, jane). */
function nameShaped(letters: string, names: NameView[]): boolean {
  const spells = (f: string, l: string) =>
    letters === f || (!!l && (letters === l || letters === f + l || letters === l + f || letters === f[0] + l || letters === f + l[0]));
  for (const n of names) if (spells(n.plainFirst, n.plainLast) || spells(n.first, n.last)) return true;
  return false;
}

// Stand-ins for "how often do two strangers' first names agree this way", by level.
const NICK_SHARE = 0.004;
const FUZZY_SHARE = 0.003;
const INITIAL_SHARE = 0.07;

/** Share of people whose first name is a nickname or formal form of this one (Jack: John, Jackson, …). */
function relatedShare(first: string, tf: Frequencies): number {
  let share = 0;
  for (const r of givenNameKeys(first)) if (r !== first) share += tf.first(r);
  return Math.max(share, NICK_SHARE);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const fullTf = (p: NameFacts, tf: Frequencies) => tf.first(p.name.first) * tf.last(p.name.last);
const fullName = (p: NameFacts) => p.name.full;

const NAME: Comparison<NameFacts> = {
  name: 'name vs display name and handle',
  count: (c) => c.names.length,
  fact: (f, c, k) => nameFacts(f, c.names[k]),
  levels: [
    {
      id: 'full+handle',
      when: (p) => !!p.name.last && p.first === 'exact' && p.last === 'exact' && p.handleFirst === 'exact' && p.handleLast,
      m: 0.35,
      // a stranger with the same name shows it this way as often as the customer would
      u: (p, tf) => fullTf(p, tf) * 0.35,
      says: (p) => `name and handle match ${fullName(p)}`,
    },
    {
      id: 'full',
      when: (p) => !!p.name.last && p.first === 'exact' && p.last === 'exact',
      m: 0.25,
      u: (p, tf) => fullTf(p, tf) * 0.25,
      says: (p) => `name matches ${fullName(p)}`,
    },
    {
      id: 'full-in-handle',
      // (a display name with a different spelling of the first name makes "carol" inside "carolyncruz" a coincidence)
      when: (p) => !!p.name.last && p.handleFirst === 'exact' && p.handleLast && p.others === 0 && p.first !== 'nick' && p.first !== 'fuzzy',
      m: 0.15,
      u: (p, tf) => fullTf(p, tf) * 0.15,
      says: (p) => `handle spells ${fullName(p)}`,
    },
    {
      id: 'nickname',
      when: (p) => !!p.name.last && ((p.first === 'nick' && p.last === 'exact') || (p.handleFirst === 'nick' && p.handleLast && p.last !== 'fuzzy')),
      m: 0.08,
      // a stranger with that surname whose own name is the nickname, or one of that very name who uses a nickname
      u: (p, tf) => tf.last(p.name.last) * (0.6 * relatedShare(p.name.first, tf) + 0.08 * tf.first(p.name.first)),
      says: (p) => `nickname ${capitalise(p.first === 'nick' ? p.firstAs : p.handleFirstAs)} for ${fullName(p)}`,
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
      // a stranger with that surname and initial who also writes only the initial
      u: (p, tf) => tf.last(p.name.last) * INITIAL_SHARE * 0.05,
      says: (p) => `initial and surname match ${fullName(p)}`,
    },
    {
      // "James Smith" for customer John Smith: another person of the family, if anything
      id: 'first-differs',
      when: (p) => !!p.name.last && p.last === 'exact' && p.first === 'none' && p.others > 0,
      m: 0.005,
      u: (p, tf) => tf.last(p.name.last),
      says: () => '',
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

const RANK: Record<FirstInDisplay, number> = { exact: 4, nick: 3, fuzzy: 2, initial: 1, none: 0 };

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
          : f.related[i] !== undefined && f.related[i]!.indexOf(n.first) >= 0
            ? 'nick'
            : similarNames(t, n.first)
              ? 'fuzzy'
              : 'none';
    if (RANK[kind] > RANK[first]) {
      first = kind;
      firstAt = i;
    }
  }
  if (n.last && last === 'none') {
    for (let i = 0; i < d.length; i++) {
      if (i !== firstAt && similarNames(d[i], n.last)) {
        last = 'fuzzy';
        lastAt = i;
        break;
      }
    }
  }
  let others = 0;
  for (let i = 0; i < d.length; i++) {
    if (i !== firstAt && i !== lastAt && d[i].length > 2 && !f.business[i] && n.middle.indexOf(d[i]) < 0) others++;
  }

  // the handle: surname inside it, and what sits next to the surname (as typed, then with the vowel collapse)
  let handleLast = false;
  let handleFirst: FirstInHandle = 'none';
  let handleFirstAs = '';
  for (let v = 0; v < 2; v++) {
    const h = v ? f.canonLetters : f.plainLetters;
    if (v && h === f.plainLetters && n.last === n.plainLast && n.first === n.plainFirst) break;
    const lastTok = v ? n.last : n.plainLast;
    const firstTok = v ? n.first : n.plainFirst;
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
  const keys = givenNameKeys(first);
  let best = '';
  for (let k = 1; k < keys.length; k++) {
    const r = keys[k];
    if (r.length <= best.length) continue;
    // two-letter nicknames ("ed", "al") only standing alone: "fred" does not end in Ed
    if (r.length >= 3 ? before.endsWith(r) || after.startsWith(r) : before === r || after === r) best = r;
  }
  return best;
}

// ---- building the views and the blocking index ---------------------------------------------------

function nameView(full: string): NameView | null {
  const plain = plainTokens(full);
  if (!plain.length) return null;
  const tokens = plain.map(canonToken);
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

const NONE: string[] = [];

function customerView(c: Customer): CustomerView {
  const names: NameView[] = [];
  for (const full of c.names) {
    const v = nameView(full);
    if (v && !names.some((x) => x.first === v.first && x.last === v.last)) names.push(v);
  }
  const locals: LocalView[] = [];
  for (const e of c.emails) {
    const local = emailLocal(e);
    if (!local || locals.some((l) => l.local === local)) continue;
    const letters = digitsOff(local);
    locals.push({ local, letters, named: nameShaped(letters, names) });
  }
  return { names, handles: c.handles.length ? c.handles.map((h) => h.toLowerCase().replace(/^@/, '')) : NONE, locals };
}

function followerView(f: Follower): FollowerView {
  const display = f.name ? nameTokens(f.name) : NONE;
  const handle = (f.handle || '').toLowerCase();
  const { letters: plainLetters, compact } = handleForms(handle);
  return {
    handle,
    compact,
    // the compact handle without digits is its letters
    compactLetters: plainLetters,
    plainLetters,
    canonLetters: canonToken(plainLetters),
    display,
    related: display.map(relatedNames),
    business: display.map(isBusinessWord),
  };
}

/**
 * Share of people with a name. From the customers, with Good-Turing smoothing for names seen a few times (a
 * name seen once among 2,000 customers is usually much rarer than 1 in 2,000 when most names are seen once),
 * shrunk toward the name's share among people in general by PSEUDO_PEOPLE imaginary customers (a short
 * list says little), and never below the floor of the most common names.
 */
function frequencies(
  counts: Map<string, number>,
  n: number,
  prior: (t: string) => { share: number; floor: number },
): (t: string) => number {
  const ofCount: number[] = [];
  counts.forEach((c) => {
    if (c <= 6) ofCount[c] = (ofCount[c] || 0) + 1;
  });
  const adjusted = (r: number) => {
    if (r >= 6 || !ofCount[r]) return r;
    const next = ofCount[r + 1] || 0;
    return next ? Math.min(r, ((r + 1) * next) / ofCount[r]) : r;
  };
  const known = new Map<string, number>();
  return (t) => {
    let share = known.get(t);
    if (share === undefined) {
      const p = prior(t);
      share = Math.max((adjusted(counts.get(t) || 1) + PSEUDO_PEOPLE * p.share) / (n + PSEUDO_PEOPLE), p.floor);
      known.set(t, share);
    }
    return share;
  };
}

const PSEUDO_PEOPLE = 2000;

/** What one name token opens in the blocking index. */
interface TokenBlocks {
  /** customers with this first name (or one it is a nickname of), by surname */
  asFirst?: Keyed;
  /** customers with this first name, by the first two / last three letters of the surname (near spellings) */
  prefix?: Keyed;
  suffix?: Keyed;
  /** customers with this surname, by first initial */
  initials?: Keyed;
  surname?: number[];
  first?: number[];
  /** the spelling as typed (without the vowel collapse) that is in the trie besides the token, '' when none */
  inTrie?: string;
}

/**
 * Blocks by a second key. Most names lead to one or two blocks, so they are kept in two short arrays;
 * a Map is built once there are more (a common first name: dozens of surnames).
 */
interface Keyed {
  keys: Key[];
  blocks: number[][];
  map?: Map<Key, number[]>;
}

/**
 * A second key: a surname, or a few letters as a number (an initial's char code; headKey, tailKey), which needs
 * no string made and hashed for every customer and every follower.
 */
type Key = string | number;

/** The first two letters of a name (near spellings that start alike), as a number for Latin-1 letters. */
function headKey(s: string): Key {
  const a = s.charCodeAt(0);
  const b = s.length > 1 ? s.charCodeAt(1) : -1;
  return a < 256 && b < 256 ? a * 257 + b + 1 : s.slice(0, 2);
}

/** The last three letters of a name (near spellings that end alike), as a number for Latin-1 letters. */
function tailKey(s: string): Key {
  const n = s.length;
  const a = n > 2 ? s.charCodeAt(n - 3) : -1;
  const b = n > 1 ? s.charCodeAt(n - 2) : -1;
  const c = s.charCodeAt(n - 1);
  return a < 256 && b < 256 && c < 256 ? ((a + 1) * 257 + b + 1) * 257 + c : s.slice(-3);
}

function keyedAdd(k: Keyed | undefined, key: Key, i: number): Keyed {
  const kd = k || { keys: [], blocks: [] };
  const block = keyedGet(kd, key);
  if (block) {
    if (block[block.length - 1] !== i) block.push(i);
    return kd;
  }
  const fresh = [i];
  if (kd.map) kd.map.set(key, fresh);
  else if (kd.keys.length < 8) {
    kd.keys.push(key);
    kd.blocks.push(fresh);
  } else {
    kd.map = new Map();
    for (let j = 0; j < kd.keys.length; j++) kd.map.set(kd.keys[j], kd.blocks[j]);
    kd.map.set(key, fresh);
    kd.keys = [];
    kd.blocks = [];
  }
  return kd;
}

function keyedGet(k: Keyed | undefined, key: Key): number[] | undefined {
  if (!k) return undefined;
  if (k.map) return k.map.get(key);
  const j = k.keys.indexOf(key);
  return j < 0 ? undefined : k.blocks[j];
}

interface TextBlocks {
  /** customers who wrote this handle in an order */
  handle?: number[];
  /** customers whose email local part is this */
  local?: number[];
  /** customers whose email local part (letters, not just their name) starts with these six letters */
  localStart?: number[];
}

function push(block: number[] | undefined, i: number): number[] {
  if (!block) return [i];
  if (block[block.length - 1] !== i) block.push(i);
  return block;
}

/**
 * Character trie over customers' name tokens, to find the tokens written inside a handle.
 * Letters a-z step through a flat table (27 slots a node); other characters through a Map.
 */
interface Trie {
  ascii: Int32Array;
  other: Map<string, number>;
  word: (string | undefined)[];
}

function newTrie(): Trie {
  return { ascii: new Int32Array(27 * 1024), other: new Map(), word: [undefined] };
}

function trieStep(t: Trie, node: number, code: number): number {
  if (code >= 97 && code <= 122) return t.ascii[node * 27 + code - 96];
  return t.other.get(node + ':' + code) || 0;
}

function trieAdd(t: Trie, word: string, canon: string): void {
  let node = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let n = trieStep(t, node, code);
    if (!n) {
      n = t.word.length;
      t.word.push(undefined);
      if (code >= 97 && code <= 122) {
        if ((n + 1) * 27 > t.ascii.length) {
          const grown = new Int32Array(t.ascii.length * 2);
          grown.set(t.ascii);
          t.ascii = grown;
        }
        t.ascii[node * 27 + code - 96] = n;
      } else t.other.set(node + ':' + code, n);
    }
    node = n;
  }
  t.word[node] = canon;
}

/** Tokens found in s, keeping only occurrences not strictly inside a longer one ("jen" inside "jennifer"). */
function trieFind(t: Trie, s: string, out: string[]): void {
  let coveredTo = 0;
  for (let i = 0; i < s.length; i++) {
    let node = 0;
    let best: string | undefined;
    let bestEnd = 0;
    for (let j = i; j < s.length; j++) {
      node = trieStep(t, node, s.charCodeAt(j));
      if (!node) break;
      const w = t.word[node];
      if (w !== undefined) {
        best = w;
        bestEnd = j + 1;
      }
    }
    if (best !== undefined && bestEnd > coveredTo) {
      coveredTo = bestEnd;
      if (best.length >= 3 && out.indexOf(best) < 0) out.push(best);
    }
  }
}

/** Blocks larger than this say too little to enumerate alone (a common surname). */
const MAX_SOLO_BLOCK = 40;
/** More customers than this with one full name: the name alone is not looked up. */
const MAX_NAME_BLOCK = 30;
/** A first name alone is looked up only when this rare among the customers. */
const MAX_FIRST_BLOCK = 8;
/** At most this many candidates are scored per follower. */
const MAX_CANDIDATES = 400;

export interface MatcherOptions {
  /** How many followers the list has, when known: sets the prior chance that a follower is a given customer. */
  followers?: number;
}

/** Probability above which a match is confident (it also needs MARGIN_BITS over the runner-up). */
export const CONFIDENT = 0.9;
/** The best candidate's weight must beat the runner-up's by this many bits (16×) to be confident. */
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

/**
 * Build the blocking index and term frequencies once; the returned function links one follower.
 * confidence = P(this customer | the candidates' ladders), the candidates being mutually exclusive
 * explanations of the follower together with "none of them" (so two equally good candidates share it);
 * confident = confidence ≥ CONFIDENT and a margin of MARGIN_BITS over the runner-up; null below SHOWN.
 */
export function createMatcher(customers: Customer[], options: MatcherOptions = {}): Matcher {
  const views = customers.map(customerView);
  const n = customers.length;

  // term frequencies of first names and surnames
  const firstCount = new Map<string, number>();
  const lastCount = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) || 0) + 1);
  for (const v of views) {
    // each customer counts once per name token, however many spellings of their name the orders hold
    for (let k = 0; k < v.names.length; k++) {
      const nm = v.names[k];
      let firstSeen = false;
      let lastSeen = !nm.last;
      for (let j = 0; j < k; j++) {
        if (v.names[j].first === nm.first) firstSeen = true;
        if (v.names[j].last === nm.last) lastSeen = true;
      }
      if (!firstSeen) bump(firstCount, nm.first);
      if (!lastSeen) bump(lastCount, nm.last);
    }
  }
  const tf: Frequencies = {
    first: frequencies(firstCount, n, givenNamePrior),
    last: frequencies(lastCount, n, surnamePrior),
  };
  // prior: a follower is any one given customer with chance ~ (share of followers who buy) / followers
  const followers = options.followers || Math.max(1000, 2.5 * n);
  const prior = Math.log2(Math.min(0.5, (0.5 * Math.min(n, followers)) / followers) / Math.max(1, n));

  // Blocking index. One map entry a name token holds every block that token opens, so a follower's token
  // costs one lookup in the big map; pair keys (first name + surname) live in small inner maps.
  const byToken = new Map<string, TokenBlocks>();
  const byText = new Map<string, TextBlocks>(); // handles written in orders, email local parts
  const tokenBlocks = (t: string): TokenBlocks => {
    let b = byToken.get(t);
    if (!b) byToken.set(t, (b = {}));
    return b;
  };
  const textBlocks = (t: string): TextBlocks => {
    let b = byText.get(t);
    if (!b) byText.set(t, (b = {}));
    return b;
  };
  const trie = newTrie();
  const addToTrie = (b: TokenBlocks, token: string, plain: string) => {
    if (b.inTrie === undefined) {
      b.inTrie = '';
      trieAdd(trie, token, token);
    }
    if (plain !== token && plain !== b.inTrie) {
      b.inTrie = plain;
      trieAdd(trie, plain, token);
    }
  };
  views.forEach((v, i) => {
    for (const h of v.handles) {
      const b = textBlocks(h);
      b.handle = push(b.handle, i);
    }
    for (const l of v.locals) {
      const b = textBlocks(l.local);
      b.local = push(b.local, i);
      // without its digits, a local part that is only the name would file every namesake together: the
      // name blocks find those
      if (l.letters.length >= 4 && l.letters !== l.local && !l.named) {
        const bl = textBlocks(l.letters);
        bl.local = push(bl.local, i);
      }
      if (l.letters.length >= 6 && !l.named) {
        const bs = textBlocks(l.letters.slice(0, 6));
        bs.localStart = push(bs.localStart, i);
      }
    }
    for (const nm of v.names) {
      const first = tokenBlocks(nm.first);
      first.first = push(first.first, i);
      if (nm.first.length >= 2) addToTrie(first, nm.first, nm.plainFirst);
      if (!nm.last) continue;
      const last = tokenBlocks(nm.last);
      if (nm.last.length >= 2) addToTrie(last, nm.last, nm.plainLast);
      // a customer Jen is also filed under Jennifer; a follower Jenny looks under jenny and jennifer
      first.asFirst = keyedAdd(first.asFirst, nm.last, i);
      const formals = formalsOf(nm.first);
      if (formals) {
        for (let k = 0; k < formals.length; k++) {
          const b = tokenBlocks(formals[k]);
          b.asFirst = keyedAdd(b.asFirst, nm.last, i);
        }
      }
      first.prefix = keyedAdd(first.prefix, headKey(nm.last), i);
      first.suffix = keyedAdd(first.suffix, tailKey(nm.last), i);
      last.initials = keyedAdd(last.initials, nm.first.charCodeAt(0), i);
      last.surname = push(last.surname, i);
    }
  });

  const seen = new Int32Array(n).fill(-1);
  let stamp = 0;
  const take = (out: number[], b: number[] | undefined, cap = Infinity) => {
    if (!b || b.length > cap) return;
    for (let k = 0; k < b.length && out.length < MAX_CANDIDATES; k++) {
      const i = b[k];
      if (seen[i] !== stamp) {
        seen[i] = stamp;
        out.push(i);
      }
    }
  };

  /**
   * Candidate customers for a follower. Strong blocks (handle, email, name pairs, near spellings,
   * initial + surname) fill `out`; `weak` lists the blocks of a rare surname or first name alone, which can
   * only make a Possible and are looked at only when the strong blocks found nothing likely.
   */
  function candidateIds(fv: FollowerView, out: number[], weak: (number[] | undefined)[]): void {
    stamp++;
    if (fv.handle) {
      const h = byText.get(fv.handle);
      if (h) take(out, h.handle);
      const l = fv.compact === fv.handle ? h : byText.get(fv.compact);
      if (l) take(out, l.local);
      if (fv.compactLetters.length >= 4 && fv.compactLetters !== fv.compact) {
        const ll = byText.get(fv.compactLetters);
        if (ll) take(out, ll.local);
      }
      // an email that starts like the handle ("fernandmoss@" and @fernandmoss_studio)
      if (fv.compactLetters.length >= 6) {
        const ls = byText.get(fv.compactLetters.slice(0, 6));
        if (ls && ls.localStart) takeLocalInHandle(out, ls.localStart, fv.compactLetters);
      }
    }
    // name tokens as typed in the display name, then (unless the display name already found someone)
    // the customers' name tokens written inside the handle
    const tokens: string[] = [];
    const blocks: (TokenBlocks | undefined)[] = [];
    for (let k = 0; k < fv.display.length; k++) {
      const t = fv.display[k];
      if (t.length < 2 || tokens.indexOf(t) >= 0) continue;
      tokens.push(t);
      blocks.push(byToken.get(t));
    }
    const shown = tokens.length;
    const before = out.length;
    pairs(fv, tokens, blocks, shown, 0, out);
    // A display name of two or more names the customers also have is a better source than the handle: look
    // inside the handle when the display name is missing, single, or not made of known names.
    let known = 0;
    for (let k = 0; k < blocks.length; k++) if (blocks[k]) known++;
    if (known < 2 || (out.length === before && known < shown)) {
      const found: string[] = [];
      trieFind(trie, fv.canonLetters, found);
      if (fv.plainLetters !== fv.canonLetters) trieFind(trie, fv.plainLetters, found);
      const from = tokens.length;
      for (const t of found) {
        if (tokens.indexOf(t) >= 0) continue;
        tokens.push(t);
        blocks.push(byToken.get(t));
      }
      if (tokens.length > from) pairs(fv, tokens, blocks, shown, from, out);
    }
    // a surname or a first name alone can only make a Possible, and only for a follower who shows no more
    // than that one name (two names that match nobody are a stranger's)
    if (shown >= 2) return;
    for (let k = 0; k < tokens.length; k++) {
      const b = blocks[k];
      if (b && tokens[k].length >= 3) weak.push(b.surname, b.first && b.first.length <= MAX_FIRST_BLOCK ? b.first : undefined);
    }
  }

  /**
   * Blocks of token pairs where at least one token is new (index ≥ from). Near spellings and initial + surname
   * are looked up only when no exact pair of names found anyone: a customer of exactly that name is a better
   * candidate than every J. Smith and every Maria Ga….
   */
  function pairs(fv: FollowerView, tokens: string[], blocks: (TokenBlocks | undefined)[], shown: number, from: number, out: number[]): void {
    const before = out.length;
    let crowded = false;
    for (let a = 0; a < tokens.length; a++) {
      const formals = formalsOf(tokens[a]);
      for (let g = -1; g < (formals ? formals.length : 0); g++) {
        const bg = g < 0 ? blocks[a] : byToken.get(formals![g]);
        if (!bg || !bg.asFirst) continue;
        for (let b = 0; b < tokens.length; b++) {
          if (a === b || (a < from && b < from)) continue;
          const block = keyedGet(bg.asFirst, tokens[b]);
          // dozens of customers of one name: the name cannot tell them apart (only a handle or an email can,
          // and those have their own blocks), so none of them is worth scoring on the name
          if (block && block.length > MAX_NAME_BLOCK) crowded = true;
          else take(out, block);
        }
      }
    }
    if (out.length > before || crowded) return;
    for (let a = 0; a < tokens.length; a++) {
      const ba = blocks[a];
      if (!ba) continue;
      // near spellings of the surname, looked for in what the follower typed as a name; only the customers
      // whose surname is in fact near are kept (the blocks hold every surname that starts or ends alike)
      if (a < shown && (ba.prefix || ba.suffix)) {
        for (let b = 0; b < shown; b++) {
          if (a === b || (a < from && b < from)) continue;
          const other = tokens[b];
          if (ba.prefix) takeNear(out, keyedGet(ba.prefix, headKey(other)), tokens[a], other);
          if (ba.suffix) takeNear(out, keyedGet(ba.suffix, tailKey(other)), tokens[a], other);
        }
      }
      // initial + surname: "J. Doe" in the display name; "jdoe", "j.doe", "doe.j", "doej" as the handle
      const initials = ba.initials;
      if (a < from || !initials || tokens[a].length < 3) continue;
      const t = tokens[a];
      // a misspelt or nicknamed first name with this surname ("Katherin Doe", "Jen Doe"): the customers of that
      // surname and initial whose first name is in fact near
      if (a < shown) {
        for (let b = 0; b < shown; b++) {
          if (b !== a && tokens[b].length >= 3) takeNearFirst(out, keyedGet(initials, tokens[b].charCodeAt(0)), t, b, fv);
        }
      }
      const letters = fv.canonLetters;
      for (let k = 0; k < fv.display.length; k++) if (fv.display[k].length === 1) take(out, keyedGet(initials, fv.display[k].charCodeAt(0)), MAX_SOLO_BLOCK);
      const at = letters.indexOf(t);
      if (at === 1) take(out, keyedGet(initials, letters.charCodeAt(0)), MAX_SOLO_BLOCK);
      else if (at === 0 && letters.length === t.length + 1) take(out, keyedGet(initials, letters.charCodeAt(t.length)), MAX_SOLO_BLOCK);
    }
  }

  /** Customers of an initial + surname block whose first name is near the display token `b` (typo or nickname). */
  function takeNearFirst(out: number[], block: number[] | undefined, surname: string, b: number, fv: FollowerView): void {
    if (!block || block.length > MAX_SOLO_BLOCK) return;
    const typed = fv.display[b] === undefined ? '' : fv.display[b];
    const related = fv.related[b];
    for (let k = 0; k < block.length; k++) {
      const i = block[k];
      if (seen[i] === stamp || out.length >= MAX_CANDIDATES) continue;
      const names = views[i].names;
      for (let j = 0; j < names.length; j++) {
        const nm = names[j];
        if (nm.last === surname && (similarNames(nm.first, typed) || (related !== undefined && related.indexOf(nm.first) >= 0))) {
          seen[i] = stamp;
          out.push(i);
          break;
        }
      }
    }
  }

  /** Customers of a local-start block whose email letters are inside the handle's letters or hold them. */
  function takeLocalInHandle(out: number[], block: number[], letters: string): void {
    if (block.length > MAX_SOLO_BLOCK) return;
    for (let k = 0; k < block.length; k++) {
      const i = block[k];
      if (seen[i] === stamp || out.length >= MAX_CANDIDATES) continue;
      const locals = views[i].locals;
      for (let j = 0; j < locals.length; j++) {
        const l = locals[j].letters;
        if (l.length <= letters.length ? letters.indexOf(l) >= 0 : l.indexOf(letters) >= 0) {
          seen[i] = stamp;
          out.push(i);
          break;
        }
      }
    }
  }

  /** Customers of a near-spelling block whose name is this first name and a surname near `surname`. */
  function takeNear(out: number[], block: number[] | undefined, first: string, surname: string): void {
    if (!block || block.length > MAX_SOLO_BLOCK) return;
    // a block holds few distinct surnames, many times over: compare each once
    let near = '';
    let far = '';
    for (let k = 0; k < block.length; k++) {
      const i = block[k];
      if (seen[i] === stamp || out.length >= MAX_CANDIDATES) continue;
      const names = views[i].names;
      for (let j = 0; j < names.length; j++) {
        const nm = names[j];
        if (nm.first !== first || nm.last === far) continue;
        if (nm.last === near || similarNames(nm.last, surname)) {
          near = nm.last;
          seen[i] = stamp;
          out.push(i);
          break;
        }
        far = nm.last;
      }
    }
  }



  /** The ladder's total weight for one pair; with `detail`, the level of every comparison and its evidence. */
  function score(fv: FollowerView, i: number, detail: Scored['levels'] | null): number {
    const c = views[i];
    let weight = prior;
    for (let x = 0; x < LADDER.length; x++) {
      const cmp = LADDER[x];
      const count = cmp.count(c);
      let best = -Infinity;
      let bestLevel: Level<unknown> | null = null;
      let says = '';
      for (let k = 0; k < count; k++) {
        const p = cmp.fact(fv, c, k);
        for (let l = 0; l < cmp.levels.length; l++) {
          const level = cmp.levels[l];
          if (!level.when(p, fv)) continue;
          const u = typeof level.u === 'number' ? level.u : level.u(p, tf);
          const w = Math.log2(level.m / Math.min(0.999, Math.max(u, 1e-12)));
          if (w > best) {
            best = w;
            bestLevel = level;
            if (detail) says = level.says(p);
          }
          break;
        }
      }
      if (bestLevel) {
        weight += best;
        if (detail) detail.push({ comparison: cmp.name, level: bestLevel.id, weight: best, says });
      }
    }
    return weight;
  }

  /** Ties go to the smaller customer key, so the result never depends on the order of the Orders rows. */
  function before(a: number, b: number): boolean {
    const ka = customers[a].key;
    const kb = customers[b].key;
    return ka < kb || (ka === kb && a < b);
  }

  function candidates(f: Follower): Scored[] {
    const fv = followerView(f);
    if (!fv.handle && !fv.display.length) return [];
    const ids: number[] = [];
    const weak: (number[] | undefined)[] = [];
    candidateIds(fv, ids, weak);
    for (let k = 0; k < weak.length; k++) take(ids, weak[k], MAX_SOLO_BLOCK);
    return ids
      .map((i) => {
        const levels: Scored['levels'] = [];
        return { customer: i, weight: score(fv, i, levels), levels };
      })
      .sort((a, b) => b.weight - a.weight || (before(a.customer, b.customer) ? -1 : before(b.customer, a.customer) ? 1 : 0));
  }

  const match = ((f: Follower): Match | null => {
    const fv = followerView(f);
    if (!fv.handle && !fv.display.length) return null;
    const ids: number[] = [];
    const weak: (number[] | undefined)[] = [];
    candidateIds(fv, ids, weak);
    const weights: number[] = [];
    let likely = false;
    for (let k = 0; k < ids.length; k++) {
      weights.push(score(fv, ids[k], null));
      if (weights[k] > 0) likely = true;
    }
    if (!likely && weak.length) {
      // nothing likely yet: a rare surname or first name alone may still make a Possible
      const from = ids.length;
      for (let k = 0; k < weak.length; k++) take(ids, weak[k], MAX_SOLO_BLOCK);
      for (let k = from; k < ids.length; k++) weights.push(score(fv, ids[k], null));
    }
    if (!ids.length) return null;
    let top = 0;
    for (let k = 1; k < ids.length; k++) {
      if (weights[k] > weights[top] || (weights[k] === weights[top] && before(ids[k], ids[top]))) top = k;
    }
    // candidates are mutually exclusive explanations of one follower, plus "none of them"
    let total = 1;
    let runnerUp = -Infinity;
    let close = 0;
    for (let k = 0; k < ids.length; k++) {
      total += Math.pow(2, Math.min(60, weights[k]));
      if (k === top) continue;
      if (weights[k] > runnerUp) runnerUp = weights[k];
      if (weights[top] - weights[k] < MARGIN_BITS) close++;
    }
    const p = Math.pow(2, Math.min(60, weights[top])) / total;
    if (p < SHOWN) return null;
    const levels: Scored['levels'] = [];
    score(fv, ids[top], levels);
    // evidence for the Reasons column: what spoke for the match, strongest first
    const evidence: string[] = [];
    const said: number[] = [];
    for (let k = 0; k < levels.length; k++) {
      if (!(levels[k].weight > 0 && levels[k].says)) continue;
      evidence.push(levels[k].says);
      said.push(levels[k].weight);
      for (let j = said.length - 1; j > 0 && said[j - 1] < said[j]; j--) {
        const w = said[j];
        said[j] = said[j - 1];
        said[j - 1] = w;
        const e = evidence[j];
        evidence[j] = evidence[j - 1];
        evidence[j - 1] = e;
      }
    }
    const margin = weights[top] - runnerUp;
    if (close) evidence.push(close === 1 ? 'another customer fits as well' : `${close} other customers fit as well`);
    return {
      customer: ids[top],
      confidence: Math.round(p * 100) / 100,
      confident: p >= CONFIDENT && margin >= MARGIN_BITS,
      evidence,
    };
  }) as Matcher;
  match.candidates = candidates;
  return match;
}
