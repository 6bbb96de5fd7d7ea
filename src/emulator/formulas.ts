// A small formula evaluator, so formula cells give getValues() a computed value as in Sheets: constants,
// arithmetic and comparisons, `&`, CONCATENATE, SUM, IF, HYPERLINK and cell references; `#NAME?` for any other
// function. Also shifts a formula's relative references, as setFormula over a block does for each cell.
import type { Cell } from '../core/types';
import { columnLetter, columnNumber } from './a1';

/** Looks up a cell's value (1-based) on the formula's sheet or on the named one; undefined: no such sheet. */
export type CellLookup = (sheet: string | null, row: number, column: number) => Cell | undefined;

/** A reference as written: bounds may be open (whole columns `A:B`, whole rows `2:3`, `A2:A`). */
interface Ref {
  sheet: string | null;
  row1: number;
  col1: number;
  /** 0 = to the sheet's end */
  row2: number;
  col2: number;
}

type Node =
  | { k: 'value'; v: Cell }
  | { k: 'error'; code: string }
  | { k: 'ref'; ref: Ref }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

class FormulaError {
  constructor(readonly code: string) {}
}
type Value = Cell | FormulaError | Cell[][];

// One token at a time: strings, numbers, references (with an optional sheet), names, operators.
const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d*)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![\w(])|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_][\w.]*)|(<>|<=|>=|[-+*/^&=<>(),%]))/y;

interface Token {
  kind: 'str' | 'ref' | 'num' | 'name' | 'op';
  text: string;
  sheet?: string | null;
  at: number;
  end: number;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) throw new FormulaError('#ERROR!');
    const start = m.index + m[0].length - m[0].trimStart().length;
    const end = TOKEN.lastIndex;
    if (m[1]) out.push({ kind: 'str', text: m[1], at: start, end });
    else if (m[3]) out.push({ kind: 'ref', text: m[3], sheet: m[2] ? unquoteSheet(m[2].slice(0, -1)) : null, at: start, end });
    else if (m[4]) out.push({ kind: 'num', text: m[4], at: start, end });
    else if (m[5]) out.push({ kind: 'name', text: m[5], at: start, end });
    else out.push({ kind: 'op', text: m[6], at: start, end });
    at = end;
  }
  return out;
}

const unquoteSheet = (s: string) => (s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s);

function parseRef(text: string, sheet: string | null): Ref {
  const [a, b = a] = text.replace(/\$/g, '').toUpperCase().split(':');
  const part = (p: string) => /^([A-Z]*)(\d*)$/.exec(p)!;
  const [, c1, r1] = part(a);
  const [, c2, r2] = part(b);
  return { sheet, row1: r1 ? Number(r1) : 1, col1: c1 ? columnNumber(c1) : 1, row2: r2 ? Number(r2) : 0, col2: c2 ? columnNumber(c2) : 0 };
}

