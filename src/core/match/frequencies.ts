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
   * than that the lists show two people of one whole name (nameCoincidence), for this first name and surname where
   * the followers show them often enough (nameCoincidenceByName).
   */
  full(first: string, last: string): number;
  /** the list's factor (names the followers seldom show get it): 1 when first names and surnames are drawn independently */
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
function pooled(customers: (t: string) => number, nc: number, shown: ((t: string) => number) | undefined, nf: number): (t: string) => number {
  if (!shown || !nf) return customers;
  const known = new Map<string, number>();
  return (t) => {
    let share = known.get(t);
    if (share === undefined) known.set(t, (share = (nc * customers(t) + nf * shown(t)) / (nc + nf)));
    return share;
  };
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
  // many followers show the same name: each written name is read once
  const keys = new Map<string, string>();
  for (let i = 0; i < displayNames.length; i++) {
    const shown = displayNames[i];
    let key = shown === undefined ? '' : keys.get(shown);
    if (key === undefined) keys.set(shown!, (key = fullNameKey(shown)));
    if (key && seen && handles![i]) {
      if (seen.has(handles![i])) continue;
      seen.add(handles![i]);
    }
    if (key) counts.set(key, (counts.get(key) || 0) + 1);
  }
  const out: [string, number][] = [];
  counts.forEach((n, key) => {
    out.push([key, n]);
  });
  return out;
}

/** The whole names the followers show, split once: first names and surnames counted, and first → surname → followers. */
export interface ShownNames {
  first: Map<string, number>;
  last: Map<string, number>;
  people: number;
  named: Map<string, Map<string, number>>;
}

export function shownNames(names: [string, number][]): ShownNames {
  const shown: ShownNames = { first: new Map(), last: new Map(), people: 0, named: new Map() };
  for (const [key, n] of names) {
    const at = key.indexOf(' ');
    const first = key.slice(0, at);
    const last = key.slice(at + 1);
    shown.first.set(first, (shown.first.get(first) || 0) + n);
    shown.last.set(last, (shown.last.get(last) || 0) + n);
    shown.people += n;
    let bySurname = shown.named.get(first);
    if (!bySurname) shown.named.set(first, (bySurname = new Map()));
    bySurname.set(last, n);
  }
  return shown;
}

/** Pseudo-pairs of the prior below: a short list's few shared names say little. */
const COINCIDENCE_PSEUDO_PAIRS = 5;
/** Before a list is seen, two people share a whole name as often as independent names would make it. */
const COINCIDENCE_PRIOR = 1;
/**
 * Pseudo-pairs of a name's own factor: a name's people are few, but its factor varies far more from name to name
 * than the list's does from list to list (a culture of 7 % of the audience has a lift near 14, the largest 3).
 */
const BY_NAME_PSEUDO_PAIRS = 1;

/**
 * How much more often two followers share a whole name than the product of the first name's and the surname's
 * shares says: first names and surnames go together by culture and family (a Priya is far more likely a Sharma
 * than a Smith), so a shop whose audience has several cultures sees many more namesakes than independence
 * predicts. Measured among the followers (a customer who follows is one person in both lists, not a namesake);
 * pairs that customers of one name explain are left out (two customers named Maria Garcia who both follow are
 * not namesakes of a stranger). Shrunk toward the prior; 1 without a follower list.
 */
export function nameCoincidence(shown: ShownNames | undefined, customersNamed: (first: string, last: string) => number): number {
  if (!shown || shown.people < 2) return 1;
  const n = shown.people;
  let seen = 0;
  shown.named.forEach((bySurname, first) => {
    bySurname.forEach((c, last) => {
      seen += namesakePairs(c, customersNamed(first, last));
    });
  });
  const expected = (orderedPairs(shown.first) * orderedPairs(shown.last)) / (2 * n * (n - 1));
  return Math.min(50, Math.max(1, (seen + COINCIDENCE_PRIOR * COINCIDENCE_PSEUDO_PAIRS) / (expected + COINCIDENCE_PSEUDO_PAIRS)));
}

/** Pairs of the c followers of one whole name that are namesakes: those that customers of that name explain aside. */
function namesakePairs(c: number, customers: number): number {
  if (c < 2) return 0;
  const explained = Math.min(c, customers);
  return (c * (c - 1) - explained * (explained - 1)) / 2;
}

/** Σ c(c − 1) over a token's counts: ordered pairs of people who share the token. */
function orderedPairs(counts: Map<string, number>): number {
  let pairs = 0;
  counts.forEach((c) => (pairs += c * (c - 1)));
  return pairs;
}

