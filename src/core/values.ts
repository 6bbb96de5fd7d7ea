// Cell cleaning and parsing by the rules of research/export-formats.md.
// Every function takes any Cell (string from CSV, number/boolean/Date from getValues) and never throws.
import type { Cell } from './types';

const DAY_MS = 86400000;
/** 1899-12-30, day 0 of Sheets and Excel serial dates, as days since the Unix epoch. */
const SERIAL_EPOCH_DAYS = 25569;

// ---------------------------------------------------------------------------------------------
// Text

/** What scrapers write for "unknown": R's NA, Python's None and empty list or dict, JSON's null (research:
 *  "Variants seen in real files", scraper CSVs). Read as a blank cell by every field reader. */
const UNKNOWN = /^\s*(na|n\/a|null|none|\[\s*\]|\{\s*\})\s*$/i;

/** True for a cell that says "unknown" the way scrapers write it: NA, N/A, null, None, [], {} (any case). */
export function isUnknown(v: Cell): boolean {
  if (typeof v !== 'string' || v.length > 8 || !v.length) return false;
  // (a cell that starts with a digit or a letter other than n is none of them: most cells, without the regex)
  const c = v.charCodeAt(0);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90 && c !== 78) || (c >= 97 && c <= 122 && c !== 110)) return false;
  return UNKNOWN.test(v);
}

/** True for null, undefined, '' and whitespace-only strings (a BOM counts as whitespace). */
export function isBlank(v: Cell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') {
    // (a printable ASCII character first is not white space: most cells, without the regex)
    const c = v.charCodeAt(0);
    if (c > 32 && c < 127) return false;
    return /^[\s\uFEFF\u200B]*$/.test(v);
  }
  return false;
}

/** Plain digits for a number, never an exponent (IDs and phones that Sheets turned into numbers). */
export function numberText(n: number): string {
  if (!isFinite(n)) return String(n);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Math.abs(n) >= 1) return BigInt(Math.round(n)).toString();
  return n.toFixed(20).replace(/\.?0+$/, '');
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** Date → ISO date `YYYY-MM-DD` when it falls on a midnight (local, as Sheets gives it, or UTC), else the full ISO instant. */
function dateText(d: Date): string {
  const t = d.getTime();
  if (isNaN(t)) return '';
  if (d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0)
    return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  if (t % DAY_MS === 0) return d.toISOString().slice(0, 10);
  return d.toISOString();
}

/**
 * A cell as clean text: trimmed, without BOM, leading apostrophe (Sheets/Shopify "keep as text" marker),
 * literal wrapping quotes, Meta/Latin-1 mojibake or runs of spaces. Newlines inside the text are kept.
 */
export function cleanText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanString(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  return cleanString(String(v));
}

/** Already clean: printable ASCII words with single spaces, not starting with a quote or apostrophe (most cells). */
const CLEAN_ASCII = /^[\x21\x23-\x26\x28-\x7E][\x21-\x7E]*(?: [\x21-\x7E]+)*$/;

