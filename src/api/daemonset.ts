// Advanced DaemonSet (apps.kruise.io DaemonSet). v1beta1 (storage) adds scaleStrategy;
// otherwise both versions share one layout.
import type { IntOrString, V1LabelSelector, V1PodTemplateSpec } from './core.js';
import type { Lifecycle, WorkloadCondition } from './pub.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** Advanced DaemonSet apps.kruise.io/v1beta1. */
export interface AdvancedDaemonSet extends KubeObject {
  apiVersion: 'apps.kruise.io/v1beta1';
  kind: 'DaemonSet';
  metadata: ObjectMeta;
  spec: AdvancedDaemonSetSpec;
  status?: AdvancedDaemonSetStatus;
}

/** Advanced DaemonSet apps.kruise.io/v1alpha1. */
export interface AdvancedDaemonSetV1alpha1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'DaemonSet';
  metadata: ObjectMeta;
  spec: AdvancedDaemonSetSpecV1alpha1;
  status?: AdvancedDaemonSetStatus;
}

/** Desired state of an Advanced DaemonSet (v1alpha1). */
export interface AdvancedDaemonSetSpecV1alpha1 {
  /** Selects the pods the DaemonSet owns; must match the template's labels. */
  selector: V1LabelSelector;
  /** Pod template.
   *  @preserveUnknownFields */
  template: V1PodTemplateSpec;
  /** How pods are moved to a new revision of the template. */
  updateStrategy?: AdvancedDaemonSetUpdateStrategy;
  /** Seconds a new pod must be ready before it counts as available.
   *  @format int32 */
  minReadySeconds?: number;
  /** Most pods created at once when many nodes need one; defaults to 250.
   *  @intOrString */
  burstReplicas?: IntOrString;
  /** ControllerRevisions kept; defaults to 10.
   *  @format int32 */
  revisionHistoryLimit?: number;
  /** Lifecycle hooks of the pods. */
  lifecycle?: Lifecycle;
}

/** Desired state of an Advanced DaemonSet (v1beta1). */
export interface AdvancedDaemonSetSpec extends AdvancedDaemonSetSpecV1alpha1 {
  /** Scaling rules. */
  scaleStrategy?: AdvancedDaemonSetScaleStrategy;
}

export interface AdvancedDaemonSetScaleStrategy {
  /** Create pods on new nodes only up to the partition. */
  partitionedScaling?: boolean;
}

export interface AdvancedDaemonSetUpdateStrategy {
  /** RollingUpdate (default) or OnDelete.
   *  @webhookEnum */
  type?: 'RollingUpdate' | 'OnDelete';
  /** Knobs of a rolling update. */
  rollingUpdate?: AdvancedDaemonSetRollingUpdate;
}

export interface AdvancedDaemonSetRollingUpdate {
  /** Standard (default), Surging or InPlaceIfPossible.
   *  @webhookEnum */
  rollingUpdateType?: 'Standard' | 'Surging' | 'InPlaceIfPossible';
  /** Most nodes whose pod is unavailable during the update; defaults to 1.
   *  @intOrString */
  maxUnavailable?: IntOrString;
  /** Most nodes running an extra updated pod during the update; defaults to 0.
   *  @intOrString */
  maxSurge?: IntOrString;
  /** Only pods on nodes matching this selector are updated. */
  selector?: V1LabelSelector;
  /** Pods kept on the old revision; defaults to 0.
   *  @intOrString */
  partition?: IntOrString;
  /** Stop updating pods. */
  paused?: boolean;
}

/** Observed state of an Advanced DaemonSet. Ignored by schema checks. */
export interface AdvancedDaemonSetStatus {
  /** @format int32 */
  currentNumberScheduled?: number;
  /** @format int32 */
  numberMisscheduled?: number;
  /** @format int32 */
  desiredNumberScheduled?: number;
  /** @format int32 */
  numberReady?: number;
  /** @format int64 */
  observedGeneration?: number;
  /** @format int32 */
  updatedNumberScheduled?: number;
  /** @format int32 */
  numberAvailable?: number;
  /** @format int32 */
  numberUnavailable?: number;
  /** @format int32 */
  collisionCount?: number;
  daemonSetHash?: string;
  conditions?: WorkloadCondition[];
}
