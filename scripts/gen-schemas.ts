// Generates schemas/ from src/api: one JSON Schema (draft-07) per registered apiVersion/kind,
// and under schemas/validators/ their Ajv standalone validators, compacted (compact-validators.ts)
// and split into a module per kind and per definition (split-validators.ts), so the CLI never
// compiles a schema and loads only the validator code its input reaches.
//
// Types are read with ts-morph. References into @kubernetes/client-node's models are followed
// into its .d.ts files; the quirks of those generated classes are handled here:
//  - they are classes: only instance properties count (static attributeTypeMap etc. do not);
//  - a property's JSON name and format (int32, int64, date-time, double) come from the class's
//    runtime attributeTypeMap, not from the TypeScript name ('_default' is "default");
//  - Date fields are RFC 3339 strings on the wire (and `null` is common: creationTimestamp);
//  - IntOrString is `number | string`;
//  - resource quantities are typed `string` but Kubernetes also takes plain numbers.
// JSDoc tags honoured on our own types:
//  @intOrString              int-or-string (a bare `number | string` is one too)
//  @format <f>               int32 | int64 (integer), double | float (number), date-time (string)
//  @pattern <re>             string pattern, as in the CRD
//  @default <json>           documented default
//  @minimum <n>              least value of a number (kubebuilder:validation:Minimum)
//  @webhookEnum              a string-literal union whose values the admission webhook checks,
//                            not the schema (upstream Go types declare a plain string)
//  @preserveUnknownFields    the CRD keeps unknown fields here; we still type the node so
//                            kruisec can warn about fields Kruise will ignore
//
// Usage: tsx scripts/gen-schemas.ts [--check]
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Node, Project, type Symbol as MorphSymbol, type Type } from 'ts-morph';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { compactValidators, inlineSchemaReads, minifyModule } from './compact-validators.js';
import * as k8s from '@kubernetes/client-node';
import { API_KINDS, schemaPath, type ApiKind } from '../src/api/index.js';
import { VALIDATORS_DIR, validatorPath } from '../src/validate/schema/validators.js';
import { splitValidators } from './split-validators.js';

export type JsonSchema = { [key: string]: unknown };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_DIR = 'schemas';
const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** Quantity-valued fields (int or string on the wire) that client-node types as string. */
const QUANTITY_FIELDS = new Set([
  'V1ResourceRequirements.limits', 'V1ResourceRequirements.requests',
  'V1VolumeResourceRequirements.limits', 'V1VolumeResourceRequirements.requests',
  'V1EmptyDirVolumeSource.sizeLimit', 'V1PodSpec.overhead',
  'V1PersistentVolumeClaimStatus.capacity', 'V1PersistentVolumeClaimStatus.allocatedResources',
  'V1ContainerStatus.allocatedResources', 'V1PodStatus.resources',
  'V1ResourceFieldSelector.divisor', 'V1Overhead.podFixed', 'V1PersistentVolumeSpec.capacity',
  'V1ResourceQuotaSpec.hard', 'V1ResourceQuotaStatus.hard', 'V1ResourceQuotaStatus.used',
  'V1LimitRangeItem.default', 'V1LimitRangeItem.defaultRequest', 'V1LimitRangeItem.max',
  'V1LimitRangeItem.min', 'V1LimitRangeItem.maxLimitRequestRatio',
  'V2MetricTarget.value', 'V2MetricTarget.averageValue',
]);
const QUANTITY: JsonSchema = { type: ['number', 'string'] };

interface Tags {
  intOrString?: boolean;
  format?: string;
  pattern?: string;
  default?: unknown;
  webhookEnum?: boolean;
  preserveUnknownFields?: boolean;
  quantity?: boolean;
  minimum?: number;
}

interface AttrInfo { baseName: string; format: string }

class SchemaBuilder {
  readonly definitions = new Map<string, JsonSchema>();
  private readonly names = new Map<string, Node>();
  private readonly building = new Set<string>();

  constructor(private readonly project: Project) {}

