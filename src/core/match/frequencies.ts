// Term frequencies for the matcher: how common a first name, a surname and a full name are among the
// customers and the followers, smoothed toward a population of unseen names (names.ts gives the priors).
import { givenNamePrior, isBusinessWord, relatedNames, surnamePrior } from '../names';
import { readableTokens, type CustomerView } from './views';

/** Shares of people with a name token, and how many followers show a full name. */
export interface Frequencies {
  first(t: string): number;
  last(t: string): number;
  /**
   * Share of people with this whole name: the first name's share times the surname's, times how much more often
   * than that the lists show two people of one whole name (nameCoincidence).
   */
  full(first: string, last: string): number;
  /** the factor `full` applies: 1 when first names and surnames are drawn independently */
  coincidence: number;
  /** followers whose display name is this first name and surname (0 when the follower list is not known) */
  followersNamed(first: string, last: string): number;
  /** how many followers the list has */
  followers: number;
  /** a first name of a customer, or a known given name (nickname table, common names) */
  isGivenName(t: string): boolean;
}

/**
 * Share of people with a name. From the customers, with Good-Turing smoothing for names seen a few times (a
 * name seen once among 2,000 customers is usually much rarer than 1 in 2,000 when most names are seen once),
 * shrunk toward the name's share among people in general by PSEUDO_PEOPLE imaginary customers (a short
 * list says little), and never below the floor of the most common names.
 */
export function smoothed(
  counts: Map<string, number>,
  n: number,
  prior: (t: string) => { share: number; floor: number },
  unseen = 1,
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
      share = Math.max((adjusted(counts.get(t) ?? unseen) + PSEUDO_PEOPLE * p.share) / (n + PSEUDO_PEOPLE), (p.floor * PSEUDO_PEOPLE) / (n + PSEUDO_PEOPLE));
      known.set(t, share);
    }
    return share;
  };
}

const PSEUDO_PEOPLE = 500;

/**
 * The customers' and the followers' shares of a name, weighted by the lists' sizes. Each list is smoothed on its
 * own: pooled, a customer who follows would count twice, and Good-Turing would read every name seen twice (once
 * an order's, once the same person's display name) as a rare one.
 */
function pooled(customers: (t: string) => number, nc: number, shown: ((t: string) => number) | 0, nf: number): (t: string) => number {
  if (!shown) return customers;
  return (t) => (nc * customers(t) + nf * shown(t)) / (nc + nf);
}


/** Customers count once per name token, however many spellings of their name the orders hold. */
function tokenCounts(views: CustomerView[]): { first: Map<string, number>; last: Map<string, number> } {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) || 0) + 1);
  for (const v of views) {
    for (let k = 0; k < v.names.length; k++) {
      const nm = v.names[k];
      let firstSeen = false;
      let lastSeen = !nm.last;
      for (let j = 0; j < k; j++) {
        if (v.names[j].first === nm.first) firstSeen = true;
        if (v.names[j].last === nm.last) lastSeen = true;
      }
      if (!firstSeen) bump(first, nm.first);
      if (!lastSeen) bump(last, nm.last);
    }
  }
  return { first, last };
}

/** "first last" of a display name: its first and last name tokens, shop words left out; '' for one word. */
export function fullNameKey(display: string | undefined): string {
  const tokens = readableTokens(display);
  let first = '';
  let last = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.length < 2 || isBusinessWord(t)) continue;
    if (!first) first = t;
    else last = t;
  }
  return last ? first + ' ' + last : '';
}

/**
 * Full names ("first last") the followers show, with how many do: all the matcher needs of the follower list's
 * names (one entry per distinct name), small enough to hand to another thread or chunk. `handles[i]`, when given,
 * is the account of `displayNames[i]`: a row repeated counts once.
 */
export function fullNameCounts(displayNames: (string | undefined)[], handles?: string[]): [string, number][] {
  const counts = new Map<string, number>();
  // a handle listed twice is one person showing the name once
  const seen = handles && new Set<string>();
  for (let i = 0; i < displayNames.length; i++) {
    if (seen && handles![i]) {
      if (seen.has(handles![i])) continue;
      seen.add(handles![i]);
    }
    const key = fullNameKey(displayNames[i]);
    if (key) counts.set(key, (counts.get(key) || 0) + 1);
  }
  const out: [string, number][] = [];
  counts.forEach((n, key) => {
    out.push([key, n]);
  });
  return out;
}

