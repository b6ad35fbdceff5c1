// Source positions, recovered lazily. The hot path parses with js-yaml (fast, no
// positions); only files that get a diagnostic are parsed again with the `yaml` package,
// which keeps source ranges, to turn a field path into line:col.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { FieldPath, Origin } from '../api/resource.js';

export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export class SourceStore {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, { docs: Document[]; lines: LineCounter }>();

  add(file: string, text: string): void {
    this.texts.set(file, text);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  /** Line and column (1-based) of `path` inside the document `origin` names. Walks as deep
   *  as the path exists, so a missing field points at its parent. */
  locate(origin: Origin, path: FieldPath = []): Span | undefined {
    const p = this.parse(origin.file);
    if (!p) return undefined;
    const doc = p.docs[origin.doc];
    if (!doc) return undefined;
    const full: FieldPath = origin.item === undefined ? path : ['items', origin.item, ...path];
    let node: unknown = doc.contents;
    let range = rangeOf(node);
    for (const seg of full) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && scalarKey(it.key) === String(seg));
        if (!pair) break;
        const keyRange = rangeOf(pair.key);
        const valueRange = rangeOf(pair.value);
        range = keyRange && valueRange ? [keyRange[0], valueRange[1]] : keyRange ?? valueRange ?? range;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
        node = node.items[seg];
        range = rangeOf(node) ?? range;
      } else {
        break;
      }
    }
    if (!range) return undefined;
    const start = p.lines.linePos(range[0]);
    const end = p.lines.linePos(Math.max(range[0], trimEnd(this.texts.get(origin.file)!, range[1])));
    return { line: start.line, col: start.col, endLine: end.line, endCol: end.col };
  }

  private parse(file: string) {
    let p = this.parsed.get(file);
    if (p) return p;
    const text = this.texts.get(file);
    if (text === undefined) return undefined;
    const lines = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false });
    p = { docs: Array.isArray(docs) ? docs : [], lines };
    this.parsed.set(file, p);
    return p;
  }
}

function scalarKey(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as Node | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Block values end after trailing newlines; point at the last real character instead. */
function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}
