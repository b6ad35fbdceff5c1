// One file's text -> Kubernetes objects, as `kubectl apply -f` reads it: kubectl's document
// splitting and go-yaml's reading (./yaml), then its resource builder's rules for the values:
// an object with `items` is a list whose items are applied instead (whatever its kind), items
// without apiVersion and kind take them from the list, and metadata must decode as ObjectMeta.
// A document that cannot be read gets a diagnostic at its position; the others are still read.
import type { KubeObject, Origin, Resource } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { report } from '../report/catalogue/rule.js';
import * as rules from '../report/catalogue/load.js';
import { findHelmAction, findPlaceholder } from './templates.js';
import { readDocuments, type DocumentError } from './yaml/index.js';
import { lineStarts, positionOf } from './lines.js';
import { metadataProblem } from './object-meta.js';
import { isKustomizationFile, isKustomizationObject, kustomizationHint } from './kustomization.js';

export interface ParsedFile {
  resources: Resource[];
  diagnostics: Diagnostic[];
}

export function parseFile(file: string, text: string, limits: { documentBytes?: number } = {}): ParsedFile {
  const out: ParsedFile = { resources: [], diagnostics: [] };
  if (isKustomizationFile(file)) {
    out.diagnostics.push(at(kustomizationHint(file), file, 1, 1));
    return out;
  }
  const docs = readDocuments(text, limits);
  if (docs.some((d) => d.error)) {
    // An unrendered Helm template is rarely valid YAML: say what it is instead.
    const helm = findHelmAction(text);
    if (helm) {
      out.diagnostics.push(at(report(rules.helmTemplate, {}), file, helm.line, helm.col));
      return out;
    }
  }
  const hidden = UNICODE_BREAK.exec(text);
  if (hidden) {
    const { line, col } = position(text, hidden.index);
    const char = `U+${hidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    out.diagnostics.push(at(report(rules.yamlUnicodeBreak, { char }), file, line, col));
  }
  // An elision can only come from text holding "..." or "…".
  const placeholders = text.includes('...') || text.includes('…');
  for (const d of docs) {
    if (d.error) out.diagnostics.push(yamlError(file, text, d.error));
    else addDocument(file, text, d.value, d.index, out, placeholders);
  }
  return out;
}

const UNICODE_BREAK = /[\u0085\u2028\u2029]/;

function addDocument(file: string, text: string, doc: unknown, index: number, out: ParsedFile, placeholders: boolean): void {
  if (doc === null || doc === undefined) return; // an empty document, e.g. after a trailing `---`
  const origin: Origin = { file, doc: index };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    out.diagnostics.push({ ...report(rules.notAnObject, { type: Array.isArray(doc) ? 'list' : typeName(doc) }), origin });
    return;
  }
  const obj = doc as Record<string, unknown>;
  if (isKustomizationObject(obj)) {
    out.diagnostics.push({ ...kustomizationHint(file), origin });
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(obj, 'items')) {
    addObject(text, obj, origin, out, placeholders);
    return;
  }
  // kubectl decodes any object with `items` as a list (apimachinery's unstructured decoder) and
  // applies its items, not the object.
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  if (kind === '') {
    out.diagnostics.push({ ...report(rules.missingTypeMeta, { field: 'kind' }), origin, path: obj.kind === undefined ? [] : ['kind'] });
    return;
  }
  if (!kind.endsWith('List')) out.diagnostics.push({ ...report(rules.itemsMakeList, { kind: kind || '(none)' }), origin, path: ['items'] });
  const items = obj.items;
  if (items === null) return;
  if (!Array.isArray(items)) {
    out.diagnostics.push({ ...report(rules.listInvalid, { reason: `items is a ${typeName(items)}, not a list` }), origin, path: ['items'] });
    return;
  }
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  items.forEach((item, i) => {
    const itemOrigin = { file, doc: index, item: i };
    const problem = listItemProblem(item);
    if (problem) {
      out.diagnostics.push({ ...report(rules.listInvalid, { reason: problem }), origin, path: ['items', i] });
      return;
    }
    const o = item as Record<string, unknown>;
    // Items of a typed list (a CloneSetList) may leave out apiVersion and kind.
    if (!o.kind && !o.apiVersion) {
      o.kind = kind.endsWith('List') ? kind.slice(0, -'List'.length) : kind;
      o.apiVersion = apiVersion;
    }
    addObject(text, o, itemOrigin, out, placeholders);
  });
}

function listItemProblem(item: unknown): string | undefined {
  if (item === null) return 'an item is null (kubectl would make an empty object of the list\'s kind of it)';
  if (typeof item !== 'object' || Array.isArray(item)) return `an item is a ${Array.isArray(item) ? 'list' : typeName(item)}, not an object`;
  const o = item as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(o, 'items')) return 'an item is a list itself; kubectl does not read nested lists';
  for (const f of ['kind', 'apiVersion']) {
    if (o[f] !== undefined && o[f] !== null && typeof o[f] !== 'string') return `an item's ${f} is not a string`;
  }
  return undefined;
}