  /** The schema of a value of `type`, seen at `where` (for resolving generics and aliases). */
  schemaOf(type: Type, where: Node, tags: Tags, owner?: string): JsonSchema {
    if (tags.quantity) return this.quantity(type, where);
    if (tags.intOrString && !type.getNonNullableType().isArray()) return intOrString();
    if (type.isUnion()) return this.union(type, where, tags);
    if (type.isAny() || type.isUnknown()) return { 'x-kubernetes-preserve-unknown-fields': true };
    if (type.isString()) return withStringTags({ type: 'string' }, tags);
    if (type.isNumber()) return numeric(tags.format);
    if (type.isBoolean() || type.isBooleanLiteral()) return { type: 'boolean' };
    if (type.isStringLiteral()) return tags.webhookEnum ? { type: 'string' } : { type: 'string', enum: [type.getLiteralValue()] };
    if (type.isNumberLiteral()) return { type: 'integer', enum: [type.getLiteralValue()] };
    if (type.isArray()) return { type: 'array', items: this.schemaOf(type.getArrayElementTypeOrThrow(), where, { ...tags, default: undefined, preserveUnknownFields: false }, owner) };
    const sym = type.getSymbol() ?? type.getAliasSymbol();
    const name = sym?.getName();
    if (name === 'Date' || name === 'V1MicroTime' || isDateSubclass(type)) return { type: ['string', 'null'], format: 'date-time' };
    if (type.isIntersection()) return this.objectSchema(type, where, undefined);
    if (type.isObject()) {
      const idx = type.getStringIndexType();
      const props = type.getProperties().filter((p) => isDataProperty(p, where));
      if (idx && props.length === 0) {
        const item = idx.isAny() || idx.isUnknown() ? {} : this.schemaOf(idx, where, {}, owner);
        return { type: 'object', additionalProperties: item };
      }
      const decl = sym?.getDeclarations()[0];
      if (decl && (Node.isInterfaceDeclaration(decl) || Node.isClassDeclaration(decl)) && name && name !== '__type') {
        return { $ref: `#/definitions/${this.define(name, decl, type)}` };
      }
      return this.objectSchema(type, where, undefined);
    }
    throw new Error(`gen-schemas: cannot map type ${type.getText()} (${owner ?? '?'})`);
  }

  private quantity(type: Type, where: Node): JsonSchema {
    const idx = type.getNonNullableType().getStringIndexType();
    if (idx) return { type: 'object', additionalProperties: QUANTITY };
    void where;
    return { ...QUANTITY };
  }

  private union(type: Type, where: Node, tags: Tags): JsonSchema {
    const parts = type.getUnionTypes().filter((t) => !t.isUndefined() && !t.isNull());
    if (parts.length === 1) return this.schemaOf(parts[0], where, tags);
    if (parts.every((t) => t.isBooleanLiteral())) return { type: 'boolean' };
    if (parts.every((t) => t.isStringLiteral())) {
      if (tags.webhookEnum) return { type: 'string' };
      return { type: 'string', enum: parts.map((t) => t.getLiteralValue() as string) };
    }
    const hasNumber = parts.some((t) => t.isNumber() || t.isNumberLiteral());
    const hasString = parts.some((t) => t.isString() || t.isStringLiteral());
    if (hasNumber && hasString && parts.every((t) => t.isNumber() || t.isString() || t.isNumberLiteral() || t.isStringLiteral())) return intOrString();
    return { anyOf: parts.map((t) => this.schemaOf(t, where, tags)) };
  }

  /** Register a named interface/class as a definition and return its (unique) name. */
  private define(name: string, decl: Node, type: Type): string {
    let key = name;
    const seen = this.names.get(key);
    if (seen && seen !== decl) {
      const file = decl.getSourceFile().getBaseNameWithoutExtension().replace(/[^A-Za-z0-9]/g, '');
      key = `${name}_${file}`;
    }
    if (this.names.has(key) || this.building.has(key)) return key;
    this.names.set(key, decl);
    this.building.add(key);
    const schema = this.objectSchema(type, decl, name);
    const description = docOf(decl);
    if (description) schema.description = description;
    this.definitions.set(key, schema);
    this.building.delete(key);
    return key;
  }

