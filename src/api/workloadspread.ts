// WorkloadSpread (apps.kruise.io): spreads the pods of one workload over subsets of nodes
// (zones, node pools), each with a cap. v1beta1 (storage) renamed the subset node selector
// fields (upstream apis/apps/v1beta1/workloadspread_types.go, v1alpha1 beside it).
import type { IntOrString, V1LabelSelector, V1NodeSelectorTerm, V1PreferredSchedulingTerm, V1Toleration } from './core.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** WorkloadSpread apps.kruise.io/v1beta1. */
export interface WorkloadSpread extends KubeObject {
  apiVersion: 'apps.kruise.io/v1beta1';
  kind: 'WorkloadSpread';
  metadata: ObjectMeta;
  spec: WorkloadSpreadSpec;
  status?: unknown;
}

/** WorkloadSpread apps.kruise.io/v1alpha1. */
export interface WorkloadSpreadV1alpha1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'WorkloadSpread';
  metadata: ObjectMeta;
  spec: WorkloadSpreadSpecV1alpha1;
  status?: unknown;
}

interface WorkloadSpreadSpecBase {
  /** The workload whose pods are spread. */
  targetRef: TargetReference;
  /** Only pods these select are counted and spread. */
  targetFilter?: TargetFilter;
  /** Adaptive or Fixed (default). */
  scheduleStrategy?: WorkloadSpreadScheduleStrategy;
}

export interface WorkloadSpreadSpec extends WorkloadSpreadSpecBase {
  /** Ordered subsets; pods fill them in order. */
  subsets: WorkloadSpreadSubset[];
}

export interface WorkloadSpreadSpecV1alpha1 extends WorkloadSpreadSpecBase {
  /** Ordered subsets; pods fill them in order. */
  subsets: WorkloadSpreadSubsetV1alpha1[];
}

/** A reference to an object by apiVersion, kind and name, in the same namespace. */
export interface TargetReference {
  apiVersion: string;
  kind: string;
  name: string;
}

export interface TargetFilter {
  /** Pods counted. */
  selector?: V1LabelSelector;
  /** Paths in the workload whose values are the replicas counted (e.g. spec.replicas). */
  replicasPathList?: string[];
}

export interface WorkloadSpreadScheduleStrategy {
  /** Adaptive, Fixed or empty. */
  type?: 'Adaptive' | 'Fixed' | '';
  /** Knobs of the Adaptive strategy. */
  adaptive?: AdaptiveWorkloadSpreadStrategy;
}

export interface AdaptiveWorkloadSpreadStrategy {
  /** Skip simulating scheduling before placing a pod. */
  disableSimulationSchedule?: boolean;
  /** Seconds a pod may stay unschedulable before it is moved to the next subset.
   *  @format int32 */
  rescheduleCriticalSeconds?: number;
}

interface WorkloadSpreadSubsetBase {
  /** Unique name of the subset. */
  name: string;
  /** Tolerations added to the subset's pods. */
  tolerations?: V1Toleration[];
  /** Most pods in the subset, a number or a percentage; unset means no cap.
   *  @intOrString */
  maxReplicas?: IntOrString;
  /** A strategic-merge patch applied to the subset's pods.
   *  @preserveUnknownFields */
  patch?: unknown;
}

export interface WorkloadSpreadSubset extends WorkloadSpreadSubsetBase {
  /** Nodes the subset's pods must land on. */
  requiredNodeSelector?: V1NodeSelectorTerm;
  /** Nodes the subset's pods prefer. */
  preferredNodeSelector?: V1PreferredSchedulingTerm[];
}

export interface WorkloadSpreadSubsetV1alpha1 extends WorkloadSpreadSubsetBase {
  /** Nodes the subset's pods must land on. */
  requiredNodeSelectorTerm?: V1NodeSelectorTerm;
  /** Nodes the subset's pods prefer. */
  preferredNodeSelectorTerms?: V1PreferredSchedulingTerm[];
}
