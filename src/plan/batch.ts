// Kruise Rollouts' batch math (openkruise/rollouts pkg/controller/batchrelease/control):
// how many pods a step releases, the partition written to the workload for that batch, and
// when a batch counts as ready. All percent math uses the Kubernetes integer-percent parser.
import { scaledValueK8s, type IntOrString } from '../k8s/intstr.js';

/** CalculateBatchReplicas: ceil(step% x replicas) or the int, clamped to [0, replicas]. */
export function batchReplicas(step: IntOrString, replicas: number): number {
  const s = scaledValueK8s(step, replicas, true);
  const v = s.ok ? s.value : 0;
  return Math.max(0, Math.min(v, replicas));
}

/** ParseIntegerAsPercentageIfPossible: a percent partition P with ceil(P x all) close to
 *  `stable` (floored percent); "1%" when that would leave no stable pod and the step is not
 *  literally "100%". */
export function integerAsPercentage(stable: number, all: number, step: IntOrString): string {
  if (stable >= all) return '100%';
  if (stable <= 0) return '0%';
  const p = Math.trunc((stable * 100) / all);
  const pct = `${p}%`;
  const restored = scaledValueK8s(pct, all, true);
  if ((restored.ok ? restored.value : 0) <= 0 && step !== '100%') return '1%';
  return pct;
}

export type BatchWorkload = 'CloneSet' | 'StatefulSet' | 'AdvancedStatefulSet';

export interface BatchInput {
  workload: BatchWorkload;
  replicas: number;
  steps: readonly IntOrString[];
  /** 0-based. */
  currentBatch: number;
  /** Rollback-in-batch only: pods already on the target revision (labelled no-need-update). */
  noNeedUpdate?: number;
  /** Advanced StatefulSet with spec.updateStrategy.rollingUpdate.unorderedUpdate. */
  unorderedUpdate?: boolean;
}

export interface BatchContext {
  plannedUpdated: number;
  desiredUpdated: number;
  desiredStable: number;
  /** What Rollouts writes: CloneSet percent steps as a percent string, everything else an int. */
  partition: IntOrString;
}

export function batchContext(b: BatchInput): BatchContext {
  const step = b.steps[b.currentBatch];
  const planned = batchReplicas(step, b.replicas);
  let desiredUpdated = planned;
  let desiredStable = b.replicas - planned;
  const noNeed = b.noNeedUpdate;
  if (noNeed !== undefined && noNeed > 0) {
    // Pods already on the target revision are left out and the step is applied to the rest.
    const again = batchReplicas(step, b.replicas - noNeed);
    desiredStable = b.replicas - noNeed - again;
    desiredUpdated = b.replicas - desiredStable;
  }
  if (b.workload === 'CloneSet') {
    const partition = typeof step === 'string' ? integerAsPercentage(desiredStable, b.replicas, step) : desiredStable;
    return { plannedUpdated: planned, desiredUpdated, desiredStable, partition };
  }
  // Ordered StatefulSets count partition by ordinal, so the no-need-update pods (which may sit
  // anywhere) are added back to the partition.
  const ordered = !(b.workload === 'AdvancedStatefulSet' && b.unorderedUpdate);
  if (ordered && noNeed !== undefined) {
    desiredStable += noNeed;
    desiredUpdated = b.replicas - desiredStable + noNeed;
  }
  return { plannedUpdated: planned, desiredUpdated, desiredStable, partition: desiredStable };
}

/** Failure tolerance as a pod count: ceil(threshold% x updated) (nil = 0, as the code does). */
export function failureTolerance(threshold: IntOrString | undefined | null, updated: number): number {
  if (threshold === undefined || threshold === null) return 0;
  const s = scaledValueK8s(threshold, updated, true);
  return s.ok ? s.value : 0;
}

/** IsBatchReady (without the rollout-id label check, which needs a pod listing). */
export function isBatchReady(desiredUpdated: number, updated: number, updatedReady: number, threshold?: IntOrString | null): boolean {
  if (updated < desiredUpdated) return false;
  if (updatedReady + failureTolerance(threshold, updated) < desiredUpdated) return false;
  if (desiredUpdated > 0 && updatedReady <= 0) return false;
  return true;
}

/** Kruise Rollouts' partition-style Deployment: the step itself is the partition and counts
 *  NEW pods; a percent below 100% on more than one replica always leaves one old pod. */
export function deploymentNewPods(step: IntOrString, replicas: number): number {
  let n = batchReplicas(step, replicas);
  if (typeof step === 'string' && step !== '100%' && replicas > 1 && n >= replicas) n = replicas - 1;
  return n;
}