  objectSchema(type: Type, where: Node, className: string | undefined, rootOverrides?: Record<string, JsonSchema>): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const attrs = className ? attributeTypeMap(className) : undefined;
    for (const p of type.getProperties()) {
      if (!isDataProperty(p, where)) continue;
      const decl = p.getDeclarations()[0];
      const tsName = p.getName();
      const attr = attrs?.get(tsName);
      const jsonName = attr?.baseName ?? tsName;
      let schema: JsonSchema;
      if (rootOverrides && jsonName in rootOverrides) {
        schema = rootOverrides[jsonName];
      } else {
        const tags = decl ? tagsOf(decl) : {};
        if (attr?.format) tags.format = attr.format;
        if (className && QUANTITY_FIELDS.has(`${className}.${jsonName}`)) tags.quantity = true;
        const ptype = p.getTypeAtLocation(where);
        schema = this.schemaOf(ptype, where, tags, `${className ?? '?'}.${jsonName}`);
        if (tags.preserveUnknownFields) schema = { ...schema, 'x-kubernetes-preserve-unknown-fields': true };
        if (tags.default !== undefined) schema = { ...schema, default: tags.default };
        if (tags.minimum !== undefined) schema = { ...schema, minimum: tags.minimum };
        const d = decl ? docOf(decl) : undefined;
        if (d) schema = schema.$ref ? { allOf: [schema], description: d } : { ...schema, description: d };
      }
      properties[jsonName] = schema;
      if (!p.isOptional() && !isOptionalDecl(decl)) required.push(jsonName);
    }
    // A declared index signature (`[field: string]: unknown`) keeps unknown fields. Roots
    // inherit one from KubeObject; there unknown fields are pruned, so it does not count.
    const idx = rootOverrides ? undefined : type.getStringIndexType();
    const additional = !idx ? false : idx.isAny() || idx.isUnknown() ? true : this.schemaOf(idx, where, {});
    const out: JsonSchema = { type: 'object', properties, additionalProperties: additional };
    if (required.length) out.required = required.sort();
    return out;
  }
}

function intOrString(): JsonSchema {
  return { 'x-kubernetes-int-or-string': true, type: ['integer', 'string'] };
}

function numeric(format: string | undefined): JsonSchema {
  if (format === 'double' || format === 'float') return { type: 'number', format };
  return format === 'int32' || format === 'int64' ? { type: 'integer', format } : { type: 'integer' };
}

function withStringTags(s: JsonSchema, tags: Tags): JsonSchema {
  if (tags.format && tags.format !== 'int32' && tags.format !== 'int64') {
    if (tags.format === 'date-time') return { type: ['string', 'null'], format: 'date-time' };
    s.format = tags.format;
  }
  if (tags.pattern) s.pattern = tags.pattern;
  return s;
}

function isDateSubclass(type: Type): boolean {
  return type.getBaseTypes().some((b) => b.getSymbol()?.getName() === 'Date');
}

/** Instance data properties only: no methods, no statics (those are not on instance types). */
function isDataProperty(p: MorphSymbol, where: Node): boolean {
  const decl = p.getDeclarations()[0];
  if (decl && (Node.isMethodDeclaration(decl) || Node.isMethodSignature(decl))) return false;
  const t = p.getTypeAtLocation(where);
  return t.getCallSignatures().length === 0;
}

function isOptionalDecl(decl: Node | undefined): boolean {
  if (!decl) return false;
  if (Node.isPropertySignature(decl) || Node.isPropertyDeclaration(decl)) return decl.hasQuestionToken();
  return false;
}

function jsDocsOf(decl: Node) {
  return Node.isJSDocable(decl) ? decl.getJsDocs() : [];
}

