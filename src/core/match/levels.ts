// The comparison ladder, in the style of Splink (Fellegi-Sunter): each comparison is a list of levels written
// as data; the first level whose test holds gives the comparison's weight, log2(m/u), where m = P(level | same
// person) and u = P(level | different people). u of name levels is term-frequency adjusted: a shared rare
// surname says more than a shared "Smith". m and u are in one place each: the level's entry below.
import { givenNameKeys, similarNames } from '../names';
import type { Frequencies } from './frequencies';
import { FITTED, U_SCALE_FITTED } from './weights';
import { isNamePart, type CustomerView, type FollowerView, type LocalView, type NameView } from './views';

/** One comparison's level for a pair, with its weight and the evidence in words. */
export interface LevelHit {
  comparison: string;
  level: string;
  weight: number;
  says: string;
}

export interface Level<P> {
  /** short id, used by tests and by the evidence text */
  id: string;
  when: (p: P, f: FollowerView) => boolean;
  /** P(level | same person) */
  m: number;
  /** P(level | different people): a constant, or computed from term frequencies */
  u: number | ((p: P, tf: Frequencies) => number);
  /**
   * u when the name comparison already agrees: the two are not independent when both read the name off the
   * handle, so what is left is that a namesake picked the same spelling (Fellegi-Sunter assumes independence).
   */
  uIfNameAgrees?: number;
  /** m when the name comparison already agrees (fitted on the true pairs whose name agrees) */
  mIfNameAgrees?: number;
  /**
   * What the u above is multiplied by: the different-person pairs that reach the level over the pairs its u
   * expects, counted on the training problems (U_SCALE_FITTED). Only levels whose u reads the customer's side
   * alone and whose pairs the blocking index finds every one of have one.
   */
  uScale?: number;
  /** plain-language evidence for the Reasons column ('' = say nothing) */
  says: (p: P) => string;
  /** an exact shared string: the handle written in an order, the same email, the email local part = handle */
  exact?: boolean;
  /** the level's weight does not count when a level marked `exact` holds for the pair */
  moot?: boolean;
}

export interface Comparison<P> {
  name: string;
  /** How many values the customer has to grade (several emails, several names); 0 = no data, no weight. */
  count: (c: CustomerView, f: FollowerView) => number;
  /** The k-th value, as the levels read it (the best level over all values counts). */
  fact: (f: FollowerView, c: CustomerView, k: number) => P;
  levels: Level<P>[];
}

export type FirstInDisplay = 'exact' | 'nick' | 'fuzzy' | 'initial' | 'none';
export type FirstInHandle = 'exact' | 'nick' | 'initial' | 'none';

export interface NameFacts {
  name: NameView;
  /** how the customer's first name shows in the display name */
  first: FirstInDisplay;
  /** the display-name token that matched as first name (for "Jen = Jennifer") */
  firstAs: string;
  last: 'exact' | 'fuzzy' | 'none';
  /** the display name or the handle gives the surname's initial after the first name ("James S.", @james.s) */
  lastInitial: boolean;
  /** the display-name token that matched as a near surname (Patil for Patel) */
  lastAs: string;
  handleFirst: FirstInHandle;
  handleFirstAs: string;
  handleLast: boolean;
  /** the follower shows a display name */
  display: boolean;
  /** display-name words the customer's name does not explain (business words and short words aside) */
  others: number;
}


const HANDLE: Comparison<string[]> = {
  name: 'handle written in an order',
  count: (c) => (c.handles.length ? 1 : 0),
  fact: (f, c) => c.handles,
  levels: [
    { id: 'handle', when: (handles, f) => handles.indexOf(f.handle) >= 0, m: FITTED['handle'].m, u: 1e-7, says: () => 'handle written in an order', exact: true },
    // A different handle in the orders is mild evidence against: it may be another platform's.
    { id: 'other-handle', when: () => true, m: FITTED['other-handle'].m, u: FITTED['other-handle'].u ?? 0.99, says: () => '' },
  ],
};

