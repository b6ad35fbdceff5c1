// CloneSet in a plan. Both served layouts are read and written: v1beta1 keeps the knobs under
// spec.updateStrategy.rollingUpdate, v1alpha1 directly under spec.updateStrategy (and its
// updateStrategy.type is the pod update policy). A step maps to the partition Kruise Rollouts
// writes: int step -> int stable count, percent step -> ParseIntegerAsPercentageIfPossible.
import type { KubeObject } from '../../api/resource.js';
import { calculatePartitionReplicas, type IntOrString } from '../../k8s/intstr.js';
import { batchContext } from '../batch.js';
import { cloneJson } from '../../util/json.js';
import { get, replicasOf, setPath, type KindModel } from './kind.js';

function isV1beta1(obj: KubeObject): boolean {
  return obj.apiVersion === 'apps.kruise.io/v1beta1';
}

/** Where the knobs sit in this manifest's layout. */
export function cloneSetKnobsPath(obj: KubeObject): string[] {
  return isV1beta1(obj) ? ['spec', 'updateStrategy', 'rollingUpdate'] : ['spec', 'updateStrategy'];
}

export function cloneSetPartition(obj: KubeObject): IntOrString | undefined {
  return get(obj, [...cloneSetKnobsPath(obj), 'partition']);
}

export const cloneSetModel: KindModel = {
  label: () => 'CloneSet',
  total: (res) => replicasOf(res.obj),
  valueFor(obj, steps, i) {
    const ctx = batchContext({ workload: 'CloneSet', replicas: replicasOf(obj), steps: steps.map((s) => s.replicas), currentBatch: i });
    return { value: ctx.partition };
  },
  oldCount(obj, value) {
    const v = value === undefined ? cloneSetPartition(obj) : (value as IntOrString);
    const c = calculatePartitionReplicas(v, replicasOf(obj));
    return c.ok ? c.value : 0;
  },
  write(obj, value) {
    const out = cloneJson(obj);
    setPath(out, [...cloneSetKnobsPath(obj), 'partition'], value);
    return out;
  },
  knobPath: (obj) => [...cloneSetKnobsPath(obj), 'partition'],
  revisionData: (obj) => get(obj, ['spec', 'template']),
  podTemplate: (obj) => get(obj, ['spec', 'template']),
  podUpdatePolicy(obj) {
    const p = isV1beta1(obj) ? get(obj, ['spec', 'updateStrategy', 'rollingUpdate', 'podUpdatePolicy']) : get(obj, ['spec', 'updateStrategy', 'type']);
    return typeof p === 'string' && p !== 'OnDelete' ? p : 'ReCreate';
  },
  blocked(obj) {
    const type = get(obj, ['spec', 'updateStrategy', 'type']);
    if (type === 'OnDelete') return 'updateStrategy.type is OnDelete: pods only change when deleted';
    if (get(obj, [...cloneSetKnobsPath(obj), 'paused']) === true) return 'the update strategy is paused';
    return undefined;
  },
  predicate(d, tol, obj) {
    // With minReadySeconds, ready is not yet available: count available pods instead.
    const ready = (get(obj, ['spec', 'minReadySeconds']) ?? 0) > 0 ? 'updatedAvailableReplicas' : 'updatedReadyReplicas';
    return `observedGeneration == generation && expectedUpdatedReplicas == ${d} && updatedReplicas >= ${d} && ${ready} + ${tol} >= ${d}${d > 0 ? ` && ${ready} > 0` : ''} && status.replicas == spec.replicas`;
  },
};
