// How server-side apply treats a list (structured-merge-diff's x-kubernetes-list-type): as a
// map keyed by some of its items' fields, as a set of scalars, or as one atomic value.
//
// Built-in kinds declare their associative lists in their Go types; the table below holds the
// ones a workload manifest uses. Custom resources follow their CRD schema, and Kruise's CRDs
// mark every pod template x-kubernetes-preserve-unknown-fields, where the API server deduces
// the schema: maps are granular and lists atomic. ObjectMeta is typed everywhere.

export type ListType = { type: 'map'; keys: string[] } | { type: 'set' } | { type: 'atomic' };

const ATOMIC: ListType = { type: 'atomic' };
const byName: ListType = { type: 'map', keys: ['name'] };

/** Associative lists of built-in kinds, by field name and (where the name is ambiguous) the
 *  field that holds it. */
const BUILTIN: Record<string, ListType | ((parent: string) => ListType)> = {
  containers: byName,
  initContainers: byName,
  ephemeralContainers: byName,
  volumes: byName,
  env: byName,
  imagePullSecrets: byName,
  resourceClaims: byName,
  volumeMounts: { type: 'map', keys: ['mountPath'] },
  volumeDevices: { type: 'map', keys: ['devicePath'] },
  hostAliases: { type: 'map', keys: ['ip'] },
  topologySpreadConstraints: { type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] },
  conditions: { type: 'map', keys: ['type'] },
  // Container ports are keyed by port and protocol; a Service's by port and protocol too.
  ports: (parent) => (parent === 'spec' ? { type: 'map', keys: ['port', 'protocol'] } : { type: 'map', keys: ['containerPort', 'protocol'] }),
};

/** `path` is the field names from the object root to the list (list items are skipped). */
export function listType(path: readonly string[], custom: boolean): ListType {
  const field = path[path.length - 1];
  if (path.length === 2 && path[0] === 'metadata') {
    if (field === 'finalizers') return { type: 'set' };
    if (field === 'ownerReferences') return { type: 'map', keys: ['uid'] };
    return ATOMIC;
  }
  if (custom) {
    // status.conditions of Kruise kinds are plain lists in their CRDs too.
    return ATOMIC;
  }
  const t = BUILTIN[field];
  if (t === undefined) return ATOMIC;
  return typeof t === 'function' ? t(path[path.length - 2] ?? '') : t;
}
