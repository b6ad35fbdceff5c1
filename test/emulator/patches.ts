// The non-apply PATCH types: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and, for
// built-in kinds only, Kubernetes' strategic merge patch (the project's own implementation).
import { OBJECT_META_SCHEMA, POD_SPEC_SCHEMA, POD_TEMPLATE_SCHEMA, strategicMergePatch, type PatchSchema } from '../../src/k8s/strategic-merge.js';
import { ApiError, errors } from './errors.js';
import type { Kind } from './kinds.js';
import { isMap, type Obj } from './store.js';

export const MERGE_PATCH = 'application/merge-patch+json';
export const JSON_PATCH = 'application/json-patch+json';
export const STRATEGIC_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';


export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return structuredClone(patch);
  const out: Obj = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw errors.badRequest('json patch must be a list of operations');
  let doc = structuredClone(target);
  for (const op of ops) {
    if (!isMap(op) || typeof op.op !== 'string' || typeof op.path !== 'string') throw errors.badRequest('invalid json patch operation');
    const path = pointer(op.path);
    switch (op.op) {
      case 'add': doc = put(doc, path, structuredClone(op.value), 'add'); break;
      case 'replace': doc = put(doc, path, structuredClone(op.value), 'replace'); break;
      case 'remove': doc = del(doc, path); break;
      case 'move': { const from = pointer(String(op.from)); const v = get(doc, from); doc = put(del(doc, from), path, v, 'add'); break; }
      case 'copy': doc = put(doc, path, structuredClone(get(doc, pointer(String(op.from)))), 'add'); break;
      case 'test':
        if (JSON.stringify(get(doc, path)) !== JSON.stringify(op.value)) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: testing value ${op.path} failed`);
        break;
      default: throw errors.badRequest(`unknown json patch operation "${op.op}"`);
    }
  }
  return doc;
}

function pointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw errors.badRequest(`invalid json pointer "${p}"`);
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, path: string[]): unknown {
  let cur = doc;
  for (const s of path.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(s)] : isMap(cur) ? cur[s] : undefined;
    if (cur === undefined) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: doc is missing path: /${path.join('/')}`);
  }
  return cur;
}

function get(doc: unknown, path: string[]): unknown {
  if (path.length === 0) return doc;
  const parent = parentOf(doc, path);
  const last = path[path.length - 1];
  const v = Array.isArray(parent) ? parent[Number(last)] : isMap(parent) ? parent[last] : undefined;
  if (v === undefined) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: doc is missing path: /${path.join('/')}`);
  return v;
}

function put(doc: unknown, path: string[], value: unknown, mode: 'add' | 'replace'): unknown {
  if (path.length === 0) return value;
  const parent = parentOf(doc, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw errors.badRequest(`invalid array index ${last}`);
    if (mode === 'add') parent.splice(i, 0, value); else parent[i] = value;
  } else if (isMap(parent)) {
    if (mode === 'replace' && !(last in parent)) get(doc, path);
    parent[last] = value;
  }
  return doc;
}

function del(doc: unknown, path: string[]): unknown {
  get(doc, path);
  const parent = parentOf(doc, path);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1); else if (isMap(parent)) delete parent[last];
  return doc;
}

const TEMPLATE_WORKLOAD: PatchSchema = { fields: { metadata: { schema: OBJECT_META_SCHEMA }, spec: { schema: { fields: { template: { schema: POD_TEMPLATE_SCHEMA } } } } } };

/** Patch schemas of the built-in kinds whose lists merge by key. */
function schemaFor(k: Kind): PatchSchema {
  if (k.kind === 'Pod') return { fields: { metadata: { schema: OBJECT_META_SCHEMA }, spec: { schema: POD_SPEC_SCHEMA } } };
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(k.kind)) return TEMPLATE_WORKLOAD;
  return { fields: { metadata: { schema: OBJECT_META_SCHEMA } } };
}

export function strategicPatch(k: Kind, target: Obj, patch: unknown): Obj {
  // The API server has no Go types for custom resources, so it cannot merge strategically.
  if (k.custom) throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${JSON_PATCH}, ${MERGE_PATCH}, ${APPLY_PATCH}`);
  const r = strategicMergePatch(target, patch, schemaFor(k));
  if (!r.ok) throw errors.badRequest(r.error);
  return r.value as Obj;
}
