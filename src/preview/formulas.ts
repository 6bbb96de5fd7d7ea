// Custom-function cells in the preview: `=NAME(arg, …)` where NAME is one of the bundle's `@customfunction`
// globals and each argument is an A1 reference (A2:A, B2:D10, 'Tab'!A2), a number, a "string" or TRUE/FALSE.
// The result spills down and right from the formula cell, like an array formula in Sheets.
import { parseA1, type A1Range } from '../preview-page/a1';

export type Arg = { kind: 'range'; ref: A1Range; text: string } | { kind: 'value'; value: string | number | boolean };

export interface FormulaCall {
  name: string;
  args: Arg[];
}

/** The names of the top-level functions in Code.js whose JSDoc says `@customfunction`. */
export function customFunctionNames(code: string): string[] {
  const names: string[] = [];
  const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  for (let m; (m = re.exec(code)); ) if (/@customfunction\b/.test(m[1])) names.push(m[2]);
  return names;
}

/** Splits on commas outside quotes and parentheses. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "'" ) {
      const end = s.indexOf("'", i + 1);
      if (end > i) i = end;
    } else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  if (quoted) throw new Error('a "quoted text" is not closed');
  out.push(s.slice(start));
  return out.map((a) => a.trim());
}

/**
 * Parses `=NAME(args)`. Throws an Error with a message for the user when the text is a formula the preview
 * cannot evaluate (only the add-on's custom functions are supported).
 */
export function parseFormula(text: string, functions: string[]): FormulaCall {
  const m = /^=\s*([A-Za-z_][\w.]*)\s*\(([\s\S]*)\)\s*$/.exec(text.trim());
  if (!m) throw new Error(`The preview evaluates only the add-on's functions, like =${functions[0] ?? 'FOLLOWBACK_SCORE'}(A2:A)`);
  const name = m[1].toUpperCase();
  const known = functions.find((f) => f.toUpperCase() === name);
  if (!known) throw new Error(`Unknown function ${m[1]}: the preview evaluates only ${functions.join(', ')}`);
  const body = m[2].trim();
  const args: Arg[] = [];
  if (body !== '') {
    for (const raw of splitArgs(body)) {
      if (raw === '') {
        args.push({ kind: 'value', value: '' });
        continue;
      }
      if (/^"([^"]|"")*"$/.test(raw)) args.push({ kind: 'value', value: raw.slice(1, -1).replace(/""/g, '"') });
      else if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw)) args.push({ kind: 'value', value: Number(raw) });
      else if (/^(TRUE|FALSE)$/i.test(raw)) args.push({ kind: 'value', value: /^TRUE$/i.test(raw) });
      else {
        const ref = parseA1(raw);
        if (!ref) throw new Error(`Cannot read the argument ${raw}: use a range like A2:A, a number or "text"`);
        args.push({ kind: 'range', ref, text: raw });
      }
    }
  }
  return { name: known, args };
}

/** A custom function's return value as a rectangle: a scalar is 1×1, a flat array a column, a 2-D array as is. */
export function toRectangle(result: unknown): unknown[][] {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : v);
  if (!Array.isArray(result)) return [[cell(result)]];
  if (result.length === 0) return [['']];
  if (!result.some(Array.isArray)) return result.map((v) => [cell(v)]);
  const width = Math.max(1, ...result.map((r) => (Array.isArray(r) ? r.length : 1)));
  return result.map((r) => {
    const line = Array.isArray(r) ? r.map(cell) : [cell(r)];
    while (line.length < width) line.push('');
    return line;
  });
}
