// Kubernetes strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch
// StrategicMergePatch), for JSON data with a schema that says, per field, how lists merge.
// The rules, as apimachinery applies them:
//  - maps merge key by key; a null patch value deletes the key; keys new to the original take
//    the patch value as it is, and so do values of a different JSON type and lists without a
//    merge strategy (upstream copies them raw and the Go decoding that follows drops nulls and
//    `$` directive keys, so this module returns them with nulls and directive keys removed);
//  - a list field with patch strategy `merge` and a merge key merges elements by that key
//    (matching elements merge recursively, others are added); `merge` on a scalar list is a
//    de-duplicated union; a list without strategy is replaced wholesale;
//  - merged lists are ordered as apimachinery orders them: elements named by the patch in patch
//    order, interleaved with the original-only elements in original order, where a new element
//    (absent from the original) goes before the original-only elements still waiting;
//  - directives: `$patch: replace|delete|merge` in a map or as a list element,
//    `$retainKeys`, `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>`.
// Unknown fields are merged as plain maps and replaced as plain lists (upstream errors out when
// both sides hold a map/list under a field its Go type does not declare).
import { isObj, type Obj } from '../util/json.js';

export interface PatchSchema {
  fields?: Record<string, FieldSchema>;
}

export interface FieldSchema {
  /** Patch strategy of a list field: merge by `key` (or union for scalars); default replace. */
  strategy?: 'merge' | 'replace';
  /** patchMergeKey of a list of objects. */
  key?: string;
  /** Schema of the field's value (for lists: of each element). */
  schema?: PatchSchema;
}

export type MergeResult = { ok: true; value: unknown } | { ok: false; error: string };

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE = '$deleteFromPrimitiveList/';
const SET_ELEMENT_ORDER = '$setElementOrder/';

class PatchError extends Error {}

/** Apply `patch` to `original`; neither input is modified. */
export function strategicMergePatch(original: unknown, patch: unknown, schema: PatchSchema = {}): MergeResult {
  if (!isObj(patch)) return { ok: false, error: 'a strategic merge patch must be a JSON object' };
  const base = isObj(original) ? structuredClone(original) : {};
  try {
    return { ok: true, value: mergeMap(base, structuredClone(patch), schema) };
  } catch (e) {
    if (e instanceof PatchError) return { ok: false, error: e.message };
    throw e;
  }
}

function mergeMap(original: Obj, patch: Obj, schema: PatchSchema | undefined): Obj {
  const directive = patch[DIRECTIVE];
  if (directive !== undefined) {
    if (directive === 'replace') {
      delete patch[DIRECTIVE];
      return raw(patch) as Obj;
    }
    if (directive === 'delete') return {};
    // `merge` is only meaningful to patch generators; applying it is an error upstream.
    throw new PatchError(`unknown patch type: ${JSON.stringify(directive)} in map: ${JSON.stringify(patch)}`);
  }

  const retain = patch[RETAIN_KEYS];
  if (retain !== undefined) {
    if (!Array.isArray(retain)) throw new PatchError(`invalid patch: ${RETAIN_KEYS} must be a list`);
    const keep = new Set(retain.map(String));
    for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
    delete patch[RETAIN_KEYS];
  }

  // Directives that travel beside a list field.
  const order: Record<string, unknown[]> = {};
  for (const k of Object.keys(patch)) {
    if (k.startsWith(SET_ELEMENT_ORDER)) {
      const v = patch[k];
      if (!Array.isArray(v)) throw new PatchError(`invalid patch: ${k} must be a list`);
      order[k.slice(SET_ELEMENT_ORDER.length)] = v;
      delete patch[k];
    } else if (k.startsWith(DELETE_FROM_PRIMITIVE)) {
      const field = k.slice(DELETE_FROM_PRIMITIVE.length);
      const v = patch[k];
      if (!Array.isArray(v)) throw new PatchError(`invalid patch: ${k} must be a list`);
      const cur = original[field];
      if (Array.isArray(cur)) original[field] = cur.filter((x) => !v.some((d) => sameScalar(d, x)));
      delete patch[k];
    }
  }

  for (const [k, pv] of Object.entries(patch)) {
    const field = schema?.fields?.[k];
    if (pv === null) {
      delete original[k];
      continue;
    }
    if (!(k in original)) {
      original[k] = Array.isArray(pv) && order[k] && field?.strategy === 'merge' ? mergeList([], pv, field, order[k]) : raw(pv);
      continue;
    }
    const ov = original[k];
    if (isObj(ov) && isObj(pv)) {
      original[k] = field?.strategy === 'replace' ? raw(pv) : mergeMap(ov, pv, field?.schema);
    } else if (Array.isArray(ov) && Array.isArray(pv)) {
      original[k] = field?.strategy === 'merge' ? mergeList(ov, pv, field, order[k]) : raw(pv);
    } else {
      original[k] = raw(pv);
    }
  }
  // An order directive for a list the patch does not otherwise touch reorders the original.
  for (const [k, o] of Object.entries(order)) {
    if (k in patch) continue;
    const cur = original[k];
    const field = schema?.fields?.[k];
    if (Array.isArray(cur) && field?.strategy === 'merge') original[k] = mergeList(cur, [], field, o);
  }
  return original;
}

