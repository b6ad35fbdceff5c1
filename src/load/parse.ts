// One file's text -> YAML documents -> Kubernetes objects. The fast path reads the whole
// stream with the block loader (the YAML manifests are written in), else with js-yaml; only
// when js-yaml fails is the file split into documents, so that one broken document does not
// hide the others and each error names its own position.
import yaml from 'js-yaml';
import type { KubeObject, Origin, Resource } from '../api/resource.js';
import { K8S_YAML_SCHEMA } from '../k8s/yaml.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { report } from '../report/catalogue/rule.js';
import * as rules from '../report/catalogue/load.js';
import { loadBlockYaml } from './block-yaml.js';
import { findHelmAction, findPlaceholder, HELM_KEY } from './templates.js';

export interface ParsedFile {
  resources: Resource[];
  diagnostics: Diagnostic[];
}

export function parseFile(file: string, rawText: string): ParsedFile {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const out: ParsedFile = { resources: [], diagnostics: [] };
  let docs: unknown[] | undefined = loadBlockYaml(text);
  // An elision or a Helm key can only come from text holding "..." or "…", or from js-yaml
  // turning a mapping key into "[object Object]"; other files are not walked for them.
  const placeholders = docs === undefined || mayHoldPlaceholder(text);
  try {
    docs ??= yaml.loadAll(text, undefined, { schema: K8S_YAML_SCHEMA, filename: file });
  } catch (e) {
    return parseDocumentsOneByOne(file, text, out);
  }
  docs.forEach((d, i) => addDocument(file, text, d, i, out, placeholders));
  return out;
}

function mayHoldPlaceholder(text: string): boolean {
  return text.includes('...') || text.includes('…') || text.includes(HELM_KEY);
}

function parseDocumentsOneByOne(file: string, text: string, out: ParsedFile): ParsedFile {
  const helm = findHelmAction(text);
  if (helm) {
    out.diagnostics.push(at(report(rules.helmTemplate, {}), file, helm.line, helm.col));
    return out;
  }
  for (const chunk of splitDocuments(text)) {
    let doc: unknown;
    try {
      doc = yaml.load(chunk.text, { schema: K8S_YAML_SCHEMA, filename: file });
    } catch (e) {
      out.diagnostics.push(yamlError(file, e, chunk.firstLine, text));
      continue;
    }
    addDocument(file, text, doc, chunk.index, out);
  }
  return out;
}

function addDocument(file: string, text: string, doc: unknown, index: number, out: ParsedFile, placeholders = true): void {
  if (doc === null || doc === undefined) return; // empty document, e.g. a trailing `---`
  const origin: Origin = { file, doc: index };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    out.diagnostics.push({ ...report(rules.notAnObject, { type: Array.isArray(doc) ? 'list' : typeof doc }), origin });
    return;
  }
  const obj = doc as Record<string, unknown>;
  if (obj.kind === 'List' && Array.isArray(obj.items) && (obj.apiVersion === 'v1' || obj.apiVersion === undefined)) {
    obj.items.forEach((item, i) => addObject(text, item, { file, doc: index, item: i }, out, placeholders));
    return;
  }
  addObject(text, obj, origin, out, placeholders);
}

function addObject(text: string, item: unknown, origin: Origin, out: ParsedFile, placeholders: boolean): void {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    out.diagnostics.push({ ...report(rules.notAnObject, { type: Array.isArray(item) ? 'list' : typeof item }), origin });
    return;
  }
  const obj = item as Record<string, unknown>;
  const placeholder = placeholders ? findPlaceholder(obj) : undefined;
  if (placeholder?.value === HELM_KEY) {
    out.diagnostics.push({ ...report(rules.helmTemplate, {}), origin, path: placeholder.path.slice(0, -1) });
    return;
  }
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
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  out.resources.push({ obj: obj as KubeObject, origin });
}

/** A Helm action in the identity fields means the whole object is a template. (Asked of
 *  every object, so written out rather than looped over a list of probes.) */
function findHelmValue(obj: Record<string, unknown>): (string)[] | undefined {
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

interface Chunk { text: string; index: number; firstLine: number }

/** Split a stream at `---` / `...` markers, padding each chunk with blank lines so that
 *  positions reported inside it are positions in the file. */
function splitDocuments(text: string): Chunk[] {
  const lines = text.split(/\r?\n/);
  const chunks: Chunk[] = [];
  let start = 0;
  let index = 0;
  const flush = (end: number) => {
    const body = lines.slice(start, end);
    if (body.some((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))) {
      chunks.push({ text: '\n'.repeat(start) + body.join('\n'), index, firstLine: start });
      index++;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^---(\s|$)/.test(l)) {
      // A document may begin on the marker line itself (`--- key: value` is rare; ignore).
      if (i > 0 || chunks.length > 0) flush(i);
      start = i + 1;
    } else if (/^\.\.\.\s*$/.test(l)) {
      flush(i);
      start = i + 1;
    }
  }
  flush(lines.length);
  return chunks;
}

function yamlError(file: string, e: unknown, fallbackLine: number, text: string): Diagnostic {
  const err = e as { reason?: string; message?: string; mark?: { line: number; column: number } };
  const reason = err.reason ?? String(err.message ?? e).split('\n')[0];
  let d: Diagnostic;
  const dup = /duplicated mapping key/.exec(reason);
  const tag = /unknown tag (!<[^>]*>|![^\s]*)/.exec(reason);
  const lineText = text.split(/\r?\n/)[err.mark?.line ?? fallbackLine] ?? '';
  if (/^\s*-?\s*(\.\.\.|…)\s*$/.test(lineText)) d = report(rules.docSnippet, { value: lineText.trim() });
  else if (dup) d = report(rules.yamlDuplicateKey, { key: duplicateKeyName(err) });
  else if (/tab characters/.test(reason)) d = report(rules.yamlTab, {});
  else if (tag) d = report(rules.yamlCustomTag, { tag: tag[1] });
  else d = report(rules.yamlSyntax, { reason });
  const line = (err.mark?.line ?? fallbackLine) + 1;
  const col = (err.mark?.column ?? 0) + 1;
  return at(d, file, line, col);
}

function duplicateKeyName(err: { mark?: { line: number; column: number }; message?: string }): string {
  // js-yaml's snippet holds the offending line; the key is what precedes the colon there.
  const m = /\n\s*\d+ \| *-? *([^:\n]+):/g;
  const snippet = String(err.message ?? '');
  const lines = [...snippet.matchAll(m)];
  const markLine = (err.mark?.line ?? -1) + 1;
  const hit = lines.find((x) => x[0].includes(` ${markLine} |`)) ?? lines[lines.length - 1];
  return hit ? hit[1].trim() : '?';
}

function at(d: Diagnostic, file: string, line: number, col: number): Diagnostic {
  return { ...d, file, line, col };
}
