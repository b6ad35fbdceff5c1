// Advanced StatefulSet (apps.kruise.io StatefulSet). v1beta1 is the storage version; the
// v1alpha1 layout lacks reserveOrdinals, ordinals, lifecycle, scaleStrategy and the PVC
// policies, and otherwise matches.
import type { IntOrString, V1LabelSelector, V1PersistentVolumeClaim, V1PodTemplateSpec } from './core.js';
import type { PodUpdatePolicy } from './cloneset.js';
import type { InPlaceUpdateStrategy, Lifecycle, UpdatePriorityStrategy, WorkloadCondition } from './pub.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** Advanced StatefulSet apps.kruise.io/v1beta1. */
export interface AdvancedStatefulSet extends KubeObject {
  apiVersion: 'apps.kruise.io/v1beta1';
  kind: 'StatefulSet';
  metadata: ObjectMeta;
  spec: AdvancedStatefulSetSpec;
  status?: AdvancedStatefulSetStatus;
}

/** Advanced StatefulSet apps.kruise.io/v1alpha1. */
export interface AdvancedStatefulSetV1alpha1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'StatefulSet';
  metadata: ObjectMeta;
  spec: AdvancedStatefulSetSpecV1alpha1;
  status?: AdvancedStatefulSetStatus;
}

/** Desired state of an Advanced StatefulSet (v1alpha1). */
export interface AdvancedStatefulSetSpecV1alpha1 {
  /** Desired number of pods; defaults to 1.
   *  @format int32 */
  replicas?: number;
  /** Selects the pods the set owns; must match the template's labels. */
  selector: V1LabelSelector;
  /** Pod template.
   *  @preserveUnknownFields */
  template: V1PodTemplateSpec;
  /** One PVC per claim and ordinal, kept when pods are deleted.
   *  @preserveUnknownFields */
  volumeClaimTemplates?: V1PersistentVolumeClaim[];
  /** The headless Service that gives the pods their network identity. */
  serviceName?: string;
  /** OrderedReady (default) or Parallel.
   *  @webhookEnum */
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  /** How pods are moved to a new revision of the template. */
  updateStrategy?: AdvancedStatefulSetUpdateStrategy;
  /** ControllerRevisions kept; defaults to 10.
   *  @format int32 */
  revisionHistoryLimit?: number;
}

/** Desired state of an Advanced StatefulSet (v1beta1). */
export interface AdvancedStatefulSetSpec extends AdvancedStatefulSetSpecV1alpha1 {
  /** Ordinals skipped when pods are created: ints or "a-b" ranges.
   *  @intOrString */
  reserveOrdinals?: IntOrString[];
  /** Lifecycle hooks of the pods. */
  lifecycle?: Lifecycle;
  /** Scaling rules. */
  scaleStrategy?: StatefulSetScaleStrategy;
  /** When PVCs of the claim templates are deleted. */
  persistentVolumeClaimRetentionPolicy?: StatefulSetPersistentVolumeClaimRetentionPolicy;
  /** Where pod ordinals start (feature gate StatefulSetStartOrdinal). */
  ordinals?: StatefulSetOrdinals;
  /** How PVCs follow changes of volumeClaimTemplates. */
  volumeClaimUpdateStrategy?: VolumeClaimUpdateStrategy;
}

export interface AdvancedStatefulSetUpdateStrategy {
  /** RollingUpdate (default) or OnDelete.
   *  @webhookEnum */
  type?: 'RollingUpdate' | 'OnDelete';
  /** Knobs of a rolling update. */
  rollingUpdate?: AdvancedStatefulSetRollingUpdateStrategy;
}

export interface AdvancedStatefulSetRollingUpdateStrategy {
  /** Pods kept on the old revision (an int, never a percentage); defaults to 0.
   *  @format int32 */
  partition?: number;
  /** Most pods unavailable during the update; anything but 1 needs podManagementPolicy Parallel.
   *  @intOrString */
  maxUnavailable?: IntOrString;
  /** ReCreate (default), InPlaceIfPossible or InPlaceOnly; in-place needs the
   *  InPlaceUpdateReady readiness gate in the template.
   *  @webhookEnum */
  podUpdatePolicy?: PodUpdatePolicy;
  /** Stop updating pods (scaling goes on). */
  paused?: boolean;
  /** Update pods in priority order instead of by ordinal (Parallel only). */
  unorderedUpdate?: UnorderedUpdateStrategy;
  /** In-place update knobs. */
  inPlaceUpdateStrategy?: InPlaceUpdateStrategy;
  /** Seconds an updated pod must be ready before the next is updated (0..300).
   *  @format int32 */
  minReadySeconds?: number;
}

export interface UnorderedUpdateStrategy {
  /** Order in which pods are updated. */
  priorityStrategy?: UpdatePriorityStrategy;
}

export interface StatefulSetScaleStrategy {
  /** Most pods unavailable while scaling (Parallel only).
   *  @intOrString */
  maxUnavailable?: IntOrString;
}

export interface StatefulSetPersistentVolumeClaimRetentionPolicy {
  /** Retain (default) or Delete. */
  whenDeleted?: string;
  /** Retain (default) or Delete. */
  whenScaled?: string;
}

export interface StatefulSetOrdinals {
  /** First ordinal; defaults to 0.
   *  @format int32 */
  start?: number;
}

export interface VolumeClaimUpdateStrategy {
  /** OnDelete (default) or OnPVCDelete-style policies as Kruise defines them. */
  type?: string;
}

/** Observed state of an Advanced StatefulSet. Ignored by schema checks. */
export interface AdvancedStatefulSetStatus {
  /** @format int64 */
  observedGeneration?: number;
  /** @format int32 */
  replicas?: number;
  /** @format int32 */
  readyReplicas?: number;
  /** @format int32 */
  availableReplicas?: number;
  /** @format int32 */
  currentReplicas?: number;
  /** @format int32 */
  updatedReplicas?: number;
  /** @format int32 */
  updatedReadyReplicas?: number;
  /** @format int32 */
  updatedAvailableReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
  /** @format int32 */
  collisionCount?: number;
  labelSelector?: string;
  conditions?: WorkloadCondition[];
}
