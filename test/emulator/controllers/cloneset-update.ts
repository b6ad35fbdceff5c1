// One reconcile round of the CloneSet update logic (Kruise pkg/controller/cloneset/sync:
// calculateDiffsWithExpectation, SortUpdateIndexes, limitUpdateIndexes): how many pods the
// partition still asks to move, how many may be unavailable, and which pods go first.
import { calculatePartitionReplicas, scaledValueK8s, type IntOrString } from '../../../src/k8s/intstr.js';
import type { SimPod } from '../../../src/plan/pod.js';
import { isLifecycleNormal, isRunningAndReady, LIFECYCLE_PREPARING_DELETE, LIFECYCLE_PREPARING_UPDATE } from '../../../src/plan/pod.js';
import { sortByActivePods } from './pod-order.js';
import { prioritySort, type PriorityStrategy } from '../../../src/plan/priority.js';
import { scatterSort, type ScatterTerm } from './scatter.js';

/** The v1beta1 knobs (spec.updateStrategy.rollingUpdate); v1alpha1 objects are read into this. */
export interface CloneSetRollingUpdate {
  partition?: IntOrString;
  maxUnavailable?: IntOrString;
  maxSurge?: IntOrString;
  paused?: boolean;
  podUpdatePolicy?: string;
  priorityStrategy?: PriorityStrategy;
  scatterStrategy?: ScatterTerm[];
}

export interface CloneSetRound {
  replicas: number;
  /** undefined = no rollingUpdate block at all (maxUnavailable default then rounds down). */
  rollingUpdate?: CloneSetRollingUpdate;
  scaleMaxUnavailable?: IntOrString;
  /** Pods marked apps.kruise.io/specified-delete or listed in podsToDelete. */
  specifiedDelete?: (p: SimPod) => boolean;
  /** Kruise feature gate CloneSetPartitionRollback (alpha, default off). */
  partitionRollback?: boolean;
}

export interface UpdateDiffs {
  partition: number;
  maxSurge: number;
  maxUnavailable: number;
  scaleUpNum: number;
  scaleUpNumOldRevision: number;
  scaleDownNum: number;
  scaleDownNumOldRevision: number;
  scaleUpLimit: number;
  deleteReadyLimit: number;
  useSurge: number;
  useSurgeOldRevision: number;
  /** > 0: move pods to the update revision; < 0: back to the current revision. */
  updateNum: number;
  updateMaxUnavailable: number;
}

/** Available = lifecycle empty/Normal and Running+Ready (minReadySeconds 0). */
export function isCloneSetPodAvailable(p: SimPod): boolean {
  return isLifecycleNormal(p) && isRunningAndReady(p);
}

/** Resolved knobs: partition via CalculatePartitionReplicas; maxSurge rounds up (0 while
 *  paused); maxUnavailable (default "20%") rounds up only when maxSurge is 0, and rounds down
 *  when there is no rollingUpdate block at all. Parse errors leave 0, as upstream. */
export function cloneSetKnobs(c: CloneSetRound): { partition: number; maxSurge: number; maxUnavailable: number } {
  let partition = 0, maxSurge = 0, maxUnavailable = 0;
  const ru = c.rollingUpdate;
  if (ru) {
    if (ru.partition !== undefined && ru.partition !== null) {
      const p = calculatePartitionReplicas(ru.partition, c.replicas);
      if (p.ok) partition = p.value;
    }
    if (ru.maxSurge !== undefined && ru.maxSurge !== null) {
      const s = scaledValueK8s(ru.maxSurge, c.replicas, true);
      maxSurge = s.ok ? s.value : 0;
      if (ru.paused) maxSurge = 0;
    }
    const u = scaledValueK8s(ru.maxUnavailable ?? '20%', c.replicas, maxSurge === 0);
    maxUnavailable = u.ok ? u.value : 0;
  } else {
    const u = scaledValueK8s('20%', c.replicas, false);
    maxUnavailable = u.ok ? u.value : 0;
  }
  return { partition, maxSurge, maxUnavailable };
}

