// Name normalisation for matching: folding accents and scripts to plain Latin letters, tokens,
// nicknames and string similarity. Pure functions; the lookup tables are built on first use.
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

/** Lower case, accents removed, Cyrillic/Greek and special Latin letters written in ASCII. */
export function foldText(s: string): string {
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
  return folded.replace(/([aou])e/g, '$1');
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'jr', 'sr', 'ii', 'iii']);

// "O'Brien" is one word; "Jane's Bakery" is Jane's.
function splitName(s: string): string[] {
  return foldText(s)
    .replace(/['’‘`]s\b/g, '')
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u);
}

/** Canonical name tokens of a person's name or a display name ("Dr. José  Müller-Lee" → jose, muller, lee). */
export function nameTokens(s: string | undefined): string[] {
  if (!s) return [];
  const out: string[] = [];
  for (const raw of splitName(s)) {
    if (!raw || TITLES.has(raw) || /^\d+$/.test(raw)) continue;
    out.push(canonToken(raw));
  }
  return out;
}

/** A name's folded tokens without the vowel collapse (for looking inside handles written as typed). */
export function plainTokens(s: string | undefined): string[] {
  if (!s) return [];
  return splitName(s).filter((t) => t && !TITLES.has(t) && !/^\d+$/.test(t));
}

/** A handle's letters only, folded ("Jane_Doe.87" → "janedoe"). canonToken of it lines up with canonical tokens. */
export function handleLetters(handle: string): string {
  return foldText(handle).replace(/[^\p{L}]+/gu, '');
}

/** A handle's parts split on separators and digits ("jane_doe_designs" → jane, doe, designs). */
export function handleParts(handle: string): string[] {
  return foldText(handle)
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map(canonToken);
}

// Mailbox names that say nothing about the person.
const GENERIC_LOCAL = new Set([
  'info', 'hello', 'hi', 'contact', 'admin', 'sales', 'mail', 'office', 'shop', 'store', 'orders', 'order',
  'support', 'team', 'noreply', 'billing', 'accounts', 'studio', 'me', 'email', 'test',
]);

/** An email's mailbox name with separators removed and the +tag dropped; '' when generic or absent. */
export function emailLocal(email: string | undefined): string {
  if (!email) return '';
  const at = email.indexOf('@');
  const local = foldText(at >= 0 ? email.slice(0, at) : email).split('+')[0];
  const compact = local.replace(/[^\p{L}\p{N}]+/gu, '');
  return GENERIC_LOCAL.has(compact.replace(/\d+$/, '')) ? '' : compact;
}

/** A handle with separators removed (jane.doe_ → janedoe), for comparison with an email local part. */
export function compactHandle(handle: string): string {
  return foldText(handle).replace(/[^\p{L}\p{N}]+/gu, '');
}

// Words that shops and creators add to a display name ("Jane Doe Ceramics"): not a different person's name.
const BUSINESS =
  'art arts artist atelier bakery beauty boutique by co company crafts creates creations creative ' +
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

/** token → formal names it is a nickname of (canonical tokens); built on first use. */
function nicknames(): Map<string, string[]> {
  if (!nickMap) {
    nickMap = new Map();
    for (const group of NICKNAMES.split('|')) {
      const [formalRaw, nicks] = group.split(':');
      const formal = canonToken(formalRaw);
      for (const nickRaw of nicks.split(' ')) {
        const nick = canonToken(nickRaw);
        const list = nickMap.get(nick);
        if (list) list.push(formal);
        else nickMap.set(nick, [formal]);
      }
    }
  }
  return nickMap;
}

/** The formal names a given name may stand for, itself first (bill → bill, robert, william). */
export function givenNameKeys(token: string): string[] {
  const formals = nicknames().get(token);
  return formals ? [token, ...formals] : [token];
}

/** True when one name is a nickname of the other, or both are nicknames of one name (Jen~Jennifer, Bill~Will). */
export function isNickname(a: string, b: string): boolean {
  if (a === b) return false;
  const fa = nicknames().get(a);
  const fb = nicknames().get(b);
  if (fa && fa.indexOf(b) >= 0) return true;
  if (fb && fb.indexOf(a) >= 0) return true;
  if (fa && fb) for (const x of fa) if (fb.indexOf(x) >= 0) return true;
  return false;
}

// ---- similarity ------------------------------------------------------------------------------

/** Jaro-Winkler similarity, 0..1 (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  const ma = new Uint8Array(la);
  const mb = new Uint8Array(lb);
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
