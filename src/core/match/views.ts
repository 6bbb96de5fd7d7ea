// What each side of a comparison looks like once normalised: a customer's names and email local parts,
// a follower's handle forms and display-name tokens, computed once per customer or follower, not per pair.
import type { Customer, Follower } from '../types';
import { canonToken, emailLocal, givenNamePrior, handleForms, isBusinessWord, nameTokens, plainTokens, relatedNames } from '../names';

export interface NameView {
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

export interface LocalView {
  /** email local part, separators removed ("jane.doe87" → "janedoe87") */
  local: string;
  /** the same without digits */
  letters: string;
  /** the local part is just the customer's name (null when it is not) */
  named: NameShape | null;
  /** the customer's names (a local part holding only one of their tokens says little) */
  names: NameView[];
}

export interface CustomerView {
  names: NameView[];
  /** the orders' emails, lower case */
  emails: string[];
  handles: string[];
  locals: LocalView[];
}

export interface FollowerView {
  handle: string;
  /** the email the Followers tab gives, lower case; '' when none */
  email: string;
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
  /** the display name holds a given name (else it is a shop's or a phrase: "Salty Moth" names no one) */
  personLike: boolean;
  /** per display token: a shop word ("studio", "ceramics") rather than a name */
  business: boolean[];
}

const digitsOff = (s: string) => s.replace(/\d+/g, '');

/** Which name an email's letters spell, and how: the canonical tokens, so term frequencies can price it. */
export interface NameShape {
  first: string;
  last: string;
  /** full: janedoe, doejane; initial-last: jdoe; first-initial: janed; first: jane; last: doe */
  kind: 'full' | 'initial-last' | 'first-initial' | 'first' | 'last';
}

/** The name an email's letters are only made of (janedoe, jdoe, doejane, janed, jane, doe), else null. */
function nameShaped(letters: string, names: NameView[]): NameShape | null {
  const spells = (f: string, l: string): NameShape['kind'] | null => {
    if (letters === f) return 'first';
    if (!l) return null;
    if (letters === f + l || letters === l + f) return 'full';
    if (letters === l) return 'last';
    if (letters === f[0] + l) return 'initial-last';
    if (letters === f + l[0]) return 'first-initial';
    return null;
  };
  for (const n of names) {
    const kind = spells(n.plainFirst, n.plainLast) || spells(n.first, n.last);
    if (kind) return { first: n.first, last: n.last, kind };
  }
  return null;
}

/** True when s is one of these names' tokens (plain or canonical): a local part holding only that says little. */
export function isNamePart(names: NameView[], s: string): boolean {
  for (const n of names) {
    if (s === n.first || s === n.plainFirst || s === n.last || s === n.plainLast || n.middle.indexOf(s) >= 0) return true;
  }
  return false;
}

export function nameView(full: string): NameView | null {
  return nameViews(full)[0] || null;
}

/**
 * The views of one written name. A name of three or more words whose second-to-last word is not a given name
 * ("Julia Santos Ibáñez") also reads as first name + that word: Spanish and Portuguese names carry two
 * surnames, and their owners often write only the first of them.
 */
export function nameViews(full: string): NameView[] {
  const plain = plainTokens(full);
  if (!plain.length) return [];
  const tokens = plain.map(canonToken);
  const n = tokens.length;
  const first = tokens[0];
  const last = n > 1 ? tokens[n - 1] : '';
  const view: NameView = { full, first, last, plainFirst: plain[0] || first, plainLast: n > 1 ? plain[n - 1] || last : '', middle: tokens.slice(1, -1) };
  if (n < 3 || relatedNames(tokens[n - 2]) || givenNamePrior(tokens[n - 2]).floor > 0 || tokens[n - 2].length < 3) return [view];
  return [view, { full, first, last: tokens[n - 2], plainFirst: view.plainFirst, plainLast: plain[n - 2], middle: [...tokens.slice(1, -2), last] }];
}

const NONE: string[] = [];
/** customers.ts writes emails trimmed and in lower case: those need no copy */
const isPlainEmail = (e: string) => e === e.trim().toLowerCase();
const LATIN = /[a-z]/;

/**
 * A display name's tokens that can be compared with the orders' names: those written in a script the folding
 * reads (Latin, Cyrillic, Greek). "김민준" or "محمد" says nothing either way, rather than "someone else".
 */
export function readableTokens(name: string | undefined): string[] {
  const tokens = nameTokens(name);
  for (let i = 0; i < tokens.length; i++) if (!LATIN.test(tokens[i])) return tokens.filter((t) => LATIN.test(t));
  return tokens;
}

export function customerView(c: Customer): CustomerView {
  return viewOf(c, null);
}

/**
 * Every customer's view, the views of each written name made once for all customers who write it the same way:
 * one object for every "Fang Liu", so the matcher can remember what a follower's name makes of it (NameMemo).
 */
export function customerViews(customers: Customer[]): CustomerView[] {
  const shared = new Map<string, NameView[]>();
  return customers.map((c) => viewOf(c, shared));
}

function viewOf(c: Customer, shared: Map<string, NameView[]> | null): CustomerView {
  const names: NameView[] = [];
  for (const full of c.names) {
    let written = shared && shared.get(full);
    if (!written) {
      written = nameViews(full);
      if (shared) shared.set(full, written);
    }
    for (const v of written) if (!names.some((x) => x.first === v.first && x.last === v.last)) names.push(v);
  }
  const locals: LocalView[] = [];
  for (const e of c.emails) {
    const local = emailLocal(e);
    if (!local || locals.some((l) => l.local === local)) continue;
    const letters = digitsOff(local);
    locals.push({ local, letters, named: nameShaped(letters, names), names });
  }
  return { names, emails: c.emails.length ? (c.emails.every(isPlainEmail) ? c.emails : c.emails.map((e) => e.trim().toLowerCase())) : NONE, handles: c.handles.length ? c.handles.map((h) => h.toLowerCase().replace(/^@/, '')) : NONE, locals };
}

/** `isGivenName`: whether a token is known as a first name (frequencies.ts). */
export function followerView(f: Follower, isGivenName: (t: string) => boolean = () => true): FollowerView {
  const display = f.name ? readableTokens(f.name) : NONE;
  const handle = (f.handle || '').toLowerCase();
  const { letters: plainLetters, compact } = handleForms(handle);
  return {
    handle,
    email: f.email ? f.email.trim().toLowerCase() : '',
    compact,
    // the compact handle without digits is its letters
    compactLetters: plainLetters,
    plainLetters,
    canonLetters: canonToken(plainLetters),
    display,
    personLike: display.some(isGivenName),
    related: display.map(relatedNames),
    business: display.map(isBusinessWord),
  };
}