function cleanString(raw: string): string {
  if (CLEAN_ASCII.test(raw)) return raw;
  let s = raw.replace(/[\uFEFF\u200B]/g, '').trim();
  if (s === '') return s;
  // Sheets' "keep as text" apostrophe, or single quotes around the whole value
  if (s.charCodeAt(0) === 39 /* ' */) s = (s.length > 2 && s.charCodeAt(s.length - 1) === 39 ? s.slice(1, -1) : s.slice(1)).trim();
  // Literal quotes around the whole value (double-quoted CSV pasted as text, Wix phones): strip one or two layers.
  for (let i = 0; i < 2 && s.length >= 2; i++) {
    const a = s[0];
    const b = s[s.length - 1];
    if ((a === '"' && b === '"') || (a === '\u201C' && b === '\u201D')) s = s.slice(1, -1).trim();
    else break;
  }
  if (s.length === 1 && s === '"') return '';
  if (/[\u00C0-\u00F4]/.test(s)) s = fixMojibake(s);
  return s.replace(/[ \t\u00A0]{2,}|[\t\u00A0]/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}

// ---------------------------------------------------------------------------------------------
// Mojibake: UTF-8 bytes that were decoded as Latin-1 (Meta JSON) or Windows-1252 (Excel).

const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
let cp1252Bytes: Map<string, number> | undefined;
function cp1252Byte(ch: string): number | undefined {
  if (!cp1252Bytes) {
    cp1252Bytes = new Map();
    for (let i = 0; i < CP1252_HIGH.length; i++) cp1252Bytes.set(CP1252_HIGH[i], 0x80 + i);
  }
  return cp1252Bytes.get(ch);
}

/** A UTF-8 lead byte as Latin-1/cp1252 followed by a continuation byte: the mark of mojibake. */
const MOJIBAKE_HINT =
  /[\u00C2-\u00F4][\u0080-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178]/;

/** Strict UTF-8 decode; undefined on any invalid sequence (overlong, surrogate, truncated). */
function decodeUtf8(bytes: number[]): string | undefined {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp: number;
    let n: number;
    if (b < 0x80) {
      cp = b;
      n = 0;
    } else if (b >= 0xc2 && b <= 0xdf) {
      cp = b & 0x1f;
      n = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      cp = b & 0x0f;
      n = 2;
    } else if (b >= 0xf0 && b <= 0xf4) {
      cp = b & 0x07;
      n = 3;
    } else return undefined;
    if (i + n >= bytes.length && n > 0) return undefined;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((n === 2 && cp < 0x800) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
      return undefined;
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

function repairOnce(s: string): string {
  if (!MOJIBAKE_HINT.test(s)) return s;
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c <= 0xff) bytes.push(c);
    else {
      const b = cp1252Byte(ch);
      if (b === undefined) return s; // a real character beyond Latin-1: the text was not mis-decoded as a whole
      bytes.push(b);
    }
  }
  const fixed = decodeUtf8(bytes);
  // Looks better: valid UTF-8, shorter, and no C1 control characters left.
  if (fixed === undefined || fixed.length >= s.length || /[\u0080-\u009F]/.test(fixed)) return s;
  return fixed;
}

/** "JosÃ©" → "José", "\u00e2\u0080\u0099" → "’"; text that is already right comes back unchanged. */
export function fixMojibake(s: string): string {
  const once = repairOnce(s);
  return once === s ? s : repairOnce(once); // some files were mis-decoded twice
}

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * Digits with `,` `.` `'` or spaces as separators → a number. `threeDigits` says how to read a single separator
 * followed by exactly three digits ("1,234", "1.234"): as thousands or as a decimal point. With both separators the
 * last one is the decimal point; repeated, a separator groups thousands (or Indian lakhs).
 */
function readDigits(body: string, threeDigits: { comma: 'thousands' | 'decimal'; dot: 'thousands' | 'decimal' }): number | undefined {
  if (/^\d+$/.test(body)) return Number(body);
  if (threeDigits.comma === 'thousands' && /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(body)) return Number(body.replace(/,/g, ''));
  if (/^\d+\.\d+$/.test(body) && (threeDigits.dot === 'decimal' || !/^[1-9]\d{0,2}\.\d{3}$/.test(body))) return Number(body);
  const s = body.replace(/[\s\u00A0\u202F\u2009']/g, '');
  if (!/^(\d+([.,]\d+)*[.,]?|[.,]\d+)$/.test(s)) return undefined;
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let normal: string;
  if (commas && dots) {
    const dec = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const thou = dec === ',' ? '.' : ',';
    if (s.split(dec).length - 1 > 1) return undefined;
    normal = s.split(thou).join('').replace(dec, '.');
  } else if (commas + dots === 0) normal = s;
  else {
    const sep = commas ? ',' : '.';
    const count = commas || dots;
    const parts = s.split(sep);
    if (count > 1) {
      // "1,234,567" / "1.234.567": thousands, each group three digits; Indian "1,23,45,678": twos, then three
      const middle = parts.slice(1, -1);
      const western = middle.every((p) => p.length === 3);
      const indian = middle.every((p) => p.length === 2) && parts[0].length <= 2;
      if (parts[parts.length - 1].length !== 3 || !(western || indian)) return undefined;
      normal = parts.join('');
    } else {
      const after = parts[1];
      const rule = sep === ',' ? threeDigits.comma : threeDigits.dot;
      const thousands = after.length === 3 && parts[0].length > 0 && parts[0].length <= 3 && parts[0] !== '0' && rule === 'thousands';
      normal = thousands ? parts[0] + after : parts[0] + '.' + after;
    }
  }
  const n = Number(normal);
  return isFinite(n) ? n : undefined;
}

const COUNT_SUFFIX: Record<string, number> = {
  k: 1e3, thousand: 1e3, tsd: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mil: 1e6, million: 1e6, mio: 1e6, b: 1e9, bn: 1e9, billion: 1e9,
};

/** True for a string of 1 to 15 ASCII digits (15: every such number is exact in a double). */
function isDigits(v: string): boolean {
  if (v.length === 0 || v.length > 15) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Follower/post counts: 1234, "1,234", "1.2k", "3M", "12 345", "1.234" (thousands), "1,2 k" (European). */
export function parseCount(v: Cell): number | undefined {
  if (typeof v === 'number') return isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || isUnknown(v)) return undefined;
  // digits alone (most cells of a count column) are the number they spell, without the pattern
  if (isDigits(v)) return Number(v);
  const s = cleanText(v).toLowerCase().replace(/\+$/, '');
  if (!s) return undefined;
  const m = /^([+-]?)\s*([\d.,'\s\u00A0\u202F\u2009]*\d[\d.,]*|[.,]\d+)\s*([a-z]*)\.?$/.exec(s);
  if (!m) return undefined;
  const suffix = m[3];
  let mult = 1;
  if (suffix) {
    mult = COUNT_SUFFIX[suffix];
    if (mult === undefined) return undefined;
  }
  // Without a suffix a count is whole, so one separator before three digits groups thousands; "1.2k" is a decimal.
  const rule = mult === 1 ? 'thousands' : 'decimal';
  const n = readDigits(m[2], { comma: rule, dot: rule });
  if (n === undefined) return undefined;
  const value = n * mult;
  if (!isFinite(value)) return undefined; // "999…9b" past the largest number is not a count
  return (m[1] === '-' ? -1 : 1) * (mult === 1 ? value : Math.round(value));
}

const PLAIN_AMOUNT = /^-?\d+(?:\.\d+)?$/;

/** Money: "$1,234.56", "(12.34)" → -12.34, "-$0.93", "$-0.93", "0,25" → 0.25, "1.250,00", "€12", "12.00 USD", "1'234.50 CHF". */
export function parseMoney(v: Cell): number | undefined {
  if (typeof v === 'number') return isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  let s = cleanText(v);
  if (!s) return undefined;
  // most exports write plain decimals ("40.00", "-5.5"): read them without the general rules
  if (PLAIN_AMOUNT.test(s)) return Number(s);
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1].trim();
  }
  if (/\d\s*\p{L}+\s*\d/u.test(s)) return undefined; // "1e5", "12 to 15": not an amount
  // currency symbols, and letter runs of at most three letters (USD, EUR, kr, zł, R$, Fr., Rs.)
  s = s.replace(/\p{Sc}/gu, ' ').replace(/(^|[^\p{L}])(\p{L}{1,3})\.?(?=$|[^\p{L}])/gu, '$1 ').trim();
  if (/\p{L}/u.test(s)) return undefined;
  s = s.replace(/\u2212/g, '-');
  const m = /^([+-]?)\s*([\d.,'\s\u00A0\u202F\u2009]*\d[\d.,]*|[.,]\d+)\s*(-?)$/.exec(s);
  if (!m) return undefined;
  if (m[1] === '-' || m[3] === '-') negative = !negative;
  // "1,250" is US thousands; "1.250" alone is read as a decimal (Shopify/Stripe write plain decimals).
  const n = readDigits(m[2], { comma: 'thousands', dot: 'decimal' });
  if (n === undefined) return undefined;
  return negative ? -n : n;
}

/** true/false, yes/no, y/n, 1/0, TRUE/FALSE, "x", "✓"; undefined when it is neither. */
export function parseBool(v: Cell): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (isUnknown(v)) return undefined;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const s = cleanText(v).toLowerCase();
  switch (s) {
    case 'true': case 'yes': case 'y': case '1': case 'x': case 't': case 'on': case 'checked': case '✓': case '✔': case '☑': case 'oui': case 'ja': case 'sí': case 'si':
      return true;
    case 'false': case 'no': case 'n': case '0': case 'f': case 'off': case 'unchecked': case '☐': case 'non': case 'nein': case 'nee':
      return false;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates (epoch ms, UTC; a wall-clock time without an offset is read as UTC)

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const ZONES: Record<string, number> = {
  z: 0, utc: 0, gmt: 0, ut: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, ist: 330, jst: 540, aest: 600, aedt: 660,
};

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].indexOf(m) >= 0 ? 30 : 31;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || s > 60) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/** " 12:08:27 -0700", "T10:00:00.123Z", " 3:04 PM", " 01:00:44 UTC" → [ms of day, offset minutes] */
function readTime(rest: string): { ms: number; offset: number } | undefined {
  const s = rest.trim().replace(/^(t|at|,)\s*/i, '').trim();
  if (!s) return { ms: 0, offset: 0 };
  const m = /^(?:(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(am|pm|a\.m\.|p\.m\.)?)?\s*(z|[a-z]{2,5}|(?:gmt|utc)?\s*[+-]\d{1,2}(?::?\d{2})?)?(?:\s*\([^)]*\))?$/i.exec(s);
  if (!m || (m[1] === undefined && m[6] === undefined)) return undefined;
  let h = m[1] ? Number(m[1]) : 0;
  const mi = m[2] ? Number(m[2]) : 0;
  const sec = m[3] ? Number(m[3]) : 0;
  const frac = m[4] ? Number((m[4] + '00').slice(0, 3)) : 0;
  const ampm = m[5] ? m[5][0].toLowerCase() : '';
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    if (ampm === 'p' && h < 12) h += 12;
    if (ampm === 'a' && h === 12) h = 0;
  }
  if (h > 24 || mi > 59 || sec > 60) return undefined;
  let offset = 0;
  if (m[6]) {
    const z = m[6].toLowerCase().replace(/\s+/g, '');
    const num = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
    if (num) offset = (num[1] === '-' ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3] || 0));
    else if (z in ZONES) offset = ZONES[z];
    else return undefined;
  }
  return { ms: ((h * 60 + mi) * 60 + sec) * 1000 + frac, offset };
}

function at(day: number | undefined, rest: string): number | undefined {
  if (day === undefined) return undefined;
  const t = readTime(rest);
  if (!t) return undefined;
  return day + t.ms - t.offset * 60000;
}

/** A number as a date: epoch ms (≥ 1e11), Unix seconds (≥ 1e8), YYYYMMDD, or a spreadsheet serial (days since 1899-12-30). */
function numberDate(n: number): number | undefined {
  if (!isFinite(n) || n <= 0) return undefined;
  if (n >= 1e11) return n < 1e14 ? Math.round(n) : undefined;
  if (n >= 1e8) return Math.round(n * 1000);
  if (n >= 19000101 && n <= 21001231 && Number.isInteger(n)) {
    const y = Math.floor(n / 10000);
    return utc(y, Math.floor(n / 100) % 100, n % 100);
  }
  if (n < 2958466) return Math.round((n - SERIAL_EPOCH_DAYS) * DAY_MS);
  return undefined;
}

/**
 * A date or instant as epoch ms (UTC). Accepts Date values, Unix seconds/ms, spreadsheet serials, ISO 8601 with or
 * without offset, "2026-05-12 12:08:27 -0700", MM/DD/YY(YY) (or DD/MM with order 'DMY', or when the day is > 12),
 * DD.MM.YYYY, "Dec 8, 2024", "12 Mar 2024", "Sat, 12 Mar 2024 10:00:00 GMT", "08-Dec-24".
 */
export function parseDate(v: Cell, order: 'MDY' | 'DMY' = 'MDY'): number | undefined {
  if (v === null || v === undefined || typeof v === 'boolean') return undefined;
  if (v instanceof Date) {
    const t = v.getTime();
    return isNaN(t) ? undefined : t;
  }
  if (typeof v === 'number') return numberDate(v);
  const s = cleanText(v);
  if (!s) return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return numberDate(Number(s));
  // the commonest shapes, without the general parser: "2024-03-12", "2024-03-12 10:00(:00)", and Shopify's
  // "2024-03-12 10:00:00 -0700" (an export's every row: the general parser took a tenth of reading the orders)
  let m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?(?: ?([+-])(\d\d):?(\d\d)|(Z))?)?$/.exec(s);
  if (m) {
    const t = utc(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
    return t === undefined || !m[7] ? t : t - (m[7] === '-' ? -1 : 1) * (+m[8] * 60 + +m[9]) * 60000;
  }
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/.exec(s);
  if (m) return at(utc(+m[1], +m[2], +m[3]), m[4]);
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)(.*)$/.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    let dmy = m[2] === '.' || order === 'DMY';
    if (a > 12 && b <= 12) dmy = true;
    else if (b > 12 && a <= 12) dmy = false;
    const y = fullYear(m[4]);
    return at(dmy ? utc(y, b, a) : utc(y, a, b), m[5]);
  }
  const t = s.toLowerCase().replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/, '');
  // "12 Mar 2024", "8-Dec-24", "1st March 2024"
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s/.-]+([a-z]{3,9})\.?,?[\s/.-]+(\d{4}|\d{2})(?!\d)(.*)$/.exec(t);
  if (m && MONTHS[m[2]]) return at(utc(fullYear(m[3]), MONTHS[m[2]], +m[1]), m[4]);
  // "Dec 8, 2024", "December 8 2024 3:04 PM"
  m = /^([a-z]{3,9})\.?[\s/.-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s/.-]+(\d{4})(?!\d)(.*)$/.exec(t);
  if (m && MONTHS[m[1]]) return at(utc(+m[3], MONTHS[m[1]], +m[2]), m[4]);
  // JavaScript's Date.toString(): "Tue Mar 12 2024 10:00:00 GMT+0100 (Central European Standard Time)" is covered above.
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/** IDs, phones and zips as text: cleanText plus any literal quote characters removed. "7.02255E+12" stays as written. */
export function cleanId(v: Cell): string {
  return cleanText(v).replace(/["\u201C\u201D]/g, '').trim();
}

/** A phone number as its digits (with a leading + kept); '' when too short or when Excel reduced it to an exponent. */
export function normalizePhone(v: Cell): string {
  const s = cleanId(v);
  if (/\d[.,]?\d*e\+?\d+$/i.test(s)) return '';
  const digits = s.replace(/[^\d]/g, '');
  if (digits.length < 7 || digits.length > 15) return '';
  return (/^\s*(\+|00)/.test(s) ? '+' : '') + (s.startsWith('00') ? digits.slice(2) : digits);
}

/** Lower-case trimmed email, or '' when the cell holds none. "Jane <Jane@Example.com>" and "mailto:" forms are read. */
export function normalizeEmail(v: Cell): string {
  let s = cleanId(v).toLowerCase();
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(s);
  if (angle) s = angle[1];
  s = s.replace(/^mailto:/, '').trim();
  return /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[a-z0-9-]{2,}$/.test(s) ? s : '';
}

/** Hosts whose profile URLs we can reduce to a handle, and the platform each belongs to. */
function platformOfHost(host: string): string | undefined {
  const h = host.replace(/^(www|m|mobile|web|l|lm|business)\./, '');
  if (/^(instagram\.com|instagr\.am)$/.test(h)) return 'instagram';
  if (/^(x\.com|twitter\.com)$/.test(h)) return 'x';
  if (/^(tiktok\.com|vm\.tiktok\.com)$/.test(h)) return 'tiktok';
  if (/^threads\.(net|com)$/.test(h)) return 'threads';
  if (h === 'bsky.app') return 'bluesky';
  if (/^(facebook\.com|fb\.com)$/.test(h)) return 'facebook';
  if (/^([a-z]{2}\.)?linkedin\.com$/.test(h)) return 'linkedin';
  if (/^pinterest\.(com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/.test(h) || /^[a-z]{2}\.pinterest\.com$/.test(h)) return 'pinterest';
  if (/^youtube\.com$/.test(h)) return 'youtube';
  return undefined;
}

/** The platform a profile URL belongs to ('instagram', 'x', …), or undefined. */
export function platformOfUrl(v: Cell): string | undefined {
  const u = splitUrl(cleanText(v));
  return u ? platformOfHost(u.host) : undefined;
}

function splitUrl(s: string): { host: string; path: string[]; query: string } | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i.exec(s.trim());
  if (!m) return undefined;
  // Without a scheme, only "host/path" or "www.host" counts as a URL ("jane.doe" is a handle).
  if (!/^[a-z][a-z0-9+.-]*:\/\/|^\/\//i.test(s) && !/^www\./i.test(m[1]) && !(m[2] && platformOfHost(m[1].toLowerCase())))
    return undefined;
  const path = (m[2] || '')
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { host: m[1].toLowerCase(), path, query: m[3] || '' };
}

function queryParam(query: string, name: string): string {
  const m = new RegExp('[?&]' + name + '=([^&]*)', 'i').exec(query);
  if (!m) return '';
  try {
    return decodeURIComponent(m[1].replace(/\+/g, ' '));
  } catch {
    return m[1];
  }
}

const RESERVED_FIRST: Record<string, string[]> = {
  instagram: ['p', 'reel', 'reels', 'tv', 'explore', 'accounts', 'direct', 'about', 'legal', 'developer'],
  x: ['i', 'home', 'search', 'hashtag', 'explore', 'settings', 'share', 'messages', 'notifications'],
  facebook: ['pages', 'groups', 'events', 'watch', 'marketplace', 'share', 'sharer', 'hashtag', 'photo', 'photo.php', 'story.php', 'permalink.php'],
  pinterest: ['pin', 'search', 'ideas', 'today'],
};

function handleFromUrl(u: { host: string; path: string[]; query: string }): string {
  const platform = platformOfHost(u.host);
  const p = u.path;
  const first = p[0] || '';
  switch (platform) {
    case 'instagram':
      if (first === '_u' || first === 'stories') return p[1] || '';
      return RESERVED_FIRST.instagram.indexOf(first) >= 0 ? '' : first;
    case 'x':
      if (first === 'intent' || first === 'intent.php') return queryParam(u.query, 'screen_name');
      return RESERVED_FIRST.x.indexOf(first.toLowerCase()) >= 0 ? '' : first;
    case 'tiktok':
    case 'threads':
    case 'youtube':
      return first.replace(/^@/, '');
    case 'bluesky':
      return first === 'profile' ? p[1] || '' : '';
    case 'facebook':
      if (first === 'profile.php') return queryParam(u.query, 'id');
      if (first === 'people' && p.length >= 3) return p[2];
      return RESERVED_FIRST.facebook.indexOf(first) >= 0 ? '' : first;
    case 'linkedin':
      return first === 'in' || first === 'company' || first === 'pub' ? p[1] || '' : '';
    case 'pinterest':
      return RESERVED_FIRST.pinterest.indexOf(first) >= 0 ? '' : first;
    default:
      // Mastodon and other fediverse servers: https://mastodon.social/@jane → jane@mastodon.social
      if (first.startsWith('@') && first.length > 1) return first.indexOf('@', 1) > 0 ? first.slice(1) : first.slice(1) + '@' + u.host;
      if (first === 'users' && p[1]) return p[1] + '@' + u.host;
      return '';
  }
}

/**
 * A social handle in normal form: lower case, no leading @, profile URL reduced to the handle; '' when none.
 * "@Jane.Doe" → "jane.doe"; instagram.com/(_u/)jane, x.com|twitter.com/jane, tiktok.com/@jane, threads.net|com/@jane,
 * bsky.app/profile/jane.bsky.social, facebook.com/jane, linkedin.com/in/jane, pinterest.com/jane; "@user@host" → "user@host".
 */
/** Sheets and Excel error values (a failed formula), never data. */
const ERROR_VALUE = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!)$/i;

/** True for a spreadsheet error value such as "#N/A" or "#REF!". */
export function isErrorValue(v: Cell): boolean {
  return typeof v === 'string' && v.length <= 20 && v.indexOf('#') >= 0 && ERROR_VALUE.test(v.trim());
}

/** A bare handle needs no URL or quote handling. */
const SIMPLE_HANDLE = /^@?[A-Za-z0-9._-]*[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export function normalizeHandle(v: Cell): string {
  if (typeof v === 'string' && SIMPLE_HANDLE.test(v)) {
    const h = (v.charCodeAt(0) === 64 ? v.slice(1) : v).replace(/[.]+$/, '');
    return h.toLowerCase();
  }
  let s = cleanId(v).replace(/[\u200B-\u200D\u2060]/g, '');
  if (!s || isErrorValue(s)) return '';
  const url = splitUrl(s);
  if (url) s = handleFromUrl(url);
  s = s
    .trim()
    .replace(/^@+/, '')
    .replace(/[/,;:.]+$/, '')
    .toLowerCase();
  // placeholders ("-", "?", "...", "n/a"): no letter, digit or underscore, or "n/a"
  if (!/[\p{L}\p{N}_]/u.test(s) || s === 'n/a') return '';
  return s;
}