/**
 * Pairs of followers who share a whole name, seen and expected were first names and surnames independent. Pairs
 * that customers of one name explain are left out (two customers named Maria Garcia who both follow are not
 * namesakes of a stranger).
 */
function sharedNamePairs(names: [string, number][], customers: Map<string, number>): { seen: number; expected: number } {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  let n = 0;
  let seen = 0;
  for (const [key, c] of names) {
    const at = key.indexOf(' ');
    first.set(key.slice(0, at), (first.get(key.slice(0, at)) || 0) + c);
    last.set(key.slice(at + 1), (last.get(key.slice(at + 1)) || 0) + c);
    n += c;
    const explained = Math.min(c, customers.get(key) || 0);
    seen += (c * (c - 1) - explained * (explained - 1)) / 2;
  }
  if (n < 2) return { seen: 0, expected: 0 };
  let ff = 0;
  let ll = 0;
  first.forEach((c) => (ff += c * (c - 1)));
  last.forEach((c) => (ll += c * (c - 1)));
  return { seen, expected: (ff * ll) / (2 * n * (n - 1)) };
}

/** Pseudo-pairs of the prior below: a short list's few shared names say little. */
const COINCIDENCE_PSEUDO_PAIRS = 5;
/** Before a list is seen, two people share a whole name as often as independent names would make it. */
const COINCIDENCE_PRIOR = 1;

/**
 * How much more often two followers share a whole name than the product of the first name's and the surname's
 * shares says: first names and surnames go together by culture and family (a Priya is far more likely a Sharma
 * than a Smith), so a shop whose audience has several cultures sees many more namesakes than independence
 * predicts. Measured among the followers (a customer who follows is one person in both lists, not a namesake),
 * shrunk toward the prior; 1 without a follower list.
 */
export function nameCoincidence(names: [string, number][] | undefined, customers: Map<string, number>): number {
  if (!names) return 1;
  const s = sharedNamePairs(names, customers);
  return Math.min(50, Math.max(1, (s.seen + COINCIDENCE_PRIOR * COINCIDENCE_PSEUDO_PAIRS) / (s.expected + COINCIDENCE_PSEUDO_PAIRS)));
}

/** Each customer's whole names ("first last"), once per customer however many spellings the orders hold. */
function customerFullNames(views: CustomerView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of views) {
    let prev = '';
    for (const nm of v.names) {
      if (!nm.last) continue;
      const key = nm.first + ' ' + nm.last;
      if (key === prev) continue;
      prev = key;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  }
  return counts;
}

/**
 * The tables. `names`: fullNameCounts of the whole follower list (so that a part of it is linked as the
 * whole would be): several followers showing one full name are several people, at most one a customer; and the
 * followers' first names and surnames count with the customers' in the shares (three times the sample on a
 * list of 5,000 followers and 2,000 customers: a surname's share is less a guess).
 */
export function buildFrequencies(views: CustomerView[], followers: number, names?: [string, number][]): Frequencies {
  const counts = tokenCounts(views);
  const customerFirsts = new Set(counts.first.keys());
  // first name → surname → followers (no string is made per lookup: this runs for every candidate pair)
  const named = new Map<string, Map<string, number>>();
  const shown = { first: new Map<string, number>(), last: new Map<string, number>() };
  let shownPeople = 0;
  for (const [key, n] of names || []) {
    const at = key.indexOf(' ');
    const first = key.slice(0, at);
    const last = key.slice(at + 1);
    shown.first.set(first, (shown.first.get(first) || 0) + n);
    shown.last.set(last, (shown.last.get(last) || 0) + n);
    shownPeople += n;
    let bySurname = named.get(first);
    if (!bySurname) named.set(first, (bySurname = new Map()));
    bySurname.set(last, n);
  }
  const first = pooled(smoothed(counts.first, views.length, givenNamePrior), views.length, shownPeople && smoothed(shown.first, shownPeople, givenNamePrior, 0), shownPeople);
  const last = pooled(smoothed(counts.last, views.length, surnamePrior), views.length, shownPeople && smoothed(shown.last, shownPeople, surnamePrior, 0), shownPeople);
  const coincidence = nameCoincidence(names, customerFullNames(views));
  return {
    first,
    last,
    full: (f, l) => coincidence * first(f) * last(l),
    coincidence,
    followersNamed: (first, last) => {
      const bySurname = named.get(first);
      return (bySurname && bySurname.get(last)) || 0;
    },
    isGivenName: (t) => customerFirsts.has(t) || relatedNames(t) !== undefined || givenNamePrior(t).floor > 0,
    followers,
  };
}