export function calculateDiffs(c: CloneSetRound, pods: readonly SimPod[], currentRevision: string, updateRevision: string): UpdateDiffs {
  const { partition, maxSurge, maxUnavailable } = cloneSetKnobs(c);
  const replicas = c.replicas;
  const sm = scaledValueK8s(c.scaleMaxUnavailable ?? 2147483647, replicas, true);
  const scaleMaxUnavailable = sm.ok ? sm.value : 0;
  const specifiedDelete = c.specifiedDelete ?? (() => false);

  let newCount = 0, newActive = 0, oldCount = 0, oldActive = 0;
  let unavailNew = 0, unavailOld = 0, toDelNew = 0, toDelOld = 0, preDelNew = 0, preDelOld = 0;
  for (const p of pods) {
    const isNew = p.revision === updateRevision;
    if (isNew) newCount++; else oldCount++;
    if (p.lifecycleState === LIFECYCLE_PREPARING_DELETE) { if (isNew) preDelNew++; else preDelOld++; continue; }
    if (isNew) newActive++; else oldActive++;
    if (specifiedDelete(p)) { if (isNew) toDelNew++; else toDelOld++; } else if (!isCloneSetPodAvailable(p)) { if (isNew) unavailNew++; else unavailOld++; }
  }

  let oldDiff = oldActive - partition;
  let newDiff = newActive - (replicas - partition);
  const totalUnavailable = preDelNew + preDelOld + unavailNew + unavailOld;
  if (updateRevision === currentRevision || !c.partitionRollback) {
    oldDiff = Math.max(oldDiff, 0);
    newDiff = Math.min(newDiff, 0);
  }

  const res: UpdateDiffs = {
    partition, maxSurge, maxUnavailable, scaleUpNum: 0, scaleUpNumOldRevision: 0, scaleDownNum: 0, scaleDownNumOldRevision: 0,
    scaleUpLimit: 0, deleteReadyLimit: 0, useSurge: 0, useSurgeOldRevision: 0, updateNum: 0, updateMaxUnavailable: 0,
  };

  if (maxSurge > 0) {
    let scaleSurge = 0, scaleOldSurge = 0;
    const toDelete = toDelNew + toDelOld;
    if (toDelete > 0) {
      scaleSurge = Math.min(Math.max(totalUnavailable + toDelete - maxUnavailable, 0), toDelete);
      if (scaleSurge > toDelNew) scaleOldSurge = scaleSurge - toDelNew;
    }
    let updateSurge = 0, updateOldSurge = 0;
    // Surge only helps when one side must grow while the other shrinks.
    if ((oldDiff > 0 && newDiff < 0) || (oldDiff < 0 && newDiff > 0)) {
      if (Math.abs(oldDiff) <= Math.abs(newDiff)) {
        updateSurge = Math.abs(oldDiff);
        if (oldDiff < 0) updateOldSurge = updateSurge;
      } else {
        updateSurge = Math.abs(newDiff);
        if (newDiff > 0) updateOldSurge = updateSurge;
      }
    }
    // Scale and update are never done in the same round.
    if (scaleSurge >= updateSurge) {
      res.useSurge = Math.min(maxSurge, scaleSurge);
      res.useSurgeOldRevision = Math.min(res.useSurge, scaleOldSurge);
    } else {
      res.useSurge = Math.min(maxSurge, updateSurge);
      res.useSurgeOldRevision = Math.min(res.useSurge, updateOldSurge);
    }
  }

  const currentTotal = pods.length, currentTotalOld = oldCount;
  const expectedTotal = replicas + res.useSurge;
  const expectedTotalOld = partition + res.useSurgeOldRevision;
  if (expectedTotal - currentTotal > 0) {
    res.scaleUpNum = expectedTotal - currentTotal;
    res.scaleUpNumOldRevision = Math.max(expectedTotalOld - currentTotalOld, 0);
    res.scaleUpLimit = Math.min(res.scaleUpNum, Math.max(scaleMaxUnavailable - totalUnavailable, 0));
  }
  const down = currentTotal - toDelOld - toDelNew - expectedTotal;
  if (down > 0) {
    res.scaleDownNum = down;
    res.scaleDownNumOldRevision = Math.max(currentTotalOld - toDelOld - expectedTotalOld, 0);
  }
  if (toDelNew > 0 || toDelOld > 0 || res.scaleDownNum > 0) {
    res.deleteReadyLimit = Math.max(maxUnavailable + (pods.length - replicas) - totalUnavailable, 0);
  }
  res.updateNum = Math.abs(oldDiff) <= Math.abs(newDiff) ? oldDiff : -newDiff;
  if (res.updateNum !== 0) res.updateMaxUnavailable = maxUnavailable + pods.length - replicas;
  return res;
}

