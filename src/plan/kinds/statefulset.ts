// StatefulSet (apps/v1) and Advanced StatefulSet (apps.kruise.io) in a plan. The partition is an
// int count of pods kept old at spec.updateStrategy.rollingUpdate.partition: without reserved
// ordinals the ordinals >= start+partition update, with reserveOrdinals the `partition` lowest
// existing pods stay old, so a step still maps to replicas - planned (as Kruise Rollouts writes).
import type { KubeObject } from '../../api/resource.js';
import { batchContext } from '../batch.js';
import { cloneJson } from '../../util/json.js';
import { get, replicasOf, setPath, type KindModel } from './kind.js';
import { ordinalSlots, parseReserveOrdinals, sortSlotsToUpdate } from './statefulset-update.js';

export function isAdvancedStatefulSet(obj: KubeObject): boolean {
  return obj.apiVersion.startsWith('apps.kruise.io/');
}

const PARTITION = ['spec', 'updateStrategy', 'rollingUpdate', 'partition'];

export const statefulSetModel: KindModel = {
  label: (obj) => (isAdvancedStatefulSet(obj) ? 'Advanced StatefulSet' : 'StatefulSet'),
  total: (res) => replicasOf(res.obj),
  valueFor(obj, steps, i) {
    const unordered = !!get(obj, ['spec', 'updateStrategy', 'rollingUpdate', 'unorderedUpdate']);
    const ctx = batchContext({ workload: isAdvancedStatefulSet(obj) ? 'AdvancedStatefulSet' : 'StatefulSet', unorderedUpdate: unordered, replicas: replicasOf(obj), steps: steps.map((s) => s.replicas), currentBatch: i });
    return { value: ctx.partition };
  },
  oldCount(obj, value) {
    const v = value === undefined ? get(obj, PARTITION) : value;
    const n = typeof v === 'number' ? v : 0;
    return Math.max(0, Math.min(n, replicasOf(obj)));
  },
  write(obj, value) {
    const out = cloneJson(obj);
    setPath(out, PARTITION, value);
    return out;
  },
  describe(obj, old) {
    if (get(obj, ['spec', 'updateStrategy', 'rollingUpdate', 'unorderedUpdate'])) return 'unordered update: pods by priority, not by ordinal';
    const replicas = replicasOf(obj);
    const start = Number(get(obj, ['spec', 'ordinals', 'start']) ?? 0) || 0;
    const slots = ordinalSlots(replicas, parseReserveOrdinals(get(obj, ['spec', 'reserveOrdinals'])), start);
    const visit = sortSlotsToUpdate({ partition: old }, '', replicas, slots.map((s) => (s.reserved ? null : { name: '', labels: {} })));
    const ords = visit.map((i) => slots[i].ordinal).sort((a, b) => a - b);
    return ords.length ? `ordinals ${ords.join(', ')} updated` : 'no ordinal updated';
  },
  knobPath: () => PARTITION,
  revisionData: (obj) => get(obj, ['spec', 'template']),
  podTemplate: (obj) => (isAdvancedStatefulSet(obj) ? get(obj, ['spec', 'template']) : undefined),
  podUpdatePolicy(obj) {
    const p = isAdvancedStatefulSet(obj) ? get(obj, ['spec', 'updateStrategy', 'rollingUpdate', 'podUpdatePolicy']) : undefined;
    return typeof p === 'string' ? p : 'ReCreate';
  },
  blocked(obj) {
    if (get(obj, ['spec', 'updateStrategy', 'type']) === 'OnDelete') return 'updateStrategy.type is OnDelete: pods only change when deleted';
    if (get(obj, ['spec', 'updateStrategy', 'rollingUpdate', 'paused']) === true) return 'the update strategy is paused';
    return undefined;
  },
  predicate(d, tol, obj) {
    const replicas = replicasOf(obj);
    if (!isAdvancedStatefulSet(obj)) {
      // Native status has no updatedReadyReplicas: ordered updates never leave an updated pod
      // unready while moving on, so all-ready plus the updated count is the signal.
      return `observedGeneration == generation && updatedReplicas >= ${d} && readyReplicas + ${tol} >= ${replicas}`;
    }
    const ready = (get(obj, ['spec', 'updateStrategy', 'rollingUpdate', 'minReadySeconds']) ?? 0) > 0 ? 'updatedAvailableReplicas' : 'updatedReadyReplicas';
    const ordered = get(obj, ['spec', 'podManagementPolicy']) !== 'Parallel' ? ` && readyReplicas == ${replicas}` : '';
    return `observedGeneration == generation && updatedReplicas >= ${d} && ${ready} + ${tol} >= ${d}${ordered}`;
  },
};
