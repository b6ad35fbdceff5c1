// How kubectl cuts a file into documents before any YAML is read (k8s.io/apimachinery's
// YAMLOrJSONDecoder, used by the resource builder behind `kubectl apply -f`):
// - a file whose first non-space character (Go's unicode.IsSpace, within the first 4096
//   bytes) is "{" is a stream of JSON values, read with Go's encoding/json (json.ts);
// - any other file is read line by line (a "\r" before "\n" dropped, a last line without
//   "\n" given one), and a line starting with "---" ends a document when what follows on it is
//   blank space or a comment; anything else after "---" fails the rest of the file. `...` and
//   `%` directives are not looked at: they reach go-yaml inside a document.
// Empty documents keep their place, so that a document's index is the same for every reader.
import { lastAtOrBefore } from '../lines.js';

export interface Chunk {
  /** The document's index in the file. */
  index: number;
  /** The text go-yaml is given. */
  text: string;
  /** Offset in the file of the character at `pos` in `text`. */
  toFile(pos: number): number;
}

export interface Split {
  chunks: Chunk[];
  /** A "---" line with other text after it: kubectl reads no further. */
  badSeparator?: { offset: number; text: string };
}

/** Go's unicode.IsSpace. */
export function isGoSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0xa0 || c === 0x1680
    || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Whether kubectl reads `text` as a stream of JSON values. */
export function isJsonStream(text: string): boolean {
  let i = 0;
  while (i < text.length && isGoSpace(text.charCodeAt(i))) i++;
  // The decision is made on the first 4096 bytes.
  return text.charCodeAt(i) === 123 /* { */ && Buffer.byteLength(text.slice(0, i + 1)) <= 4096;
}

/** The YAML documents of `text`, cut as kubectl cuts them. */
export function splitYaml(text: string): Split {
  const chunks: Chunk[] = [];
  const crlf = text.indexOf('\r') !== -1;
  // The current document: from `start` in the file; with CRs, built line by line.
  let start = 0;
  let lines: { from: number; text: string }[] = [];
  const flush = (end: number) => {
    if (end <= start && lines.length === 0) return;
    chunks.push(crlf ? joined(chunks.length, lines) : plain(chunks.length, text.slice(start, end), start));
    lines = [];
  };
  let at = 0;
  while (at < text.length) {
    let nl = text.indexOf('\n', at);
    const last = nl === -1;
    if (last) nl = text.length;
    const lineEnd = !last && nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (text.startsWith('---', at)) {
      const rest = goTrim(text.slice(at + 3, lineEnd));
      if (rest !== '' && rest[0] !== '#') {
        flush(at);
        return { chunks, badSeparator: { offset: at, text: rest } };
      }
      flush(at);
      start = nl + 1;
    } else if (crlf) {
      lines.push({ from: at, text: text.slice(at, lineEnd) + '\n' });
    }
    at = nl + 1;
  }
  // The last line gets its "\n" (LineReader adds one).
  if (!crlf && start < text.length && !text.endsWith('\n')) {
    chunks.push(plain(chunks.length, text.slice(start) + '\n', start));
    return { chunks };
  }
  flush(text.length);
  return { chunks };
}

function plain(index: number, text: string, start: number): Chunk {
  return { index, text, toFile: (pos) => start + pos };
}

/** A document whose lines lost a "\r": positions map back line by line. */
function joined(index: number, lines: { from: number; text: string }[]): Chunk {
  const starts: number[] = [];
  let length = 0;
  for (const l of lines) {
    starts.push(length);
    length += l.text.length;
  }
  return {
    index,
    text: lines.map((l) => l.text).join(''),
    toFile: (pos) => {
      const i = lastAtOrBefore(starts, pos);
      return lines[i].from + (pos - starts[i]);
    },
  };
}

/** strings.TrimSpace: Go's unicode spaces on both ends. */
function goTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}
