// BroadcastJob (apps.kruise.io): runs a pod to completion on every node that fits. v1alpha1
// and v1beta1 (storage) have the same fields (upstream apis/apps/v1beta1/broadcastjob_types.go).
import type { IntOrString, V1PodTemplateSpec } from './core.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** BroadcastJob apps.kruise.io/v1alpha1 and v1beta1. */
export interface BroadcastJob extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1' | 'apps.kruise.io/v1beta1';
  kind: 'BroadcastJob';
  metadata: ObjectMeta;
  spec: BroadcastJobSpec;
  status?: unknown;
}

export interface BroadcastJobSpec {
  /** Most pods running at once; unset means no limit.
   *  @intOrString */
  parallelism?: IntOrString;
  /** The pod run on each node; its restartPolicy must be Never or OnFailure.
   *  @preserveUnknownFields */
  template: V1PodTemplateSpec;
  /** When the job counts as finished; defaults to type Always. */
  completionPolicy?: CompletionPolicy;
  /** Stops creating pods while true. */
  paused?: boolean;
  /** What to do when a pod fails. */
  failurePolicy?: FailurePolicy;
}

export interface CompletionPolicy {
  /** Always (default: done when every node's pod finished) or Never (keeps running for new nodes).
   *  @webhookEnum */
  type?: 'Always' | 'Never';
  /** Seconds after the start the job may stay active (type Always only).
   *  @format int64 */
  activeDeadlineSeconds?: number;
  /** Seconds after finishing before the job may be deleted (type Always only).
   *  @format int32 */
  ttlSecondsAfterFinished?: number;
}

export interface FailurePolicy {
  /** Continue, FailFast (default) or Pause.
   *  @webhookEnum */
  type?: 'Continue' | 'FailFast' | 'Pause';
  /** Pod restarts allowed before the job fails.
   *  @format int32 */
  restartLimit?: number;
}
