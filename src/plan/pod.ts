// A pod as Kruise's update logic sees it: plan's Advanced StatefulSet visit order works on this
// small model, and so do the API emulator's simulated controllers (test/emulator/controllers),
// which run the same order logic against real pods.

export interface SimPod {
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  /** spec.nodeName; empty = unscheduled. */
  nodeName?: string;
  /** status.phase: Pending | Running | Unknown | Succeeded | Failed | '' */
  phase?: string;
  /** Ready condition is True. */
  readyCondition?: boolean;
  /** When the Ready condition last turned True (any monotonic number); undefined = zero time. */
  readySince?: number;
  /** Highest container restart count. */
  restarts?: number;
  /** creationTimestamp as a monotonic number; undefined = zero time. */
  created?: number;
  /** controller-revision-hash label value. */
  revision?: string;
  /** lifecycle.apps.kruise.io/state label value. */
  lifecycleState?: string;
  /** metadata.deletionTimestamp is set. */
  terminating?: boolean;
}

/** podutil.IsPodReady: only the Ready condition counts, not the phase. */
export function isPodReady(p: SimPod): boolean {
  return p.readyCondition === true;
}

/** util.IsRunningAndReady: phase Running and Ready condition True. */
export function isRunningAndReady(p: SimPod): boolean {
  return p.phase === 'Running' && p.readyCondition === true;
}

/** Kruise's lifecycle state label; empty or Normal counts as a normal pod. */
export const LIFECYCLE_PREPARING_UPDATE = 'PreparingUpdate';
export const LIFECYCLE_PREPARING_DELETE = 'PreparingDelete';
export function isLifecycleNormal(p: SimPod): boolean {
  return !p.lifecycleState || p.lifecycleState === 'Normal';
}
