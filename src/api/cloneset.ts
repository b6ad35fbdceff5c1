// CloneSet (apps.kruise.io). v1beta1 is the storage version and the default layout;
// v1alpha1 keeps the rollout knobs directly under spec.updateStrategy, where `type` doubles
// as the pod update policy. Both are served, so kruisec accepts both.
import type { IntOrString, V1LabelSelector, V1PersistentVolumeClaim, V1PodTemplateSpec } from './core.js';
import type { InPlaceUpdateStrategy, Lifecycle, UpdatePriorityStrategy, UpdateScatterTerm, WorkloadCondition } from './pub.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** How a pod moves to a new revision: recreate it, update it in place when only in-place
 *  fields changed, or only ever in place. */
export type PodUpdatePolicy = 'ReCreate' | 'InPlaceIfPossible' | 'InPlaceOnly';

/** CloneSet apps.kruise.io/v1beta1. */
export interface CloneSet extends KubeObject {
  apiVersion: 'apps.kruise.io/v1beta1';
  kind: 'CloneSet';
  metadata: ObjectMeta;
  spec: CloneSetSpec;
  status?: CloneSetStatus;
}

/** Desired state of a CloneSet (v1beta1). */
export interface CloneSetSpec extends CloneSetSpecCommon {
  /** Pod scaling rules. */
  scaleStrategy?: CloneSetScaleStrategy;
  /** How pods are moved to a new revision of the template. */
  updateStrategy?: CloneSetUpdateStrategy;
}

/** Fields both CloneSet versions share. */
export interface CloneSetSpecCommon {
  /** Desired number of pods; defaults to 1.
   *  @format int32 */
  replicas?: number;
  /** Selects the pods the CloneSet owns; must match the template's labels. */
  selector: V1LabelSelector;
  /** Pod template; the CloneSet adds the InPlaceUpdateReady readiness gate itself.
   *  @preserveUnknownFields */
  template: V1PodTemplateSpec;
  /** One PVC per claim is created for every pod and deleted with it.
   *  @preserveUnknownFields */
  volumeClaimTemplates?: V1PersistentVolumeClaim[];
  /** ControllerRevisions kept; defaults to 10.
   *  @format int32 */
  revisionHistoryLimit?: number;
  /** Seconds a new pod must be ready before it counts as available.
   *  @format int32 */
  minReadySeconds?: number;
  /** Lifecycle hooks of the pods. */
  lifecycle?: Lifecycle;
  /** Seconds before an update that makes no progress is reported as ProgressDeadlineExceeded.
   *  @format int32 */
  progressDeadlineSeconds?: number;
}

/** Scaling rules of a v1beta1 CloneSet. */
export interface CloneSetScaleStrategy {
  /** Pod names to delete first when scaling in, or to recreate. */
  podsToDelete?: string[];
  /** Most pods unavailable while scaling out (no limit when unset).
   *  @intOrString */
  maxUnavailable?: IntOrString;
  /** Reuse the PVCs of deleted pods for new ones.
   *  @default false */
  enablePVCReuse?: boolean;
  /** Do not count pods in PreparingDelete towards the replicas. */
  excludePreparingDelete?: boolean;
}

/** v1beta1 update strategy: the type says whether pods update by themselves at all. */
export interface CloneSetUpdateStrategy {
  /** RollingUpdate (default) or OnDelete.
   *  @webhookEnum */
  type?: 'RollingUpdate' | 'OnDelete';
  /** Knobs of a rolling update. */
  rollingUpdate?: CloneSetRollingUpdateStrategy;
}

/** The rolling-update knobs of a v1beta1 CloneSet. */
export interface CloneSetRollingUpdateStrategy {
  /** Pods kept on the old revision: an int or a percentage of replicas (decimals allowed).
   *  @intOrString */
  partition?: IntOrString;
  /** Most pods unavailable during the update; defaults to "20%".
   *  @intOrString */
  maxUnavailable?: IntOrString;
  /** Most extra pods created above replicas during the update; defaults to 0.
   *  @intOrString */
  maxSurge?: IntOrString;
  /** ReCreate (default), InPlaceIfPossible or InPlaceOnly.
   *  @webhookEnum */
  podUpdatePolicy?: PodUpdatePolicy;
  /** Stop updating pods (scaling goes on). */
  paused?: boolean;
  /** Order in which pods are updated. */
  priorityStrategy?: UpdatePriorityStrategy;
  /** Labels whose pods are spread over the update order. */
  scatterStrategy?: UpdateScatterTerm[];
  /** In-place update knobs. */
  inPlaceUpdateStrategy?: InPlaceUpdateStrategy;
}

/** CloneSet apps.kruise.io/v1alpha1. */
export interface CloneSetV1alpha1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'CloneSet';
  metadata: ObjectMeta;
  spec: CloneSetSpecV1alpha1;
  status?: CloneSetStatus;
}

/** Desired state of a CloneSet (v1alpha1). */
export interface CloneSetSpecV1alpha1 extends CloneSetSpecCommon {
  /** Pod scaling rules. */
  scaleStrategy?: CloneSetScaleStrategyV1alpha1;
  /** How pods are moved to a new revision of the template. */
  updateStrategy?: CloneSetUpdateStrategyV1alpha1;
}

/** Scaling rules of a v1alpha1 CloneSet. */
export interface CloneSetScaleStrategyV1alpha1 {
  /** Pod names to delete first when scaling in, or to recreate. */
  podsToDelete?: string[];
  /** Most pods unavailable while scaling out (no limit when unset).
   *  @intOrString */
  maxUnavailable?: IntOrString;
  /** Do not reuse the PVCs of deleted pods. */
  disablePVCReuse?: boolean;
}

/** v1alpha1 update strategy: every knob sits here, and `type` is the pod update policy. */
export interface CloneSetUpdateStrategyV1alpha1 {
  /** ReCreate (default), InPlaceIfPossible, InPlaceOnly or OnDelete.
   *  @webhookEnum */
  type?: PodUpdatePolicy | 'OnDelete';
  /** Pods kept on the old revision: an int or a percentage of replicas (decimals allowed).
   *  @intOrString */
  partition?: IntOrString;
  /** Most pods unavailable during the update; defaults to "20%".
   *  @intOrString */
  maxUnavailable?: IntOrString;
  /** Most extra pods created above replicas during the update; defaults to 0.
   *  @intOrString */
  maxSurge?: IntOrString;
  /** Stop updating pods (scaling goes on). */
  paused?: boolean;
  /** Order in which pods are updated. */
  priorityStrategy?: UpdatePriorityStrategy;
  /** Labels whose pods are spread over the update order. */
  scatterStrategy?: UpdateScatterTerm[];
  /** In-place update knobs. */
  inPlaceUpdateStrategy?: InPlaceUpdateStrategy;
}

/** Observed state of a CloneSet (same in both versions). Ignored by schema checks: the API
 *  server drops status on writes to the main resource. */
export interface CloneSetStatus {
  /** @format int64 */
  observedGeneration?: number;
  /** @format int32 */
  replicas?: number;
  /** @format int32 */
  readyReplicas?: number;
  /** @format int32 */
  availableReplicas?: number;
  /** @format int32 */
  updatedReplicas?: number;
  /** @format int32 */
  updatedReadyReplicas?: number;
  /** @format int32 */
  updatedAvailableReplicas?: number;
  /** @format int32 */
  expectedUpdatedReplicas?: number;
  updateRevision?: string;
  currentRevision?: string;
  /** @format int32 */
  collisionCount?: number;
  labelSelector?: string;
  conditions?: WorkloadCondition[];
}
