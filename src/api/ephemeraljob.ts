// EphemeralJob (apps.kruise.io/v1alpha1): adds ephemeral containers to the pods a selector
// picks (upstream apis/apps/v1alpha1/ephemeraljob_types.go).
import type { V1EphemeralContainer, V1LabelSelector } from './core.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** EphemeralJob apps.kruise.io/v1alpha1. */
export interface EphemeralJob extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'EphemeralJob';
  metadata: ObjectMeta;
  spec: EphemeralJobSpec;
  status?: unknown;
}

export interface EphemeralJobSpec {
  /** Pods the containers are added to. */
  selector: V1LabelSelector;
  /** Pods to add them to; defaults to 1.
   *  @format int32 */
  replicas?: number;
  /** Pods worked on at once; defaults to 1.
   *  @format int32 */
  parallelism?: number;
  /** The ephemeral containers. */
  template: EphemeralContainerTemplateSpec;
  /** Stops adding containers while true. */
  paused?: boolean;
  /** @format int64 */
  activeDeadlineSeconds?: number;
  /** @format int32 */
  ttlSecondsAfterFinished?: number;
}

export interface EphemeralContainerTemplateSpec {
  /** @preserveUnknownFields */
  ephemeralContainers: V1EphemeralContainer[];
}
