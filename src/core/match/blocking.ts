// The blocking index: which customers a follower is compared with. Candidates come from a handle written in
// an order, an email local part, first name + surname (nicknames filed under their formal names), near
// spellings and initial + surname when no exact name matches, and a rare surname or first name alone for
// followers who show only one name; so the cost grows with followers × block size, never with all pairs, and
// a name shared by dozens of customers is not looked up at all. Blocks are arrays of customer numbers.
import { formalsOf, similarNames } from '../names';
import type { CustomerView, FollowerView } from './views';

/** What one name token opens in the blocking index. */
interface TokenBlocks {
  /** customers with this first name (or one it is a nickname of), by surname */
  asFirst?: Keyed;
  /** customers with this first name, by the first two / last three letters of the surname (near spellings) */
  prefix?: Keyed;
  suffix?: Keyed;
  /** customers with this surname, by first initial */
  initials?: Keyed;
  /** customers with this first name, by the surname's initial ("Wei Y.", @patricia.a) */
  lastInitials?: Keyed;
  surname?: number[];
  first?: number[];
  /** the spelling as typed (without the vowel collapse) that is in the trie besides the token, '' when none */
  inTrie?: string;
}

/**
 * Every field present from the start, in one order: one shape for every token's blocks, so the loads of the
 * index build and of every follower's lookups see one shape, not one for each order the fields came in.
 */
function newTokenBlocks(): TokenBlocks {
  return { asFirst: undefined, prefix: undefined, suffix: undefined, initials: undefined, lastInitials: undefined, surname: undefined, first: undefined, inTrie: undefined };
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
  const kd = k || { keys: [], blocks: [], map: undefined };
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
  /** customers whose email local part without its digits and marks is this (and is more than their name) */
  letters?: number[];
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


/** The index over the customers: `candidateIds` fills the strong candidates and lists the weak blocks. */
export interface Blocking {
  /**
   * Candidate customers for a follower. Strong blocks (handle, email, name pairs, near spellings,
   * initial + surname) fill `out`; `weak` lists the blocks of a rare surname or first name alone, which can
   * only make a Possible and are looked at only when the strong blocks found nothing likely.
   */
  candidateIds(fv: FollowerView, out: number[], weak: (number[] | undefined)[]): void;
  /** Adds a weak block's customers not yet taken for this follower (none when the block is too large). */
  takeWeak(out: number[], block: number[] | undefined): void;
}

export function createBlocking(views: CustomerView[]): Blocking {
  const n = views.length;
  // Blocking index. One map entry a name token holds every block that token opens, so a follower's token
  // costs one lookup in the big map; pair keys (first name + surname) live in small inner maps.
  const byToken = new Map<string, TokenBlocks>();
  const byText = new Map<string, TextBlocks>(); // handles written in orders, email local parts
  // whole emails, for followers whose tab gives one: built the first time one does (most lists have none)
  let byEmail: Map<string, number[]> | undefined;
  const emailIndex = (): Map<string, number[]> => {
    if (!byEmail) {
      byEmail = new Map();
      for (let i = 0; i < views.length; i++) for (const e of views[i].emails) byEmail.set(e, push(byEmail.get(e), i));
    }
    return byEmail;
  };
  const tokenBlocks = (t: string): TokenBlocks => {
    let b = byToken.get(t);
    if (!b) byToken.set(t, (b = newTokenBlocks()));
    return b;
  };
  const textBlocks = (t: string): TextBlocks => {
    let b = byText.get(t);
    if (!b) byText.set(t, (b = { handle: undefined, local: undefined, letters: undefined, localStart: undefined }));
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
        bl.letters = push(bl.letters, i);
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
      first.lastInitials = keyedAdd(first.lastInitials, nm.last.charCodeAt(0), i);
      if (nm.plainLast && nm.plainLast.charCodeAt(0) !== nm.last.charCodeAt(0)) first.lastInitials = keyedAdd(first.lastInitials, nm.plainLast.charCodeAt(0), i);
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
   * The customers whose email local part is this text, and those whose local part without digits is (a stem
   * shared by dozens of customers, user1@, user2@, … for @user_12, tells none of them apart, and scoring every one
   * of them would cost as much as the rest of the list).
   */
  const takeLocal = (out: number[], b: TextBlocks | undefined) => {
    if (!b) return;
    take(out, b.local);
    take(out, b.letters, MAX_SOLO_BLOCK);
  };

  /**
   * Candidate customers for a follower. Strong blocks (handle, email, name pairs, near spellings,
   * initial + surname) fill `out`; `weak` lists the blocks of a rare surname or first name alone, which can
   * only make a Possible and are looked at only when the strong blocks found nothing likely.
   */
  function candidateIds(fv: FollowerView, out: number[], weak: (number[] | undefined)[]): void {
    stamp++;
    if (fv.email) take(out, emailIndex().get(fv.email));
    if (fv.handle) {
      const h = byText.get(fv.handle);
      if (h) take(out, h.handle);
      takeLocal(out, fv.compact === fv.handle ? h : byText.get(fv.compact));
      if (fv.compactLetters.length >= 4 && fv.compactLetters !== fv.compact) takeLocal(out, byText.get(fv.compactLetters));
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
    if (out.length === before) takeFirstAndInitial(fv, tokens, blocks, out);
    // a surname or a first name alone can only make a Possible, and only for a follower who shows no more
    // than that one name (two names that match nobody are a stranger's; a phrase, "Cosmic Nest", names no one)
    if (shown >= 2 && fv.personLike) return;
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

  /**
   * First name + the surname's initial, when no pair of names found anyone: "Wei Y." as the display name, or
   * @patricia.a / @robertw as the handle (the first name found inside it, one letter after it).
   */
  function takeFirstAndInitial(fv: FollowerView, tokens: string[], blocks: (TokenBlocks | undefined)[], out: number[]): void {
    for (let a = 0; a < tokens.length; a++) {
      const by = blocks[a] && blocks[a]!.lastInitials;
      const t = tokens[a];
      if (!by || t.length < 3) continue;
      for (let k = 0; k < fv.display.length; k++) if (fv.display[k].length === 1) take(out, keyedGet(by, fv.display[k].charCodeAt(0)), MAX_SOLO_BLOCK);
      takeInitialAfter(out, by, fv.canonLetters, t);
      if (fv.plainLetters !== fv.canonLetters) takeInitialAfter(out, by, fv.plainLetters, t);
    }
  }

  /** The handle's letters are the first name and one letter more: that letter's block of this first name. */
  function takeInitialAfter(out: number[], by: Keyed, letters: string, first: string): void {
    if (letters.length === first.length + 1 && letters.startsWith(first)) take(out, keyedGet(by, letters.charCodeAt(first.length)), MAX_SOLO_BLOCK);
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



  return { candidateIds, takeWeak: (out, block) => take(out, block, MAX_SOLO_BLOCK) };
}
