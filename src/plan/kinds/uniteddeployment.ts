// UnitedDeployment in a plan: per-subset partitions in spec.updateStrategy.manualUpdate.partitions.
// Kruise copies each value into its subset workload, clamped to that subset's replicas; a
// step across subsets is kruisec's own rule (spec rollout-semantics.md §5.3): each subset
// releases ceil(p% x n_i) (an int step: min(n, n_i)), as Kruise Rollouts would if the subset
// were its own workload, so 4/2/2 replicas at 50% give partitions 2/1/1.
import type { KubeObject } from '../../api/resource.js';
import type { IntOrString } from '../../k8s/intstr.js';
import { allocateSubsetReplicas } from '../../render/index.js';
import { batchReplicas } from '../batch.js';
import { cloneJson } from '../../util/json.js';
import { get, setPath, type KindModel } from './kind.js';
import { subsetPartitionsFor } from './ud-partitions.js';

export { subsetPartitionsFor };

const PARTITIONS = ['spec', 'updateStrategy', 'manualUpdate', 'partitions'];

/** The partitions kruisec compiles for one step. */
export function stagedSubsetPartitions(subsetReplicas: Readonly<Record<string, number>>, step: IntOrString): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(subsetReplicas)) out[name] = n - batchReplicas(step, n);
  return out;
}

/** Subset replicas as the controller allocates them on a fresh install; undefined when the
 *  allocator refuses the spec. */
export function subsetReplicas(obj: KubeObject): Record<string, number> | undefined {
  const a = allocateSubsetReplicas(obj as Parameters<typeof allocateSubsetReplicas>[0]);
  if (!a.ok) return undefined;
  return Object.fromEntries(a.subsets.map((s) => [s.name, s.replicas]));
}

function subsetNames(obj: KubeObject): string[] {
  const subsets = get(obj, ['spec', 'topology', 'subsets']);
  return Array.isArray(subsets) ? subsets.map((s: any) => String(s?.name)) : [];
}

/** The subset workload kind the UD template renders (Deployment subsets ignore partitions). */
export function subsetKind(obj: KubeObject): string {
  const t = (get(obj, ['spec', 'template']) ?? {}) as Record<string, unknown>;
  if (t.cloneSetTemplate) return 'CloneSet';
  if (t.advancedStatefulSetTemplate) return 'Advanced StatefulSet';
  if (t.statefulSetTemplate) return 'StatefulSet';
  if (t.deploymentTemplate) return 'Deployment';
  return 'unknown';
}

function templateOf(obj: KubeObject): Record<string, any> | undefined {
  const t = (get(obj, ['spec', 'template']) ?? {}) as Record<string, any>;
  const inner = t.cloneSetTemplate ?? t.advancedStatefulSetTemplate ?? t.statefulSetTemplate ?? t.deploymentTemplate;
  return inner?.spec?.template;
}

export const unitedDeploymentModel: KindModel = {
  label: () => 'UnitedDeployment',
  total(res) {
    const r = subsetReplicas(res.obj);
    return r ? Object.values(r).reduce((a, b) => a + b, 0) : undefined;
  },
  valueFor(obj, steps, i) {
    const r = subsetReplicas(obj);
    if (!r) return { error: 'the subset replicas cannot be allocated from this spec' };
    return { value: stagedSubsetPartitions(r, steps[i].replicas) };
  },
  lower(obj, prev, next) {
    const r = subsetReplicas(obj) ?? {};
    const own = subsetPartitionsFor(subsetNames(obj), get(obj, PARTITIONS) as Record<string, number> | undefined, r);
    const p = prev as Record<string, number> | undefined, n = next as Record<string, number>;
    const out: Record<string, number> = {};
    for (const name of Object.keys(n)) {
      let v = n[name];
      if (p && p[name] !== undefined) v = Math.min(v, p[name]);
      out[name] = Math.max(v, own[name] ?? 0);
    }
    return out;
  },
  oldCount(obj, value) {
    const r = subsetReplicas(obj);
    if (!r) return undefined;
    const asked = value === undefined ? (get(obj, PARTITIONS) as Record<string, number> | undefined) : (value as Record<string, number>);
    const p = subsetPartitionsFor(subsetNames(obj), asked, r);
    return Object.values(p).reduce((a, b) => a + b, 0);
  },
  write(obj, value) {
    const out = cloneJson(obj);
    if (get(out, ['spec', 'updateStrategy', 'type']) === undefined) setPath(out, ['spec', 'updateStrategy', 'type'], 'Manual');
    setPath(out, PARTITIONS, value);
    return out;
  },
  knobPath: () => PARTITIONS,
  revisionData: (obj) => ({ template: get(obj, ['spec', 'template']), subsets: (get(obj, ['spec', 'topology', 'subsets']) ?? []).map((s: any) => ({ name: s?.name, patch: s?.patch, nodeSelectorTerm: s?.nodeSelectorTerm, tolerations: s?.tolerations })) }),
  podTemplate: (obj) => (subsetKind(obj) === 'CloneSet' || subsetKind(obj) === 'Advanced StatefulSet' ? templateOf(obj) : undefined),
  podUpdatePolicy(obj) {
    const t = (get(obj, ['spec', 'template']) ?? {}) as Record<string, any>;
    const p = t.cloneSetTemplate?.spec?.updateStrategy?.rollingUpdate?.podUpdatePolicy ?? t.cloneSetTemplate?.spec?.updateStrategy?.type
      ?? t.advancedStatefulSetTemplate?.spec?.updateStrategy?.rollingUpdate?.podUpdatePolicy;
    return typeof p === 'string' && p !== 'OnDelete' && p !== 'RollingUpdate' ? p : 'ReCreate';
  },
  blocked(obj) {
    if (subsetKind(obj) === 'Deployment') return 'Deployment subsets ignore partitions: they update all at once';
    const t = get(obj, ['spec', 'updateStrategy', 'type']);
    if (t !== undefined && t !== 'Manual') return `updateStrategy.type ${JSON.stringify(t)} is not Manual`;
    return undefined;
  },
  predicate(d, tol, obj) {
    const r = subsetReplicas(obj);
    const planned = r ? subsetPartitionsFor(subsetNames(obj), get(obj, PARTITIONS) as Record<string, number> | undefined, r) : undefined;
    const each = planned ? Object.entries(planned).map(([n, p]) => `${n}=${p}`).join(',') : 'as planned';
    return `observedGeneration == generation && subsetStatuses[].partition == {${each}} && updatedReplicas >= ${d} && updatedReadyReplicas + ${tol} >= ${d}`;
  },
};
