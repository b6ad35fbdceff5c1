// A loader for the YAML that manifests are almost always written in: block mappings and
// sequences (indented or not), plain and quoted one-line scalars, `|` blocks, `{}` / `[]`,
// comments and `---`. It reads that subset about twice as fast as js-yaml, and gives up
// (returns undefined) at the first thing outside it — anchors, tags, flow collections with
// content, folded or multi-line scalars, escapes, tabs, CR, duplicate or unusual keys, or
// anything malformed — so that js-yaml reads the file instead, with its error messages.
// test/yaml/block-reader.test.ts holds it to js-yaml's result on every manifest we have and
// on generated documents written in many styles.
import { mayResolveImplicitly, plainScalar } from '../k8s/yaml.js';

/** The documents of `text` as js-yaml's loadAll (with K8S_YAML_SCHEMA) gives them, or
 *  undefined when the text is outside the subset this loader reads. */
export function loadBlockYaml(text: string): unknown[] | undefined {
  if (text.indexOf('\t') !== -1 || text.indexOf('\r') !== -1 || text.indexOf('\\') !== -1) return undefined;
  try {
    return new BlockReader(text).documents();
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}

const OUTSIDE = new Error('outside the block subset');
function outside(): never {
  throw OUTSIDE;
}

const SPACE = 32, HASH = 35, DASH = 45;

// Manifests repeat a few hundred keys. Handing out the same string for the same key spares
// checking its characters, a slice and, more, the hash-table lookup that turns a new string
// into a property name. A slot is picked by the key's length and first and last characters.
const KEY_SLOTS: string[] = new Array(4096).fill('');

/** The plain key starting at column c (ending at a ':' followed by a space or the line's end),
 *  or undefined. Keys are written as manifests write them, [A-Za-z0-9_./$-] and not starting
 *  with '-'; anything else (quoted, spaced, odd) is left to js-yaml. */
function keyAt(line: string, c: number): string | undefined {
  const e = line.indexOf(':', c);
  if (e <= c) return undefined;
  const after = line.charCodeAt(e + 1);
  if (after !== SPACE && !Number.isNaN(after)) return undefined;
  const slot = ((e - c) * 31 + line.charCodeAt(c) * 7 + line.charCodeAt(e - 1)) & 4095;
  const known = KEY_SLOTS[slot];
  if (known.length === e - c && line.startsWith(known, c)) return known; // checked when first seen
  if (line.charCodeAt(c) === DASH) return undefined;
  for (let i = c; i < e; i++) {
    const ch = line.charCodeAt(i);
    // a-z A-Z - . / 0-9 _ $
    if (!((ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 45 && ch <= 57) || ch === 95 || ch === 36)) return undefined;
  }
  return (KEY_SLOTS[slot] = line.slice(c, e));
}

/** A key js-yaml must handle: already in the object (no value read is undefined), one the
 *  prototype has (the lookup sees __proto__ and constructor), or one that reads as something
 *  other than itself ("1", "on"). */
function refusedKey(obj: Record<string, unknown>, key: string): boolean {
  return obj[key] !== undefined || (mayResolveImplicitly(key) && plainScalar(key) !== key);
}

/** The value of a one-line plain scalar; a merge key is js-yaml's. */
function plainValue(text: string): unknown {
  if (!mayResolveImplicitly(text)) return text;
  const value = plainScalar(text);
  if (value === '<<') outside();
  return value;
}
const MARKER = /^---(?: +(?:#.*)?)?$/;
const AFTER_QUOTE = /^ *(?: #.*)?$/;
// Characters a plain scalar may not start with (YAML indicators), besides "-" handled apart.
const NOT_PLAIN_START = new Set([...'&*!|>%@`?:,[]{}\'"#']);

class BlockReader {
  private readonly lines: string[];
  /** Per line: the column where its content starts (-1: not computed yet). For "- x" the
   *  reader moves this past the dash, to read x as a node at that column. */
  private readonly col: Int32Array;
  private pos = 0;
  private end = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
    // A final line break ends the last line; it does not start an empty one.
    if (this.lines[this.lines.length - 1] === '') this.lines.pop();
    this.col = new Int32Array(this.lines.length).fill(-1);
  }

  documents(): unknown[] {
    const docs: unknown[] = [];
    let start = 0;
    let first = true;
    for (let i = 0; i <= this.lines.length; i++) {
      const line = i < this.lines.length ? this.lines[i] : '---';
      const c = line.charCodeAt(0);
      if (c === 37 /* % */ || (c === 46 && line.startsWith('...'))) outside();
      if (c !== DASH || !line.startsWith('---')) continue;
      if (!MARKER.test(line)) outside();
      // Before the first marker, only content makes a document; after one, always one.
      const doc = this.document(start, i);
      if (!first || doc !== NONE) docs.push(doc === NONE ? null : doc);
      first = false;
      start = i + 1;
    }
    return docs;
  }

  private document(start: number, end: number): unknown {
    this.pos = start;
    this.end = end;
    if (this.nextContent() < 0) return NONE;
    const value = this.node(-1);
    if (this.nextContent() >= 0) outside();
    return value;
  }

  /** Index of the next line with content (not blank, not a comment), or -1; moves pos there. */
  private nextContent(): number {
    const { lines, col } = this;
    for (let i = this.pos; i < this.end; i++) {
      let c = col[i];
      const line = lines[i];
      if (c < 0) {
        c = 0;
        while (line.charCodeAt(c) === SPACE) c++;
        col[i] = c;
      }
      if (c < line.length && line.charCodeAt(c) !== HASH) {
        this.pos = i;
        return i;
      }
    }
    this.pos = this.end;
    return -1;
  }

  private isSequenceEntry(i: number): boolean {
    const line = this.lines[i];
    const c = this.col[i];
    return line.charCodeAt(c) === DASH && (c + 1 === line.length || line.charCodeAt(c + 1) === SPACE);
  }

  /** The node starting on the current content line, more indented than `parent`. */
  private node(parent: number): unknown {
    const i = this.pos;
    const c = this.col[i];
    if (c <= parent) outside();
    if (this.isSequenceEntry(i)) return this.sequence(c);
    if (keyAt(this.lines[i], c) !== undefined) return this.mapping(c);
    return this.inline(i, c, parent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const { lines, col } = this;
    for (;;) {
      const i = this.nextContent();
      if (i < 0 || col[i] < indent) break;
      if (col[i] > indent) outside();
      const line = lines[i];
      const key = keyAt(line, indent);
      if (key === undefined || refusedKey(obj, key)) outside();
      let p = indent + key.length + 1;
      while (line.charCodeAt(p) === SPACE) p++;
      if (p < line.length && line.charCodeAt(p) !== HASH) {
        obj[key] = this.inline(i, p, indent);
        continue;
      }
      // The value is on the lines below: a deeper node, a sequence at the key's own column, or null.
      this.pos = i + 1;
      const j = this.nextContent();
      if (j >= 0 && col[j] > indent) obj[key] = this.node(indent);
      else if (j >= 0 && col[j] === indent && this.isSequenceEntry(j)) obj[key] = this.sequence(indent);
      else obj[key] = null;
    }
    return obj;
  }

  private sequence(indent: number): unknown[] {
    const arr: unknown[] = [];
    const { lines, col } = this;
    for (;;) {
      const i = this.nextContent();
      if (i < 0 || col[i] < indent || (col[i] === indent && !this.isSequenceEntry(i))) break;
      if (col[i] > indent) outside();
      const line = lines[i];
      let p = indent + 1;
      while (line.charCodeAt(p) === SPACE) p++;
      if (p >= line.length || line.charCodeAt(p) === HASH) {
        this.pos = i + 1;
        const j = this.nextContent();
        arr.push(j >= 0 && col[j] > indent ? this.node(indent) : null);
        continue;
      }
      col[i] = p; // read the rest of the line as a node at column p
      arr.push(this.node(indent));
    }
    return arr;
  }

  /** A value that starts at column p of line i: a one-line scalar, `{}`/`[]`, or a `|` block.
   *  `parent` is the indentation a block's lines must exceed. */
  private inline(i: number, p: number, parent: number): unknown {
    const line = this.lines[i];
    const c = line.charCodeAt(p);
    this.pos = i + 1;
    if (c === 34 /* " */ || c === 39 /* ' */) return quoted(line, p);
    if (c === 124 /* | */) return this.literal(line.slice(p + 1), parent);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const r = flow(line, p);
      if (!AFTER_QUOTE.test(line.slice(r.end))) outside();
      return r.value;
    }
    if (c === DASH ? line.charCodeAt(p + 1) === SPACE || p + 1 === line.length : NOT_PLAIN_START.has(line[p])) outside();
    let e = line.indexOf(' #', p);
    if (e < 0) e = line.length;
    while (line.charCodeAt(e - 1) === SPACE) e--;
    const text = line.slice(p, e);
    if (text.indexOf(': ') !== -1 || text.endsWith(':')) outside();
    return plainValue(text);
  }

  /** A literal block scalar; `header` is what follows the `|`. */
  private literal(header: string, parent: number): string {
    const h = /^([-+]?) *(?:#.*)?$/.exec(header);
    if (!h) outside(); // indentation indicators and the rest are js-yaml's
    const { lines } = this;
    // The first non-blank line sets the block's indentation.
    let indent = -1;
    let leading = 0;
    for (let j = this.pos; j < this.end; j++) {
      const line = lines[j];
      let k = 0;
      while (line.charCodeAt(k) === SPACE) k++;
      if (k < line.length) {
        if (line.charCodeAt(k) === HASH) outside(); // a comment or the block's first line: js-yaml decides
        indent = k;
        break;
      }
      if (k > leading) leading = k;
    }
    if (indent <= parent || indent < 1 || leading > indent) outside();
    let out = '';
    let empties = 0;
    let content = false;
    let j = this.pos;
    for (; j < this.end; j++) {
      const line = lines[j];
      let k = 0;
      while (k < indent && line.charCodeAt(k) === SPACE) k++;
      if (k === line.length) { empties++; continue; }
      if (k < indent) break;
      out += '\n'.repeat(content ? 1 + empties : empties) + line.slice(indent);
      content = true;
      empties = 0;
    }
    this.pos = j;
    if (h[1] === '+') return out + '\n'.repeat(content ? 1 + empties : empties);
    return h[1] === '-' || !content ? out : out + '\n';
  }
}

const NONE = Symbol('no document');

// Inside [ ] and { }, on one line: plain scalars without indicators, quoted scalars, nested
// collections, "key: value" pairs with plain keys. Anything else (comments, trailing commas,
// implicit pairs, a collection running onto the next line) is js-yaml's.
const FLOW_PLAIN = /[^,[\]{}:#'"]*/y;
const FLOW_KEY = /([A-Za-z0-9_./$][A-Za-z0-9_./$-]*): +/y;

function flow(line: string, p: number): { value: unknown; end: number } {
  const close = line.charCodeAt(p) === 91 ? 93 : 125;
  const map = close === 125;
  const out: unknown = map ? {} : [];
  let i = skipSpaces(line, p + 1);
  if (line.charCodeAt(i) === close) return { value: out, end: i + 1 };
  for (;;) {
    if (map) {
      FLOW_KEY.lastIndex = i;
      const m = FLOW_KEY.exec(line);
      if (!m) outside();
      const key = m[1];
      const o = out as Record<string, unknown>;
      if (refusedKey(o, key)) outside();
      const r = flowItem(line, FLOW_KEY.lastIndex);
      o[key] = r.value;
      i = r.end;
    } else {
      const r = flowItem(line, i);
      (out as unknown[]).push(r.value);
      i = r.end;
    }
    i = skipSpaces(line, i);
    const c = line.charCodeAt(i);
    if (c === close) return { value: out, end: i + 1 };
    if (c !== 44 /* , */) outside();
    i = skipSpaces(line, i + 1);
    if (line.charCodeAt(i) === close) outside(); // a trailing comma
  }
}

function flowItem(line: string, i: number): { value: unknown; end: number } {
  const c = line.charCodeAt(i);
  if (c === 91 || c === 123) return flow(line, i);
  if (c === 34 || c === 39) return quotedAt(line, i);
  if (c === DASH ? line.charCodeAt(i + 1) === SPACE : NOT_PLAIN_START.has(line[i]) || i >= line.length) outside();
  FLOW_PLAIN.lastIndex = i;
  FLOW_PLAIN.exec(line);
  const end = FLOW_PLAIN.lastIndex;
  const stop = line.charCodeAt(end);
  if (stop !== 44 && stop !== 93 && stop !== 125) outside(); // ':', '#', a quote, or the line ended
  const text = line.slice(i, end).trimEnd();
  if (text === '') outside();
  return { value: plainValue(text), end };
}

function skipSpaces(line: string, i: number): number {
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

function quoted(line: string, p: number): string {
  const r = quotedAt(line, p);
  if (!AFTER_QUOTE.test(line.slice(r.end))) outside();
  return r.value;
}

function quotedAt(line: string, p: number): { value: string; end: number } {
  const q = line[p];
  let value = '';
  let from = p + 1;
  for (;;) {
    const k = line.indexOf(q, from);
    if (k < 0) outside(); // continues on the next line
    if (q === "'" && line[k + 1] === "'") {
      value += line.slice(from, k + 1);
      from = k + 2;
      continue;
    }
    value += line.slice(from, k);
    return { value, end: k + 1 };
  }
}