/** Recursive descent, lowest precedence first: comparison, &, + -, * /, ^, unary minus, percent. */
function parse(src: string): Node {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (...ops: string[]) => peek()?.kind === 'op' && ops.includes(peek().text);
  const expect = (op: string) => {
    if (!isOp(op)) throw new FormulaError('#ERROR!');
    i++;
  };
  const binary = (next: () => Node, ops: string[]) => () => {
    let a = next();
    while (isOp(...ops)) {
      const op = tokens[i++].text;
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const primary = (): Node => {
    const t = tokens[i++];
    if (!t) throw new FormulaError('#ERROR!');
    if (t.kind === 'num') return { k: 'value', v: Number(t.text) };
    if (t.kind === 'str') return { k: 'value', v: t.text.slice(1, -1).replace(/""/g, '"') };
    if (t.kind === 'ref') return { k: 'ref', ref: parseRef(t.text, t.sheet ?? null) };
    if (t.kind === 'op' && t.text === '(') {
      const e = comparison();
      expect(')');
      return e;
    }
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      // negation binds tighter than ^ in Sheets: =-2^2 is 4
      const a = primary();
      return t.text === '-' ? { k: 'neg', a } : a;
    }
    if (t.kind === 'name') {
      if (isOp('(')) {
        i++;
        const args: Node[] = [];
        if (!isOp(')')) {
          do args.push(isOp(',', ')') ? { k: 'value', v: '' } : comparison());
          while (isOp(',') && ++i);
        }
        expect(')');
        return { k: 'call', name: t.text.toUpperCase(), args };
      }
      if (/^(TRUE|FALSE)$/i.test(t.text)) return { k: 'value', v: /^TRUE$/i.test(t.text) };
      return { k: 'error', code: '#NAME?' };
    }
    throw new FormulaError('#ERROR!');
  };
  const percent = (): Node => {
    let a = primary();
    while (isOp('%')) {
      i++;
      a = { k: 'bin', op: '/', a, b: { k: 'value', v: 100 } };
    }
    return a;
  };
  const power = binary(percent, ['^']);
  const product = binary(power, ['*', '/']);
  const sum = binary(product, ['+', '-']);
  const concat = binary(sum, ['&']);
  const comparison = binary(concat, ['=', '<>', '<', '>', '<=', '>=']);
  const tree = comparison();
  if (i < tokens.length) throw new FormulaError('#ERROR!');
  return tree;
}

const parsed = new Map<string, Node | FormulaError>();

function parseCached(formula: string): Node | FormulaError {
  let p = parsed.get(formula);
  if (!p) {
    try {
      p = parse(formula.replace(/^=/, ''));
    } catch (e) {
      p = e instanceof FormulaError ? e : new FormulaError('#ERROR!');
    }
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(formula, p);
  }
  return p;
}

/** The functions the emulator computes; any other name gives #NAME?, which Sheets shows for a function it does not know. */
const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  SUM: (args) => {
    let total = 0;
    for (const a of args) {
      if (a instanceof FormulaError) return a;
      if (Array.isArray(a)) {
        // in a range only numbers count (text, booleans and blanks are skipped, as in Sheets)
        for (const row of a) for (const v of row) if (typeof v === 'number') total += v;
      } else {
        const n = toNumber(a);
        if (n instanceof FormulaError) return n;
        total += n;
      }
    }
    return total;
  },
  CONCATENATE: (args) => {
    let s = '';
    for (const a of args) {
      if (a instanceof FormulaError) return a;
      for (const v of Array.isArray(a) ? a.flat() : [a]) s += toText(v);
    }
    return s;
  },
  IF: (args) => {
    if (args.length < 2 || args.length > 3) return new FormulaError('#N/A');
    const c = scalar(args[0]);
    if (c instanceof FormulaError) return c;
    const yes = typeof c === 'boolean' ? c : typeof c === 'number' ? c !== 0 : c === '' ? false : null;
    if (yes === null) return new FormulaError('#VALUE!');
    return yes ? scalar(args[1]) : args.length === 3 ? scalar(args[2]) : false;
  },
  HYPERLINK: (args) => {
    if (args.length < 1 || args.length > 2) return new FormulaError('#N/A');
    const url = scalar(args[0]);
    if (url instanceof FormulaError) return url;
    const label = args.length === 2 ? scalar(args[1]) : url;
    return label instanceof FormulaError ? label : label === '' ? toText(url) : label;
  },
};

function scalar(v: Value): Cell | FormulaError {
  if (!Array.isArray(v)) return v;
  return v.length === 1 && v[0].length === 1 ? v[0][0] : new FormulaError('#VALUE!');
}

function toNumber(v: Value): number | FormulaError {
  const s = scalar(v);
  if (s instanceof FormulaError) return s;
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (s === '' || s === null || s === undefined) return 0;
  if (s instanceof Date) return s.getTime() / 86_400_000 + 25569; // a serial day number, as Sheets counts dates
  const n = Number(String(s).trim());
  return String(s).trim() !== '' && Number.isFinite(n) ? n : new FormulaError('#VALUE!');
}

function toText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Math.round(v * 1e10) / 1e10);
  return String(v);
}

function compare(a: Cell, b: Cell): number {
  const kind = (v: Cell) => (typeof v === 'number' || v === '' ? 0 : typeof v === 'string' ? 1 : 2);
  if (kind(a) !== kind(b)) return kind(a) - kind(b);
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  const x = Number(a || 0);
  const y = Number(b || 0);
  return x < y ? -1 : x > y ? 1 : 0;
}

function binaryOp(op: string, av: Value, bv: Value): Value {
  const a = scalar(av);
  if (a instanceof FormulaError) return a;
  const b = scalar(bv);
  if (b instanceof FormulaError) return b;
  if (op === '&') return toText(a) + toText(b);
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(a, b);
    return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  }
  const x = toNumber(a);
  if (x instanceof FormulaError) return x;
  const y = toNumber(b);
  if (y instanceof FormulaError) return y;
  if (op === '/' && y === 0) return new FormulaError('#DIV/0!');
  const r = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : Math.pow(x, y);
  return Number.isFinite(r) ? r : new FormulaError('#NUM!');
}

/** Sheet size, for open references (`A:A` ends at the last row of the grid). */
export type SheetSize = (sheet: string | null) => { rows: number; columns: number } | undefined;