const FOLLOWER_EMAIL: Comparison<string[]> = {
  name: "follower's email",
  count: (c, f) => (f.email && c.emails.length ? 1 : 0),
  fact: (f, c) => c.emails,
  levels: [
    { id: 'same-email', when: (emails, f) => !!f.email && emails.indexOf(f.email) >= 0, m: FITTED['same-email'].m, u: 1e-8, says: () => 'same email', exact: true },
    // people keep a work email and a shopping email: another email is mild evidence against
    { id: 'other-email', when: (emails, f) => !!f.email, m: FITTED['other-email'].m, u: FITTED['other-email'].u ?? 0.999, says: () => '' },
  ],
};

const EMAIL: Comparison<LocalView> = {
  name: 'email local part vs handle',
  count: (c) => c.locals.length,
  fact: (f, c, k) => c.locals[k],
  levels: [
    // A long local part that is not just the person's name is near proof; so is a short one with digits (rm48@
    // and @rm48): letters and digits together are a chosen string, not a word.
    {
      id: 'email=handle',
      when: (p, f) => p.local === f.compact && (p.local.length >= 6 ? !p.named : p.local.length >= 4 && p.letters.length >= 2 && p.letters !== p.local),
      m: FITTED['email=handle'].m,
      u: 1e-7,
      says: () => 'email matches handle',
      exact: true,
    },
    // ana.silva90@ and @ana_silva90: the name and the same digits. A namesake picks that spelling (one in twenty)
    // and those digits (a birth year or a small number: one in thirty for two digits, fewer for more) now and
    // then: strong for a rare name, far from proof for one that dozens of followers share.
    {
      id: 'email=handle-digits',
      when: (p, f) => !!p.named && p.letters !== p.local && p.local === f.compact,
      m: FITTED['email=handle-digits'].m,
      u: (p, tf) => namedShare(p, tf) * 0.05 * digitsShare(p.local.length - p.letters.length),
      uIfNameAgrees: 0.05 * 0.03,
      says: () => 'email matches handle',
      exact: true,
    },
    // jane.doe@ and @jane.doe: a stranger's handle is this string when they have that name and picked that
    // spelling of it (one namesake in twenty): rare names make it strong, "maria" or "jsmith" weak.
    {
      id: 'email=handle-name',
      when: (p, f) => p.local.length >= 4 && p.local === f.compact,
      m: FITTED['email=handle-name'].m,
      u: (p, tf) => namedShare(p, tf) * 0.05,
      uIfNameAgrees: FITTED['email=handle-name|name'].u ?? 0.05,
      mIfNameAgrees: FITTED['email=handle-name|name']?.m,
      says: () => 'email matches handle',
    },
    {
      id: 'email~handle',
      when: (p, f) => isChosenLocal(p) && p.letters === f.compactLetters,
      m: FITTED['email~handle'].m,
      u: (p) => chosenStringShare(p.letters.length),
      // word pairs are shared far more often than their length says, and an email with digits after the words
      // (jollystudio35@) says the bare words were already someone's: counted, many times the share argued here
      uScale: U_SCALE_FITTED['email~handle'] ?? 1,
      says: () => 'email matches handle (apart from digits)',
    },
    {
      id: 'email~handle-name',
      when: (p, f) => p.letters.length >= 4 && p.letters === f.compactLetters,
      m: FITTED['email~handle-name'].m,
      u: (p, tf) => namedShare(p, tf) * 0.2,
      uIfNameAgrees: FITTED['email~handle-name|name'].u ?? 0.2,
      mIfNameAgrees: FITTED['email~handle-name|name']?.m,
      says: () => 'email matches handle (apart from digits)',
    },
    {
      id: 'email-in-handle',
      // (not when the shared part is only one of the customer's names: "francesco" in francescoferretti1998@)
      when: (p, f) => {
        if (p.named) return false;
        const a = p.letters;
        const b = f.compactLetters;
        const shared = a.length <= b.length ? (a.length >= 6 && b.indexOf(a) >= 0 ? a : '') : b.length >= 6 && a.indexOf(b) >= 0 ? b : '';
        return !!shared && !isNamePart(p.names, shared);
      },
      m: FITTED['email-in-handle'].m,
      u: 1e-5,
      says: () => 'email and handle share a word',
    },
    // An email that spells the customer's name (juliaboyd85@) and a handle that does not: people who pick their
    // name for one often pick it for the other, so this says more against than a differing chosen word does.
    { id: 'named-email-differs', when: (p) => !!p.named, m: FITTED['named-email-differs'].m, u: FITTED['named-email-differs'].u ?? 0.5, says: () => '' },
    { id: 'email-differs', when: () => true, m: FITTED['email-differs'].m, u: FITTED['email-differs'].u ?? 0.999, says: () => '' },
  ],
};

