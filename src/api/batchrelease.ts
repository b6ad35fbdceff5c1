// BatchRelease (rollouts.kruise.io): one workload released batch by batch. Kruise Rollouts
// creates it for a Rollout; it can also be written by hand. v1beta1 (storage) points at the
// workload with workloadRef where v1alpha1 has targetReference.workloadRef (upstream
// openkruise/rollouts api/v1beta1/batchrelease_types.go, batchrelease_plan_types.go).
import type { IntOrString } from './core.js';
import type { KubeObject, ObjectMeta } from './resource.js';
import type { ObjectRef, PatchPodTemplateMetadata, WorkloadRef } from './rollout.js';

/** BatchRelease rollouts.kruise.io/v1beta1. */
export interface BatchRelease extends KubeObject {
  apiVersion: 'rollouts.kruise.io/v1beta1';
  kind: 'BatchRelease';
  metadata: ObjectMeta;
  spec: BatchReleaseSpec;
  status?: unknown;
}

/** BatchRelease rollouts.kruise.io/v1alpha1. */
export interface BatchReleaseV1alpha1 extends KubeObject {
  apiVersion: 'rollouts.kruise.io/v1alpha1';
  kind: 'BatchRelease';
  metadata: ObjectMeta;
  spec: BatchReleaseSpecV1alpha1;
  status?: unknown;
}

export interface BatchReleaseSpec {
  /** The workload released. */
  workloadRef?: WorkloadRef;
  /** The batches. */
  releasePlan: ReleasePlan;
}

export interface BatchReleaseSpecV1alpha1 {
  /** The workload released. */
  targetReference: ObjectRef;
  /** The batches. */
  releasePlan: ReleasePlan;
}

export interface ReleasePlan {
  /** Replicas (or percentage) updated by the end of each batch. */
  batches?: ReleaseBatch[];
  /** Index of the last batch to release now.
   *  @format int32 */
  batchPartition?: number;
  /** Changing it restarts the release. */
  rolloutID?: string;
  /** Share of updated pods that may be unready before a batch is held.
   *  @intOrString */
  failureThreshold?: IntOrString;
  /** WaitResume or Immediate. */
  finalizingPolicy?: string;
  /** Labels and annotations set on canary pods. */
  patchPodTemplateMetadata?: PatchPodTemplateMetadata;
  /** Canary, Partition or BlueGreen. */
  rollingStyle?: string;
  /** Deprecated by rollingStyle: true is Canary, false Partition. */
  enableExtraWorkloadForCanary: boolean;
}

export interface ReleaseBatch {
  /** @intOrString */
  canaryReplicas: IntOrString;
}
