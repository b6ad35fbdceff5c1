// PersistentPodState (apps.kruise.io): keeps a pod's node topology and annotations across
// re-creation. v1beta1 (storage) renamed nodeTopologyKeys to keys (upstream
// apis/apps/v1beta1/persistent_pod_state_types.go, v1alpha1 beside it).
import type { KubeObject, ObjectMeta } from './resource.js';
import type { TargetReference } from './workloadspread.js';

/** PersistentPodState apps.kruise.io/v1beta1. */
export interface PersistentPodState extends KubeObject {
  apiVersion: 'apps.kruise.io/v1beta1';
  kind: 'PersistentPodState';
  metadata: ObjectMeta;
  spec: PersistentPodStateSpec;
  status?: unknown;
}

/** PersistentPodState apps.kruise.io/v1alpha1. */
export interface PersistentPodStateV1alpha1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'PersistentPodState';
  metadata: ObjectMeta;
  spec: PersistentPodStateSpecV1alpha1;
  status?: unknown;
}

interface PersistentPodStateSpecBase {
  /** The StatefulSet (native or Advanced) whose pods' state is kept. */
  targetRef: TargetReference;
  /** Pod annotations kept. */
  persistentPodAnnotations?: PersistentPodAnnotation[];
  /** WhenScaled or WhenDeleted. */
  persistentPodStateRetentionPolicy?: 'WhenScaled' | 'WhenDeleted';
}

export interface PersistentPodStateSpec extends PersistentPodStateSpecBase {
  /** Node labels a re-created pod must match again. */
  requiredPersistentTopology?: NodeTopologyTerm;
  /** Node labels a re-created pod prefers to match again. */
  preferredPersistentTopology?: PreferredTopologyTerm[];
}

export interface PersistentPodStateSpecV1alpha1 extends PersistentPodStateSpecBase {
  /** Node labels a re-created pod must match again. */
  requiredPersistentTopology?: NodeTopologyTermV1alpha1;
  /** Node labels a re-created pod prefers to match again. */
  preferredPersistentTopology?: PreferredTopologyTermV1alpha1[];
}

export interface NodeTopologyTerm {
  /** Node label keys. */
  keys: string[];
}

export interface NodeTopologyTermV1alpha1 {
  /** Node label keys. */
  nodeTopologyKeys: string[];
}

export interface PreferredTopologyTerm {
  /** @format int32
   *  @minimum 0 */
  weight: number;
  preference: NodeTopologyTerm;
}

export interface PreferredTopologyTermV1alpha1 {
  /** @format int32
   *  @minimum 0 */
  weight: number;
  preference: NodeTopologyTermV1alpha1;
}

export interface PersistentPodAnnotation {
  key: string;
}
