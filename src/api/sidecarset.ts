// apps.kruise.io SidecarSet, v1alpha1 and v1beta1 (the storage version). The two differ only
// in how the namespace is scoped: v1alpha1 has `spec.namespace` and the custom-version label,
// v1beta1 has `spec.customVersion` and relies on `namespaceSelector` alone.
// Spec: ../../../shared/spec/sidecarset-injection.md §2.5, §10-12.
import type {
  V1Container, V1LabelSelector, V1LocalObjectReference, V1ObjectFieldSelector, V1Volume,
} from '@kubernetes/client-node';
import type { KubeObject, ObjectMeta } from './resource.js';
import type { UpdatePriorityStrategy, UpdateScatterTerm } from './pub.js';

/** Annotation written by the defaulting webhook: hash of the containers (§10). */
export const SIDECARSET_HASH_ANNOTATION = 'kruise.io/sidecarset-hash';
/** Annotation written by the defaulting webhook: hash of the containers with images blanked. */
export const SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION = 'kruise.io/sidecarset-hash-without-image';
/** `"true"` marks a canary SidecarSet (needs the base annotation too). */
export const SIDECARSET_CANARY_ANNOTATION = 'apps.kruise.io/sidecarset-canary';
/** Name of the SidecarSet a canary replaces on the pods it selects. */
export const SIDECARSET_BASE_ANNOTATION = 'apps.kruise.io/sidecarset-base';
/** v1alpha1 label that v1beta1 holds as `spec.customVersion`; also on ControllerRevisions. */
export const SIDECARSET_CUSTOM_VERSION_LABEL = 'apps.kruise.io/sidecarset-custom-version';
/** Label on a SidecarSet's ControllerRevisions naming the SidecarSet. */
export const SIDECARSET_REVISION_NAME_LABEL = 'kruise.io/sidecarset-name';
/** ConfigMap (in the Kruise namespace) holding the patchPodMetadata whitelist. */
export const KRUISE_CONFIGURATION_CONFIGMAP = 'kruise-configuration';
/** Key of that ConfigMap holding the whitelist JSON. */
export const PATCH_POD_METADATA_WHITELIST_KEY = 'SidecarSet_PatchPodMetadata_WhiteList';

/** A SidecarSet in either served version. */
export type SidecarSet = SidecarSetV1alpha1 | SidecarSetV1beta1;

/** apps.kruise.io/v1beta1 SidecarSet (the storage version). Cluster-scoped. */
export interface SidecarSetV1beta1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1beta1';
  kind: 'SidecarSet';
  /** No namespace (cluster-scoped). The name must match `^[a-zA-Z0-9-]+$`, at most 63
   *  characters. */
  metadata: ObjectMeta;
  spec: SidecarSetSpec;
  status?: SidecarSetStatus;
}

/** apps.kruise.io/v1alpha1 SidecarSet. Cluster-scoped. */
export interface SidecarSetV1alpha1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'SidecarSet';
  /** No namespace (cluster-scoped). The name must match `^[a-zA-Z0-9-]+$`, at most 63
   *  characters. */
  metadata: ObjectMeta;
  spec: SidecarSetSpecV1alpha1;
  status?: SidecarSetStatus;
}

