// Kruise's shared API pieces (upstream apis/apps/pub and the strategy types several
// workloads reuse): lifecycle hooks, in-place update knobs, update priority and scatter.
import type { IntOrString, V1LabelSelector } from './core.js';

/** A hook that holds a pod in a lifecycle state until the named labels or finalizers are gone. */
export interface LifecycleHook {
  /** Labels that must all be removed (by the user's controller) before the pod moves on. */
  labelsHandler?: Record<string, string>;
  /** Finalizers that must all be removed before the pod moves on. */
  finalizersHandler?: string[];
  /** Set the pod's KruisePodReady condition to False while the hook holds it. */
  markPodNotReady?: boolean;
}

/** Lifecycle hooks of pods managed by a Kruise workload. */
export interface Lifecycle {
  /** Hook run before a pod is deleted (scale-in or recreate). */
  preDelete?: LifecycleHook;
  /** Hook run before a pod is updated in place. */
  inPlaceUpdate?: LifecycleHook;
  /** Hook run after a pod is created, before it becomes Normal. */
  preNormal?: LifecycleHook;
}

/** Knobs of in-place updates. */
export interface InPlaceUpdateStrategy {
  /** Seconds between marking a pod not-ready and actually updating its containers in place.
   *  @format int32 */
  gracePeriodSeconds?: number;
  /** How many nodes pre-download the new image in parallel.
   *  @intOrString */
  imagePreDownloadParallelism?: IntOrString;
  /** Seconds before an image pre-download job times out.
   *  @format int32 */
  imagePreDownloadTimeoutSeconds?: number;
  /** Updated ready pods required before images are pre-downloaded for the rest.
   *  @format int32 */
  imagePreDownloadMinUpdatedReadyPods?: number;
}

/** Pod order by label weight or by the number in an ordered label. */
export interface UpdatePriorityStrategy {
  /** Pods matching terms with larger total weight are updated first. */
  weightPriority?: UpdatePriorityWeightTerm[];
  /** Pods are ordered by the trailing number of the first label key they carry; ignored
   *  when weightPriority is set. */
  orderPriority?: UpdatePriorityOrderTerm[];
}

export interface UpdatePriorityWeightTerm {
  /** Weight added to matching pods, 1..100.
   *  @format int32 */
  weight: number;
  /** Which pods get the weight. */
  matchSelector: V1LabelSelector;
}

export interface UpdatePriorityOrderTerm {
  /** Label key whose value's trailing number orders the pods. */
  orderedKey: string;
}

/** One label key/value whose pods are spread evenly over the update order. */
export interface UpdateScatterTerm {
  key: string;
  value: string;
}

/** A status condition of a Kruise workload (type, status, reason and message). */
export interface WorkloadCondition {
  type: string;
  status: string;
  /** @format date-time */
  lastTransitionTime?: string;
  /** @format date-time */
  lastUpdateTime?: string;
  reason?: string;
  message?: string;
}
