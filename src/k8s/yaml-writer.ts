// The YAML writer for everything kruisec prints. Its output is byte-for-byte what js-yaml's
// dump gives with the Kubernetes schema (test/support/k8s-yaml-schema.ts), `noRefs` and no line
// folding, so GitOps diffs do not change with it; test/yaml/writer.test.ts holds it to that on
// real manifests and on generated strings. It exists for speed: render prints three to four
// times the bytes it reads, and js-yaml's writer, built for every option and type, spent most
// of render's time asking each type about each value and each character about its neighbours.
// This one knows the data is JSON-shaped, answers most strings with one regular expression and
// remembers what it wrote for long strings that repeat (the hash annotations on every pod).
//
// It writes all that js-yaml would write of such data, keys over 1024 characters (an explicit
// "? key") included, and refuses what js-yaml refuses, with its words; so js-yaml, which it
// once handed those documents to, is never loaded (it cost every run 104 KB to parse and set up).
import { memoByText } from '../util/memo.js';
import { mayResolveImplicitly, resolvesImplicitly } from './yaml.js';

/** Serialise one object as a YAML document, Kubernetes-safe and stable. */
export function dumpYaml(obj: unknown): string {
  if (obj === undefined) return '';
  return node(obj, 0, true) + '\n';
}

/** A YAML stream of documents separated by `---`. */
export function dumpYamlStream(objs: readonly unknown[]): string {
  return objs.map(dumpYaml).join('---\n');
}

/** The same stream as dumpYamlStream, built one document at a time as UTF-8 bytes. Each
 *  document's text lives only until it is copied in, so a large output (render prints tens
 *  of megabytes) is never held as strings, which the garbage collector would copy around. */
export class YamlStreamBuffer {
  private readonly full: Uint8Array[] = [];
  private buf = Buffer.allocUnsafe(CHUNK);
  private length = 0;
  private count = 0;

  add(obj: unknown): void {
    const text = (this.count++ === 0 ? '' : '---\n') + dumpYaml(obj);
    const worst = 3 * text.length; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (this.length + worst > this.buf.length) {
      // Filled chunks are kept as they are: growing one buffer would copy the output again and again.
      if (this.length > 0) this.full.push(this.buf.subarray(0, this.length));
      this.buf = Buffer.allocUnsafe(Math.max(CHUNK, worst));
      this.length = 0;
    }
    this.length += this.buf.write(text, this.length);
  }

  /** The stream so far, as consecutive pieces of UTF-8. */
  chunks(): Uint8Array[] {
    return this.length > 0 ? [...this.full, this.buf.subarray(0, this.length)] : [...this.full];
  }
}

const CHUNK = 1 << 20;

const PADS: string[] = [];
function pad(level: number): string {
  return PADS[level] ??= '\n' + '  '.repeat(level);
}

/** One value at nesting `level`. `compact` is true where the value follows "- " or starts the
 *  document: its first line then shares the line already written. */
function node(v: unknown, level: number, compact: boolean): string {
  switch (typeof v) {
    case 'string':
      return scalar(v, level);
    case 'number':
      return numberText(v);
    case 'bigint':
      return v.toString(); // an integer beyond 2^53, read with all its digits (yaml-scalar.ts)
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      if (Object.isFrozen(v)) return remembered(v, level, compact);
      return collection(v, level, compact);
    default:
      throw unacceptable(v); // a function or a symbol
  }
}

/** What js-yaml throws for a value YAML has no form for (a Date, a Map, a function). */
function unacceptable(v: unknown): Error {
  return new Error(`unacceptable kind of an object to dump ${Object.prototype.toString.call(v)}`);
}

function collection(v: object, level: number, compact: boolean): string {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : sequence(v, level, compact);
  // js-yaml goes by the object's tag: an instance of a class is written as a mapping of its
  // own properties, a Date or a Map is refused.
  if (!isPlainObject(v) && Object.prototype.toString.call(v) !== '[object Object]') throw unacceptable(v);
  return mapping(v as Record<string, unknown>, level, compact);
}

// A frozen object cannot change, so its text at a given depth is written once. Render freezes
// what it shares between pods (the stored SidecarSets), which is most of what injection adds.
const frozenTexts = new WeakMap<object, string[]>();

function remembered(v: object, level: number, compact: boolean): string {
  let byLevel = frozenTexts.get(v);
  if (byLevel === undefined) frozenTexts.set(v, (byLevel = []));
  // Kept in the compact form; written after a key, a block starts on a line of its own.
  let text = byLevel[level];
  if (text === undefined) byLevel[level] = text = flat(collection(v, level, true));
  return compact || text === '[]' || text === '{}' ? text : pad(level) + text;
}

/** `s` as one flat string. Text built by `+=` is a tree of pieces that V8 walks again each
 *  time it is copied out; text reused in thousands of documents is worth walking once.
 *  (charCodeAt makes V8 flatten the string in place; the value is the same either way.) */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function mapping(obj: Record<string, unknown>, level: number, compact: boolean): string {
  let out = '';
  const nl = pad(level);
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    const v = obj[key];
    if (v === undefined) continue; // js-yaml drops the pair
    const k = keyText(key);
    if (out !== '' || !compact) out += nl;
    if (k.length > 1024) {
      // js-yaml makes a key this long explicit: "? key", and the value after ": " on the
      // next line, its first line sharing that line.
      out += '? ' + k + nl + ': ' + node(v, level + 1, true);
      continue;
    }
    const value = node(v, level + 1, false);
    out += k;
    // A non-empty collection starts on a line of its own. Asked of the value, not the text:
    // reading the text's first character makes V8 flatten it, which copied every document
    // once per level of nesting.
    out += typeof v === 'object' && v !== null && value !== '[]' && value !== '{}' ? ':' : ': ';
    out += value;
  }
  return out === '' ? '{}' : out;
}

