// SidecarSet in a plan. Existing pods only ever get sidecar images swapped in place; a
// partition keeps `partition` matched pods on the old sidecar. Matched pods are only known at
// runtime, so percent steps compile to the percent partition "(100-p)%" (spec §2.4, which
// notes its rounding can release one pod fewer than Rollouts' ceil), and int steps to
// matched - n where matched is estimated from the repo's workloads.
import type { KubeObject, Resource } from '../../api/resource.js';
import { calculatePartitionReplicas, scaledValueK8s } from '../../k8s/intstr.js';
import { selectorMatches, type LabelSelector } from '../../k8s/selector.js';
import { cloneJson } from '../../util/json.js';
import { get, replicasOf, setPath, type KindContext, type KindModel } from './kind.js';

/** kruisec extension: a first, label-selected canary stage (JSON LabelSelector). */
export const CANARY_SELECTOR_ANNOTATION = 'kruisec.io/canary-selector';

const PARTITION = ['spec', 'updateStrategy', 'partition'];

/** The containers whose change gives the SidecarSet a new hash: spec.containers plus native
 *  sidecars (initContainers with restartPolicy Always). */
export function sidecarContainers(obj: KubeObject): Record<string, any>[] {
  const cs = get(obj, ['spec', 'containers']);
  const init = get(obj, ['spec', 'initContainers']);
  return [...(Array.isArray(cs) ? cs : []), ...(Array.isArray(init) ? init.filter((c: any) => c?.restartPolicy === 'Always') : [])];
}

/** Pod template labels and namespace of every pod-producing workload in the repo, with its
 *  replica count (undefined when it cannot be known, e.g. a DaemonSet). */
function podSources(head: readonly Resource[]): { ns: string; labels: Record<string, string>; count: number | undefined }[] {
  const out: { ns: string; labels: Record<string, string>; count: number | undefined }[] = [];
  for (const r of head) {
    const o = r.obj;
    const ns = o.metadata?.namespace ?? 'default';
    switch (o.kind) {
      case 'Pod': out.push({ ns, labels: o.metadata?.labels ?? {}, count: 1 }); break;
      case 'Deployment': case 'StatefulSet': case 'CloneSet': case 'ReplicaSet':
        out.push({ ns, labels: get(o, ['spec', 'template', 'metadata', 'labels']) ?? {}, count: replicasOf(o) }); break;
      case 'DaemonSet':
        out.push({ ns, labels: get(o, ['spec', 'template', 'metadata', 'labels']) ?? {}, count: undefined }); break;
      case 'UnitedDeployment': {
        const t = (get(o, ['spec', 'template']) ?? {}) as Record<string, any>;
        const inner = t.cloneSetTemplate ?? t.advancedStatefulSetTemplate ?? t.statefulSetTemplate ?? t.deploymentTemplate;
        out.push({ ns, labels: inner?.spec?.template?.metadata?.labels ?? {}, count: replicasOf(o) });
        break;
      }
      default: break;
    }
  }
  return out;
}

function namespaceLabels(ns: string, ctx: KindContext): Record<string, string> {
  const declared = ctx.namespaces.get(ns);
  return { 'kubernetes.io/metadata.name': ns, ...(ctx.cluster.namespaceLabels[ns] ?? {}), ...(declared?.obj.metadata?.labels ?? {}) };
}

/** Matched pods the repo implies: replicas of workloads whose pod template the SidecarSet
 *  selects (spec.namespace / namespaceSelector honoured). Undefined if any source is unknown. */
export function estimateMatchedPods(obj: KubeObject, ctx: KindContext): number | undefined {
  const sel = get(obj, ['spec', 'selector']) as LabelSelector | undefined;
  const onlyNs = get(obj, ['spec', 'namespace']) as string | undefined;
  const nsSel = get(obj, ['spec', 'namespaceSelector']) as LabelSelector | undefined;
  let total = 0;
  for (const s of podSources(ctx.head)) {
    if (onlyNs && s.ns !== onlyNs) continue;
    if (nsSel && !selectorMatches(nsSel, namespaceLabels(s.ns, ctx))) continue;
    if (!selectorMatches(sel, s.labels)) continue;
    if (s.count === undefined) return undefined;
    total += s.count;
  }
  return total;
}

export const sidecarSetModel: KindModel = {
  label: () => 'SidecarSet',
  total: (res, ctx) => estimateMatchedPods(res.obj, ctx),
  valueFor(_obj, steps, i, total) {
    const r = steps[i].replicas;
    if (typeof r === 'string') {
      const p = scaledValueK8s(r, 100, true);
      if (!p.ok) return { error: p.error };
      return { value: `${Math.max(0, 100 - Math.min(p.value, 100))}%` };
    }
    if (total === undefined) return { error: 'an int step needs the matched pod count, which the repo does not determine (use percent steps)' };
    return { value: total - Math.min(r, total) };
  },
  oldCount(obj, value, total) {
    if (total === undefined) return undefined;
    const v = value === undefined ? get(obj, PARTITION) : value;
    const c = calculatePartitionReplicas(v as number | string | undefined, total);
    return c.ok ? c.value : 0;
  },
  write(obj, value) {
    const out = cloneJson(obj);
    setPath(out, PARTITION, value);
    return out;
  },
  knobPath: () => PARTITION,
  revisionData: (obj) => sidecarContainers(obj),
  blocked(obj) {
    if (get(obj, ['spec', 'updateStrategy', 'type']) === 'NotUpdate') return 'updateStrategy.type is NotUpdate: existing pods are never upgraded';
    if (get(obj, ['spec', 'updateStrategy', 'paused']) === true) return 'the update strategy is paused';
    if (get(obj, ['spec', 'updateStrategy', 'selector'])) return 'updateStrategy.selector is set, and Kruise rejects a selector together with a partition';
    return undefined;
  },
  predicate: (d, tol) => `observedGeneration == generation && updatedPods >= ${d} && updatedReadyPods + ${tol} >= updatedPods && no matched pod has SidecarSetUpgradable=False`,
};