/** apps.kruise.io/v1beta1 SidecarSet spec. */
export interface SidecarSetSpec {
  /** Label query over pods that get the sidecars. Required; an empty selector is rejected
   *  and would match no pod anyway. */
  selector?: V1LabelSelector;
  /** Which namespaces' pods are considered; absent means every namespace. An empty
   *  selector is rejected. */
  namespaceSelector?: V1LabelSelector;
  /** Init containers injected at pod creation, sorted by name. `restartPolicy: Always` makes
   *  one a native sidecar (then the SidecarSet needs `updateStrategy.type: NotUpdate`). */
  initContainers?: SidecarContainer[];
  /** Sidecar containers injected at pod creation. Names cannot be added or renamed by an
   *  update. */
  containers?: SidecarContainer[];
  /** Volumes the sidecars may mount; only the ones an injected container uses are added
   *  to the pod. */
  volumes?: V1Volume[];
  /** How already injected pods are upgraded in place. */
  updateStrategy?: SidecarSetUpdateStrategy;
  /** Which version is injected into new pods. */
  injectionStrategy?: SidecarSetInjectionStrategy;
  /** Secrets for pulling sidecar images, appended to the pod's (new names only). */
  imagePullSecrets?: V1LocalObjectReference[];
  /** ControllerRevisions kept for this SidecarSet. Defaulted to 10.
   *  @format int32 */
  revisionHistoryLimit?: number;
  /** Annotations written on injected pods. Keys must be allowed by the kruise-configuration
   *  whitelist. */
  patchPodMetadata?: SidecarSetPatchPodMetadata[];
  /** Version label copied onto this SidecarSet's ControllerRevisions, for
   *  `injectionStrategy.revision.customVersion`. */
  customVersion?: string;
}

/** apps.kruise.io/v1alpha1 SidecarSet spec: v1beta1 plus `namespace`, minus `customVersion`
 *  (v1alpha1 keeps it as the apps.kruise.io/sidecarset-custom-version label). */
export interface SidecarSetSpecV1alpha1 extends Omit<SidecarSetSpec, 'customVersion'> {
  /** Only pods of this namespace get the sidecars. Converted to a namespaceSelector on
   *  `kubernetes.io/metadata.name` that replaces any namespaceSelector given. */
  namespace?: string;
}

/** A Kubernetes container plus how Kruise injects and upgrades it. */
export interface SidecarContainer extends V1Container {
  /** Whether the sidecar goes in front of the app containers or behind them. Defaulted to
   *  BeforeAppContainer for containers and AfterAppContainer for init containers. */
  podInjectPolicy?: PodInjectPolicyType;
  /** How the sidecar is upgraded. */
  upgradeStrategy?: SidecarContainerUpgradeStrategy;
  /** Share the app containers' volume mounts with this sidecar. Defaulted to disabled. */
  shareVolumePolicy?: ShareVolumePolicy;
  /** Share the app containers' volume devices with this sidecar. Stays absent unless given,
   *  so that older hashes do not change. */
  shareVolumeDevicePolicy?: ShareVolumePolicy;
  /** Env vars copied from app containers into this sidecar. */
  transferEnv?: TransferEnvVar[];
  /** Resources computed from the app containers at pod creation; excludes `resources`. */
  resourcesPolicy?: ResourcesPolicy;
}

/** Where an injected container is placed. */
export type PodInjectPolicyType = 'BeforeAppContainer' | 'AfterAppContainer';

export interface SidecarContainerUpgradeStrategy {
  /** ColdUpgrade (default) restarts the sidecar; HotUpgrade runs a pair `-1`/`-2` and swaps. */
  upgradeType?: SidecarContainerUpgradeType;
  /** Image of the idle member of a HotUpgrade pair. */
  hotUpgradeEmptyImage?: string;
}

export type SidecarContainerUpgradeType = 'ColdUpgrade' | 'HotUpgrade';

export interface ShareVolumePolicy {
  /** `enabled` shares the app containers' mounts (or devices); `disabled` does not. */
  type?: ShareVolumePolicyType;
}

export type ShareVolumePolicyType = 'enabled' | 'disabled';

/** Copies env vars of one app container into the sidecar. */
export interface TransferEnvVar {
  /** Name of the app container the vars come from. */
  sourceContainerName?: string;
  /** Takes the source container's name from a pod label or annotation instead. */
  sourceContainerNameFrom?: SourceContainerNameSource;
  /** One env var to copy. */
  envName?: string;
  /** More env vars to copy. */
  envNames?: string[];
}

export interface SourceContainerNameSource {
  /** `metadata.labels['<key>']` or `metadata.annotations['<key>']` of the pod. */
  fieldRef?: V1ObjectFieldSelector;
}

