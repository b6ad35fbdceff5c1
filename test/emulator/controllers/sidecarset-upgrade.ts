// One reconcile round of the SidecarSet controller (Kruise pkg/controller/sidecarset
// sidecarset_strategy.go GetNextUpgradePods): which matched pods get their sidecar image
// swapped in place now, and which can never be upgraded in place.
import { calculatePartitionReplicas, scaledValueK8s, type IntOrString } from '../../../src/k8s/intstr.js';
import type { LabelSelector } from '../../../src/k8s/selector.js';
import { selectorMatches } from '../../../src/k8s/selector.js';
import type { SimPod } from '../../../src/plan/pod.js';
import { isRunningAndReady } from '../../../src/plan/pod.js';
import { sortByActivePods } from './pod-order.js';
import { prioritySort, type PriorityStrategy } from '../../../src/plan/priority.js';
import { expandWildcardTerms, scatterSort, type ScatterTerm } from './scatter.js';

export interface SidecarSetUpdateStrategy {
  type?: string;
  paused?: boolean;
  selector?: LabelSelector;
  partition?: IntOrString;
  maxUnavailable?: IntOrString;
  priorityStrategy?: PriorityStrategy;
  scatterStrategy?: ScatterTerm[];
}

/** A matched pod, seen against the SidecarSet being rolled out. */
export interface SidecarPod extends SimPod {
  /** Its sidecar hash equals the SidecarSet's (kruise.io/sidecarset-hash). */
  updated: boolean;
  /** Its without-image hash equals the SidecarSet's: only images differ, so in-place works. */
  upgradable: boolean;
  /** The running sidecar matches the spec (kubelet has started the image the spec names). */
  consistent: boolean;
}

export interface UpgradeRound {
  /** Indexes into the pod list, in the order they are upgraded. */
  upgrade: number[];
  notUpgradable: number[];
}

/** Candidate order: ActivePods, then priority, then scatter (with "*" terms expanded). */
export function sortSidecarCandidates(strategy: SidecarSetUpdateStrategy, pods: readonly SidecarPod[], indexes: readonly number[]): number[] {
  let out = sortByActivePods(pods, indexes);
  if (strategy.priorityStrategy) out = prioritySort(strategy.priorityStrategy, pods, out);
  if (strategy.scatterStrategy) out = scatterSort(expandWildcardTerms(strategy.scatterStrategy, pods), pods, out);
  return out;
}

export function nextUpgradePods(strategy: SidecarSetUpdateStrategy, pods: readonly SidecarPod[]): UpgradeRound {
  const selected = (p: SidecarPod) => strategy.selector === undefined || strategy.selector === null || selectorMatches(strategy.selector, p.labels);
  let waiting: number[] = [];
  const notUpgradable: number[] = [];
  pods.forEach((p, i) => {
    if (p.updated || !selected(p)) return;
    if (!p.upgradable) notUpgradable.push(i);
    else if (p.consistent) waiting.push(i);
    // upgradable but a previous upgrade is still being applied: skipped this round
  });
  waiting = sortSidecarCandidates(strategy, pods, waiting);
  const n = upgradeCount(strategy, pods, waiting);
  return { upgrade: waiting.slice(0, n), notUpgradable };
}

/** calculateUpgradeCount: partition keeps the tail of the candidates old; maxUnavailable
 *  (default 1, rounded up against matched pods) bounds updated-but-unavailable pods, and
 *  candidates that are already not ready do not consume budget. */
export function upgradeCount(strategy: SidecarSetUpdateStrategy, pods: readonly SidecarPod[], waiting: readonly number[]): number {
  const total = pods.length;
  let partition = 0;
  if (strategy.partition !== undefined && strategy.partition !== null) {
    const p = calculatePartitionReplicas(strategy.partition, total);
    partition = p.ok ? p.value : 0;
  }
  if (waiting.length - partition <= 0) return 0;
  const kept = waiting.slice(0, waiting.length - partition);
  let maxUnavailable = 1;
  if (strategy.maxUnavailable !== undefined && strategy.maxUnavailable !== null) {
    const m = scaledValueK8s(strategy.maxUnavailable, total, true);
    maxUnavailable = m.ok ? m.value : 0; // upstream drops the parse error, leaving 0
  }
  let unavailable = pods.filter((p) => p.updated && (!p.consistent || !isRunningAndReady(p))).length;
  let n = 0;
  for (const i of kept) {
    if (!isRunningAndReady(pods[i])) { n++; continue; }
    if (unavailable >= maxUnavailable) break;
    unavailable++;
    n++;
  }
  return n;
}