/** An email local part that is a chosen string of five letters or more, not the person's name (email~handle's side). */
export const isChosenLocal = (p: LocalView): boolean => !p.named && p.letters.length >= 5;

/**
 * Share of strangers whose handle has these letters, for a chosen string that is not a name ("velvetybrush",
 * "mossfox"): a five-letter word pair is shared now and then, each letter more makes it about half as likely
 * (a word pair of twelve letters is one handle in millions), never below an exact string's share.
 */
function chosenStringShare(length: number): number {
  return Math.max(1e-7, 1e-5 * Math.pow(0.5, Math.max(0, length - 5)));
}

/** Share of people who would add these digits to a name: two digits are a birth year or a small number. */
function digitsShare(digits: number): number {
  return Math.min(1, 3 * Math.pow(10, -digits));
}

/** Share of people whose name the local part spells this way (jdoe: surname and initial). */
function namedShare(p: LocalView, tf: Frequencies): number {
  const n = p.named;
  if (!n) return 1;
  switch (n.kind) {
    case 'full':
      return tf.full(n.first, n.last);
    case 'initial-last':
      return tf.last(n.last) * INITIAL_SHARE;
    case 'first-initial':
      return tf.first(n.first) * INITIAL_SHARE;
    case 'first':
      return tf.first(n.first);
    default:
      return tf.last(n.last);
  }
}

// Stand-ins for "how often do two strangers' first names agree this way", by level.
const NICK_SHARE = 0.004;
const FUZZY_SHARE = 0.003;
const INITIAL_SHARE = 0.07;
/** Share of people who show a word of their name besides first name and one surname (two-surname names: half). */
const OTHER_SHARE = 0.2;