/**
 * nameCoincidence for each first name and each surname the followers show: Fang and Liu are far more often seen
 * together than the list's average says when Fang and Liu are both of a culture that is a small part of the
 * shop's audience (the lift of a culture is about one over its share). Pairs of followers named alike are counted
 * among the people of that first name (or that surname) only, and each factor is shrunk toward the list's own by
 * BY_NAME_PSEUDO_PAIRS, so a name shown by few people keeps about the list's factor.
 */
export function nameCoincidenceByName(
  shown: ShownNames | undefined,
  customersNamed: (first: string, last: string) => number,
  overall: number,
): { first: Map<string, number>; last: Map<string, number> } {
  const byFirst = new Map<string, number>();
  const byLast = new Map<string, number>();
  if (!shown || shown.people < 2) return { first: byFirst, last: byLast };
  const n = shown.people;
  // chance that two people picked at random share a surname (a first name)
  const sameLast = orderedPairs(shown.last) / (n * (n - 1));
  const sameFirst = orderedPairs(shown.first) / (n * (n - 1));
  const seenLast = new Map<string, number>();
  shown.named.forEach((bySurname, first) => {
    let seen = 0;
    bySurname.forEach((c, last) => {
      const pairs = namesakePairs(c, customersNamed(first, last));
      if (!pairs) return;
      seen += pairs;
      seenLast.set(last, (seenLast.get(last) || 0) + pairs);
    });
    const nf = shown.first.get(first) || 0;
    if (nf >= 2) byFirst.set(first, lifted(seen, ((nf * (nf - 1)) / 2) * sameLast, overall));
  });
  shown.last.forEach((nl, last) => {
    if (nl >= 2) byLast.set(last, lifted(seenLast.get(last) || 0, ((nl * (nl - 1)) / 2) * sameFirst, overall));
  });
  return { first: byFirst, last: byLast };
}

/**
 * How much more common a whole name is than its first name's and surname's shares make it: the first name's
 * factor times the surname's over the list's, as a log-linear model adds a row and a column effect (Fang and Liu
 * both lifted, Fang Liu more so; on the speed benchmark's data this comes out near the generator's own lift).
 */
function wholeNameLift(ofFirst: number, ofLast: number, overall: number): number {
  return Math.max(1, (ofFirst * ofLast) / overall);
}

/** Seen over expected pairs, shrunk toward the list's factor; never below 1. */
function lifted(seen: number, expected: number, overall: number): number {
  return Math.min(50, Math.max(1, (seen + overall * BY_NAME_PSEUDO_PAIRS) / (expected + BY_NAME_PSEUDO_PAIRS)));
}

/** Customers of each whole name that two or more followers show (once per customer, however many spellings). */
function customersNamedAmong(views: CustomerView[], shown: ShownNames): (first: string, last: string) => number {
  const counts = new Map<string, Map<string, number>>();
  for (const v of views) {
    for (let k = 0; k < v.names.length; k++) {
      const nm = v.names[k];
      const c = nm.last ? shown.named.get(nm.first)?.get(nm.last) : undefined;
      if (!c || c < 2 || (k > 0 && v.names[k - 1].first === nm.first && v.names[k - 1].last === nm.last)) continue;
      let bySurname = counts.get(nm.first);
      if (!bySurname) counts.set(nm.first, (bySurname = new Map()));
      bySurname.set(nm.last, (bySurname.get(nm.last) || 0) + 1);
    }
  }
  return (first, last) => counts.get(first)?.get(last) || 0;
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
  const shown = names ? shownNames(names) : undefined;
  const n = views.length;
  const first = pooled(smoothed(counts.first, n, givenNamePrior), n, shown && smoothed(shown.first, shown.people, givenNamePrior, 0), shown ? shown.people : 0);
  const last = pooled(smoothed(counts.last, n, surnamePrior), n, shown && smoothed(shown.last, shown.people, surnamePrior, 0), shown ? shown.people : 0);
  const named = shown && customersNamedAmong(views, shown);
  const coincidence = shown ? nameCoincidence(shown, named!) : 1;
  const by = nameCoincidenceByName(shown, named!, coincidence);
  return {
    first,
    last,
    full: (f, l) => wholeNameLift(by.first.get(f) ?? coincidence, by.last.get(l) ?? coincidence, coincidence) * first(f) * last(l),
    coincidence,
    // (first name → surname → followers: no string is made per lookup, which runs for every candidate pair)
    followersNamed: (first, last) => {
      const bySurname = shown && shown.named.get(first);
      return (bySurname && bySurname.get(last)) || 0;
    },
    isGivenName: (t) => customerFirsts.has(t) || relatedNames(t) !== undefined || givenNamePrior(t).floor > 0,
    followers,
  };
}
