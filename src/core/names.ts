// Name normalisation for matching: folding accents and scripts to plain Latin letters, tokens,
// nicknames and string similarity. Pure functions; the lookup tables are built on first use.
import { distance } from 'fastest-levenshtein';
import { NICKNAMES } from './nicknames';

// Letters that Unicode decomposition does not reduce to a base letter plus marks,
// and basic Cyrillic and Greek (a full transliteration library is too big for the bundle).
const SPECIAL =
  'ł l|đ d|ø o|ß ss|æ ae|œ oe|þ th|ð d|ı i|ħ h|ŋ n|ŀ l|' +
  'а a|б b|в v|г g|д d|е e|ж zh|з z|и i|й y|к k|л l|м m|н n|о o|п p|р r|с s|т t|у u|ф f|х kh|ц ts|ч ch|' +
  'ш sh|щ shch|ъ |ы y|ь |э e|ю yu|я ya|і i|ї yi|є ye|ґ g|ў u|' +
  'α a|β v|γ g|δ d|ε e|ζ z|η i|θ th|ι i|κ k|λ l|μ m|ν n|ξ x|ο o|π p|ρ r|σ s|ς s|τ t|υ y|φ f|χ ch|ψ ps|ω o';

let specialMap: Map<string, string> | undefined;
function special(): Map<string, string> {
  if (!specialMap) {
    specialMap = new Map();
    for (const pair of SPECIAL.split('|')) {
      const [from, to] = pair.split(' ');
      specialMap.set(from, to || '');
    }
  }
  return specialMap;
}

const MARKS = /[\u0300-\u036f]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, accents removed, Cyrillic/Greek and special Latin letters written in ASCII. */
export function foldText(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  // й would otherwise decompose to и + breve and read "i".
  const lower = s
    .toLowerCase()
    .replace(/й/g, 'y')
    .replace(/ου/g, 'ou')
    .normalize('NFD')
    .replace(MARKS, '');
  let out = '';
  const map = special();
  for (const ch of lower) {
    const to = map.get(ch);
    out += to === undefined ? ch : to;
  }
  return out;
}

/**
 * One spelling per token: folded, and German/Scandinavian vowel spellings collapsed, so that
 * Müller, Mueller and Muller all read "muller" (applied to both sides, so harmless elsewhere).
 */
export function canonToken(folded: string): string {
  return folded.indexOf('e') > 0 && /[aou]e/.test(folded) ? folded.replace(/([aou])e/g, '$1') : folded;
}

const TITLES = ' mr mrs ms miss mx dr prof sir jr sr ii iii ';
const isTitle = (t: string) => t.length <= 4 && TITLES.indexOf(' ' + t + ' ') >= 0;

