// apps.kruise.io UnitedDeployment (v1alpha1 and v1beta1 share the spec field for field; only
// status differs). One UnitedDeployment fans a workload template out into one workload per
// topology subset. Spec: ../../../shared/spec/uniteddeployment.md §1.
import type {
  V1DeploymentStrategy, V1LabelSelector, V1NodeSelectorTerm, V1ObjectMeta, V1PersistentVolumeClaim,
  V1PodTemplateSpec, V1StatefulSetOrdinals, V1StatefulSetPersistentVolumeClaimRetentionPolicy,
  V1StatefulSetUpdateStrategy, V1Toleration,
} from '@kubernetes/client-node';
import type { KubeObject, ObjectMeta } from './resource.js';

/** Label on subset workloads, their selectors and pod templates: the subset's name. */
export const SUBSET_NAME_LABEL = 'apps.kruise.io/subset-name';
/** Label on subset workloads and pod templates: the UnitedDeployment ControllerRevision name. */
export const REVISION_LABEL = 'apps.kruise.io/controller-revision-hash';
/** Annotation on subset workloads: the subset patch as raw JSON, or "" without a patch. */
export const SUBSET_PATCH_ANNOTATION = 'apps.kruise.io/subset-patch';

export interface UnitedDeployment extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1' | 'apps.kruise.io/v1beta1';
  kind: 'UnitedDeployment';
  metadata: ObjectMeta;
  spec: UnitedDeploymentSpec;
  status?: Record<string, unknown>;
}

export interface UnitedDeploymentSpec {
  /** Total desired pods across all subsets. The mutating webhook defaults it to 1 (Kruise master).
   *  Must be >= 0. */
  replicas?: number;
  /** Label query over the pods; must match the workload template labels. Copied into every
   *  subset selector with `apps.kruise.io/subset-name` added. */
  selector: V1LabelSelector;
  /** The workload template: exactly one of the four kinds. */
  template?: SubsetTemplate;
  /** How pods are spread over subsets. */
  topology?: Topology;
  /** How a template change rolls out. Only Manual exists. */
  updateStrategy?: UnitedDeploymentUpdateStrategy;
  /** ControllerRevisions kept. Defaulted to 10. */
  revisionHistoryLimit?: number;
}

/** The workload template. If several were present the controller would prefer
 *  statefulSet > advancedStatefulSet > cloneSet > deployment; the webhook forbids that. */
export interface SubsetTemplate {
  /** Subsets become apps/v1 StatefulSets. */
  statefulSetTemplate?: StatefulSetTemplateSpec;
  /** Subsets become Kruise Advanced StatefulSets (apps.kruise.io/v1beta1 StatefulSet). */
  advancedStatefulSetTemplate?: AdvancedStatefulSetTemplateSpec;
  /** Subsets become Kruise CloneSets (apps.kruise.io/v1beta1 on Kruise master). */
  cloneSetTemplate?: CloneSetTemplateSpec;
  /** Subsets become apps/v1 Deployments. */
  deploymentTemplate?: DeploymentTemplateSpec;
}

export interface StatefulSetTemplateSpec {
  /** Only labels and annotations are used: they go onto every subset workload.
   *  @preserveUnknownFields */
  metadata?: V1ObjectMeta;
  /** apps/v1 StatefulSetSpec (schemaless in the CRD); replicas and selector are set per subset
   *  by the controller. @preserveUnknownFields */
  spec: StatefulSetTemplateWorkloadSpec;
}

/** apps/v1 StatefulSetSpec as a UnitedDeployment template holds it: nothing is required (the
 *  selector comes from the UnitedDeployment). */
