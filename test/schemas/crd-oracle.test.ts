// Oracle test: for every manifest we can find (fixtures/, the conformance inputs in
// ../shared, and our own test fixtures), our generated schema and the upstream CRD's
// openAPIV3Schema must agree on accept/reject. The CRDs are read from ../shared/kruise-crds
// here and nowhere else. What is set aside, as the API server would: `status` (ignored on
// writes) and unknown fields (CRDs prune them; we report a warning, which does not reject).
// The CRD extensions are translated for Ajv: x-kubernetes-int-or-string → integer|string;
// x-kubernetes-preserve-unknown-fields needs nothing (plain JSON Schema keeps unknown fields).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject, Resource } from '../../src/api/resource.js';
import { lookupKind } from '../../src/api/index.js';
import { checkSchemas } from '../../src/validate/schema/index.js';
import { opts } from './helpers.js';
import { yamlFiles } from '../support/corpus.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = join(ROOT, '../shared');
const CRDS = join(SHARED, 'kruise-crds');

type Json = Record<string, unknown>;

function toAjv(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toAjv);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k.startsWith('x-kubernetes-')) continue;
    out[k] = k === 'properties' || k === 'definitions'
      ? Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, toAjv(s)]))
      : toAjv(v);
  }
  const src = node as Json;
  if (src['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  return out;
}

/** Does the CRD keep unknown fields (x-kubernetes-preserve-unknown-fields) at or above `path`?
 *  There the CRD accepts anything (pod templates, subset patches) and our typed schema is
 *  stricter by design. */
function preservedAt(schema: Json, path: readonly (string | number)[]): boolean {
  let node: Json | undefined = schema;
  for (const seg of path) {
    if (!node) return false;
    if (node['x-kubernetes-preserve-unknown-fields'] === true) return true;
    const props = node.properties as Json | undefined;
    if (typeof seg === 'number') node = node.items as Json | undefined;
    else node = (props?.[seg] as Json | undefined) ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties as Json : undefined);
  }
  return node?.['x-kubernetes-preserve-unknown-fields'] === true;
}

const RAW = new Map<string, Json>();

function crdValidators() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  for (const f of ['int32', 'int64', 'double', 'float', 'date-time', 'byte']) ajv.addFormat(f, true);
  const out = new Map<string, (doc: unknown) => boolean>();
  for (const file of readdirSync(CRDS).filter((f) => f.endsWith('.yaml'))) {
    const crd = yaml.load(readFileSync(join(CRDS, file), 'utf8')) as Json;
    const spec = crd.spec as { group: string; names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: Json } }[] };
    for (const v of spec.versions) {
      RAW.set(`${spec.group}/${v.name}/${spec.names.kind}`, v.schema.openAPIV3Schema);
      const schema = toAjv(v.schema.openAPIV3Schema) as Json;
      delete (schema.properties as Json).status;
      const fn = ajv.compile(schema);
      // Nulls of non-nullable fields are pruned by the API server before validation.
      out.set(`${spec.group}/${v.name}/${spec.names.kind}`, (doc) => fn(doc) || (fn.errors ?? []).every((e) => e.keyword !== 'required' && valueAt(doc, e.instancePath) === null));
    }
  }
  return out;
}

function valueAt(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const seg of pointer.split('/').slice(1)) cur = cur && typeof cur === 'object' ? (cur as Json)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return cur;
}


function inputs(): string[] {
  const conformance = join(SHARED, 'conformance/cases');
  const caseInputs = existsSync(conformance)
    ? readdirSync(conformance).flatMap((area) => {
      const a = join(conformance, area);
      return statSync(a).isDirectory() ? readdirSync(a).map((c) => join(a, c, 'input')) : [];
    })
    : [];
  return [join(ROOT, 'fixtures'), join(ROOT, 'test/testdata/workloads'), ...caseInputs].flatMap(yamlFiles);
}

function documents(file: string): Resource[] {
  let docs: unknown[];
  try { docs = yaml.loadAll(readFileSync(file, 'utf8')); } catch { return []; }
  return docs.flatMap((d, i) => {
    if (!d || typeof d !== 'object' || Array.isArray(d)) return [];
    const o = d as KubeObject;
    if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') return [];
    return [{ obj: o, origin: { file: relative(ROOT, file), doc: i } }];
  });
}

describe.skipIf(!existsSync(CRDS))('our schemas agree with the upstream CRDs', () => {
  it('accept and reject the same manifests', () => {
    const crds = crdValidators();
    const mismatches: string[] = [];
    const stricter: string[] = [];
    let compared = 0;
    for (const file of inputs()) {
      for (const res of documents(file)) {
        const { apiVersion, kind } = res.obj;
        const crd = crds.get(`${apiVersion}/${kind}`);
        if (!crd || !lookupKind(apiVersion, kind)) continue;
        compared++;
        const { status: _status, ...withoutStatus } = res.obj;
        const theirs = crd(withoutStatus);
        const diags = checkSchemas([res], opts());
        const errors = diags.filter((d) => d.severity === 'error');
        const ours = errors.length === 0;
        if (theirs && !ours && errors.every((d) => preservedAt(RAW.get(`${apiVersion}/${kind}`)!, d.path ?? []))) {
          stricter.push(`${res.origin!.file}#${res.origin!.doc}`);
          continue;
        }
        if (theirs !== ours) {
          mismatches.push(`${res.origin!.file}#${res.origin!.doc} ${kind} ${res.obj.metadata?.name}: CRD ${theirs ? 'accepts' : 'rejects'}, ours ${ours ? 'accepts' : `rejects (${diags.filter((d) => d.severity === 'error').map((d) => `${d.ruleId}@${(d.path ?? []).join('.')}`).join(', ')})`}`);
        }
      }
    }
    console.info(`crd-oracle: ${compared} manifests compared, ${stricter.length} rejected only inside CRD-open nodes`);
    expect(compared).toBeGreaterThan(20);
    // Rejected by us only inside nodes the CRD leaves open: expected, and few.
    expect(stricter.length).toBeLessThan(compared / 4);
    expect(mismatches).toEqual([]);
  }, 60_000);
});
