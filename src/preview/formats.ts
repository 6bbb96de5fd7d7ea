// Renders conditional-format rules the way Sheets does: for each cell, the first rule (in sheet order) whose
// ranges hold the cell and whose condition is true gives the background. Conditions are evaluated generically:
// the criteria types of BooleanCriteria and custom formulas made of references, literals, comparisons and
// AND/OR/NOT/ISBLANK (e.g. =$M2="Follow back"), with references relative to the top-left cell of the rule's first range.
import { columnNumber } from '../preview-page/a1';

export type CellValue = string | number | boolean | null | undefined | Date;

/** A rule as plain data, read from the emulated sheet. */
export interface RuleData {
  ranges: { row: number; column: number; numRows: number; numColumns: number }[];
  /** a SpreadsheetApp.BooleanCriteria name: CUSTOM_FORMULA, TEXT_EQUAL_TO, NUMBER_GREATER_THAN, … */
  type: string;
  values: unknown[];
  /** "#d9ead3", or null when the rule sets no background */
  background: string | null;
}

/** Reads a cell of the sheet (1-based); blank cells are '' or undefined. */
export type ValueAt = (row: number, column: number) => CellValue;

type Node =
  | { k: 'lit'; v: string | number | boolean }
  | { k: 'ref'; row: number; column: number; absRow: boolean; absCol: boolean }
  | { k: 'cmp'; op: string; a: Node; b: Node }
  | { k: 'fn'; name: string; args: Node[] };

const TOKEN = /\s*(?:("(?:[^"]|"")*")|(\$?[A-Za-z]{1,3}\$?\d{1,7})(?![\w(])|(\d+(?:\.\d+)?)|(<>|>=|<=|[=<>(),&])|([A-Za-z_][\w.]*))/y;

/** Parses a custom formula; throws on anything outside the small grammar. */
export function parseCondition(formula: string): Node {
  const src = formula.trim().replace(/^=/, '');
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m || m.index !== at) {
      if (/^\s*$/.test(src.slice(at))) break;
      throw new Error(`unsupported formula: ${formula}`);
    }
    tokens.push(m[0].trim());
  }
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  function primary(): Node {
    const t = next();
    if (t === undefined) throw new Error(`unexpected end of formula: ${formula}`);
    if (t.startsWith('"')) return { k: 'lit', v: t.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(t)) return { k: 'lit', v: Number(t) };
    const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(t);
    if (ref) return { k: 'ref', absCol: !!ref[1], column: columnNumber(ref[2]), absRow: !!ref[3], row: Number(ref[4]) };
    if (/^(TRUE|FALSE)$/i.test(t)) return { k: 'lit', v: /^TRUE$/i.test(t) };
    if (t === '(') {
      const e = comparison();
      if (next() !== ')') throw new Error(`missing ) in ${formula}`);
      return e;
    }
    if (/^[A-Za-z_]/.test(t) && peek() === '(') {
      next();
      const args: Node[] = [];
      if (peek() !== ')') {
        for (;;) {
          args.push(comparison());
          if (peek() === ',') next();
          else break;
        }
      }
      if (next() !== ')') throw new Error(`missing ) in ${formula}`);
      return { k: 'fn', name: t.toUpperCase(), args };
    }
    throw new Error(`unsupported formula: ${formula}`);
  }
  function comparison(): Node {
    let a = primary();
    while (peek() !== undefined && /^(=|<>|<|>|<=|>=|&)$/.test(peek())) {
      const op = next();
      a = { k: 'cmp', op, a, b: primary() };
    }
    return a;
  }
  const tree = comparison();
  if (i !== tokens.length) throw new Error(`unsupported formula: ${formula}`);
  return tree;
}

function isBlank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

/** Sheets compares text case-insensitively; blank equals "" and 0 in its comparisons. */
function compare(op: string, a: CellValue, b: CellValue): boolean {
  const norm = (v: CellValue): string | number | boolean => (v instanceof Date ? v.getTime() : v === null || v === undefined ? '' : v);
  let x = norm(a);
  let y = norm(b);
  if (typeof x === 'string' && typeof y === 'string') {
    x = x.toLowerCase();
    y = y.toLowerCase();
  } else if (x === '' && typeof y === 'number') x = 0;
  else if (y === '' && typeof x === 'number') y = 0;
  else if (typeof x !== typeof y) {
    // Mixed types: never equal; Sheets orders numbers < text < booleans.
    const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    const d = rank(x) - rank(y);
    return op === '<>' ? true : op === '=' ? false : op.startsWith('<') ? d < 0 : d > 0;
  }
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
  }
  return false;
}