/** Sidecar resources derived from the app containers' resources when a pod is created. */
export interface ResourcesPolicy {
  /** How the targets' resources are aggregated: summed or the maximum. */
  targetContainersMode: TargetContainersModeType;
  /** Go (RE2) regular expression, unanchored, selecting target containers by name.
   *  Defaulted to `.*` by the CRD. */
  targetContainersNameRegex?: string;
  /** Expressions over the aggregate (`cpu` or `memory`). */
  resourcesExpr: ResourcesExpr;
}

export type TargetContainersModeType = 'sum' | 'max';

export interface ResourcesExpr {
  /** Expressions for the limits; a missing target limit means no limit. */
  limits?: ResourceExprLimits;
  /** Expressions for the requests; a missing target request counts as 0. */
  requests?: ResourceExprRequests;
}

export interface ResourceExprLimits {
  /** Expression over `cpu`, e.g. `cpu*50%` or `max(cpu*50%, 50m)`. */
  cpu?: string;
  /** Expression over `memory`, e.g. `memory*50%`. */
  memory?: string;
}

export interface ResourceExprRequests {
  /** Expression over `cpu`. */
  cpu?: string;
  /** Expression over `memory`. */
  memory?: string;
}

export interface SidecarSetInjectionStrategy {
  /** Stop injecting into new pods; already injected pods keep being managed. */
  paused?: boolean;
  /** Inject a historical revision instead of the current spec. */
  revision?: SidecarSetInjectRevision;
}

export interface SidecarSetInjectRevision {
  /** Picks the newest ControllerRevision carrying this custom version. */
  customVersion?: string;
  /** Names a ControllerRevision of this SidecarSet; wins over customVersion. */
  revisionName?: string;
  /** Always injects the revision; Partial follows updateStrategy. Defaulted to Always. */
  policy?: SidecarSetInjectRevisionPolicy;
}

export type SidecarSetInjectRevisionPolicy = 'Always' | 'Partial';

export interface SidecarSetUpdateStrategy {
  /** RollingUpdate (default) upgrades injected pods in place; NotUpdate only injects. */
  type?: SidecarSetUpdateStrategyType;
  /** Stop upgrading injected pods. */
  paused?: boolean;
  /** Only upgrade pods matching this selector; cannot be combined with a partition. */
  selector?: V1LabelSelector;
  /** Pods (number or percentage) kept on the old revision. Defaulted to 0.
   *  @intOrString */
  partition?: number | string;
  /** Pods (number or percentage) that may be unavailable during the upgrade. Defaulted to 1.
   *  @intOrString */
  maxUnavailable?: number | string;
  /** Order in which pods are upgraded. */
  priorityStrategy?: UpdatePriorityStrategy;
  /** Label key/values whose pods are spread over the upgrade order. */
  scatterStrategy?: UpdateScatterTerm[];
}

export type SidecarSetUpdateStrategyType = 'NotUpdate' | 'RollingUpdate';

/** Annotations put on injected pods. */
export interface SidecarSetPatchPodMetadata {
  /** Annotation key -> value. */
  annotations?: Record<string, string>;
  /** Retain keeps a pod's existing value, Overwrite replaces it, MergePatchJson merges JSON
   *  objects. Defaulted to Retain. */
  patchPolicy?: SidecarSetPatchPolicyType;
}

export type SidecarSetPatchPolicyType = 'Retain' | 'Overwrite' | 'MergePatchJson';

/** Written by the controller; kruisec reads only `latestRevision`. */
export interface SidecarSetStatus {
  /** @format int64 */
  observedGeneration?: number;
  /** @format int32 */
  matchedPods?: number;
  /** @format int32 */
  updatedPods?: number;
  /** @format int32 */
  readyPods?: number;
  /** @format int32 */
  updatedReadyPods?: number;
  /** Name of the newest ControllerRevision; becomes `controllerRevision` in the pod's hash
   *  annotation. */
  latestRevision?: string;
  /** @format int32 */
  collisionCount?: number;
}

export function isSidecarSet(obj: KubeObject): obj is SidecarSet {
  return obj.kind === 'SidecarSet' && typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith('apps.kruise.io/');
}