export interface StatefulSetTemplateWorkloadSpec {
  /** Must be absent: the controller sets it per subset. */
  replicas?: number;
  /** Replaced per subset by spec.selector plus the subset label. */
  selector?: V1LabelSelector;
  /** The pod template. */
  template?: V1PodTemplateSpec;
  /** PVC templates of every subset StatefulSet. */
  volumeClaimTemplates?: V1PersistentVolumeClaim[];
  /** Headless service governing the pods. */
  serviceName?: string;
  /** OrderedReady (default) or Parallel. */
  podManagementPolicy?: string;
  /** RollingUpdate (default) gets the subset partition; OnDelete gets none. */
  updateStrategy?: V1StatefulSetUpdateStrategy;
  /** Revisions kept by each subset StatefulSet. */
  revisionHistoryLimit?: number;
  /** Seconds a new pod must be ready to count as available. */
  minReadySeconds?: number;
  /** PVC deletion on scale-down / StatefulSet deletion. */
  persistentVolumeClaimRetentionPolicy?: V1StatefulSetPersistentVolumeClaimRetentionPolicy;
  /** First ordinal. */
  ordinals?: V1StatefulSetOrdinals;
  [field: string]: unknown;
}

export interface AdvancedStatefulSetTemplateSpec {
  /** Only labels and annotations are used. @preserveUnknownFields */
  metadata?: V1ObjectMeta;
  /** Kruise v1beta1 StatefulSetSpec. */
  spec: AdvancedStatefulSetSpec;
}

export interface CloneSetTemplateSpec {
  /** Only labels and annotations are used. @preserveUnknownFields */
  metadata?: V1ObjectMeta;
  /** Kruise v1beta1 CloneSetSpec. */
  spec: CloneSetSpec;
}

export interface DeploymentTemplateSpec {
  /** Only labels and annotations are used. @preserveUnknownFields */
  metadata?: V1ObjectMeta;
  /** apps/v1 DeploymentSpec (schemaless in the CRD); replicas and selector are set per subset
   *  by the controller. @preserveUnknownFields */
  spec: DeploymentTemplateWorkloadSpec;
}

/** apps/v1 DeploymentSpec as a UnitedDeployment template holds it: nothing is required. */
export interface DeploymentTemplateWorkloadSpec {
  /** Must be absent: the controller sets it per subset. */
  replicas?: number;
  /** Replaced per subset by spec.selector plus the subset label. */
  selector?: V1LabelSelector;
  /** The pod template. */
  template?: V1PodTemplateSpec;
  /** Copied to every subset Deployment as is (partitions do not apply to Deployments). */
  strategy?: V1DeploymentStrategy;
  /** Seconds a new pod must be ready to count as available. */
  minReadySeconds?: number;
  /** ReplicaSets kept by each subset Deployment. */
  revisionHistoryLimit?: number;
  /** Paused Deployments do not roll out. */
  paused?: boolean;
  /** Seconds before a stalled rollout is reported. */
  progressDeadlineSeconds?: number;
  [field: string]: unknown;
}

/** The part of Kruise's Advanced StatefulSet spec the UnitedDeployment reads or writes; other
 *  fields are carried through unchanged. */
export interface AdvancedStatefulSetSpec {
  /** Set per subset by the controller; the webhook rejects it in the template. */
  replicas?: number;
  /** Required by the CRD; replaced by the UnitedDeployment selector per subset. */
  selector: V1LabelSelector;
  /** The pod template. */
  template: V1PodTemplateSpec;
  /** Update strategy; the controller writes `rollingUpdate.partition` per subset. */
  updateStrategy?: {
    /** RollingUpdate (default) or OnDelete. */
    type?: 'RollingUpdate' | 'OnDelete';
    /** Rolling update parameters. */
    rollingUpdate?: {
      /** Pods that stay on the old revision. Set per subset from manualUpdate.partitions. */
      partition?: number;
      /** @intOrString */
      maxUnavailable?: number | string;
      [field: string]: unknown;
    };
  };
  [field: string]: unknown;
}

/** The part of Kruise's v1beta1 CloneSet spec the UnitedDeployment reads or writes; other fields
 *  are carried through unchanged. */
