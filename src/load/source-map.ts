// Source positions, recovered lazily: only a file that gets a diagnostic is read again, by the
// same reader (./yaml), cut into documents the same way, so a document index names the same
// document here as in load; its node tree turns a field path into line:col.
import type { FieldPath, Origin } from '../api/resource.js';
import { lineStarts, positionOf } from './lines.js';
import { documentNode, keyOf, N, type YamlNode } from './yaml/index.js';

export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

interface Parsed {
  node: YamlNode;
  toFile: (pos: number) => number;
}

export class SourceStore {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, Parsed | null>();
  private readonly lineStarts = new Map<string, number[]>();

  add(file: string, text: string): void {
    this.texts.set(file, text);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  /** Line and column (1-based) of `path` inside the document `origin` names. Walks as deep
   *  as the path exists, so a missing field points at its parent. */
  locate(origin: Origin, path: FieldPath = []): Span | undefined {
    const p = this.parse(origin.file, origin.doc);
    if (!p) return undefined;
    const full: FieldPath = origin.item === undefined ? path : ['items', origin.item, ...path];
    let node = deref(p.node);
    let from = node.start;
    let to = node.end;
    for (const seg of full) {
      if (node.kind === N.Mapping) {
        const pair = findPair(node, String(seg), new Set());
        if (!pair) break;
        node = deref(pair.value);
        from = pair.key.start;
        to = Math.max(pair.value.end, pair.key.end);
      } else if (node.kind === N.Sequence && typeof seg === 'number' && node.children[seg] !== undefined) {
        const item = node.children[seg];
        node = deref(item);
        from = item.start;
        to = item.end;
      } else {
        break;
      }
    }
    const text = this.texts.get(origin.file)!;
    const start = this.position(origin.file, p.toFile(from));
    const end = this.position(origin.file, Math.max(p.toFile(from), trimEnd(text, p.toFile(to))));
    return { line: start.line, col: start.col, endLine: end.line, endCol: end.col };
  }

  private parse(file: string, doc: number): Parsed | undefined {
    const key = `${doc}\u0000${file}`;
    let p = this.parsed.get(key);
    if (p === undefined) {
      const text = this.texts.get(file);
      p = text === undefined ? null : documentNode(text, doc) ?? null;
      this.parsed.set(key, p);
    }
    return p ?? undefined;
  }

  private position(file: string, offset: number): { line: number; col: number } {
    let starts = this.lineStarts.get(file);
    if (!starts) this.lineStarts.set(file, (starts = lineStarts(this.texts.get(file)!)));
    return positionOf(starts, offset);
  }
}

function deref(n: YamlNode): YamlNode {
  return n.kind === N.Alias && n.target ? n.target : n;
}

/** The pair that gives mapping `m` its value for `key`: the last one written, its own or one
 *  merged in with `<<` (earlier merge sources win over later ones, as in go-yaml). */
function findPair(m: YamlNode, key: string, seen: Set<YamlNode>): { key: YamlNode; value: YamlNode } | undefined {
  if (seen.has(m)) return undefined;
  seen.add(m);
  let found: { key: YamlNode; value: YamlNode } | undefined;
  const c = m.children;
  for (let i = 0; i < c.length; i += 2) {
    const k = deref(c[i]);
    if (k.kind === N.Scalar && k.value === '<<' && (k.implicit || k.tag.endsWith(':merge'))) {
      const v = deref(c[i + 1]);
      const sources = v.kind === N.Sequence ? v.children.map(deref) : [v];
      for (let j = sources.length - 1; j >= 0; j--) {
        const hit = sources[j].kind === N.Mapping ? findPair(sources[j], key, seen) : undefined;
        if (hit) found = hit;
      }
      continue;
    }
    const id = k.kind === N.Scalar ? keyOf(k) : undefined;
    if (typeof id === 'object' && id.json === key) found = { key: c[i], value: c[i + 1] };
  }
  return found;
}

/** Block values end after trailing newlines; point at the last real character instead. */
function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}
