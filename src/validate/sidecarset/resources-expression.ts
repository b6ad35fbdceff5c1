// The resourcesPolicy expression language (Kruise pkg/util/calculator, spec §8.4): + - * /,
// parentheses, unary minus, max(a,b)/min(a,b), numbers (50% = 0.5), quantities (100m, 1Gi)
// and one variable. Tokenising follows Kruise's hand-written lexer, quirks included (a number
// glued to letters that are not a unit parses as 0). Any error makes the result an error.
import {
  addQuantity, cmpQuantity, milliQuantity, milliValue, negQuantity, parseQuantity, type Quantity,
} from '../../k8s/quantity.js';

export type ExpressionValue = { q: Quantity } | { n: number };
export type CalcResult = { ok: true; value: ExpressionValue } | { ok: false; error: string };

type Token = { t: 'num' | 'qty' | 'ident'; s: string } | { t: 'op'; s: string } | { t: 'end' };

const VALID_UNITS = new Set(['m', 'k', 'M', 'G', 'T', 'P', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi']);
const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';
const isSpace = (c: string) => /\s/u.test(c);

class CalcError extends Error {}

function readNumber(src: string, start: number): number {
  let i = start, seenDot = false, seenE = false, seenPct = false, expectExp = false;
  while (i < src.length) {
    const c = src[i];
    if (isDigit(c)) { expectExp = false; i++; continue; }
    if (c === '.') { if (seenDot || seenE || seenPct) break; seenDot = true; i++; continue; }
    if (c === 'e' || c === 'E') { if (seenE || seenPct) break; seenE = true; expectExp = true; i++; continue; }
    if (c === '+' || c === '-') { if (!expectExp) break; expectExp = false; i++; continue; }
    if (c === '%') { if (seenPct) break; seenPct = true; i++; continue; }
    if (isLetter(c)) {
      if (expectExp) break;
      while (i < src.length && isLetter(src[i])) i++;
      break;
    }
    break;
  }
  return i;
}

function isQuantityToken(s: string): boolean {
  let end = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isDigit(s[i]) && !'.eE+-'.includes(s[i])) { end = i; break; }
  }
  return end !== 0 && VALID_UNITS.has(s.slice(end));
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (isSpace(c)) { i++; continue; }
    if (isDigit(c) || c === '.') {
      const j = readNumber(src, i);
      const s = src.slice(i, j);
      out.push({ t: isQuantityToken(s) ? 'qty' : 'num', s });
      i = j;
    } else if (isLetter(c)) {
      let j = i;
      while (j < src.length && (isLetter(src[j]) || isDigit(src[j]) || src[j] === '_')) j++;
      out.push({ t: 'ident', s: src.slice(i, j) });
      i = j;
    } else {
      out.push({ t: 'op', s: c });
      i++;
    }
  }
  out.push({ t: 'end' });
  return out;
}

/** strconv.ParseFloat as the calculator calls it: errors are ignored, giving 0. */
function parseNumber(s: string): number {
  const pct = s.endsWith('%');
  const body = pct ? s.slice(0, -1) : s;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(body)) return 0;
  const n = Number(body);
  return pct ? n / 100 : n;
}

const toQuantity = (v: ExpressionValue): Quantity => ('q' in v ? v.q : milliQuantity(int64(v.n * 1000)));

/** Go's int64(float64): truncation toward zero. */
function int64(x: number): bigint {
  if (!Number.isFinite(x)) throw new CalcError('value out of range');
  return BigInt(Math.trunc(x));
}