/** Share of people whose first name is a nickname or formal form of this one (Jack: John, Jackson, …). */
function relatedShare(first: string, tf: Frequencies): number {
  let share = 0;
  for (const r of givenNameKeys(first)) if (r !== first) share += tf.first(r);
  return Math.max(share, NICK_SHARE);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Share of strangers with the customer's full name (Frequencies.full), or more when other followers show
 * that very name (of k followers named alike, at least k - 1 are strangers).
 */
const fullTf = (p: NameFacts, tf: Frequencies) =>
  Math.max(tf.full(p.name.first, p.name.last), (tf.followersNamed(p.name.first, p.name.last) - 1) / tf.followers);
const fullName = (p: NameFacts) => p.name.full;
/** The display shows a longer surname holding the customer's ("Martinez" for Martin): the handle's is that one. */
const surnameIsDisplays = (p: NameFacts) => p.last === 'fuzzy' && p.lastAs.indexOf(p.name.last) >= 0;

const NAME: Comparison<NameFacts> = {
  name: 'name vs display name and handle',
  count: (c) => c.names.length,
  fact: (f, c, k) => nameFacts(f, c.names[k]),
  levels: [
    {
      // "Luis Moreno Valtuaga" for customer Luis Cabrera Moreno: the whole name, and a word of a name that is not
      // the customer's (another second surname, a maiden name): namesakes show one far more often than she would
      id: 'full+other',
      when: (p) => !!p.name.last && p.first === 'exact' && p.last === 'exact' && p.others > 0,
      m: FITTED['full+other'].m,
      uScale: U_SCALE_FITTED['full+other'] ?? 1,
      u: (p, tf) => fullTf(p, tf) * OTHER_SHARE,
      says: (p) => `name matches ${fullName(p)}`,
    },
    {
      id: 'full+handle',
      when: (p) => !!p.name.last && p.first === 'exact' && p.last === 'exact' && p.handleFirst === 'exact' && p.handleLast,
      m: FITTED['full+handle'].m,
      uScale: U_SCALE_FITTED['full+handle'] ?? 1,
      // a stranger with the same name shows it this way as often as the customer would
      u: (p, tf) => fullTf(p, tf) * FITTED['full+handle'].m,
      says: (p) => `name and handle match ${fullName(p)}`,
    },
    {
      id: 'full',
      when: (p) => !!p.name.last && p.first === 'exact' && p.last === 'exact',
      m: FITTED['full'].m,
      uScale: U_SCALE_FITTED['full'] ?? 1,
      u: (p, tf) => fullTf(p, tf) * FITTED['full'].m,
      says: (p) => `name matches ${fullName(p)}`,
    },
    {
      id: 'full-in-handle',
      // (a display name with a different spelling of the first name makes "carol" inside "carolyncruz" a coincidence;
      // a display name that names no one, "Dusty Notes" for @hannah.falkbraibauer, takes nothing from the handle)
      when: (p, f) =>
        !!p.name.last && p.handleFirst === 'exact' && p.handleLast && (p.others === 0 || !f.personLike) && p.first !== 'nick' && p.first !== 'fuzzy' && !surnameIsDisplays(p),
      m: FITTED['full-in-handle'].m,
      uScale: U_SCALE_FITTED['full-in-handle'] ?? 1,
      u: (p, tf) => fullTf(p, tf) * FITTED['full-in-handle'].m,
      says: (p) => `handle spells ${fullName(p)}`,
    },
    {
      // "Shiilah Sonleim" or "Becky Riakzi" shown, @shilah.sonleim / @itsrebeccariakzi as handle: the handle spells
      // the whole name, so a typo or a nickname in the display name leaves the full name's evidence
      id: 'near+handle',
      when: (p) =>
        !!p.name.last && p.handleFirst === 'exact' && p.handleLast && p.others === 0 && !surnameIsDisplays(p) &&
        (((p.first === 'fuzzy' || p.first === 'nick') && p.last === 'exact') || (p.first === 'exact' && p.last === 'fuzzy')),
      m: FITTED['near+handle'].m,
      uScale: U_SCALE_FITTED['near+handle'] ?? 1,
      u: (p, tf) => fullTf(p, tf) * FITTED['near+handle'].m,
      says: (p) => `handle spells ${fullName(p)}`,
    },
    {
      id: 'nickname',
      when: (p) => !!p.name.last && ((p.first === 'nick' && p.last === 'exact') || (p.handleFirst === 'nick' && p.handleLast && p.last !== 'fuzzy')),
      m: FITTED['nickname'].m,
      // a stranger with that surname whose own name is the nickname, or one of that very name who uses a nickname
      u: (p, tf) => tf.last(p.name.last) * (0.6 * relatedShare(p.name.first, tf) + FITTED['nickname'].m * tf.first(p.name.first)),
      says: (p) => `nickname ${capitalise(p.first === 'nick' ? p.firstAs : p.handleFirstAs)} for ${fullName(p)}`,
    },
    {
      id: 'near-first',
      when: (p) => !!p.name.last && p.first === 'fuzzy' && p.last === 'exact',
      m: FITTED['near-first'].m,
      // a slip, or a stranger whose own first name is the one written (Clare for Claire: common, so weak)
      u: (p, tf) => tf.last(p.name.last) * (FUZZY_SHARE + tf.first(p.firstAs)),
      says: (p) => `name close to ${fullName(p)}`,
    },
    {
      id: 'near-last',
      when: (p) => !!p.name.last && p.first === 'exact' && p.last === 'fuzzy',
      m: FITTED['near-last'].m,
      // a slip, or a stranger whose own surname is the one written (Patil for Patel, Meyer for Meier)
      u: (p, tf) => tf.first(p.name.first) * (FUZZY_SHARE * 0.3 + tf.last(p.lastAs)),
      says: (p) => `name close to ${fullName(p)}`,
    },
    {
      id: 'initial',
      // (@a.olmstuaga beside "Winter Bakery": a phrase takes nothing from the handle, as for full-in-handle)
      when: (p, f) =>
        !!p.name.last &&
        ((p.first === 'initial' && p.last === 'exact') || (p.handleFirst === 'initial' && p.handleLast && (p.others === 0 || !f.personLike))),
      m: FITTED['initial'].m,
      // a stranger with that surname and initial who also writes only the initial
      u: (p, tf) => tf.last(p.name.last) * INITIAL_SHARE * FITTED['initial'].m,
      says: (p) => `initial and surname match ${fullName(p)}`,
    },
    {
      // "James Smith" for customer John Smith: another person of the family, if anything
      id: 'first-differs',
      when: (p) => !!p.name.last && p.last === 'exact' && p.first === 'none' && p.others > 0,
      m: FITTED['first-differs'].m,
      u: (p, tf) => tf.last(p.name.last),
      says: () => '',
    },
    {
      id: 'near-both',
      when: (p) => !!p.name.last && (p.first === 'fuzzy' || p.first === 'nick') && p.last === 'fuzzy',
      m: FITTED['near-both'].m,
      u: (p, tf) => 2e-6 + tf.first(p.firstAs) * tf.last(p.lastAs),
      says: (p) => `name close to ${fullName(p)}`,
    },
    {
      id: 'surname-only',
      when: (p) =>
        !!p.name.last && p.first === 'none' && p.others === 0 && (p.last === 'exact' || (p.handleLast && p.name.last.length >= 4)),
      m: FITTED['surname-only'].m,
      u: (p, tf) => tf.last(p.name.last) * 0.5,
      says: (p) => `surname ${p.name.plainLast} matches`,
    },
    {
      id: 'first+initial',
      // (not when the handle spells another surname of that initial: "Pooja P." as @pooja.patil for Pooja Patel)
      when: (p, f) => p.last === 'none' && p.lastInitial && (p.others === 0 || !f.personLike) && !otherSurnameInHandle(f, p.name),
      m: FITTED['first+initial'].m,
      // a stranger of that first name and initial who writes it this way as often
      u: (p, tf) => tf.first(p.name.first) * INITIAL_SHARE * (FITTED['first+initial'].m),
      says: (p) => `first name and initial match ${fullName(p)}`,
    },
    {
      id: 'first-only',
      when: (p) => (p.first === 'exact' || p.first === 'nick') && p.others === 0 && p.last === 'none',
      m: FITTED['first-only'].m,
      u: (p, tf) => tf.first(p.name.first),
      says: (p) => `first name ${p.name.plainFirst} matches`,
    },
    {
      id: 'first-only-handle',
      // (a display name that names no one, "Cosmic Nest" beside @draibuel13, leaves the handle to speak)
      when: (p, f) => (!p.display || !f.personLike) && (p.handleFirst === 'exact' || p.handleFirst === 'nick') && p.name.first.length >= 4,
      m: FITTED['first-only-handle'].m,
      u: (p, tf) => tf.first(p.name.first) * 0.6,
      says: (p) => `first name ${p.name.plainFirst} in handle`,
    },
    // A display name that names someone else argues against; no display name says nothing, and one that names
    // no one ("Salty Moth", a shop) says what the fit finds.
    { id: 'name-differs', when: (p, f) => p.display && f.personLike, m: FITTED['name-differs'].m, u: FITTED['name-differs'].u ?? 0.99, says: () => '' },
    // (a phrase says "brand account", on which an exact shared string has already ruled: dropped beside one)
    { id: 'display-no-name', when: (p) => p.display, m: FITTED['display-no-name'].m, u: FITTED['display-no-name'].u ?? 0.1, says: () => '', moot: true },
  ],
};

/** The ladder: every comparison adds its level's weight. */
const NAME_CMP = NAME as Comparison<unknown>;
/**
 * Name levels after which a level's uIfNameAgrees applies: the name comparison has already read the name (the
 * whole name, or an initial and the surname), so an email local part that spells it says less (@jtaylor and
 * jtaylor@ are one piece of evidence, not two).
 */
export const NAME_AGREES = ['full+handle', 'full', 'full-in-handle', 'near+handle', 'initial', 'first+initial'];
export const LADDER = [HANDLE, FOLLOWER_EMAIL, NAME, EMAIL] as Comparison<unknown>[];

// ---- facts about one customer name vs one follower -----------------------------------------------

const RANK: Record<FirstInDisplay, number> = { exact: 4, nick: 3, fuzzy: 2, initial: 1, none: 0 };

function nameFacts(f: FollowerView, n: NameView): NameFacts {
  const d = f.display;
  let first: FirstInDisplay = 'none';
  let firstAt = -1;
  let lastAt = -1;
  let last: NameFacts['last'] = 'none';
  let lastAs = '';
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
        lastAs = d[i];
        break;
      }
    }
  }
  let others = 0;
  for (let i = 0; i < d.length; i++) {
    // (a short word is a particle or an initial, unless it is a given name: "Jo" of "Joe Taylor" is not James)
    if (i !== firstAt && i !== lastAt && (d[i].length > 2 || f.related[i] !== undefined) && !f.business[i] && n.middle.indexOf(d[i]) < 0) others++;
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
    const at = surnameAt(h, firstTok, lastTok);
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
  // "James S." in the display name, or @james.s / @jamess as the handle when the display name shows nothing else
  let lastInitial = false;
  if (n.last && last === 'none') {
    if (first === 'exact') for (let i = 0; i < d.length; i++) if (i !== firstAt && d[i] === n.last[0]) lastInitial = true;
    if (!lastInitial && (first === 'exact' || !d.length || !f.personLike)) {
      lastInitial = firstThenInitial(f.plainLetters, n.plainFirst, n.plainLast) || firstThenInitial(f.canonLetters, n.first, n.last);
    }
  }
  return { name: n, first, firstAs: firstAt >= 0 ? d[firstAt] : '', last, lastAs, lastInitial, handleFirst, handleFirstAs, handleLast, display: d.length > 0, others };
}