function addObject(text: string, obj: Record<string, unknown>, origin: Origin, out: ParsedFile, placeholders: boolean): void {
  const placeholder = placeholders ? findPlaceholder(obj) : undefined;
  if (placeholder) {
    out.diagnostics.push({ ...report(rules.docSnippet, { value: placeholder.value }), origin, path: placeholder.path });
    return;
  }
  const helmPath = findHelmValue(obj);
  if (helmPath && text.includes('{{')) {
    out.diagnostics.push({ ...report(rules.helmTemplate, {}), origin, path: helmPath });
    return;
  }
  for (const field of ['apiVersion', 'kind'] as const) {
    if (typeof obj[field] !== 'string' || obj[field] === '') {
      out.diagnostics.push({ ...report(rules.missingTypeMeta, { field }), origin, path: obj[field] === undefined ? [] : [field] });
      return;
    }
  }
  const meta = metadataProblem(obj.metadata);
  if (meta) {
    out.diagnostics.push({ ...report(rules.metadataInvalid, { reason: meta.reason }), origin, path: ['metadata', ...meta.path] });
    return;
  }
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  out.resources.push({ obj: obj as KubeObject, origin });
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  return typeof v === 'bigint' ? 'number' : typeof v;
}

/** A Helm action in the identity fields means the whole object is a template. (Asked of
 *  every object, so written out rather than looped over a list of probes.) */
function findHelmValue(obj: Record<string, unknown>): string[] | undefined {
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  if (hasAction(obj.apiVersion)) return ['apiVersion'];
  if (hasAction(obj.kind)) return ['kind'];
  if (hasAction(meta.name)) return ['metadata', 'name'];
  if (hasAction(meta.namespace)) return ['metadata', 'namespace'];
  return undefined;
}

function hasAction(v: unknown): boolean {
  return typeof v === 'string' && v.includes('{{');
}

function yamlError(file: string, text: string, e: DocumentError): Diagnostic {
  const { line, col, lineText } = position(text, e.offset);
  let d: Diagnostic;
  if (/^\s*-?\s*(\.\.\.|…)\s*$/.test(lineText)) d = report(rules.docSnippet, { value: lineText.trim() });
  else if (e.kind === 'duplicate-key') d = report(rules.yamlDuplicateKey, { key: e.key ?? '?' });
  else if (e.kind === 'tab') d = report(rules.yamlTab, {});
  else if (e.kind === 'tag') d = report(rules.yamlCustomTag, { tag: e.key ?? '?' });
  else if (e.kind === 'limit') d = report(rules.yamlLimit, { reason: e.message });
  else if (e.kind === 'unsafe') d = report(rules.yamlUnsafe, { reason: e.message });
  else d = report(rules.yamlSyntax, { reason: e.message });
  return at(d, file, line, col);
}

/** 1-based line and column of a file offset, and that line's text. */
function position(text: string, offset: number): { line: number; col: number; lineText: string } {
  const starts = lineStarts(text);
  const p = positionOf(starts, offset);
  const end = text.indexOf('\n', starts[p.line - 1]);
  return { ...p, lineText: text.slice(starts[p.line - 1], end === -1 ? text.length : end) };
}

function at(d: Diagnostic, file: string, line: number, col: number): Diagnostic {
  return { ...d, file, line, col };
}
