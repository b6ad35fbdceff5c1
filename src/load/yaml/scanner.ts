// The tokens of one YAML document, cut exactly where go-yaml v2 cuts them. kubectl and the API
// server read YAML through sigs.k8s.io/yaml, which hands each document to go-yaml v2, a Go port
// of libyaml (YAML 1.1). YAML 1.2 readers (js-yaml, yaml) disagree with it in places that change
// what an object means: where a plain scalar ends inside [ ] and { }, which characters break a
// line (U+0085, U+2028 and U+2029 do in YAML 1.1), where a tab may stand, how far an implicit key
// may reach. So this scanner follows go-yaml's own rules (scannerc.go: the token queue, the
// "simple key" bookkeeping, the indentation stack and the three scalar scanners), written anew.
//
// Unlike go-yaml, which scans lazily while its parser pulls, this one scans the whole text first.
// The tokens come out the same; a scanning error after the first document's end is still an
// error here, which only matters for text kubectl would ignore, and parse.ts rejects such text
// anyway (see the document's end in parser.ts).
import { YamlError } from './error.js';

export const T = {
  StreamStart: 0, StreamEnd: 1, DocumentStart: 2, DocumentEnd: 3,
  BlockSequenceStart: 4, BlockMappingStart: 5, BlockEnd: 6,
  FlowSequenceStart: 7, FlowSequenceEnd: 8, FlowMappingStart: 9, FlowMappingEnd: 10,
  BlockEntry: 11, FlowEntry: 12, Key: 13, Value: 14,
  Alias: 15, Anchor: 16, Tag: 17, Scalar: 18,
} as const;

export const STYLE = { Plain: 1, Single: 2, Double: 3, Literal: 4, Folded: 5 } as const;

/** Where the scanner is: UTF-16 offset into the text, 0-based line and column (in characters,
 *  as go-yaml counts them), and characters read so far. */
interface Mark {
  pos: number;
  line: number;
  col: number;
  index: number;
}

export interface Token {
  type: number;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  /** Scalar text, anchor or alias name, or a tag's handle. */
  value: string;
  /** A tag's suffix. */
  suffix: string;
  style: number;
}

/** A scalar or collection that may turn out to be a key, one per flow level (updated in
 *  place). Where it starts; go-yaml allows 1024 characters from there to the ':'. */
interface SimpleKey extends Mark {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
}

/** How deep block and flow collections may nest. go-yaml allows 10,000 of each; JavaScript's
 *  stack does not take that many nested calls in the phases after load, and no manifest comes
 *  near 100. Deeper input is refused with a clear error instead of a stack overflow. */
export const MAX_DEPTH = 1000;

const SP = 32, TAB = 9, LF = 10, CR = 13, NEL = 0x85, LS = 0x2028, PS = 0x2029;