/**
 * Where the surname sits in the handle's letters, -1 when it is not there. A two-letter surname counts only as the
 * handle's whole other half (@dakaio.wu, @wu_dakaio): inside a longer handle two letters are a coincidence.
 */
function surnameAt(h: string, first: string, last: string): number {
  if (last.length >= 3) return h.indexOf(last);
  if (last.length !== 2 || first.length < 3 || h.length !== first.length + 2) return -1;
  if (h.startsWith(first) && h.endsWith(last)) return first.length;
  return h.startsWith(last) && h.endsWith(first) ? 0 : -1;
}

/**
 * The handle writes the first name, then a surname of the same initial that is not this one ("poojapatil" for
 * Pooja Patel): the display name's "P." is that other surname's.
 */
function otherSurnameInHandle(f: FollowerView, n: NameView): boolean {
  const h = f.plainLetters;
  const at = h.indexOf(n.plainFirst);
  if (at < 0 || !n.plainLast) return false;
  const rest = h.slice(at + n.plainFirst.length);
  return rest.length >= 4 && rest[0] === n.plainLast[0] && !rest.startsWith(n.plainLast) && !n.plainLast.startsWith(rest);
}

/** letters = first + the surname's initial ("jamess" for James Simmons), without making the string. */
function firstThenInitial(letters: string, first: string, last: string): boolean {
  return letters.length === first.length + 1 && letters.charCodeAt(first.length) === last.charCodeAt(0) && letters.startsWith(first);
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


/**
 * What the name comparison made of each customer name for one follower: the level's index and its weight. A
 * name's weight depends only on the follower and the name (no level before it changes it), and customers who
 * write a name alike share its view (customerViews), so a follower is compared with each "Fang Liu" once.
 */
export type NameMemo = Map<NameView, { level: number; weight: number }>;

/** The name comparison's first level that holds for this name, and its weight; null when none does. */
function nameLevel(fv: FollowerView, n: NameView, tf: Frequencies, memo: NameMemo | null): { level: number; weight: number } | null {
  const known = memo && memo.get(n);
  if (known) return known.level < 0 ? null : known;
  const p = nameFacts(fv, n);
  const levels = NAME.levels;
  let hit = { level: -1, weight: 0 };
  for (let l = 0; l < levels.length; l++) {
    const level = levels[l];
    if (!level.when(p, fv)) continue;
    hit = { level: l, weight: levelWeight(level.m, uOf(level, p, tf)) };
    break;
  }
  if (memo) memo.set(n, hit);
  return hit.level < 0 ? null : hit;
}

/** A level's u for this pair, its fitted scale applied. */
export function uOf<P>(level: Level<P>, p: P, tf: Frequencies): number {
  const u = typeof level.u === 'number' ? level.u : level.u(p, tf);
  return level.uScale === undefined ? u : u * level.uScale;
}

const levelWeight = (m: number, u: number) => Math.log2(m / Math.min(0.999, Math.max(u, 1e-12)));

/** The ladder's total weight for one pair; with `detail`, the level of every comparison and its evidence. */
export function scorePair(fv: FollowerView, c: CustomerView, tf: Frequencies, prior: number, detail: LevelHit[] | null, memo: NameMemo | null = null): number {
  let weight = prior;
  // the name comparison comes before the email's: a level may price itself by whether the name agreed
  let nameAgrees = false;
  let exact = false;
  let moot = 0;
  // (only Reasons need to know which entries were moot: no array for the pairs scored without detail)
  const mootAt: number[] | undefined = detail ? [] : undefined;
  for (let x = 0; x < LADDER.length; x++) {
    const cmp = LADDER[x];
    const count = cmp.count(c, fv);
    let best = -Infinity;
    let bestLevel: Level<unknown> | null = null;
    let says = '';
    if (cmp === NAME_CMP && !detail) {
      for (let k = 0; k < count; k++) {
        const hit = nameLevel(fv, c.names[k], tf, memo);
        if (hit && hit.weight > best) {
          best = hit.weight;
          bestLevel = NAME_CMP.levels[hit.level];
        }
      }
    } else for (let k = 0; k < count; k++) {
      const p = cmp.fact(fv, c, k);
      for (let l = 0; l < cmp.levels.length; l++) {
        const level = cmp.levels[l];
        if (!level.when(p, fv)) continue;
        const given = nameAgrees && level.uIfNameAgrees !== undefined;
        const u = given ? level.uIfNameAgrees! : uOf(level, p, tf);
        const m = given && level.mIfNameAgrees !== undefined ? level.mIfNameAgrees : level.m;
        const w = levelWeight(m, u);
        if (w > best) {
          best = w;
          bestLevel = level;
          if (detail) says = level.says(p);
        }
        break;
      }
    }
    if (bestLevel) {
      if (cmp === NAME_CMP && NAME_AGREES.indexOf(bestLevel.id) >= 0) nameAgrees = true;
      if (bestLevel.exact) exact = true;
      if (bestLevel.moot) {
        moot += best;
        if (detail && mootAt) mootAt.push(detail.length);
      }
      weight += best;
      if (detail) detail.push({ comparison: cmp.name, level: bestLevel.id, weight: best, says });
    }
  }
  if (exact && moot) {
    weight -= moot;
    if (detail && mootAt) for (const k of mootAt) detail[k].weight = 0;
  }
  return weight;
}