function mergeList(original: unknown[], patch: unknown[], field: FieldSchema, patchOrder: unknown[] | undefined): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const key = field.key;
  const scalar = [...original, ...patch].every((x) => !isObj(x));
  if (scalar) {
    const merged = dedupe([...original, ...patch]);
    return ordered(merged, patchOrder ?? patch, original, undefined);
  }
  if (!key) throw new PatchError('cannot merge lists without merge key');

  // Special elements: {$patch: replace} replaces the list, {$patch: delete, key: v} removes.
  let orig = original;
  const plain: Obj[] = [];
  const deleted: unknown[] = [];
  let replace = false;
  for (const el of patch) {
    if (!isObj(el)) throw new PatchError(`cannot merge a scalar into a list of objects: ${JSON.stringify(el)}`);
    const d = el[DIRECTIVE];
    if (d === undefined) {
      plain.push(el);
    } else if (d === 'merge') {
      throw new PatchError('merging lists cannot yet be specified in the patch');
    } else if (d === 'replace') {
      replace = true;
    } else if (d === 'delete') {
      if (!(key in el)) throw new PatchError(`map: ${JSON.stringify(el)} does not contain declared merge key: ${key}`);
      deleted.push(el[key]);
    } else {
      throw new PatchError(`unknown patch type: ${JSON.stringify(d)} in list element: ${JSON.stringify(el)}`);
    }
  }
  if (replace) return plain.map(raw);
  for (const el of [...orig, ...plain]) {
    if (isObj(el) && !(key in el)) throw new PatchError(`map: ${JSON.stringify(el)} does not contain declared merge key: ${key}`);
  }
  if (deleted.length) orig = orig.filter((el) => !deleted.some((v) => sameScalar(v, (el as Obj)[key])));

  const merged: unknown[] = [...orig];
  for (const el of plain) {
    const i = merged.findIndex((m) => sameScalar((m as Obj)[key], el[key]));
    if (i >= 0) merged[i] = mergeMap(merged[i] as Obj, el, field.schema);
    else merged.push(raw(el));
  }
  return ordered(merged, patchOrder ?? plain, orig, key);
}

/** apimachinery's normalizeElementOrder + mergeSortedSlice. */
function ordered(merged: unknown[], patchOrder: unknown[], serverOrder: unknown[], key: string | undefined): unknown[] {
  const id = (x: unknown) => (key === undefined ? x : (x as Obj)[key]);
  const indexIn = (list: unknown[], x: unknown) => list.findIndex((e) => sameScalar(id(e), id(x)));
  const fromPatch: unknown[] = [], serverOnly: unknown[] = [];
  for (const m of merged) (indexIn(patchOrder, m) >= 0 ? fromPatch : serverOnly).push(m);
  const byOrder = (list: unknown[], order: unknown[]) => list
    .map((x, i) => ({ x, i, o: indexIn(order, x) }))
    .sort((a, b) => (a.o >= 0 && b.o >= 0 ? a.o - b.o : 0) || a.i - b.i)
    .map((e) => e.x);
  const right = byOrder(fromPatch, patchOrder);
  const left = byOrder(serverOnly, serverOrder);
  const out: unknown[] = [];
  let i = 0, j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i]), ri = indexIn(serverOrder, right[j]);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function dedupe(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const x of list) if (!out.some((y) => sameScalar(x, y))) out.push(x);
  return out;
}

function sameScalar(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}

/** A patch value taken as it is, as the Go decoding after the merge sees it: nulls are zero
 *  values (absent) and `$` directive keys are unknown fields (dropped). */
function raw(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(raw);
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && !k.startsWith('$')) out[k] = raw(x);
    return out;
  }
  return v;
}

// ---- schemas: the patch strategies of the core types (k8s.io/api struct tags) ----

const merge = (key: string, schema?: PatchSchema): FieldSchema => ({ strategy: 'merge', key, schema });

const CONTAINER: PatchSchema = {
  fields: {
    ports: merge('containerPort'),
    env: merge('name'),
    volumeMounts: merge('mountPath'),
    volumeDevices: merge('devicePath'),
  },
};

export const OBJECT_META_SCHEMA: PatchSchema = {
  fields: {
    ownerReferences: merge('uid'),
    finalizers: { strategy: 'merge' },
  },
};

export const POD_SPEC_SCHEMA: PatchSchema = {
  fields: {
    volumes: merge('name'),
    initContainers: merge('name', CONTAINER),
    containers: merge('name', CONTAINER),
    ephemeralContainers: merge('name', CONTAINER),
    imagePullSecrets: merge('name'),
    hostAliases: merge('ip'),
    topologySpreadConstraints: merge('topologyKey'),
    resourceClaims: merge('name'),
    schedulingGates: merge('name'),
  },
};

/** corev1.PodTemplateSpec: what a UnitedDeployment subset patch is applied to. */
export const POD_TEMPLATE_SCHEMA: PatchSchema = {
  fields: {
    metadata: { schema: OBJECT_META_SCHEMA },
    spec: { schema: POD_SPEC_SCHEMA },
  },
};
