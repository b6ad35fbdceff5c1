// `kruisec fn validate` and `kruisec fn render`: kruisec as a KRM function (the KRM Functions
// Specification, ResourceList config.kubernetes.io/v1) for kpt and kustomize. Standard input
// is a ResourceList (kpt, kustomize's exec functions) or a plain YAML stream (kustomize's exec
// plugins, which `kubectl kustomize --enable-alpha-plugins` runs); the output takes the same
// form. validate hands the items back unchanged with a `results` entry per diagnostic; render
// hands back their apply form. Exit 1 when the diagnostics fail the run, as `validate` does.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Origin } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { fieldText } from '../k8s/field-path.js';
import { compareStrings } from '../util/compare.js';
import { isObj, sameJson } from '../util/json.js';
import type { Io } from './commands.js';
import type { readDocuments as readDocumentsType } from '../load/index.js';
import { readFnConfig } from './fn-config.js';
import { exitCodeFor, formatDiagnostics, shownDiagnostics } from './diagnostics.js';
import { admit } from './inputs.js';
import { UsageError, type CommonFlags } from './options.js';

export type FnMode = 'validate' | 'render';

const RESOURCE_LIST_GROUP = 'config.kubernetes.io/';
/** Rules about reading stdin as manifests that do not apply to a ResourceList: it is a list
 *  whose kind does not end in List, and an empty package is a valid input. */
const NOT_FOR_FUNCTIONS = new Set(['items-make-list', 'empty-input']);

/** What arrived on stdin: a ResourceList's parts, or the documents of a YAML stream. */
interface Envelope {
  /** The ResourceList's apiVersion; undefined for a YAML stream. */
  listVersion?: string;
  /** The ResourceList as read. */
  list?: Record<string, unknown>;
  /** ResourceList items, or the stream's documents by document index (empty ones undefined). */
  items: unknown[];
  functionConfig?: unknown;
  /** A document could not be read: the load phase reports where. */
  unreadable: boolean;
  /** The ResourceList's items is not a list. */
  badItems: boolean;
}

export async function runFn(mode: FnMode, configFile: string | undefined, io: Io): Promise<number> {
  const bytes = io.stdin ? Buffer.from(io.stdin()) : readFileSync(0);
  if (!isUtf8(bytes)) {
    io.err(`kruisec fn ${mode}: standard input is not UTF-8 (a ResourceList or YAML stream must be)\n`);
    return 1;
  }
  const text = bytes.toString('utf8');
  const { load, readDocuments, MAX_FILE_BYTES } = await import('../load/index.js');
  // A ResourceList is one document holding the whole package: only the input's size is bounded.
  const limits = { documentBytes: MAX_FILE_BYTES };
  const env = readEnvelope(readDocuments(text, limits));
  const fromFile = configFile === undefined ? undefined : readConfigFile(readDocuments, resolve(io.cwd, configFile), configFile);
  const functionConfig = fromFile ?? env.functionConfig;
  const { settings, problems } = readFnConfig(functionConfig);
  const flags: CommonFlags = { format: 'text', strict: settings.strict, failOn: settings.failOn, verbose: settings.verbose };

  const loaded = await load(['-'], { cwd: io.cwd, facts: settings.facts, readStdin: () => text, ...limits });
  // Local configuration (kpt's Kptfile, function configs) is never applied: not judged, and
  // handed back as it came.
  const local = (o: Origin | undefined) => o !== undefined && isLocalConfig(itemAt(env, o));
  loaded.resources = loaded.resources.filter((r) => !local(r.origin));
  loaded.diagnostics = loaded.diagnostics.filter((d) => !local(d.origin) && (env.listVersion === undefined ? d.ruleId !== 'empty-input' : !NOT_FOR_FUNCTIONS.has(d.ruleId)));
  const { report } = await import('../report/catalogue/rule.js');
  const { resourceListInvalid } = await import('../report/catalogue/input.js');
  const diags: Diagnostic[] = problems.map((reason) => report(resourceListInvalid, { reason }));
  if (env.badItems) diags.push(report(resourceListInvalid, { reason: 'items must be a list' }));
  const checked = await admit(loaded, flags);
  diags.push(...loaded.diagnostics, ...checked.diagnostics);

  let out: unknown[] = env.items;
  if (mode === 'render' && exitCodeFor(diags, flags) === 0) {
    const { applyForm } = await import('../render/index.js');
    const rendered = applyForm(loaded.resources.filter(checked.admits), { cluster: loaded.facts, explain: false, materialize: settings.materialize });
    diags.push(...rendered.diagnostics);
    out = [...rendered.resources.map((r) => r.obj), ...out.filter(isLocalConfig)];
  }
  const code = exitCodeFor(diags, flags);
  const shown = shownDiagnostics(diags, flags);
  // Where no results can carry them (a YAML stream, or input that could not be read) they go
  // to stderr in full, with positions in the input.
  if (shown.length && (env.listVersion === undefined || env.unreadable)) io.err(await formatDiagnostics(shown, loaded, flags, io.cwd));
  if (env.unreadable) return 1;
  const { dumpYaml, dumpYamlStream } = await import('../k8s/yaml-writer.js');
  if (env.listVersion === undefined) {
    // kustomize discards a failed plugin's output; print nothing half-way.
    if (code === 0) io.out(dumpYamlStream(out.filter((o) => o !== undefined && o !== null)));
    return code;
  }
  const results = sortResults(shown).map((d) => toResult(d, env));
  // On failure the errors go to stderr as well, one line each: orchestrators that do not
  // print results (kustomize) still show a failed function's stderr.
  if (code !== 0) for (const r of results) if (r.severity === 'error' || flags.failOn === 'warning') io.err(`${resultLine(r)}\n`);
  const unchanged = mode === 'validate' || code !== 0;
  const appended = unchanged ? appendResults(text, env.list, results, dumpYaml, readDocuments) : undefined;
  io.out(appended ?? dumpYaml({
    apiVersion: env.listVersion,
    kind: 'ResourceList',
    items: out,
    ...(functionConfig === undefined ? {} : { functionConfig }),
    ...(results.length ? { results } : {}),
  }));
  return code;
}