export interface CloneSetSpec {
  /** Set per subset by the controller. */
  replicas?: number;
  /** Required by the CRD; replaced by the UnitedDeployment selector per subset. */
  selector: V1LabelSelector;
  /** The pod template. */
  template: V1PodTemplateSpec;
  /** Update strategy; the controller writes `rollingUpdate.partition` per subset. */
  updateStrategy?: {
    /** ReCreate, InPlaceIfPossible or InPlaceOnly. */
    type?: string;
    /** Rolling update parameters. */
    rollingUpdate?: {
      /** Pods that stay on the old revision. @intOrString */
      partition?: number | string;
      /** @intOrString */
      maxUnavailable?: number | string;
      /** @intOrString */
      maxSurge?: number | string;
      /** ReCreate, InPlaceIfPossible or InPlaceOnly. */
      podUpdatePolicy?: string;
      [field: string]: unknown;
    };
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

export interface Topology {
  /** One workload per entry, in this order of priority for the min/max allocators. */
  subsets?: Subset[];
  /** Which allocator places replicas. */
  scheduleStrategy?: UnitedDeploymentScheduleStrategy;
}

export interface Subset {
  /** DNS-1123 label, unique. Used in the workload name prefix `<ud>-<subset>-` and the
   *  `apps.kruise.io/subset-name` label. */
  name: string;
  /** Its matchExpressions are ANDed into every required node-affinity term of the pod template.
   *  matchFields are validated but never applied. Immutable. */
  nodeSelectorTerm?: V1NodeSelectorTerm;
  /** Appended to the pod template's tolerations. Immutable. */
  tolerations?: V1Toleration[];
  /** Pins the subset: an integer or "N%" of spec.replicas (rounded half up). Exclusive with
   *  min/max; forbidden with Adaptive. @intOrString */
  replicas?: number | string;
  /** Lower bound in elastic mode; filled first in declaration order. @intOrString */
  minReplicas?: number | string;
  /** Upper bound in elastic mode; absent means unbounded. @intOrString */
  maxReplicas?: number | string;
  /** Strategic merge patch applied to the pod template ({metadata, spec}) after affinity and
   *  tolerations are attached. Any JSON object. @preserveUnknownFields */
  patch?: Record<string, unknown>;
}

export type ScheduleStrategyType = 'Fixed' | 'Adaptive' | '';

export interface UnitedDeploymentScheduleStrategy {
  /** Fixed (default) keeps pods in their subset; Adaptive moves pending pods to later subsets. */
  type?: ScheduleStrategyType;
  /** Options of the Adaptive strategy. */
  adaptive?: AdaptiveUnitedDeploymentStrategy;
}

export interface AdaptiveUnitedDeploymentStrategy {
  /** Seconds a pod may stay unschedulable before it is rescheduled elsewhere. Default 30. */
  rescheduleCriticalSeconds?: number;
  /** Seconds a subset stays marked unschedulable. Default 300. */
  unschedulableDuration?: number;
  /** Keep unschedulable pods as reserved placeholders and create temporary pods elsewhere.
   *  Only with Deployment or CloneSet templates. */
  reserveUnschedulablePods?: boolean;
}

export type UpdateStrategyType = 'Manual' | '';

export interface UnitedDeploymentUpdateStrategy {
  /** Only Manual (the default) exists. */
  type?: UpdateStrategyType;
  /** Parameters of the Manual strategy. */
  manualUpdate?: ManualUpdate;
}

export interface ManualUpdate {
  /** Per-subset partition: pods that stay on the old revision. Subsets not listed get 0; a
   *  value above the subset's replicas is lowered to them. Keys must name declared subsets. */
  partitions?: Record<string, number>;
}

/** The four template keys in the controller's priority order. */
export const TEMPLATE_KEYS = ['statefulSetTemplate', 'advancedStatefulSetTemplate', 'cloneSetTemplate', 'deploymentTemplate'] as const;
export type TemplateKey = typeof TEMPLATE_KEYS[number];

export function isUnitedDeployment(obj: KubeObject): obj is UnitedDeployment {
  return obj.kind === 'UnitedDeployment' && typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith('apps.kruise.io/');
}