function add(a: ExpressionValue, b: ExpressionValue): ExpressionValue {
  if ('q' in a || 'q' in b) return { q: addQuantity(toQuantity(a), toQuantity(b)) };
  return { n: a.n + b.n };
}
function sub(a: ExpressionValue, b: ExpressionValue): ExpressionValue {
  if ('q' in a || 'q' in b) return { q: addQuantity(toQuantity(a), negQuantity(toQuantity(b))) };
  return { n: a.n - b.n };
}
function mul(a: ExpressionValue, b: ExpressionValue): ExpressionValue {
  if ('q' in a && 'q' in b) throw new CalcError('multiplication of two quantities');
  if ('q' in a) return { q: milliQuantity(int64(Number(milliValue(a.q)) * (b as { n: number }).n), a.q.format) };
  if ('q' in b) return { q: milliQuantity(int64(Number(milliValue(b.q)) * a.n), b.q.format) };
  return { n: a.n * b.n };
}
function div(a: ExpressionValue, b: ExpressionValue): ExpressionValue {
  if ('q' in b) throw new CalcError('division by quantity');
  if (b.n === 0) throw new CalcError('division by zero');
  if ('q' in a) return { q: milliQuantity(int64(Number(milliValue(a.q)) / b.n), a.q.format) };
  return { n: a.n / b.n };
}
function minMax(name: 'max' | 'min', a: ExpressionValue, b: ExpressionValue): ExpressionValue {
  const pickLeft = (c: number) => (name === 'max' ? c >= 0 : c <= 0);
  if ('q' in a || 'q' in b) {
    const l = toQuantity(a), r = toQuantity(b);
    return { q: pickLeft(cmpQuantity(l, r)) ? l : r };
  }
  return { n: pickLeft(a.n - b.n) ? a.n : b.n };
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[], private readonly vars: ReadonlyMap<string, ExpressionValue>) {}

  private peek(): Token { return this.toks[this.i]; }
  private isOp(s: string): boolean { const t = this.peek(); return t.t === 'op' && t.s === s; }
  private expect(s: string): void {
    if (!this.isOp(s)) throw new CalcError('parse error: syntax error');
    this.i++;
  }

  parse(): ExpressionValue {
    const v = this.expr();
    if (this.peek().t !== 'end') throw new CalcError('parse error: syntax error');
    return v;
  }

  private expr(): ExpressionValue {
    return this.level(() => this.term(), { '+': add, '-': sub });
  }

  private term(): ExpressionValue {
    return this.level(() => this.factor(), { '*': mul, '/': div });
  }

  /** One precedence level: operands joined by its operators, left to right. */
  private level(operand: () => ExpressionValue, ops: Record<string, (a: ExpressionValue, b: ExpressionValue) => ExpressionValue>): ExpressionValue {
    let left = operand();
    for (let t = this.peek(); t.t === 'op' && Object.hasOwn(ops, t.s); t = this.peek()) {
      this.i++;
      left = ops[t.s](left, operand());
    }
    return left;
  }

  private factor(): ExpressionValue {
    const t = this.peek();
    if (t.t === 'end') throw new CalcError('parse error: syntax error');
    this.i++;
    if (t.t === 'num') return { n: parseNumber(t.s) };
    if (t.t === 'qty') {
      const q = parseQuantity(t.s);
      if (!q) throw new CalcError(`quantities must match the regular expression: ${t.s}`);
      return { q };
    }
    if (t.t === 'ident') {
      if (this.isOp('(')) {
        this.i++;
        const args = [this.expr()];
        if (this.isOp(',')) { this.i++; args.push(this.expr()); }
        this.expect(')');
        const name = t.s.toLowerCase();
        if (name !== 'max' && name !== 'min') throw new CalcError(`unknown function: ${t.s}`);
        if (args.length !== 2) throw new CalcError(`${name} function requires exactly 2 arguments, got ${args.length}`);
        return minMax(name, args[0], args[1]);
      }
      const v = this.vars.get(t.s.toLowerCase());
      if (!v) throw new CalcError(`undefined variable: ${t.s}`);
      return v;
    }
    if (t.s === '(') {
      const v = this.expr();
      this.expect(')');
      return v;
    }
    if (t.s === '-') {
      const v = this.factor();
      return 'q' in v ? { q: negQuantity(v.q) } : { n: -v.n };
    }
    throw new CalcError('parse error: syntax error');
  }
}

/** Calculator.Parse: evaluate, and reject a negative result. */
export function calculate(expr: string, vars: ReadonlyMap<string, ExpressionValue>): CalcResult {
  try {
    const v = new Parser(tokenize(expr), vars).parse();
    if ('q' in v ? v.q.nano < 0n : v.n < 0) return { ok: false, error: 'calculation result is negative' };
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof CalcError) return { ok: false, error: e.message };
    throw e;
  }
}