/** The input handed back byte for byte with `results` appended as a last top-level key, so that
 *  kpt writing a validator's output back into a package changes no quoting, order or comment
 *  in the user's files. Only when that text reads back as the input plus the results (a block
 *  mapping at the top, one document, no `results` yet); undefined otherwise. */
function appendResults(text: string, list: unknown, results: unknown[], dump: (v: unknown) => string, read: typeof readDocumentsType): string | undefined {
  if (!isObj(list) || 'results' in list || /^\s*[{[]/.test(text)) return undefined;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const candidate = results.length ? body + dump({ results }) : body;
  const docs = read(candidate, { documentBytes: Infinity }).filter((d) => d.error !== undefined || (d.value !== null && d.value !== undefined));
  if (docs.length !== 1 || docs[0].error) return undefined;
  return sameJson(docs[0].value, results.length ? { ...list, results } : list) ? candidate : undefined;
}

function readEnvelope(docs: readonly { index: number; value?: unknown; error?: unknown }[]): Envelope {
  const unreadable = docs.some((d) => d.error !== undefined);
  const present = docs.filter((d) => d.value !== null && d.value !== undefined);
  const only = present.length === 1 ? present[0].value : undefined;
  if (isObj(only) && only.kind === 'ResourceList' && typeof only.apiVersion === 'string' && only.apiVersion.startsWith(RESOURCE_LIST_GROUP)) {
    const items = Array.isArray(only.items) ? only.items : [];
    const badItems = only.items !== undefined && only.items !== null && !Array.isArray(only.items);
    return { listVersion: only.apiVersion, list: only, items, functionConfig: only.functionConfig ?? undefined, unreadable, badItems };
  }
  const items: unknown[] = [];
  for (const d of docs) items[d.index] = d.value ?? undefined;
  return { items, unreadable, badItems: false };
}

/** The config file kustomize hands an exec plugin (its first argument), or one given by hand. */
function readConfigFile(read: (text: string) => { value?: unknown; error?: { message: string } }[], abs: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new UsageError(`cannot read the function config ${shown}`);
  }
  const [doc] = read(text);
  if (doc?.error) throw new UsageError(`the function config ${shown} is not valid YAML: ${doc.error.message}`);
  return doc?.value ?? undefined;
}

/** Results in a stable order: by item, then field, then rule. */
function sortResults(diags: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.origin?.doc ?? -1, d.origin?.item ?? -1] as const;
  return [...diags].sort((a, b) => {
    const [ad, ai] = key(a);
    const [bd, bi] = key(b);
    return ad - bd || ai - bi || compareStrings(fieldOf(a), fieldOf(b)) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message);
  });
}

