// RFC 7386 JSON merge patch exactly as github.com/evanphx/json-patch v5.6.0 MergePatch does it
// (spec §6): values are decoded lazily, so parts of the old document the patch never touches
// are re-emitted as written (only compacted), while every object that was merged, and
// everything taken from the patch, is re-encoded by Go's encoder: sorted keys, compact,
// HTML-safe escapes. Scalars always keep their original text (1.0 stays 1.0).
import { goEscape, goString } from '../../go/json.js';
import { compareStrings } from '../../util/compare.js';

/** A node: raw text until something "opens" it as an object or array (lazyNode.intoDoc/intoAry). */
type Node =
  | { kind: 'scalar'; raw: string }
  | { kind: 'object'; raw: string; entries: [string, Node | null][]; open: boolean }
  | { kind: 'array'; raw: string; items: (Node | null)[]; open: boolean };

class JsonSyntaxError extends Error {}

/** Parse JSON keeping every value's source text. `null` values are returned as null. */
function parse(text: string): Node | null {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const fail = (): never => { throw new JsonSyntaxError('invalid JSON'); };
  const str = (): string => {
    const start = i;
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
    try { return JSON.parse(text.slice(start, i)) as string; } catch { return fail(); }
  };
  const value = (): Node | null => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, Node | null][] = [];
      ws();
      if (text[i] === '}') { i++; return { kind: 'object', raw: text.slice(start, i), entries, open: false }; }
      for (;;) {
        ws();
        const k = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        entries.push([k, value()]);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; break; }
        fail();
      }
      return { kind: 'object', raw: text.slice(start, i), entries, open: false };
    }
    if (c === '[') {
      i++;
      const items: (Node | null)[] = [];
      ws();
      if (text[i] === ']') { i++; return { kind: 'array', raw: text.slice(start, i), items, open: false }; }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; break; }
        fail();
      }
      return { kind: 'array', raw: text.slice(start, i), items, open: false };
    }
    if (c === '"') { str(); return { kind: 'scalar', raw: text.slice(start, i) }; }
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
    return m![0] === 'null' ? null : { kind: 'scalar', raw: m![0] };
  };
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}

/** json.Compact with HTML escaping, as encoding/json applies it to a RawMessage. */
function compact(raw: string): string {
  let out = '';
  let inStr = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inStr) {
      out += c;
      if (c === '\\') { out += raw[++i]; continue; }
      if (c === '"') inStr = false;
    } else if (c === '"') { inStr = true; out += c; }
    else if (!' \t\n\r'.includes(c)) out += c;
  }
  return goEscape(out);
}

/** Go map semantics for an opened object: the last duplicate key wins. */
function entriesMap(n: Extract<Node, { kind: 'object' }>): Map<string, Node | null> {
  const m = new Map<string, Node | null>();
  for (const [k, v] of n.entries) { m.delete(k); m.set(k, v); }
  return m;
}

function openDoc(n: Node): Map<string, Node | null> | undefined {
  if (n.kind !== 'object') return undefined;
  n.open = true;
  const m = entriesMap(n);
  n.entries = [...m.entries()];
  return m;
}

function setDoc(n: Extract<Node, { kind: 'object' }>, m: Map<string, Node | null>): void {
  n.entries = [...m.entries()];
}

function pruneNulls(n: Node): void {
  if (n.kind === 'object') {
    const m = openDoc(n)!;
    for (const [k, v] of [...m]) { if (v === null) m.delete(k); else pruneNulls(v); }
    setDoc(n, m);
  } else if (n.kind === 'array') {
    n.open = true;
    for (const v of n.items) if (v !== null) pruneNulls(v);
  }
}

function mergeDocs(doc: Map<string, Node | null>, patch: Map<string, Node | null>): void {
  for (const [k, v] of patch) {
    if (v === null) { doc.delete(k); continue; }
    const cur = doc.get(k);
    if (cur === undefined || cur === null) { pruneNulls(v); doc.set(k, v); }
    else doc.set(k, merge(cur, v));
  }
}

function merge(cur: Node, patch: Node): Node {
  const curDoc = cur.kind === 'object' ? openDoc(cur) : undefined;
  if (!curDoc) { pruneNulls(patch); return patch; }
  const patchDoc = patch.kind === 'object' ? openDoc(patch) : undefined;
  if (!patchDoc) return patch;
  mergeDocs(curDoc, patchDoc);
  setDoc(cur as Extract<Node, { kind: 'object' }>, curDoc);
  return cur;
}

function encode(n: Node | null): string {
  if (n === null) return 'null';
  if (n.kind === 'scalar' || !n.open) return compact(n.raw);
  if (n.kind === 'array') return `[${n.items.map(encode).join(',')}]`;
  return encodeDoc(new Map(n.entries));
}

function encodeDoc(m: Map<string, Node | null>): string {
  const keys = [...m.keys()].sort(compareStrings);
  return `{${keys.map((k) => `${goString(k)}:${encode(m.get(k)!)}`).join(',')}}`;
}

export type MergeResult = { ok: true; value: string } | { ok: false; error: string };

/** jsonpatch.MergePatch(doc, patch). */
export function mergePatch(docText: string, patchText: string): MergeResult {
  let doc: Node | null, patch: Node | null;
  try { doc = parse(docText); } catch { return { ok: false, error: 'invalid JSON Document' }; }
  try { patch = parse(patchText); } catch { return { ok: false, error: 'invalid JSON Patch' }; }
  if (doc === null) return { ok: false, error: 'invalid JSON Document' };
  if (patch === null) return { ok: false, error: 'invalid JSON Patch' };
  if (patch.kind === 'array') {
    pruneNulls(patch);
    return { ok: true, value: encode(patch) };
  }
  if (patch.kind !== 'object') return { ok: false, error: 'invalid JSON Patch' };
  const patchDoc = openDoc(patch)!;
  if (doc.kind !== 'object') {
    pruneNulls(patch);
    return { ok: true, value: encode(patch) };
  }
  const d = openDoc(doc)!;
  mergeDocs(d, patchDoc);
  return { ok: true, value: encodeDoc(d) };
}