function docOf(decl: Node): string | undefined {
  const text = jsDocsOf(decl).map((d) => d.getDescription()).join('\n').replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function tagsOf(decl: Node): Tags {
  const tags: Tags = {};
  for (const doc of jsDocsOf(decl)) {
    for (const tag of doc.getTags()) {
      const name = tag.getTagName();
      const value = (tag.getCommentText() ?? '').trim();
      switch (name) {
        case 'intOrString': tags.intOrString = true; break;
        case 'format': tags.format = value; break;
        case 'pattern': tags.pattern = value; break;
        case 'minimum': tags.minimum = Number(value); break;
        case 'webhookEnum': tags.webhookEnum = true; break;
        case 'preserveUnknownFields': tags.preserveUnknownFields = true; break;
        case 'default': try { tags.default = JSON.parse(value); } catch { tags.default = value; } break;
        default: break;
      }
    }
  }
  return tags;
}

const attrCache = new Map<string, Map<string, AttrInfo> | undefined>();
/** client-node's runtime attributeTypeMap of a model class: TS name → JSON name and format. */
function attributeTypeMap(className: string): Map<string, AttrInfo> | undefined {
  if (attrCache.has(className)) return attrCache.get(className);
  const cls = (k8s as unknown as Record<string, unknown>)[className];
  const list = typeof cls === 'function' ? (cls as { attributeTypeMap?: { name: string; baseName: string; format: string }[] }).attributeTypeMap : undefined;
  const map = list ? new Map(list.map((a) => [a.name, { baseName: a.baseName, format: a.format }])) : undefined;
  attrCache.set(className, map);
  return map;
}

/** Build the schema of one registered kind, or undefined when its root type does not exist (yet). */
export function buildSchema(project: Project, kind: ApiKind): JsonSchema | undefined {
  const sf = project.getSourceFile(join(ROOT, 'src/api', `${kind.module}.ts`));
  const decl = sf?.getInterface(kind.type) ?? sf?.getTypeAlias(kind.type);
  if (!sf || !decl) return undefined;
  const b = new SchemaBuilder(project);
  const overrides: Record<string, JsonSchema> = {
    apiVersion: { type: 'string', enum: [kind.apiVersion] },
    kind: { type: 'string', enum: [kind.kind] },
    metadata: b.schemaOf(objectMetaType(project), decl, {}),
    status: { description: 'Observed state. Ignored: the API server drops status on writes to the main resource.' },
  };
  // A core kind's root is an alias of a client-node model (src/api/kubernetes.ts): its JSON
  // names and formats come from that class's attributeTypeMap, as for any nested model.
  const target = decl.getType().getSymbol()?.getName();
  const rootClass = target && Node.isTypeAliasDeclaration(decl) && attributeTypeMap(target) ? target : undefined;
  const root = b.objectSchema(decl.getType(), decl, rootClass, overrides);
  root.required = (root.required as string[] | undefined ?? []).filter((r) => r !== 'status');
  const description = docOf(decl);
  const schema: JsonSchema = {
    $schema: DRAFT,
    title: `${kind.kind} ${kind.apiVersion}`,
    ...(description ? { description } : {}),
    ...root,
    definitions: Object.fromEntries([...b.definitions.entries()].sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))),
  };
  return schema;
}

function objectMetaType(project: Project): Type {
  const sf = project.getSourceFile(join(ROOT, 'src/api/core.ts')) ?? project.addSourceFileAtPath(join(ROOT, 'src/api/core.ts'));
  const exp = sf.getExportedDeclarations().get('V1ObjectMeta')?.[0];
  if (!exp) throw new Error('gen-schemas: src/api/core.ts must re-export V1ObjectMeta');
  return exp.getType();
}

/** Deterministic JSON: object keys sorted, two-space indent, trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}

/** Drop annotations (descriptions, titles, defaults) so the compiled validators stay small. */
export function stripAnnotations(v: unknown, parentKey?: string): unknown {
  if (Array.isArray(v)) return v.map((x) => stripAnnotations(x));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const inMap = parentKey === 'properties' || parentKey === 'definitions';
      if (!inMap && (k === 'description' || k === 'title' || k === 'default' || k === '$schema')) continue;
      out[k] = stripAnnotations(x, inMap ? undefined : k);
    }
    // `allOf: [{$ref}]` only exists to carry a description next to a $ref.
    const keys = Object.keys(out);
    if (!parentKey && keys.length === 1 && keys[0] === 'allOf' && (out.allOf as unknown[]).length === 1) return (out.allOf as unknown[])[0];
    return out;
  }
  return v;
}

/** The Ajv instance both the build-time compiler and the oracle tests configure alike. */
export function newAjv(opts: { source?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    inlineRefs: false,
    code: opts.source ? { source: true, esm: false, lines: false } : undefined,
  });
  ajv.addKeyword({ keyword: 'x-kubernetes-int-or-string' });
  ajv.addKeyword({ keyword: 'x-kubernetes-preserve-unknown-fields' });
  for (const f of ['int32', 'int64', 'double', 'float', 'date-time', 'byte']) ajv.addFormat(f, true);
  return ajv;
}

const ID_BASE = 'https://kruisec.invalid/schemas/';

/** Export name of a validator in Ajv's standalone module, before it is split. */
function exportName(id: string): string {
  return id.slice(ID_BASE.length).replace(/\.json$/, '').replace(/[^A-Za-z0-9]/g, '_');
}