/** Candidate order: ActivePods, priority, scatter, then PreparingUpdate pods first. */
export function sortUpdateIndexes(ru: CloneSetRollingUpdate | undefined, pods: readonly SimPod[], indexes: readonly number[]): number[] {
  let out = sortByActivePods(pods, indexes);
  if (ru?.priorityStrategy) out = prioritySort(ru.priorityStrategy, pods, out);
  if (ru?.scatterStrategy) out = scatterSort(ru.scatterStrategy, pods, out);
  const prep = (i: number) => pods[i].lifecycleState === LIFECYCLE_PREPARING_UPDATE;
  return out.map((i, k) => [i, k] as const).sort((a, b) => Number(prep(b[0])) - Number(prep(a[0])) || a[1] - b[1]).map(([i]) => i);
}

/** limitUpdateIndexes: cut the candidates to |updateNum|, then stop when unavailable pods of
 *  the target revision plus this round's picks reach updateMaxUnavailable, or when an
 *  available candidate would push total unavailability past it. */
export function limitUpdateIndexes(diffs: UpdateDiffs, waiting: readonly number[], pods: readonly SimPod[], targetRevision: string): number[] {
  let w = waiting.slice(0, Math.min(Math.abs(diffs.updateNum), waiting.length));
  let unavailable = 0, targetUnavailable = 0, can = 0;
  for (const p of pods) {
    if (!isCloneSetPodAvailable(p)) {
      unavailable++;
      if (p.revision === targetRevision) targetUnavailable++;
    }
  }
  for (const i of w) {
    if (targetUnavailable + can >= diffs.updateMaxUnavailable) break;
    if (isCloneSetPodAvailable(pods[i])) {
      if (unavailable >= diffs.updateMaxUnavailable) break;
      unavailable++;
    }
    can++;
  }
  if (can < w.length) w = w.slice(0, can);
  return w;
}

/** A whole update round as the sync loop runs it: diffs, candidates toward the target
 *  revision (sorted), then the limit. Returns the pods that start updating now. */
export function updateRound(c: CloneSetRound, pods: readonly SimPod[], currentRevision: string, updateRevision: string, opts: { sort?: boolean } = {}): { diffs: UpdateDiffs; update: number[] } {
  const diffs = calculateDiffs(c, pods, currentRevision, updateRevision);
  if (diffs.updateNum === 0) return { diffs, update: [] };
  const target = diffs.updateNum > 0 ? updateRevision : currentRevision;
  let waiting: number[] = [];
  pods.forEach((p, i) => {
    // PreparingDelete pods are on their way out and are never update candidates.
    if (p.lifecycleState === LIFECYCLE_PREPARING_DELETE) return;
    if (diffs.updateNum > 0 ? p.revision !== updateRevision : p.revision === updateRevision) waiting.push(i);
  });
  if (opts.sort !== false) waiting = sortUpdateIndexes(c.rollingUpdate, pods, waiting);
  return { diffs, update: limitUpdateIndexes(diffs, waiting, pods, target) };
}