export function isBreak(c: number): boolean {
  return c === LF || c === CR || c === NEL || c === LS || c === PS;
}
function isBlank(c: number): boolean {
  return c === SP || c === TAB;
}
/** Blank, a line break, or the end of the text (0: the text holds no NUL, see chars.ts). */
function isBlankZ(c: number): boolean {
  return c === SP || c === TAB || c === 0 || isBreak(c);
}
function isBreakZ(c: number): boolean {
  return c === 0 || isBreak(c);
}
/** go-yaml's "alpha": the characters of anchor names and tag handles. */
function isAlpha(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** All tokens of `text`, from StreamStart to StreamEnd. Throws YamlError. */
export function scan(text: string): Token[] {
  return new Scanner(text).run();
}

class Scanner {
  private pos = 0;
  private line = 0;
  private col = 0;
  /** Characters (not UTF-16 units) read so far. */
  private index = 0;
  private readonly tokens: Token[] = [];
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private simpleKeyAllowed = true;
  private readonly simpleKeys: SimpleKey[] = [];

  constructor(private readonly text: string) {}

  run(): Token[] {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1; // a byte-order mark, as go-yaml's reader skips it
    this.simpleKeys.push(this.noKey());
    this.add(T.StreamStart, this.pos, this.pos);
    for (;;) {
      this.scanToNextToken();
      this.unrollIndent(this.col);
      if (this.at(0) === 0) {
        this.streamEnd();
        return this.tokens;
      }
      this.nextToken();
    }
  }

  // ------------------------------------------------------------------ reading characters

  private at(k: number): number {
    const p = this.pos + k;
    return p < this.text.length ? this.text.charCodeAt(p) : 0;
  }

  /** Width in UTF-16 units of the character at pos. */
  private width(): number {
    const c = this.text.charCodeAt(this.pos);
    return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }

  private skip(): void {
    this.pos += this.width();
    this.col++;
    this.index++;
  }

  /** The character at pos, consumed. */
  private read(): string {
    const w = this.width();
    const s = this.text.slice(this.pos, this.pos + w);
    this.pos += w;
    this.col++;
    this.index++;
    return s;
  }

  private skipLine(): void {
    const c = this.at(0);
    if (c === CR && this.at(1) === LF) {
      this.pos += 2;
      this.index += 2;
    } else if (isBreak(c)) {
      this.pos++;
      this.index++;
    } else {
      return;
    }
    this.col = 0;
    this.line++;
  }

  /** Consumes a line break and returns what it stands for in a scalar: CR LF, CR, LF and NEL
   *  are "\n"; LS and PS stand for themselves. */
  private readLine(): string {
    const c = this.at(0);
    let s: string;
    if (c === CR && this.at(1) === LF) {
      this.pos += 2;
      this.index++; // go-yaml counts CR LF as two characters, once here and once below
      s = '\n';
    } else if (c === CR || c === LF || c === NEL) {
      this.pos++;
      s = '\n';
    } else if (c === LS || c === PS) {
      this.pos++;
      s = String.fromCharCode(c);
    } else {
      return '';
    }
    this.index++;
    this.col = 0;
    this.line++;
    return s;
  }

  private error(message: string, at = this.pos): never {
    throw new YamlError(message, at, /\btab\b/.test(message) ? 'tab' : 'syntax');
  }

  // ------------------------------------------------------------------ the token queue

  private add(type: number, start: number, end: number, value = '', style = 0, suffix = ''): void {
    this.tokens.push({ type, start, end, value, suffix, style });
  }

  /** A token before token number `at` (usually one of the last few: no splice needed). */
  private insert(at: number, type: number, pos: number): void {
    const { tokens } = this;
    tokens.push(tokens[tokens.length - 1]);
    for (let i = tokens.length - 2; i > at; i--) tokens[i] = tokens[i - 1];
    tokens[at] = { type, start: pos, end: pos, value: '', suffix: '', style: 0 };
  }

  private nextToken(): void {
    const c = this.at(0);
    if (this.col === 0) {
      if (c === 37 /* % */) this.error('directives (%YAML, %TAG) are not read by kubectl: it splits the file at "---" before the YAML reader sees them');
      if ((c === 45 || c === 46) && this.at(1) === c && this.at(2) === c && isBlankZ(this.at(3))) {
        return this.documentIndicator(c === 45 ? T.DocumentStart : T.DocumentEnd);
      }
    }
    switch (c) {
      case 91: return this.flowCollectionStart(T.FlowSequenceStart); // [
      case 123: return this.flowCollectionStart(T.FlowMappingStart); // {
      case 93: return this.flowCollectionEnd(T.FlowSequenceEnd); // ]
      case 125: return this.flowCollectionEnd(T.FlowMappingEnd); // }
      case 44: return this.flowEntry(); // ,
      case 42: return this.anchor(T.Alias); // *
      case 38: return this.anchor(T.Anchor); // &
      case 33: return this.tag(); // !
      case 39: return this.flowScalar(true); // '
      case 34: return this.flowScalar(false); // "
    }
    const next = this.at(1);
    if (c === 45 /* - */ && isBlankZ(next)) return this.blockEntry();
    if (c === 63 /* ? */ && (this.flowLevel > 0 || isBlankZ(next))) return this.key();
    if (c === 58 /* : */ && (this.flowLevel > 0 || isBlankZ(next))) return this.value();
    if ((c === 124 /* | */ || c === 62 /* > */) && this.flowLevel === 0) return this.blockScalar(c === 124);
    // A plain scalar starts with anything but blank space and indicators; "-" and, outside
    // [ ] and { }, "?" and ":" may start one when a non-blank character follows.
    if (!(isBlankZ(c) || (c < 128 && INDICATOR[c] === 1))
      || (c === 45 && !isBlank(next))
      || (this.flowLevel === 0 && (c === 63 || c === 58) && !isBlankZ(next))) {
      return this.plainScalar();
    }
    this.error(c === TAB ? 'found a tab character where YAML (as go-yaml reads it) allows only spaces' : 'found character that cannot start any token');
  }

  private scanToNextToken(): void {
    const { text } = this;
    for (;;) {
      // Tabs separate tokens only inside [ ] / { } and where no key may start; elsewhere a tab
      // is an error in nextToken, as in go-yaml.
      const tabs = this.flowLevel > 0 || !this.simpleKeyAllowed;
      let p = this.pos;
      for (let c = text.charCodeAt(p); c === SP || (c === TAB && tabs); c = text.charCodeAt(++p));
      this.col += p - this.pos;
      this.index += p - this.pos;
      this.pos = p;
      if (text.charCodeAt(p) === 35 /* # */) while (!isBreakZ(this.at(0))) this.skip();
      if (!isBreak(this.at(0))) return;
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  // ------------------------------------------------------------------ simple keys

  /** Whether a possible simple key can still become a key here: it must be on this line and
   *  at most 1024 characters back. A required one (a block key at the indentation) that cannot
   *  is an error. */
  private simpleKeyValid(k: SimpleKey): boolean {
    if (!k.possible) return false;
    if (k.line < this.line || k.index + 1024 < this.index) {
      if (k.required) this.error("could not find expected ':' (a key must end on its own line, within 1024 characters)", k.pos);
      k.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    if (!this.simpleKeyAllowed) return;
    this.removeSimpleKey();
    const k = this.simpleKeys[this.simpleKeys.length - 1];
    k.possible = true;
    k.required = this.flowLevel === 0 && this.indent === this.col;
    k.tokenNumber = this.tokens.length;
    k.pos = this.pos;
    k.line = this.line;
    k.col = this.col;
    k.index = this.index;
  }

  private noKey(): SimpleKey {
    return { possible: false, required: false, tokenNumber: this.tokens.length, pos: this.pos, line: this.line, col: this.col, index: this.index };
  }

  private removeSimpleKey(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1];
    if (k.possible && k.required) this.error("could not find expected ':'", k.pos);
    k.possible = false;
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push(this.noKey());
    this.flowLevel++;
    this.checkDepth();
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      this.simpleKeys.pop();
    }
  }

  private checkDepth(): void {
    if (this.flowLevel + this.indents.length > MAX_DEPTH) {
      throw new YamlError(`collections nest deeper than ${MAX_DEPTH} levels (kruisec's limit; manifests stay far below it)`, this.pos, 'limit');
    }
  }

  /** Opens a block collection at `column` when it is deeper than the current one. The start
   *  token goes before token `number` (a simple key found earlier), or at the end. */
  private rollIndent(column: number, number: number, type: number, pos: number): void {
    if (this.flowLevel > 0 || this.indent >= column) return;
    this.indents.push(this.indent);
    this.indent = column;
    this.checkDepth();
    if (number < 0) this.add(type, pos, pos);
    else this.insert(number, type, pos);
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.add(T.BlockEnd, this.pos, this.pos);
      this.indent = this.indents.pop()!;
    }
  }

  // ------------------------------------------------------------------ indicators

  private streamEnd(): void {
    if (this.col !== 0) {
      this.col = 0;
      this.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.add(T.StreamEnd, this.pos, this.pos);
  }

  private documentIndicator(type: number): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.pos;
    this.skip();
    this.skip();
    this.skip();
    this.add(type, start, this.pos);
  }

  private flowCollectionStart(type: number): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.single(type);
  }

  private flowCollectionEnd(type: number): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.single(type);
  }

  private flowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.single(T.FlowEntry);
  }

  /** Outside [ ] / { }, an indicator that may open a block collection here, where one may. */
  private openBlock(type: number, what: string): void {
    if (this.flowLevel > 0) return;
    if (!this.simpleKeyAllowed) this.error(`${what} are not allowed in this context`);
    this.rollIndent(this.col, -1, type, this.pos);
  }

  private blockEntry(): void {
    this.openBlock(T.BlockSequenceStart, 'block sequence entries');
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.single(T.BlockEntry);
  }

  private key(): void {
    this.openBlock(T.BlockMappingStart, 'mapping keys');
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.single(T.Key);
  }

  private value(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1];
    if (this.simpleKeyValid(k)) {
      // The scalar or collection seen earlier was a key: a KEY token goes before it, and, when
      // it opens a deeper block mapping, the mapping's start before that.
      this.insert(k.tokenNumber, T.Key, k.pos);
      this.rollIndent(k.col, k.tokenNumber, T.BlockMappingStart, k.pos);
      k.possible = false;
      this.simpleKeyAllowed = false;
    } else {
      this.openBlock(T.BlockMappingStart, 'mapping values');
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.single(T.Value);
  }

  /** A one-character token. */
  private single(type: number): void {
    const start = this.pos;
    this.skip();
    this.add(type, start, this.pos);
  }

  // ------------------------------------------------------------------ anchors and tags

  private anchor(type: number): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.pos;
    this.skip();
    const from = this.pos;
    while (isAlpha(this.at(0))) this.skip();
    const name = this.text.slice(from, this.pos);
    const end = this.pos;
    const c = this.at(0);
    if (name === '' || !(isBlankZ(c) || '?:,]}%@`'.includes(String.fromCharCode(c)))) {
      this.error(`while scanning an ${type === T.Anchor ? 'anchor' : 'alias'}: did not find expected alphabetic or numeric character`, start);
    }
    this.add(type, start, end, name);
  }

  private tag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.pos;
    let handle: string;
    let suffix: string;
    if (this.at(1) === 60 /* < */) {
      // Verbatim: !<uri>
      this.skip();
      this.skip();
      handle = '';
      suffix = this.tagUri('', start);
      if (this.at(0) !== 62 /* > */) this.error("while scanning a tag: did not find the expected '>'", start);
      this.skip();
    } else {
      handle = this.tagHandle(start);
      if (handle.length > 1 && handle.endsWith('!')) {
        suffix = this.tagUri('', start); // !!str, !e!x
      } else {
        suffix = this.tagUri(handle, start); // !local: the handle is "!", the rest the suffix
        handle = '!';
        if (suffix === '') [handle, suffix] = ['', '!']; // a lone "!": the non-specific tag
      }
    }
    if (!isBlankZ(this.at(0))) this.error('while scanning a tag: did not find expected whitespace or line break', start);
    this.add(T.Tag, start, this.pos, handle, 0, suffix);
  }

  private tagHandle(start: number): string {
    if (this.at(0) !== 33) this.error("while scanning a tag: did not find expected '!'", start);
    let s = this.read();
    while (isAlpha(this.at(0))) s += this.read();
    if (this.at(0) === 33) s += this.read();
    return s;
  }

  /** The URI part of a tag; `head` is a handle read before that turned out to be part of it
   *  ("!local" is the handle "!" and the suffix "local"). Empty only after a handle. */
  private tagUri(head: string, start: number): string {
    let s = head.length > 1 ? head.slice(1) : '';
    let found = head.length > 0;
    for (let c = this.at(0); isAlpha(c) || (c !== 0 && TAG_URI_CHARS.includes(String.fromCharCode(c))); c = this.at(0)) {
      s += c === 37 /* % */ ? this.uriEscapes(start) : this.read();
      found = true;
    }
    if (!found) this.error('while parsing a tag: did not find expected tag URI', start);
    return s;
  }

  private uriEscapes(start: number): string {
    const bytes: number[] = [];
    let width = 0;
    do {
      if (this.at(0) !== 37 || !isHex(this.at(1)) || !isHex(this.at(2))) this.error('while parsing a tag: did not find URI escaped octet', start);
      const octet = parseInt(this.text.slice(this.pos + 1, this.pos + 3), 16);
      if (width === 0) {
        width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (width === 0) this.error('while parsing a tag: found an incorrect leading UTF-8 octet', start);
      } else if ((octet & 0xc0) !== 0x80) {
        this.error('while parsing a tag: found an incorrect trailing UTF-8 octet', start);
      }
      bytes.push(octet);
      this.skip();
      this.skip();
      this.skip();
    } while (bytes.length < width);
    return Buffer.from(bytes).toString('utf8');
  }

  // ------------------------------------------------------------------ scalars

  private blockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.pos;
    this.skip();
    // The header: chomping (+ keep, - strip) and an indentation indicator, in either order.
    let chomping = 0;
    let increment = 0;
    const chomp = () => {
      const c = this.at(0);
      if (c === 43 || c === 45) {
        chomping = c === 43 ? 1 : -1;
        this.skip();
        return true;
      }
      return false;
    };
    const digit = () => {
      const c = this.at(0);
      if (c >= 48 && c <= 57) {
        if (c === 48) this.error('while scanning a block scalar: found an indentation indicator equal to 0', start);
        increment = c - 48;
        this.skip();
        return true;
      }
      return false;
    };
    if (chomp()) digit();
    else if (digit()) chomp();
    while (isBlank(this.at(0))) this.skip();
    if (this.at(0) === 35) while (!isBreakZ(this.at(0))) this.skip();
    if (!isBreakZ(this.at(0))) this.error('while scanning a block scalar: did not find expected comment or line break', start);
    if (isBreak(this.at(0))) this.skipLine();
    let end = this.pos;

    let indent = increment > 0 ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    const breaks = (): void => {
      // Blank lines (and the indentation of the next line); with no indicator, the deepest of
      // the leading blank lines, at least one more than the parent, sets the indentation.
      end = this.pos;
      let maxIndent = 0;
      for (;;) {
        while ((indent === 0 || this.col < indent) && this.at(0) === SP) this.skip();
        if (this.col > maxIndent) maxIndent = this.col;
        if ((indent === 0 || this.col < indent) && this.at(0) === TAB) {
          this.error('while scanning a block scalar: found a tab character where an indentation space is expected', start);
        }
        if (!isBreak(this.at(0))) break;
        trailingBreaks += this.readLine();
        end = this.pos;
      }
      if (indent === 0) indent = Math.max(maxIndent, this.indent + 1, 1);
    };
    breaks();
    let leadingBlank = false;
    while (this.col === indent && this.at(0) !== 0) {
      const trailingBlank = isBlank(this.at(0));
      // Folding: a single line break between two lines that do not start with blank space
      // becomes a space.
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.charCodeAt(0) === LF) {
        if (trailingBreaks === '') s += ' ';
      } else {
        s += leadingBreak;
      }
      leadingBreak = '';
      s += trailingBreaks;
      trailingBreaks = '';
      leadingBlank = isBlank(this.at(0));
      const from = this.pos;
      while (!isBreakZ(this.at(0))) this.skip();
      s += this.text.slice(from, this.pos);
      leadingBreak = this.readLine();
      breaks();
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += trailingBreaks;
    this.add(T.Scalar, start, end, s, literal ? STYLE.Literal : STYLE.Folded);
  }

  private flowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.pos;
    this.skip();
    const quote = single ? 39 : 34;
    let s = '';
    const fold = new Folding();
    for (;;) {
      if (this.col === 0 && this.documentMarkerHere()) this.error('while scanning a quoted scalar: found unexpected document indicator', start);
      if (this.at(0) === 0) this.error('while scanning a quoted scalar: found unexpected end of stream', start);
      // Non-blank characters.
      while (!isBlankZ(this.at(0))) {
        const c = this.at(0);
        if (single && c === 39 && this.at(1) === 39) {
          s += "'";
          this.skip();
          this.skip();
        } else if (c === quote) {
          break;
        } else if (!single && c === 92 /* \ */ && isBreak(this.at(1))) {
          // An escaped line break: the text continues on the next line with nothing added.
          this.skip();
          this.skipLine();
          fold.leadingBlanks = true;
          break;
        } else if (!single && c === 92) {
          s += this.escape(start);
        } else {
          const from = this.pos;
          this.skip();
          s += this.text.slice(from, this.pos);
        }
      }
      if (this.at(0) === quote) break;
      this.foldSpace(fold, -1, start);
      s += fold.flush();
    }
    this.skip();
    this.add(T.Scalar, start, this.pos, s, single ? STYLE.Single : STYLE.Double);
  }

  private documentMarkerHere(): boolean {
    const c = this.at(0);
    return (c === 45 || c === 46) && this.at(1) === c && this.at(2) === c && isBlankZ(this.at(3));
  }

  /** One escape sequence in a double-quoted scalar, at the backslash. */
  private escape(start: number): string {
    const c = this.at(1);
    let length = 0;
    let out = '';
    switch (c) {
      case 48: out = '\0'; break; // 0
      case 97: out = '\x07'; break; // a
      case 98: out = '\b'; break;
      case 116: case TAB: out = '\t'; break;
      case 110: out = '\n'; break;
      case 118: out = '\v'; break;
      case 102: out = '\f'; break;
      case 114: out = '\r'; break;
      case 101: out = '\x1b'; break; // e
      case SP: out = ' '; break;
      case 34: out = '"'; break;
      case 39: out = "'"; break;
      case 92: out = '\\'; break;
      case 78: out = '\x85'; break; // N
      case 95: out = '\xa0'; break; // _
      case 76: out = '\u2028'; break; // L
      case 80: out = '\u2029'; break; // P
      case 120: length = 2; break; // x
      case 117: length = 4; break; // u
      case 85: length = 8; break; // U
      default: this.error('while parsing a quoted scalar: found unknown escape character', start);
    }
    this.skip();
    this.skip();
    if (length === 0) return out;
    let value = 0;
    for (let k = 0; k < length; k++) {
      const h = this.at(k);
      if (!isHex(h)) this.error('while parsing a quoted scalar: did not find expected hexdecimal number', start);
      value = value * 16 + parseInt(String.fromCharCode(h), 16);
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) this.error('while parsing a quoted scalar: found invalid Unicode character escape code', start);
    for (let k = 0; k < length; k++) this.skip();
    return String.fromCodePoint(value);
  }

  private plainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const { text } = this;
    const flow = this.flowLevel > 0;
    const start = this.pos;
    let end = start;
    const indent = this.indent + 1;
    let s = '';
    const fold = new Folding();
    for (;;) {
      if (this.col === 0 && this.documentMarkerHere()) break;
      if (text.charCodeAt(this.pos) === 35 /* # */) break; // a comment (only after blank space gets here)
      for (;;) {
        const c = text.charCodeAt(this.pos);
        if (isBlankZ(c) || Number.isNaN(c)) break;
        // ": " ends the scalar; inside [ ] / { }, so do , ? [ ] { }.
        if ((c === 58 && isBlankZ(this.at(1))) || (flow && isFlowIndicator(c))) break;
        s += fold.flush();
        // The text up to the next blank, break, ':' or indicator, in one slice.
        const stop = flow ? STOP_FLOW : STOP_BLOCK;
        let p = this.pos + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
        let chars = 1;
        for (;;) {
          const d = text.charCodeAt(p);
          if (d < 128 ? stop[d] === 1 : d !== d || d === NEL || d === LS || d === PS) break;
          if (d >= 0xd800 && d <= 0xdbff) p++;
          p++;
          chars++;
        }
        s += text.slice(this.pos, p);
        this.pos = p;
        this.col += chars;
        this.index += chars;
        end = p;
      }
      const c = this.at(0);
      if (!(isBlank(c) || isBreak(c))) break;
      this.foldSpace(fold, indent, start);
      // A continuation line must be indented deeper than the collection the scalar is in.
      if (!flow && this.col < indent) break;
    }
    this.add(T.Scalar, start, end, s, STYLE.Plain);
    if (fold.leadingBlanks) this.simpleKeyAllowed = true;
  }

  /** Blank space and line breaks inside a quoted or plain scalar, into `fold`. In a plain
   *  scalar (`indent` >= 0) a tab may not stand in a continuation line's indentation. */
  private foldSpace(fold: Folding, indent: number, start: number): void {
    const { text } = this;
    for (let d = this.at(0); isBlank(d) || isBreak(d); d = this.at(0)) {
      if (d === SP && fold.leadingBlanks) {
        // Indentation: skipped in one go.
        let p = this.pos + 1;
        while (text.charCodeAt(p) === SP) p++;
        this.col += p - this.pos;
        this.index += p - this.pos;
        this.pos = p;
      } else if (isBlank(d)) {
        if (fold.leadingBlanks && this.col < indent && d === TAB) {
          this.error('while scanning a plain scalar: found a tab character that violates indentation', start);
        }
        if (!fold.leadingBlanks) fold.whitespaces += this.read();
        else this.skip();
      } else if (!fold.leadingBlanks) {
        fold.whitespaces = '';
        fold.leadingBreak = this.readLine();
        fold.leadingBlanks = true;
      } else {
        fold.trailingBreaks += this.readLine();
      }
    }
  }
}

