// Term frequencies for the matcher: how common a first name, a surname and a full name are among the
// customers and the followers, smoothed toward a population of unseen names (names.ts gives the priors).
import { givenNamePrior, isBusinessWord, relatedNames, surnamePrior } from '../names';
import { readableTokens, type CustomerView } from './views';

/** Shares of people with a name token, and how many followers show a full name. */
export interface Frequencies {
  first(t: string): number;
  last(t: string): number;
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
      share = Math.max((adjusted(counts.get(t) || 1) + PSEUDO_PEOPLE * p.share) / (n + PSEUDO_PEOPLE), (p.floor * PSEUDO_PEOPLE) / (n + PSEUDO_PEOPLE));
      known.set(t, share);
    }
    return share;
  };
}

const PSEUDO_PEOPLE = 500;


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
 * names (one entry per distinct name), small enough to hand to another thread or chunk.
 */
export function fullNameCounts(displayNames: (string | undefined)[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of displayNames) {
    const key = fullNameKey(d);
    if (key) counts.set(key, (counts.get(key) || 0) + 1);
  }
  const out: [string, number][] = [];
  counts.forEach((n, key) => {
    out.push([key, n]);
  });
  return out;
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
  let people = views.length;
  if (names) {
    for (const [key, n] of names) {
      const at = key.indexOf(' ');
      counts.first.set(key.slice(0, at), (counts.first.get(key.slice(0, at)) || 0) + n);
      counts.last.set(key.slice(at + 1), (counts.last.get(key.slice(at + 1)) || 0) + n);
      people += n;
    }
  }
  // first name → surname → followers (no string is made per lookup: this runs for every candidate pair)
  const named = new Map<string, Map<string, number>>();
  if (names) {
    for (const [key, n] of names) {
      const at = key.indexOf(' ');
      const first = key.slice(0, at);
      let bySurname = named.get(first);
      if (!bySurname) named.set(first, (bySurname = new Map()));
      bySurname.set(key.slice(at + 1), n);
    }
  }
  return {
    first: smoothed(counts.first, people, givenNamePrior),
    last: smoothed(counts.last, people, surnamePrior),
    followersNamed: (first, last) => {
      const bySurname = named.get(first);
      return (bySurname && bySurname.get(last)) || 0;
    },
    isGivenName: (t) => customerFirsts.has(t) || relatedNames(t) !== undefined || givenNamePrior(t).floor > 0,
    followers,
  };
}