function fieldOf(d: Diagnostic): string {
  return fieldText(d.path ?? []);
}

/** One entry of `results` (the spec's Result: message, severity, resourceRef, field, file, tags). */
function toResult(d: Diagnostic, env: Envelope): Record<string, unknown> {
  const result: Record<string, unknown> = {
    message: d.hint ? `${d.message} (help: ${d.hint})` : d.message,
    severity: d.severity,
  };
  const item = d.origin ? itemAt(env, d.origin) : undefined;
  const meta = isObj(item?.metadata) ? item.metadata : {};
  if (item && typeof item.apiVersion === 'string' && typeof item.kind === 'string' && typeof meta.name === 'string') {
    result.resourceRef = {
      apiVersion: item.apiVersion,
      kind: item.kind,
      name: meta.name,
      ...(typeof meta.namespace === 'string' && meta.namespace !== '' ? { namespace: meta.namespace } : {}),
    };
  }
  const field = fieldOf(d);
  if (field && result.resourceRef) result.field = { path: field };
  const file = fileOf(meta);
  if (file) result.file = file;
  result.tags = { 'kruisec.io/rule': d.ruleId };
  return result;
}

/** `[error] apps/v1/Deployment/shop/web spec.replicas: message (apps/web.yaml, document 1)`,
 *  as kpt prints results. */
function resultLine(r: Record<string, unknown>): string {
  const ref = r.resourceRef as Record<string, string> | undefined;
  const field = r.field as { path: string } | undefined;
  const file = r.file as { path: string; index?: number } | undefined;
  const what = ref ? `${[ref.apiVersion, ref.kind, ref.namespace, ref.name].filter(Boolean).join('/')}${field ? ` ${field.path}` : ''}: ` : '';
  const where = file ? ` (${file.path}, document ${(file.index ?? 0) + 1})` : '';
  return `[${String(r.severity)}] ${what}${String(r.message)}${where}`;
}

/** kpt's Kptfile, or marked `config.kubernetes.io/local-config: "true"`: configuration of the
 *  tools, not of the cluster. */
function isLocalConfig(item: unknown): boolean {
  if (!isObj(item)) return false;
  if (item.kind === 'Kptfile' && typeof item.apiVersion === 'string' && item.apiVersion.startsWith('kpt.dev/')) return true;
  return isObj(item.metadata) && isObj(item.metadata.annotations) && item.metadata.annotations['config.kubernetes.io/local-config'] === 'true';
}

function itemAt(env: Envelope, origin: Origin): Record<string, unknown> | undefined {
  const doc = env.listVersion === undefined ? env.items[origin.doc] : origin.doc === 0 ? { items: env.items } : undefined;
  if (origin.item === undefined && env.listVersion === undefined) return isObj(doc) ? doc : undefined;
  const items = isObj(doc) && Array.isArray(doc.items) ? doc.items : [];
  const item = origin.item === undefined ? undefined : items[origin.item];
  return isObj(item) ? item : undefined;
}

/** The file an orchestrator read the item from: kpt and kustomize record it in annotations
 *  (the internal.config.kubernetes.io ones in spec v1, the config.kubernetes.io ones before). */
function fileOf(meta: Record<string, unknown>): { path: string; index?: number } | undefined {
  const a = isObj(meta.annotations) ? meta.annotations : {};
  const path = a['internal.config.kubernetes.io/path'] ?? a['config.kubernetes.io/path'];
  if (typeof path !== 'string' || path === '') return undefined;
  const index = Number(a['internal.config.kubernetes.io/index'] ?? a['config.kubernetes.io/index'] ?? 0);
  return Number.isInteger(index) && index >= 0 ? { path, index } : { path };
}
