// Shapes the injection code reads. Manifests are plain JSON, so these are loose views of the
// Kruise v1beta1 SidecarSet and the core Pod fields that injection touches; the Kubernetes
// parts reuse @kubernetes/client-node's models (type-only, nothing is imported at run time).
import type {
  V1Container, V1EnvVar, V1LabelSelector, V1LocalObjectReference, V1ObjectFieldSelector, V1PodSpec,
  V1Volume, V1VolumeDevice, V1VolumeMount,
} from '@kubernetes/client-node';
import type { KubeObject, ObjectMeta } from '../../api/resource.js';

export type { V1Container, V1EnvVar, V1LabelSelector, V1Volume, V1VolumeDevice, V1VolumeMount };

export interface TransferEnvVar {
  sourceContainerName?: string;
  sourceContainerNameFrom?: { fieldRef?: V1ObjectFieldSelector };
  envName?: string;
  envNames?: string[];
}

export interface ResourcesPolicy {
  targetContainersMode?: string;
  targetContainersNameRegex?: string;
  resourcesExpr?: {
    limits?: { cpu?: string; memory?: string };
    requests?: { cpu?: string; memory?: string };
  };
}

/** A SidecarSet container: a Kubernetes Container plus Kruise's injection settings. */
export interface SidecarContainer extends V1Container {
  podInjectPolicy?: string;
  upgradeStrategy?: { upgradeType?: string; hotUpgradeEmptyImage?: string };
  shareVolumePolicy?: { type?: string };
  shareVolumeDevicePolicy?: { type?: string } | null;
  transferEnv?: TransferEnvVar[];
  resourcesPolicy?: ResourcesPolicy | null;
}

export interface PatchPodMetadata {
  annotations?: Record<string, string>;
  patchPolicy?: string;
}

export interface InjectRevision {
  customVersion?: string | null;
  revisionName?: string | null;
  policy?: string;
}

export interface SidecarSetSpec {
  selector?: V1LabelSelector | null;
  /** v1alpha1 only; converted to a namespaceSelector on storage. */
  namespace?: string;
  namespaceSelector?: V1LabelSelector | null;
  initContainers?: SidecarContainer[];
  containers?: SidecarContainer[];
  volumes?: V1Volume[];
  imagePullSecrets?: V1LocalObjectReference[];
  patchPodMetadata?: PatchPodMetadata[];
  injectionStrategy?: { paused?: boolean; revision?: InjectRevision | null };
  updateStrategy?: { type?: string; paused?: boolean; selector?: V1LabelSelector | null; partition?: number | string | null };
  [field: string]: unknown;
}

export interface SidecarSetObject extends KubeObject {
  spec: SidecarSetSpec;
  status?: { latestRevision?: string; [field: string]: unknown };
}

/** What the webhook sees of a pod (a real Pod, or a workload's pod template). */
export interface PodView {
  metadata: ObjectMeta;
  spec: V1PodSpec;
}

/** Names of the annotations and env vars the pod webhook writes (spec §14); those it shares
 *  with SidecarSets are in api/sidecarset.ts. */
export const ANN_INJECTED_LIST = 'kruise.io/sidecarset-injected-list';
export const ANN_WORKING_HOT_UPGRADE = 'kruise.io/sidecarset-working-hotupgrade-container';
export const LABEL_NAMESPACE_NAME = 'kubernetes.io/metadata.name';
export const ENV_IS_INJECTED = 'IS_INJECTED';
