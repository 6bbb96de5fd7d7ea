// What each side of a comparison looks like once normalised: a customer's names and email local parts,
// a follower's handle forms and display-name tokens, computed once per customer or follower, not per pair.
import type { Customer, Follower } from '../types';
import { canonToken, emailLocal, handleForms, isBusinessWord, nameTokens, plainTokens, relatedNames } from '../names';

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
  /** the local part is just the customer's name */
  named: boolean;
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
  /** per display token: a shop word ("studio", "ceramics") rather than a name */
  business: boolean[];
}

const digitsOff = (s: string) => s.replace(/\d+/g, '');

/** True when an email's letters are only the person's name (janedoe, jdoe, doejane, janed, jane). */
function nameShaped(letters: string, names: NameView[]): boolean {
  const spells = (f: string, l: string) =>
    letters === f || (!!l && (letters === l || letters === f + l || letters === l + f || letters === f[0] + l || letters === f + l[0]));
  for (const n of names) if (spells(n.plainFirst, n.plainLast) || spells(n.first, n.last)) return true;
  return false;
}

export function nameView(full: string): NameView | null {
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

export function customerView(c: Customer): CustomerView {
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
  return { names, emails: c.emails.length ? c.emails.map((e) => e.trim().toLowerCase()) : NONE, handles: c.handles.length ? c.handles.map((h) => h.toLowerCase().replace(/^@/, '')) : NONE, locals };
}

export function followerView(f: Follower): FollowerView {
  const display = f.name ? nameTokens(f.name) : NONE;
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
    related: display.map(relatedNames),
    business: display.map(isBusinessWord),
  };
}