/** The standalone CommonJS validator modules, path → content: one per kind (CommonJS so that
 *  validation, a synchronous phase, can load it with createRequire when the kind first shows
 *  up) and the modules of the definitions they refer to, which split-validators.ts loads only
 *  when a resource has the field that refers to them.
 *
 *  Every definition is a schema of its own ($id), so Ajv compiles it into one function that
 *  all its users call: a definition several kinds have is compiled once when every kind has the
 *  same (Kubernetes' pod spec, object metadata, most Kruise types), and once per kind otherwise.
 *  (Reached as `#/definitions/X` of another schema, Ajv would compile it once per referring
 *  schema: eight copies of object metadata, one per kind, in a small render.) */
export function compileValidators(schemas: ReadonlyMap<ApiKind, JsonSchema>): Map<string, string> {
  const stripped = new Map<ApiKind, JsonSchema>();
  for (const [kind, schema] of schemas) stripped.set(kind, stripAnnotations(schema) as JsonSchema);
  const shared = sharedDefinitions([...stripped.values()]);
  const defId = (name: string, kind: ApiKind): string => (shared.has(name) ? `${ID_BASE}defs/${name}.json` : `${ID_BASE}${kind.apiVersion}/${kind.kind}/${name}.json`);
  const rewrite = (v: unknown, kind: ApiKind): unknown => {
    if (Array.isArray(v)) return v.map((x) => rewrite(x, kind));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        out[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/definitions/') ? defId(x.slice(14), kind) : rewrite(x, kind);
      }
      return out;
    }
    return v;
  };
  const ajv = newAjv({ source: true });
  const units = new Map<string, { file: string; root: boolean }>();
  const exportsMap: Record<string, string> = {};
  const add = (id: string, schema: unknown, kind: ApiKind, root: boolean) => {
    const name = exportName(id);
    if (name in exportsMap) {
      if (exportsMap[name] !== id) throw new Error(`gen-schemas: ${id} and ${exportsMap[name]} have the same export name`);
      return; // a shared definition, added with the first kind that has it
    }
    ajv.addSchema({ ...(rewrite(schema, kind) as JsonSchema), $id: id });
    exportsMap[name] = id;
    units.set(name, { file: root ? validatorPath(kind) : `${VALIDATORS_DIR}/${id.slice(ID_BASE.length).replace(/\.json$/, '.cjs')}`, root });
  };
  for (const [kind, s] of stripped) {
    const { definitions, ...root } = s;
    for (const [name, def] of Object.entries((definitions ?? {}) as Record<string, unknown>)) add(defId(name, kind), def, kind, false);
    add(`${ID_BASE}${schemaPath(kind)}`, root, kind, true);
  }
  const modules = splitValidators(compactValidators(inlineSchemaReads(standalone.default(ajv, exportsMap))), units);
  return new Map([...modules].map(([file, text]) => [file, minifyModule(text)]));
}

/** The definitions every kind that has them defines alike, down to the definitions they refer
 *  to: those are compiled once for all kinds. */
function sharedDefinitions(schemas: readonly JsonSchema[]): Set<string> {
  const json = new Map<string, string | null>();
  for (const s of schemas) {
    for (const [name, def] of Object.entries((s.definitions ?? {}) as Record<string, unknown>)) {
      const text = JSON.stringify(def);
      const seen = json.get(name);
      json.set(name, seen === undefined || seen === text ? text : null);
    }
  }
  const shared = new Set([...json].filter(([, text]) => text !== null).map(([name]) => name));
  for (let changed = true; changed;) {
    changed = false;
    for (const name of shared) {
      const refs = [...json.get(name)!.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)].map((m) => m[1]);
      if (refs.some((r) => !shared.has(r))) {
        shared.delete(name);
        changed = true;
      }
    }
  }
  return shared;
}

