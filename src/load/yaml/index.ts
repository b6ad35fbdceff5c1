// The one reader of manifests: a file's text -> its documents, each the JSON-shaped value
// kubectl makes of it or the reason kruisec refuses it, with a node tree that positions come from.
//
// Why not js-yaml or the `yaml` package: both read YAML 1.2, and kubectl reads YAML 1.1 through
// go-yaml v2 and then through JSON. They disagree on inputs that change what gets applied (see
// scanner.ts), and neither knows kubectl's document splitting, its JSON path, its key
// stringification or go-yaml's alias budget. Adapting them would mean guessing at their
// differences; reading as go-yaml reads is checked against kubectl itself instead
// (test/yaml/kubectl-differential.test.ts).
import { decodeDocument } from './decode.js';
import { YamlError, type YamlErrorKind } from './error.js';
import { readJsonStream } from './json.js';
import { parseDocument, type YamlNode } from './parser.js';
import { isJsonStream, splitYaml } from './stream.js';

export { YamlError, type YamlErrorKind } from './error.js';
export { keyOf } from './decode.js';
export { N, type YamlNode } from './parser.js';
export { MAX_DEPTH } from './scanner.js';

/** The largest document kruisec reads. The API server takes at most 3 MiB in one request, so
 *  a larger document can never be applied. */
export const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;

export interface DocumentError {
  message: string;
  kind: YamlErrorKind;
  /** Offset in the file. */
  offset: number;
  key?: string;
}

export interface ReadDocument {
  /** The document's index in the file (empty documents count). */
  index: number;
  /** The value; null for an empty document. Undefined with an error. */
  value?: unknown;
  error?: DocumentError;
}

/** Every document of a file, in order. After a document kubectl could not get past (a broken
 *  "---" line, a JSON syntax error), nothing more is read. */
export function readDocuments(text: string, limits: { documentBytes?: number } = {}): ReadDocument[] {
  if (isJsonStream(text)) {
    const r = readJsonStream(text);
    const docs: ReadDocument[] = r.documents.map((d, index) => ({ index, value: d.value }));
    if (r.error) docs.push({ index: docs.length, error: fileError(r.error, (p) => p) });
    return docs;
  }
  const split = splitYaml(text);
  const docs: ReadDocument[] = split.chunks.map((c) => {
    try {
      const node = chunkNode(c.text, limits.documentBytes ?? MAX_DOCUMENT_BYTES);
      return { index: c.index, value: node === null ? null : decodeDocument(node) };
    } catch (e) {
      if (!(e instanceof YamlError)) throw e;
      return { index: c.index, error: fileError(e, (p) => c.toFile(p)) };
    }
  });
  if (split.badSeparator) {
    const { offset, text: rest } = split.badSeparator;
    docs.push({ index: docs.length, error: { message: `"---" followed by ${JSON.stringify(rest)}: kubectl stops reading the file here ("invalid Yaml document separator"); only a comment may follow "---"`, kind: 'syntax', offset } });
  }
  return docs;
}

/** The node tree of document `index` of a file, and the file offset of a node position; for
 *  positions. The same splitting as readDocuments, so the same document. */
export function documentNode(text: string, index: number): { node: YamlNode; toFile: (pos: number) => number } | undefined {
  try {
    if (isJsonStream(text)) {
      const d = readJsonStream(text).documents[index];
      return d && { node: d.node, toFile: (p) => p };
    }
    const c = splitYaml(text).chunks[index];
    const node = c && chunkNode(c.text, Infinity); // read once already, within its limit
    return node ? { node, toFile: (p) => c.toFile(p) } : undefined;
  } catch {
    return undefined;
  }
}

// Characters go-yaml's reader accepts: tab, line breaks, printable ASCII, NEL and the rest of
// Unicode but surrogates, U+FFFE and U+FFFF. A byte-order mark is skipped at a document's start;
// elsewhere go-yaml's handling of it depends on its read buffer, so kruisec refuses it.
const NOT_ALLOWED = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/gu;

/** The root node of a YAML document's text (null when empty). Throws YamlError. */
function chunkNode(text: string, maxBytes: number): YamlNode | null {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0; // skipped by the scanner, as go-yaml does
  NOT_ALLOWED.lastIndex = bom;
  const bad = NOT_ALLOWED.exec(text);
  if (bad) {
    const cp = bad[0].codePointAt(0)!;
    const what = cp === 0xfeff ? 'a byte-order mark (U+FEFF) inside the document' : `the control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new YamlError(`${what}: go-yaml does not read it as text; remove it or write it as an escape in a double-quoted string`, bad.index, cp === 0xfeff ? 'unsafe' : 'syntax');
  }
  if (text.length > maxBytes / 3 && Buffer.byteLength(text) > maxBytes) {
    throw new YamlError(`document larger than ${maxBytes / 1024 / 1024} MiB: the API server accepts at most 3 MiB per request, so it cannot be applied`, 0, 'limit');
  }
  return parseDocument(text);
}

function fileError(e: YamlError, toFile: (pos: number) => number): DocumentError {
  return { message: e.message, kind: e.kind, offset: toFile(e.pos), key: e.key };
}
