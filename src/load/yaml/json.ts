// A file kubectl takes for JSON (stream.ts) is a stream of JSON values read with Go's
// encoding/json; each value is then decoded by kubectl's unstructured decoder, which keeps
// integers that fit in int64 exactly and makes every other number a float64. JSON.parse cannot
// say where a value is nor keep a large integer's digits, so the values are read here, each with
// a node tree in the shape parser.ts gives, from which positions are found.
import { YamlError } from './error.js';
import { N, type YamlNode } from './parser.js';
import { MAX_DEPTH, STYLE } from './scanner.js';

export interface JsonDocument {
  value: unknown;
  node: YamlNode;
}

/** The values of a JSON stream; reading stops at the first error, which is returned with the
 *  values before it (kubectl applies those and then fails). */
export function readJsonStream(text: string): { documents: JsonDocument[]; error?: YamlError } {
  const r = new JsonReader(text);
  const documents: JsonDocument[] = [];
  try {
    for (;;) {
      r.space();
      if (r.i >= text.length) return { documents };
      documents.push(r.value(0));
    }
  } catch (e) {
    if (e instanceof YamlError) return { documents, error: e };
    throw e;
  }
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;

class JsonReader {
  i = 0;

  constructor(private readonly text: string) {}

  private fail(message: string, at = this.i): never {
    throw new YamlError(`invalid JSON: ${message}`, at);
  }

  private mark(pos = this.i): number {
    return pos;
  }

  space(): void {
    const t = this.text;
    for (let c = t.charCodeAt(this.i); c === 32 || c === 9 || c === 10 || c === 13; c = t.charCodeAt(++this.i));
  }

  value(depth: number): JsonDocument {
    const t = this.text;
    const start = this.i;
    const c = t.charCodeAt(start);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      if (depth >= MAX_DEPTH) throw new YamlError(`values nest deeper than ${MAX_DEPTH} levels (kruisec's limit)`, start, 'limit');
      return c === 123 ? this.object(depth) : this.array(depth);
    }
    if (c === 34 /* " */) {
      const s = this.string();
      return { value: s, node: this.scalar(start, s, STYLE.Double) };
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (t.startsWith(word, start)) {
        this.i += word.length;
        return { value, node: this.scalar(start, word, STYLE.Plain) };
      }
    }
    NUMBER.lastIndex = start;
    const m = NUMBER.exec(t);
    if (m === null) this.fail(Number.isNaN(c) ? 'unexpected end of input' : `invalid character ${JSON.stringify(t[start])}`);
    this.i = NUMBER.lastIndex;
    return { value: this.number(m[0], start), node: this.scalar(start, m[0], STYLE.Plain) };
  }

  /** A JSON number as kubectl's decoder leaves it: int64 when it parses as one, else float64. */
  private number(s: string, at: number): unknown {
    if (!/[.eE]/.test(s)) {
      const b = BigInt(s);
      if (b >= INT64_MIN && b <= INT64_MAX) {
        const n = Number(b);
        return Number.isSafeInteger(n) ? n : b;
      }
    }
    const f = Number(s);
    if (!Number.isFinite(f)) throw new YamlError(`the number ${s} is beyond float64: kubectl rejects it`, at);
    if (Object.is(f, -0)) throw new YamlError('-0 as a float: kubectl keeps its sign, which no YAML output can carry; write 0', at, 'unsafe');
    return f;
  }

  private scalar(start: number, value: string, style: number): YamlNode {
    return { kind: N.Scalar, tag: '', value, implicit: false, style, children: [], start: this.mark(start), end: this.mark() };
  }

  private object(depth: number): JsonDocument {
    const start = this.i++;
    const obj: Record<string, unknown> = {};
    const node: YamlNode = { kind: N.Mapping, tag: '', value: '', implicit: false, style: 0, children: [], start: this.mark(start), end: this.mark() };
    this.space();
    if (this.text.charCodeAt(this.i) === 125 /* } */) {
      this.i++;
      node.end = this.mark();
      return { value: obj, node };
    }
    for (;;) {
      this.space();
      const keyAt = this.i;
      if (this.text.charCodeAt(keyAt) !== 34) this.fail('expected a string for an object key');
      const key = this.string();
      this.space();
      if (this.text.charCodeAt(this.i) !== 58 /* : */) this.fail("expected ':' after an object key");
      this.i++;
      this.space();
      const v = this.value(depth + 1);
      if (Object.prototype.hasOwnProperty.call(obj, key)) {
        throw new YamlError(`duplicate key ${JSON.stringify(key)} in this object`, keyAt, 'duplicate-key', key);
      }
      if (key === '__proto__') Object.defineProperty(obj, key, { value: v.value, enumerable: true, writable: true, configurable: true });
      else obj[key] = v.value;
      node.children.push(this.scalar(keyAt, key, STYLE.Double), v.node);
      node.children[node.children.length - 2].end = this.mark(keyAt + 1);
      this.space();
      const c = this.text.charCodeAt(this.i++);
      if (c === 125) break;
      if (c !== 44 /* , */) this.fail("expected ',' or '}' in an object", this.i - 1);
    }
    node.end = this.mark();
    return { value: obj, node };
  }

  private array(depth: number): JsonDocument {
    const start = this.i++;
    const arr: unknown[] = [];
    const node: YamlNode = { kind: N.Sequence, tag: '', value: '', implicit: false, style: 0, children: [], start: this.mark(start), end: this.mark() };
    this.space();
    if (this.text.charCodeAt(this.i) === 93 /* ] */) {
      this.i++;
      node.end = this.mark();
      return { value: arr, node };
    }
    for (;;) {
      this.space();
      const v = this.value(depth + 1);
      arr.push(v.value);
      node.children.push(v.node);
      this.space();
      const c = this.text.charCodeAt(this.i++);
      if (c === 93) break;
      if (c !== 44) this.fail("expected ',' or ']' in an array", this.i - 1);
    }
    node.end = this.mark();
    return { value: arr, node };
  }

  /** A string at i (on the opening quote), with Go's decoding: a lone surrogate escape becomes
   *  U+FFFD; a control character must be escaped. */
  private string(): string {
    const t = this.text;
    const start = this.i++;
    let out = '';
    let from = this.i;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('unterminated string', start);
      if (c === 34) break;
      if (c < 0x20) this.fail('control character in a string');
      if (c !== 92 /* \ */) {
        this.i++;
        continue;
      }
      out += t.slice(from, this.i);
      const e = t[this.i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) {
        out += simple[e];
        this.i += 2;
      } else if (e === 'u') {
        let cp = this.hex4(this.i + 2);
        this.i += 6;
        if (cp >= 0xd800 && cp < 0xdc00 && t[this.i] === '\\' && t[this.i + 1] === 'u') {
          const lo = this.hex4(this.i + 2);
          if (lo >= 0xdc00 && lo < 0xe000) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            this.i += 6;
          }
        }
        out += cp >= 0xd800 && cp < 0xe000 ? '\ufffd' : String.fromCodePoint(cp);
      } else {
        this.fail('invalid escape in a string');
      }
      from = this.i;
    }
    out += t.slice(from, this.i);
    this.i++;
    return out;
  }

  private hex4(at: number): number {
    const h = this.text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) this.fail('invalid \\u escape in a string', at);
    return parseInt(h, 16);
  }
}