function evaluateNode(n: Node, get: CellLookup, size: SheetSize): Value {
  switch (n.k) {
    case 'value':
      return n.v;
    case 'error':
      return new FormulaError(n.code);
    case 'neg': {
      const x = toNumber(evaluateNode(n.a, get, size));
      return x instanceof FormulaError ? x : -x;
    }
    case 'bin':
      return binaryOp(n.op, evaluateNode(n.a, get, size), evaluateNode(n.b, get, size));
    case 'call': {
      const f = FUNCTIONS[n.name];
      return f ? f(n.args.map((a) => evaluateNode(a, get, size))) : new FormulaError('#NAME?');
    }
    case 'ref': {
      const dims = size(n.ref.sheet);
      if (!dims) return new FormulaError('#REF!');
      const { row1, col1 } = n.ref;
      const row2 = n.ref.row2 || dims.rows;
      const col2 = n.ref.col2 || dims.columns;
      if (row2 > dims.rows || col2 > dims.columns) return new FormulaError('#REF!');
      const out: Cell[][] = [];
      for (let r = Math.min(row1, row2); r <= Math.max(row1, row2); r++) {
        const line: Cell[] = [];
        for (let c = Math.min(col1, col2); c <= Math.max(col1, col2); c++) {
          const v = get(n.ref.sheet, r, c);
          if (v instanceof FormulaError) return v;
          line.push(v === undefined ? '' : v);
        }
        out.push(line);
      }
      return out;
    }
  }
}

/** An error value a cell shows, e.g. '#DIV/0!' (what getValues() returns for it). */
export const isErrorText = (v: unknown): boolean => typeof v === 'string' && /^#(NAME\?|DIV\/0!|VALUE!|REF!|NUM!|N\/A|ERROR!)$/.test(v);

/**
 * A formula's value as getValues() gives it: a cell error as its text ('#NAME?'), a 1 × 1 range as its cell;
 * a larger range's top-left value (Sheets would spill it, which the emulator leaves to array-aware callers).
 * `get` may return an error text for a cell in a cycle.
 */
export function evaluateFormula(formula: string, get: CellLookup, size: SheetSize): Cell {
  const tree = parseCached(formula);
  if (tree instanceof FormulaError) return tree.code;
  const lookup: CellLookup = (sheet, row, column) => {
    const v = get(sheet, row, column);
    return isErrorText(v) ? (new FormulaError(String(v)) as unknown as Cell) : v;
  };
  let v = evaluateNode(tree, lookup, size);
  if (Array.isArray(v)) v = v[0]?.[0] ?? '';
  if (v instanceof FormulaError) return v.code;
  return v === null || v === undefined ? '' : v;
}

/** True when every function the formula calls is one the emulator computes (others keep the value they were given). */
export function computable(formula: string): boolean {
  const tree = parseCached(formula);
  if (tree instanceof FormulaError) return true; // shown as #ERROR!, as Sheets does for a formula it cannot parse
  const known = (n: Node): boolean =>
    n.k === 'call' ? n.name in FUNCTIONS && n.args.every(known) : n.k === 'bin' ? known(n.a) && known(n.b) : n.k === 'neg' ? known(n.a) : true;
  return known(tree);
}

/**
 * The formula as it reads `rows` down and `columns` right of where it was written: relative references move,
 * `$`-anchored parts stay; a reference moved off the grid's top or left becomes #REF!.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (!rows && !columns) return formula;
  let tokens: Token[];
  try {
    tokens = tokenize(formula.slice(1));
  } catch {
    return formula;
  }
  let out = '';
  let last = 0;
  for (const t of tokens) {
    if (t.kind !== 'ref') continue;
    const start = 1 + t.end - t.text.length;
    out += formula.slice(last, start) + shiftRef(t.text, rows, columns);
    last = 1 + t.end;
  }
  return out + formula.slice(last);
}

function shiftRef(text: string, rows: number, columns: number): string {
  const parts = text.split(':').map((p) => {
    const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(p)!;
    const col = m[2] ? (m[1] ? columnNumber(m[2]) : columnNumber(m[2]) + columns) : 0;
    const row = m[4] ? (m[3] ? Number(m[4]) : Number(m[4]) + rows) : 0;
    if ((m[2] && col < 1) || (m[4] && row < 1)) return null;
    return `${m[1]}${m[2] ? columnLetter(col) : ''}${m[3]}${m[4] ? row : ''}`;
  });
  return parts.some((p) => p === null) ? '#REF!' : parts.join(':');
}