function sequence(arr: readonly unknown[], level: number, compact: boolean): string {
  let out = '';
  const nl = pad(level);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    // Written compact, an item starts on the dash's line whatever it is (`- - a` for a list).
    const item = node(v === undefined ? null : v, level + 1, true);
    if (out !== '' || !compact) out += nl;
    out += '- ';
    out += item;
  }
  return out;
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  return String(n);
}

// ------------------------------------------------------------------ scalars

/** Most strings in a manifest: names, images, paths, label values. Plain-safe by
 *  construction (no indicator first, no ": ", no " #", nothing trailing that YAML trims). */
const COMMON_PLAIN = /^[A-Za-z_/](?:[\w./=+@ -]|:(?! ))*(?<![ :])$/;

const longCache = new Map<string, string>();
const LONG = 64;

const keyText = memoByText(singleLine);

function scalar(s: string, level: number): string {
  // (V8 runs out of backtracking stack on COMMON_PLAIN for text of millions of characters.)
  if (s.length <= 65536 && COMMON_PLAIN.test(s) && !(mayResolveImplicitly(s) && resolvesImplicitly(s))) return s;
  if (s.length < LONG) return styled(s, level);
  let text = longCache.get(s);
  if (text === undefined) {
    text = styled(s, level);
    if (text.charCodeAt(0) === 124 /* | */) return text; // block text depends on the level
    if (longCache.size < 10_000) longCache.set(s, text);
  }
  return text;
}

function styled(s: string, level: number): string {
  if (s.indexOf('\n') === -1) return singleLine(s);
  if (NOT_PRINTABLE_OR_LF.test(s)) return doubleQuoted(s);
  return literal(s, 2 * Math.max(1, level));
}

// YAML 1.1 words that older readers take for booleans, and sexagesimal numbers: quoted even
// where the schema would not resolve them, as js-yaml's compatibility mode does.
const COMPAT_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);
const BASE60 = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;

// js-yaml's "printable": what may appear unescaped in a YAML scalar it writes. Tab, CR, NEL,
// the Unicode line separators, BOM and lone surrogates are not.
const PRINTABLE = '\\x20-\\x7E\\xA1-\\u2027\\u202A-\\uD7FF\\uE000-\\uFEFE\\uFF00-\\uFFFD\\u{10000}-\\u{10FFFF}';
const NOT_PRINTABLE = new RegExp(`[^${PRINTABLE}]`, 'u');
const NOT_PRINTABLE_OR_LF = new RegExp(`[^\\n${PRINTABLE}]`, 'u');
// Characters that may not start a plain scalar: white space and YAML's indicators.
const UNSAFE_FIRST = /^[ \-?:,[\]{}#&*!|=>'"%@`]/;

/** A scalar that must stay on one line: plain, single-quoted, or double-quoted with escapes. */
function singleLine(s: string): string {
  if (s === '') return "''";
  if (COMPAT_WORDS.has(s) || BASE60.test(s)) return `'${s}'`;
  // A key cannot take a block, so a line break in one is escaped like anything unprintable.
  if (NOT_PRINTABLE.test(s)) return doubleQuoted(s);
  const plain = !UNSAFE_FIRST.test(s) && !/[ :]$/.test(s) && s.indexOf(': ') === -1 && s.indexOf(' #') === -1;
  if (plain && !resolvesImplicitly(s)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

const ESCAPES: Record<number, string> = {
  0x00: '\\0', 0x07: '\\a', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0b: '\\v', 0x0c: '\\f',
  0x0d: '\\r', 0x1b: '\\e', 0x22: '\\"', 0x5c: '\\\\', 0x85: '\\N', 0xa0: '\\_', 0x2028: '\\L', 0x2029: '\\P',
};
const TO_ESCAPE = new RegExp(`["\\\\]|[^${PRINTABLE}]`, 'gu');

function doubleQuoted(s: string): string {
  let out = '"';
  let from = 0;
  // Runs of printable characters are copied as they are; the rest is escaped one by one.
  for (const m of s.matchAll(TO_ESCAPE)) {
    out += s.slice(from, m.index);
    const cp = m[0].codePointAt(0)!;
    out += ESCAPES[cp] ?? hexEscape(cp);
    from = m.index + m[0].length;
  }
  return out + s.slice(from) + '"';
}

function hexEscape(cp: number): string {
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

/** A `|` block: an indentation indicator when the text starts with a space (after any blank
 *  lines), and "-" / "+" to strip or keep trailing line breaks. */
function literal(s: string, indent: number): string {
  const indicator = /^\n* /.test(s) ? '2' : '';
  const clip = s.endsWith('\n');
  const keep = clip && (s.endsWith('\n\n') || s === '\n');
  let header = '|' + indicator + (keep ? '+' : clip ? '' : '-') + '\n';
  const prefix = ' '.repeat(indent);
  const lines = s.split('\n');
  // split leaves one '' after a final line break; the block drops that break.
  const last = clip ? lines.length - 1 : lines.length;
  for (let i = 0; i < last; i++) {
    if (lines[i] !== '') header += prefix + lines[i];
    if (i < last - 1) header += '\n';
  }
  return header;
}