function evaluate(n: Node, dRow: number, dCol: number, at: ValueAt): CellValue {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'ref':
      return at(n.absRow ? n.row : n.row + dRow, n.absCol ? n.column : n.column + dCol);
    case 'cmp': {
      const a = evaluate(n.a, dRow, dCol, at);
      const b = evaluate(n.b, dRow, dCol, at);
      if (n.op === '&') return `${a ?? ''}${b ?? ''}`;
      return compare(n.op, a, b);
    }
    case 'fn': {
      const args = n.args.map((x) => evaluate(x, dRow, dCol, at));
      if (n.name === 'AND') return args.every(truthy);
      if (n.name === 'OR') return args.some(truthy);
      if (n.name === 'NOT') return !truthy(args[0]);
      if (n.name === 'ISBLANK') return isBlank(args[0]);
      if (n.name === 'LEN') return String(args[0] ?? '').length;
      if (n.name === 'LOWER') return String(args[0] ?? '').toLowerCase();
      if (n.name === 'UPPER') return String(args[0] ?? '').toUpperCase();
      if (n.name === 'TRIM') return String(args[0] ?? '').trim();
      throw new Error(`unsupported function ${n.name}`);
    }
  }
}

function truthy(v: CellValue): boolean {
  if (typeof v === 'string') return v.length > 0 && v.toUpperCase() !== 'FALSE';
  return !!v;
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))) return Number(v);
  return undefined;
}

/** A compiled rule: tells whether the cell (row, column) matches, given the top-left of the range holding it. */
type Test = (row: number, column: number, top: number, left: number, at: ValueAt) => boolean;

function compile(rule: RuleData): Test {
  const text = (v: CellValue) => (isBlank(v) ? '' : String(v).toLowerCase());
  const arg = String(rule.values[0] ?? '').toLowerCase();
  const num = (i: number) => asNumber(rule.values[i]);
  const cellNum = (v: CellValue) => asNumber(v);
  switch (rule.type) {
    case 'CUSTOM_FORMULA': {
      let tree: Node;
      try {
        tree = parseCondition(String(rule.values[0] ?? ''));
      } catch {
        return () => false; // a formula outside the grammar renders as not matching rather than breaking the grid
      }
      return (row, column, top, left, at) => {
        try {
          return truthy(evaluate(tree, row - top, column - left, at));
        } catch {
          return false;
        }
      };
    }
    case 'CELL_EMPTY':
      return (r, c, _t, _l, at) => isBlank(at(r, c));
    case 'CELL_NOT_EMPTY':
      return (r, c, _t, _l, at) => !isBlank(at(r, c));
    case 'TEXT_EQUAL_TO':
      return (r, c, _t, _l, at) => text(at(r, c)) === arg;
    case 'TEXT_NOT_EQUAL_TO':
      return (r, c, _t, _l, at) => text(at(r, c)) !== arg;
    case 'TEXT_CONTAINS':
      return (r, c, _t, _l, at) => text(at(r, c)).includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return (r, c, _t, _l, at) => !text(at(r, c)).includes(arg);
    case 'TEXT_STARTS_WITH':
      return (r, c, _t, _l, at) => text(at(r, c)).startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return (r, c, _t, _l, at) => text(at(r, c)).endsWith(arg);
    case 'NUMBER_EQUAL_TO':
    case 'NUMBER_NOT_EQUAL_TO':
    case 'NUMBER_GREATER_THAN':
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
    case 'NUMBER_LESS_THAN':
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
    case 'NUMBER_BETWEEN':
    case 'NUMBER_NOT_BETWEEN': {
      const a = num(0);
      const b = num(1);
      return (r, c, _t, _l, at) => {
        const v = cellNum(at(r, c));
        if (v === undefined || a === undefined) return false;
        switch (rule.type) {
          case 'NUMBER_EQUAL_TO':
            return v === a;
          case 'NUMBER_NOT_EQUAL_TO':
            return v !== a;
          case 'NUMBER_GREATER_THAN':
            return v > a;
          case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
            return v >= a;
          case 'NUMBER_LESS_THAN':
            return v < a;
          case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
            return v <= a;
          case 'NUMBER_BETWEEN':
            return b !== undefined && v >= Math.min(a, b) && v <= Math.max(a, b);
          default:
            return b !== undefined && (v < Math.min(a, b) || v > Math.max(a, b));
        }
      };
    }
    default:
      return () => false;
  }
}

/**
 * Backgrounds for the rows [firstRow, firstRow + count) and columns [1, columns]: a colour or null per cell.
 * `at` reads any cell of the sheet (formulas may point at other rows).
 */
export function backgrounds(rules: RuleData[], firstRow: number, count: number, columns: number, at: ValueAt): (string | null)[][] {
  const compiled = rules.map((r) => ({ rule: r, test: compile(r) }));
  const out: (string | null)[][] = [];
  for (let r = firstRow; r < firstRow + count; r++) {
    const line: (string | null)[] = new Array(columns).fill(null);
    for (let c = 1; c <= columns; c++) {
      for (const { rule, test } of compiled) {
        const range = rule.ranges.find((g) => r >= g.row && r < g.row + g.numRows && c >= g.column && c < g.column + g.numColumns);
        if (!range) continue;
        // Relative references count from the top-left cell of the rule's FIRST range, for all its ranges, as in Sheets.
        const anchor = rule.ranges[0];
        if (test(r, c, anchor.row, anchor.column, at)) {
          line[c - 1] = rule.background;
          break; // the first matching rule wins, even one that sets no background
        }
      }
    }
    out.push(line);
  }
  return out;
}
