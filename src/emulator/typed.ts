// How Sheets stores what a user (or setValue) "types" into a cell, and how it displays a value.
import type { Cell } from '../core/types';

export const TEXT_FORMAT = '@';
/** What getNumberFormat() returns for a cell nobody formatted. */
export const DEFAULT_FORMAT = '0.###############';

/** What a number format is stored as: 'General' (any case) is the automatic format, which reads back as DEFAULT_FORMAT. */
export function storedFormat(format: unknown): string {
  const f = String(format);
  return f.toLowerCase() === 'general' || f === DEFAULT_FORMAT ? (undefined as unknown as string) : f;
}

export interface Typed {
  value: Cell;
  /** set when the input became a formula */
  formula?: string;
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONEY = /^(-?)\$(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/**
 * setValue(s) semantics: strings are parsed as if typed unless the cell's format is plain text ('@').
 * `=…`, `+…` and `-…` (when not a number) become formulas; numeric text becomes a number; TRUE/FALSE booleans;
 * a leading apostrophe keeps the rest literal and is not stored.
 */
export function typeIn(input: unknown, format: string | undefined): Typed {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : '#NUM!' };
  if (typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  const s = String(input);
  if (format === TEXT_FORMAT) return { value: s };
  if (s === '') return { value: '' };
  if (s[0] === "'") return { value: s.slice(1) };
  const t = s.trim();
  if (t && NUMBER.test(t) && /\d/.test(t)) return { value: Number(t.replace(/,/g, '')) };
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100 };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  const money = MONEY.exec(t);
  if (money) return { value: Number(`${money[1]}${money[2].replace(/,/g, '')}${money[3] || ''}`) };
  // Dates as an en_US spreadsheet in the UTC time zone reads them ("2024-03-12", "2024-03-12 13:05", "3/12/2024").
  const iso = ISO_DATE.exec(t);
  if (iso) return { value: new Date(Date.UTC(+iso[1], +iso[2] - 1, +iso[3], +(iso[4] || 0), +(iso[5] || 0), +(iso[6] || 0))) };
  const us = US_DATE.exec(t);
  if (us && +us[1] >= 1 && +us[1] <= 12 && +us[2] >= 1 && +us[2] <= 31) return { value: new Date(Date.UTC(+us[3], +us[1] - 1, +us[2])) };
  if (s[0] === '=' && s.length > 1) return { value: '', formula: s };
  // Sheets turns "+x" / "-x" into "=+x" / "=-x"; the emulator does not evaluate them.
  if ((s[0] === '+' || s[0] === '-') && s.length > 1) return { value: '#ERROR!', formula: `=${s}` };
  return { value: s };
}

/** getDisplayValues(): what the cell shows (the script time zone is UTC). */
export function display(v: Cell): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) return `${v.getUTCMonth() + 1}/${v.getUTCDate()}/${v.getUTCFullYear()}`;
  if (typeof v === 'number') return String(Math.round(v * 1e10) / 1e10);
  return String(v);
}