// "O'Brien" is one word; "Jane's Bakery" is Jane's.
const APOSTROPHES = /['’‘`]/;

function splitName(s: string): string[] {
  let folded = foldText(s);
  if (APOSTROPHES.test(folded)) folded = folded.replace(/['’‘`]s\b/g, '').replace(/['’‘`]/g, '');
  return ASCII.test(folded) ? folded.split(/[^a-z0-9]+/) : folded.split(/[^\p{L}\p{N}]+/u);
}

/** Canonical name tokens of a person's name or a display name ("Dr. José  Müller-Lee" → jose, muller, lee). */
export function nameTokens(s: string | undefined): string[] {
  if (!s) return [];
  if (ASCII.test(s)) return asciiTokens(s);
  const out: string[] = [];
  for (const raw of splitName(s)) {
    if (!raw || isTitle(raw) || /^\d+$/.test(raw)) continue;
    out.push(canonToken(raw));
  }
  return out;
}

/** nameTokens for plain ASCII text in one pass (most display names): no regular expressions, no folding. */
function asciiTokens(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  let digitsOnly = true;
  let token = '';
  const end = (i: number) => {
    if (start >= 0) {
      token += s.slice(start, i).toLowerCase();
      start = -1;
    }
  };
  const flush = () => {
    if (token && !digitsOnly && !isTitle(token)) out.push(canonToken(token));
    token = '';
    digitsOnly = true;
  };
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    const digit = c >= 48 && c <= 57;
    if (letter || digit) {
      if (start < 0) start = i;
      if (letter) digitsOnly = false;
    } else if (c === 39 || c === 96) {
      // an apostrophe: "Jane's" is Jane, "O'Brien" is one word
      end(i);
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) | 32 : 32;
      const after = i + 2 < s.length ? s.charCodeAt(i + 2) : 32;
      const afterIsWord = (after >= 97 && after <= 122) || (after >= 65 && after <= 90) || (after >= 48 && after <= 57);
      if (next === 115 && !afterIsWord) i++;
    } else {
      end(i);
      flush();
    }
  }
  return out;
}

/** A name's folded tokens without the vowel collapse (for looking inside handles written as typed). */
export function plainTokens(s: string | undefined): string[] {
  if (!s) return [];
  return splitName(s).filter((t) => t && !isTitle(t) && !/^\d+$/.test(t));
}

// Mailbox names that say nothing about the person.
const GENERIC_LOCAL =
  ' info hello hi contact admin sales mail office shop store orders order support team noreply billing accounts studio me email test ';

/** An email's mailbox name with separators removed and the +tag dropped; '' when generic or absent. */
export function emailLocal(email: string | undefined): string {
  if (!email) return '';
  const at = email.indexOf('@');
  let local = foldText(at >= 0 ? email.slice(0, at) : email);
  const plus = local.indexOf('+');
  if (plus >= 0) local = local.slice(0, plus);
  const compact = ASCII.test(local) ? local.replace(/[^a-z0-9]+/g, '') : local.replace(/[^\p{L}\p{N}]+/gu, '');
  return GENERIC_LOCAL.indexOf(' ' + compact.replace(/\d+$/, '') + ' ') >= 0 ? '' : compact;
}

/** A handle's letters ("Jane_Doe.87" → "janedoe") and its letters and digits ("janedoe87"), folded once. */
export function handleForms(handle: string): { letters: string; compact: string } {
  const folded = foldText(handle);
  if (ASCII.test(folded)) {
    const compact = folded.replace(/[^a-z0-9]+/g, '');
    return { letters: /\d/.test(compact) ? compact.replace(/\d+/g, '') : compact, compact };
  }
  return { letters: folded.replace(/[^\p{L}]+/gu, ''), compact: folded.replace(/[^\p{L}\p{N}]+/gu, '') };
}

// Words that shops and creators add to a display name ("Jane Doe Ceramics"): not a different person's name.
const BUSINESS =
  'art arts artist atelier bakery beauty boutique by ceramics co company crafts creates creations creative ' +
  'creator design designs fashion fitness handmade home illustration jewelry jewellery kitchen ' +
  'life makes maker official photo photography pottery shop store studio studios the vintage with';
let businessSet: Set<string> | undefined;

/** True for a canonical token that is a shop or creator word rather than a name. */
export function isBusinessWord(token: string): boolean {
  if (!businessSet) businessSet = new Set(BUSINESS.split(' ').map(canonToken));
  return businessSet.has(token);
}

// ---- nicknames -------------------------------------------------------------------------------

let nickMap: Map<string, string[]> | undefined;
let formalMap: Map<string, string[]> | undefined;

/** token → names it is a nickname of or has as nickname (canonical tokens, both directions); built on first use. */
function nicknames(): Map<string, string[]> {
  if (!nickMap) {
    const map = new Map<string, string[]>();
    const link = (a: string, b: string) => {
      const list = map.get(a);
      if (!list) map.set(a, [b]);
      else if (list.indexOf(b) < 0) list.push(b);
    };
    const formals = new Map<string, string[]>();
    for (const group of NICKNAMES.split('|')) {
      const [formalRaw, nicks] = group.split(':');
      const formal = canonToken(formalRaw);
      const variants = nicks.split(' ').map(canonToken);
      for (const nick of variants) {
        if (nick === formal) continue;
        link(nick, formal);
        link(formal, nick);
        const up = formals.get(nick);
        if (!up) formals.set(nick, [formal]);
        else if (up.indexOf(formal) < 0) up.push(formal);
        // spellings of one nickname (jen, jenn, jenny; kate, katie) are the same name too; other nicknames
        // of one name are not linked to each other: Bill is a nickname of both Robert and William
        for (const other of variants) {
          if (other !== nick && other !== formal && nick.length >= 3 && other.slice(0, 3) === nick.slice(0, 3)) link(nick, other);
        }
      }
    }
    nickMap = map;
    formalMap = formals;
  }
  return nickMap;
}

/**
 * The formal names a given name is a nickname of (jen → jennifer; bill → robert, william), undefined for
 * none. Blocking files a name under itself and these, so nicknames of one formal name share a key.
 */
export function formalsOf(token: string): string[] | undefined {
  if (!formalMap) nicknames();
  return formalMap!.get(token);
}

/** A given name and the names it may stand for or be short for (bill → bill, robert, william, billy, …). */
export function givenNameKeys(token: string): string[] {
  const related = nicknames().get(token);
  return related ? [token, ...related] : [token];
}

/** The names listed as nicknames of this one or as the name it is short for; undefined when none. */
export function relatedNames(token: string): string[] | undefined {
  return nicknames().get(token);
}

/** True when one name is listed as a nickname of the other (Jen~Jennifer, Bill~William, Will~Bill). */
export function isNickname(a: string, b: string): boolean {
  if (a === b) return false;
  const related = nicknames().get(a);
  return !!related && related.indexOf(b) >= 0;
}

// ---- how common a name is, before looking at the customers -------------------------------------

// Among the most frequent surnames and given names worldwide (US census, Hispanic, East and South Asian,
// European lists): a floor under their frequency when the customer list is too small to show it.
const COMMON_SURNAMES =
  'smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson ' +
  'anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis ' +
  'robinson walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera ' +
  'campbell mitchell carter roberts kim patel singh kumar shah wang li zhang chen liu yang huang zhao wu zhou ' +
  'khan ali ahmed mohamed hassan silva santos oliveira souza pereira muller schmidt schneider fischer weber ' +
  'meyer rossi russo ferrari tran le pham park choi jung kang cho sato suzuki takahashi tanaka watanabe ' +
  'ivanov petrov smirnov kowalski nowak murphy kelly oconnor walsh jensen nielsen hansen johansson andersson';
const COMMON_GIVEN =
  'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony ' +
  'mark paul steven andrew joshua kevin brian george edward mary patricia jennifer linda elizabeth barbara ' +
  'susan jessica sarah karen lisa nancy betty margaret sandra ashley emily michelle amanda melissa maria ' +
  'jose juan luis carlos ana sofia mohammed muhammad ahmed fatima ali wei li yan jing hui min ji priya ' +
  'anna emma olivia sophia mia laura julia david daniel alex sam chris';
let commonSurnames: Set<string> | undefined;
let commonGiven: Set<string> | undefined;

/** How common a surname is among people in general: [typical share, floor] (the floor for the most common ones). */
export function surnamePrior(token: string): { share: number; floor: number } {
  if (!commonSurnames) commonSurnames = new Set(COMMON_SURNAMES.split(' ').map(canonToken));
  return commonSurnames.has(token) ? { share: 5e-3, floor: 5e-3 } : { share: 1e-4, floor: 0 };
}

/** How common a given name is among people in general: [typical share, floor]. */
export function givenNamePrior(token: string): { share: number; floor: number } {
  if (!commonGiven) commonGiven = new Set(COMMON_GIVEN.split(' ').map(canonToken));
  if (commonGiven.has(token)) return { share: 5e-3, floor: 5e-3 };
  return { share: nicknames().has(token) ? 5e-4 : 2e-4, floor: 0 };
}

// ---- similarity ------------------------------------------------------------------------------

/** Near spellings of one name: Jaro-Winkler for swaps and endings, edit distance for a dropped or added letter. */
export function similarNames(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3 || a === b) return a === b;
  if (Math.abs(a.length - b.length) > 3) return false;
  // a slip rarely touches both of the first two letters: skip the arithmetic for names that differ there
  if (a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(1) !== b.charCodeAt(1)) return false;
  const short = Math.min(a.length, b.length);
  if (jaroWinkler(a, b) >= (short <= 4 ? 0.92 : 0.9)) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  const d = distance(a, b);
  return (short >= 4 && d <= 1) || (short >= 8 && d <= 2);
}

/** Jaro-Winkler similarity, 0..1 (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  // flags reused between calls: this runs for every candidate pair
  if (!jwA || jwA.length < la || !jwB || jwB.length < lb) {
    jwA = new Uint8Array(Math.max(64, la));
    jwB = new Uint8Array(Math.max(64, lb));
  }
  const ma = jwA;
  const mb = jwB;
  ma.fill(0, 0, la);
  mb.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        ma[i] = mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) t++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

let jwA: Uint8Array | undefined;
let jwB: Uint8Array | undefined;