export function createProject(): Project {
  const project = new Project({ tsConfigFilePath: join(ROOT, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
  for (const f of readdirSync(join(ROOT, 'src/api'))) {
    if (f.endsWith('.ts') && !f.endsWith('.test.ts')) project.addSourceFileAtPath(join(ROOT, 'src/api', f));
  }
  return project;
}

/** Every generated file, path (relative to the repo root) → content. */
export function generate(opts: { validators?: boolean } = {}): { files: Map<string, string>; skipped: ApiKind[] } {
  const project = createProject();
  const files = new Map<string, string>();
  const skipped: ApiKind[] = [];
  const schemas = new Map<ApiKind, JsonSchema>();
  for (const kind of API_KINDS) {
    const schema = buildSchema(project, kind);
    if (!schema) { skipped.push(kind); continue; }
    schemas.set(kind, schema);
    files.set(`${SCHEMA_DIR}/${schemaPath(kind)}`, stableJson(schema));
  }
  if (opts.validators !== false) for (const [p, c] of compileValidators(schemas)) files.set(p, c);
  files.set(`${SCHEMA_DIR}/README.md`, README);
  return { files, skipped };
}

const README = `# schemas/ (generated: do not edit)

Written by \`npm run schemas\` (scripts/gen-schemas.ts) from the types in src/api; a test
(test/schemas/up-to-date.test.ts) fails when this folder is stale.

- \`<group>/<version>/<Kind>.json\`: JSON Schema (draft-07) of each kind kruisec knows, in
  each served apiVersion (the core group's kinds under \`v1/\`). Unknown fields are
  \`additionalProperties: false\` (kruisec warns: the API server would drop them); \`status\`
  is not checked.
- Kubernetes core types (pod templates, selectors, object metadata, and the core kinds of
  src/api/kubernetes.ts: Deployment, Service, ConfigMap, …) come from @kubernetes/client-node's
  models. Why that package: it is already kruisec's cluster client, so it adds nothing to
  install; its models are generated from the Kubernetes OpenAPI and released with each
  Kubernetes minor (1.4 carries v1.34); and each model carries its JSON names and formats at
  run time (attributeTypeMap), which the generator reads. \`kubernetes-types\` (types only,
  from the same OpenAPI) would need a second source of names and formats, and a JSON Schema
  bundle such as kubernetes-json-schema would be a second, hand-picked copy of what
  client-node already holds. What neither marks, the generator adds: int-or-string fields, and
  resource quantities (numbers or strings on the wire, typed string).
- \`validators/<group>/<version>/<Kind>.cjs\`: the same schemas compiled by Ajv into standalone
  validators, one CommonJS module per kind, which src/validate/schema loads when the first
  resource of that kind shows up: a run compiles no schema. Each definition a kind refers to
  (pod spec, container, volume, object metadata, …) is compiled once, into
  \`validators/defs/<Definition>.cjs\` (or \`validators/<group>/<version>/<Kind>/<Definition>.cjs\`
  when kinds define it differently), which the modules that call it load on first call: a
  run loads the code of the fields its input has. A small definition with one caller lives
  in its caller's module instead. The code is compacted and minified; messages are Ajv's.
`;

/** Files currently under schemas/ (relative to the repo root). */
export function existingFiles(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(ROOT, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(join(ROOT, SCHEMA_DIR));
  return out;
}

function pruneEmptyDirs(dir: string): boolean {
  if (!existsSync(dir)) return true;
  let empty = true;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && pruneEmptyDirs(join(dir, e.name))) rmSync(join(dir, e.name), { recursive: true });
    else empty = false;
  }
  return empty;
}

function main(): void {
  const check = process.argv.includes('--check');
  const { files, skipped } = generate();
  for (const k of skipped) process.stderr.write(`gen-schemas: skipped ${k.apiVersion} ${k.kind}: no type ${k.type} in src/api/${k.module}.ts\n`);
  const existing = existingFiles();
  const stale = [...files].filter(([p, c]) => existing.get(p) !== c).map(([p]) => p);
  const extra = [...existing.keys()].filter((p) => !files.has(p));
  if (check) {
    if (stale.length || extra.length) {
      process.stderr.write(`schemas/ is stale: ${[...stale, ...extra].join(', ')}\nRun: npm run schemas\n`);
      process.exit(1);
    }
    return;
  }
  for (const p of extra) rmSync(join(ROOT, p));
  pruneEmptyDirs(join(ROOT, SCHEMA_DIR));
  for (const [p, c] of files) {
    mkdirSync(dirname(join(ROOT, p)), { recursive: true });
    writeFileSync(join(ROOT, p), c);
  }
  process.stdout.write(`gen-schemas: ${files.size} files written, ${stale.length} changed, ${extra.length} removed\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
