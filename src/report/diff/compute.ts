// What the cluster will run differently: base and head, both as render left them, paired
// object by object and grouped by workload. A group is the object a user wrote plus what
// render derived from it (a UnitedDeployment's subset workloads follow `derivedFrom` back to
// it), so one change in git reads as one entry. Objects are compared as YAML with sorted keys,
// the way `kubectl diff` shows them: a manifest that only moved its keys around is unchanged.
import { displayName, type KubeObject, type Resource } from '../../api/resource.js';
import { imageChanges, mergeImageChanges } from '../../k8s/pod-images.js';
import { compareResources, sortResources } from '../../k8s/order.js';
import { dumpYaml } from '../../k8s/yaml-writer.js';
import { createPatcher } from './patch.js';
import type { DiffResult, FieldChange, ObjectDiff, WorkloadDiff } from './types.js';

/** Fields shown beside the patch: how many pods, and how many of them the rollout holds back. */
const FIELDS: readonly (readonly string[])[] = [
  ['spec', 'replicas'],
  ['spec', 'updateStrategy', 'partition'],
  ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
  ['spec', 'updateStrategy', 'manualUpdate', 'partitions'],
  ['spec', 'updateStrategy', 'paused'],
];

const INJECTED_LIST = 'kruise.io/sidecarset-injected-list';

interface Pair {
  base?: Resource;
  head?: Resource;
}

export function diffResources(base: readonly Resource[], head: readonly Resource[]): DiffResult {
  const pairs = pairUp(base, head);
  const unifiedDiff = createPatcher();
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const groups = new Map<string, { root: Resource; entries: { res: Resource; isRoot: boolean; diff: ObjectDiff; pair: Pair }[] }>();

  for (const pair of pairs) {
    // Most objects do not change: compare the data before paying for two YAML documents.
    if (pair.base && pair.head && sameData(pair.base.obj, pair.head.obj)) {
      counts.unchanged++;
      continue;
    }
    const before = pair.base && dumpYaml(sortedKeys(pair.base.obj));
    const after = pair.head && dumpYaml(sortedKeys(pair.head.obj));
    if (before === after) {
      counts.unchanged++;
      continue;
    }
    const res = (pair.head ?? pair.base)!;
    const change = !pair.base ? 'added' : !pair.head ? 'removed' : 'changed';
    counts[change]++;
    const root = rootOf(res);
    const id = identity(root.obj);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { root, entries: [] }));
    const m = res.obj.metadata ?? {};
    const name = m.name ?? m.generateName ?? '';
    group.entries.push({
      res,
      isRoot: root === res,
      pair,
      diff: {
        change,
        apiVersion: res.obj.apiVersion,
        kind: res.obj.kind,
        namespace: m.namespace ?? null,
        name,
        display: displayName(res.obj),
        images: imageChanges(pair.base?.obj, pair.head?.obj),
        fields: fieldChanges(pair.base?.obj, pair.head?.obj),
        patch: unifiedDiff([res.obj.kind, m.namespace, name].filter(Boolean).join('/'), before, after),
      },
    });
  }

  const ordered = [...groups.values()].sort((a, b) => compareResources(a.root, b.root));
  const changedSidecarSets = new Set(ordered.flatMap((g) => g.entries.filter((e) => isSidecarSet(e.res.obj)).map((e) => e.diff.name)));
  const workloads: WorkloadDiff[] = ordered.map(({ root, entries }) => {
    entries.sort((a, b) => Number(b.isRoot) - Number(a.isRoot) || compareResources(a.res, b.res));
    const injected = new Set(entries.flatMap((e) => [...injectedSidecarSets(e.pair.base?.obj), ...injectedSidecarSets(e.pair.head?.obj)]));
    const m = root.obj.metadata ?? {};
    return {
      display: displayName(root.obj),
      kind: root.obj.kind,
      namespace: m.namespace ?? null,
      name: m.name ?? m.generateName ?? '',
      images: mergeImageChanges(entries.map((e) => e.diff.images)),
      sidecarSets: isSidecarSet(root.obj) ? [] : [...injected].filter((n) => changedSidecarSets.has(n)).sort(),
      affects: [],
      objects: entries.map((e) => e.diff),
    };
  });
  for (const w of workloads) {
    if (isSidecarSet(w)) w.affects = workloads.filter((o) => o.sidecarSets.includes(w.name)).map((o) => o.display);
  }
  return { workloads, counts };
}

/** Base and head objects with the same identity side by side, in output order. Two objects
 *  with one identity (pods named only by generateName) pair up in the order render gave. */
function pairUp(base: readonly Resource[], head: readonly Resource[]): Pair[] {
  const pairs = new Map<string, Pair>();
  const add = (list: readonly Resource[], side: 'base' | 'head') => {
    const seen = new Map<string, number>();
    for (const r of sortResources([...list])) {
      const id = identity(r.obj);
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      const key = `${id}\0${n}`;
      const p = pairs.get(key) ?? {};
      p[side] = r;
      pairs.set(key, p);
    }
  };
  add(base, 'base');
  add(head, 'head');
  return [...pairs.values()];
}

/** API group, kind, namespace and name: a version change (v1alpha1 -> v1beta1) is the same
 *  object to the API server. */
function identity(obj: KubeObject): string {
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const m = obj.metadata ?? {};
  return [group, obj.kind, m.namespace ?? '', m.name ?? m.generateName ?? ''].join('\0');
}

function rootOf(r: Resource): Resource {
  let root = r;
  while (root.derivedFrom) root = root.derivedFrom;
  return root;
}

function isSidecarSet(o: { kind: string; apiVersion?: string }): boolean {
  return o.kind === 'SidecarSet';
}

/** A deep copy with every mapping's keys in code-point order. */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortedKeys(o[k]);
  return out;
}

/** Equal as JSON data, whatever the order of keys (absent and undefined are the same). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  let n = 0;
  for (const k of Object.keys(x)) {
    if (x[k] === undefined) continue;
    n++;
    if (!Object.prototype.hasOwnProperty.call(y, k) || !sameData(x[k], y[k])) return false;
  }
  for (const k of Object.keys(y)) if (y[k] !== undefined) n--;
  return n === 0;
}

function fieldChanges(before: KubeObject | undefined, after: KubeObject | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  for (const path of FIELDS) {
    const from = get(before, path), to = get(after, path);
    if (JSON.stringify(sortedKeys(from)) !== JSON.stringify(sortedKeys(to))) out.push({ path: path.join('.'), from: from ?? null, to: to ?? null });
  }
  return out;
}

function get(obj: unknown, path: readonly string[]): unknown {
  let v = obj;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** SidecarSet names in the injected-list annotation of every pod (template) in `obj`. */
function injectedSidecarSets(obj: KubeObject | undefined): string[] {
  if (!obj) return [];
  const out: string[] = [];
  const stack: unknown[] = [obj];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    const list = (o.annotations as Record<string, unknown> | undefined)?.[INJECTED_LIST];
    if (typeof list === 'string') out.push(...list.split(',').map((s) => s.trim()).filter(Boolean));
    for (const k of Object.keys(o)) if (k !== 'annotations') stack.push(o[k]);
  }
  return out;
}