/** Blank space and line breaks between the words of a quoted or plain scalar, and what they
 *  become (go-yaml's folding, the same for both): blanks within a line stay; one line break
 *  becomes a space, more become their line breaks less one; blanks around breaks go. */
class Folding {
  leadingBlanks = false;
  whitespaces = '';
  leadingBreak = '';
  trailingBreaks = '';

  /** What the space read since the last text adds before the next text. */
  flush(): string {
    let s = this.whitespaces;
    if (this.leadingBlanks) {
      s = this.leadingBreak.charCodeAt(0) === LF ? (this.trailingBreaks === '' ? ' ' : this.trailingBreaks) : this.leadingBreak + this.trailingBreaks;
      this.leadingBreak = '';
      this.trailingBreaks = '';
      this.leadingBlanks = false;
    }
    this.whitespaces = '';
    return s;
  }
}

// Characters (below 128) that end a run of plain text: blank space, line breaks, ':' (which
// ends the scalar when blank space follows it), and inside [ ] / { } the flow indicators.
// The end of the text (NaN) and the Unicode line breaks are tested apart.
const STOP_BLOCK = new Uint8Array(128);
for (const c of [SP, TAB, LF, CR, 0, 58]) STOP_BLOCK[c] = 1;
const STOP_FLOW = STOP_BLOCK.slice();
for (const ch of ',?[]{}') STOP_FLOW[ch.charCodeAt(0)] = 1;

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 63 || c === 91 || c === 93 || c === 123 || c === 125;
}

const TAG_URI_CHARS = ";/?:@&=+$,.!~*'()[]%";

/** YAML's indicators: characters a plain scalar cannot start with (but see nextToken). */
const INDICATOR = new Uint8Array(128);
for (const ch of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[ch.charCodeAt(0)] = 1;

