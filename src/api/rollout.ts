// Kruise Rollouts' Rollout (rollouts.kruise.io). v1beta1 is current; v1alpha1 nests the
// workload under objectRef, carries rolloutID and gives steps a traffic `weight`.
import type { IntOrString } from './core.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** Rollout rollouts.kruise.io/v1beta1. */
export interface Rollout extends KubeObject {
  apiVersion: 'rollouts.kruise.io/v1beta1';
  kind: 'Rollout';
  metadata: ObjectMeta;
  spec: RolloutSpec;
  status?: RolloutStatus;
}

/** Rollout rollouts.kruise.io/v1alpha1. */
export interface RolloutV1alpha1 extends KubeObject {
  apiVersion: 'rollouts.kruise.io/v1alpha1';
  kind: 'Rollout';
  metadata: ObjectMeta;
  spec: RolloutSpecV1alpha1;
  status?: RolloutStatus;
}

export interface RolloutSpec {
  /** The workload the Rollout releases in steps. */
  workloadRef: WorkloadRef;
  /** The release steps and traffic settings. */
  strategy: RolloutStrategy;
  /** Stop managing the workload.
   *  @default false */
  disabled?: boolean;
}

export interface RolloutSpecV1alpha1 {
  /** Holds the workload reference. */
  objectRef: ObjectRef;
  /** The release steps and traffic settings. */
  strategy: RolloutStrategyV1alpha1;
  /** Deprecated: id of a release, put on the pods it updates. */
  rolloutID?: string;
  /** Stop managing the workload.
   *  @default false */
  disabled?: boolean;
}

export interface ObjectRef {
  /** The workload the Rollout releases in steps. */
  workloadRef?: WorkloadRef;
}

/** A workload in the Rollout's namespace. */
export interface WorkloadRef {
  /** API version of the workload, e.g. apps.kruise.io/v1beta1. */
  apiVersion: string;
  /** Kind of the workload: Deployment, StatefulSet, DaemonSet or CloneSet. */
  kind: string;
  /** Name of the workload. */
  name: string;
}

export interface RolloutStrategy {
  /** Freeze the release at the current step. */
  paused?: boolean;
  /** Canary release: one set of pods is updated step by step. */
  canary?: CanaryStrategy;
  /** Blue-green release: a second set of pods receives the traffic step by step. */
  blueGreen?: BlueGreenStrategy;
}

export interface RolloutStrategyV1alpha1 {
  /** Freeze the release at the current step. */
  paused?: boolean;
  /** Canary release: one set of pods is updated step by step. */
  canary?: CanaryStrategyV1alpha1;
}

export interface CanaryStrategy {
  /** The release steps, in order. */
  steps?: CanaryStep[];
  /** Traffic routing used while steps run. */
  trafficRoutings?: TrafficRoutingRef[];
  /** Unready updated pods tolerated per step: an int or a percentage of updated pods.
   *  @intOrString */
  failureThreshold?: IntOrString;
  /** Labels and annotations added to the canary pods. */
  patchPodTemplateMetadata?: PatchPodTemplateMetadata;
  /** Deployment only: run the canary as a separate workload. */
  enableExtraWorkloadForCanary?: boolean;
  /** Name of a TrafficRouting object to use instead of trafficRoutings. */
  trafficRoutingRef?: string;
  /** Do not create a canary Service. */
  disableGenerateCanaryService?: boolean;
}

export interface BlueGreenStrategy {
  /** The release steps, in order. */
  steps?: CanaryStep[];
  /** Traffic routing used while steps run. */
  trafficRoutings?: TrafficRoutingRef[];
  /** Unready updated pods tolerated per step: an int or a percentage of updated pods.
   *  @intOrString */
  failureThreshold?: IntOrString;
  /** Name of a TrafficRouting object to use instead of trafficRoutings. */
  trafficRoutingRef?: string;
  /** Do not create a canary Service. */
  disableGenerateCanaryService?: boolean;
}

export interface CanaryStrategyV1alpha1 {
  /** The release steps, in order. */
  steps?: CanaryStepV1alpha1[];
  /** Traffic routing used while steps run. */
  trafficRoutings?: TrafficRoutingRef[];
  /** Unready updated pods tolerated per step: an int or a percentage of updated pods.
   *  @intOrString */
  failureThreshold?: IntOrString;
  /** Labels and annotations added to the canary pods. */
  patchPodTemplateMetadata?: PatchPodTemplateMetadata;
  /** Do not create a canary Service. */
  disableGenerateCanaryService?: boolean;
}

/** One release step (v1beta1). */
export interface CanaryStep {
  /** Pods on the new revision at this step: an int or "N%" of the workload's replicas.
   *  @intOrString */
  replicas?: IntOrString;
  /** Wait after the step: for duration seconds, or for approval when unset. */
  pause?: RolloutPause;
  /** Share of traffic sent to the new revision, e.g. "20%". */
  traffic?: string;
  /** Requests matching these go to the new revision. */
  matches?: HttpRouteMatch[];
  /** Header changes applied to requests routed to the new revision. */
  requestHeaderModifier?: HttpHeaderFilter;
}

/** One release step (v1alpha1). */
export interface CanaryStepV1alpha1 {
  /** Pods on the new revision at this step: an int or "N%" of the workload's replicas.
   *  @intOrString */
  replicas?: IntOrString;
  /** Wait after the step: for duration seconds, or for approval when unset. */
  pause?: RolloutPause;
  /** Percentage of traffic sent to the new revision.
   *  @format int32 */
  weight?: number;
  /** Requests matching these go to the new revision. */
  matches?: HttpRouteMatchV1alpha1[];
  /** Header changes applied to requests routed to the new revision. */
  requestHeaderModifier?: HttpHeaderFilter;
}

export interface RolloutPause {
  /** Seconds to wait; wait for approval when unset.
   *  @format int32 */
  duration?: number;
}

export interface HttpRouteMatch {
  /** Path the request must have. */
  path?: HttpPathMatch;
  /** Headers the request must carry (all of them). */
  headers?: HttpHeaderMatch[];
  /** Query parameters the request must carry (all of them). */
  queryParams?: HttpQueryParamMatch[];
}

export interface HttpRouteMatchV1alpha1 {
  /** Headers the request must carry (all of them). */
  headers?: HttpHeaderMatch[];
}

export interface HttpPathMatch {
  /** How the path is compared.
   *  @default "PathPrefix" */
  type?: 'Exact' | 'PathPrefix' | 'RegularExpression';
  /** The path to compare with.
   *  @default "/" */
  value?: string;
}

export interface HttpHeaderMatch {
  /** How the value is compared.
   *  @default "Exact" */
  type?: 'Exact' | 'RegularExpression';
  /** Header name.
   *  @pattern ^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$ */
  name: string;
  /** Header value. */
  value: string;
}

export interface HttpQueryParamMatch {
  /** How the value is compared.
   *  @default "Exact" */
  type?: 'Exact' | 'RegularExpression';
  /** Parameter name.
   *  @pattern ^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$ */
  name: string;
  /** Parameter value. */
  value: string;
}

export interface HttpHeaderFilter {
  /** Headers to set, replacing any value. */
  set?: HttpHeader[];
  /** Headers to add. */
  add?: HttpHeader[];
  /** Header names to remove. */
  remove?: string[];
}

export interface HttpHeader {
  /** Header name.
   *  @pattern ^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$ */
  name: string;
  /** Header value. */
  value: string;
}

export interface TrafficRoutingRef {
  /** The Service that routes to the workload's pods. */
  service: string;
  /** Seconds to wait after a traffic change.
   *  @format int32
   *  @default 3 */
  gracePeriodSeconds?: number;
  /** An Ingress that routes the traffic. */
  ingress?: IngressTrafficRouting;
  /** A Gateway API HTTPRoute that routes the traffic. */
  gateway?: GatewayTrafficRouting;
  /** Other objects that route the traffic, handled by Lua scripts. */
  customNetworkRefs?: CustomNetworkRef[];
}

export interface IngressTrafficRouting {
  /** Ingress class, e.g. nginx. */
  classType?: string;
  /** Name of the Ingress. */
  name: string;
}

export interface GatewayTrafficRouting {
  /** Name of the HTTPRoute. */
  httpRouteName?: string;
}

export interface CustomNetworkRef {
  apiVersion: string;
  kind: string;
  name: string;
}

export interface PatchPodTemplateMetadata {
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
}

/** Observed state of a Rollout. Ignored by schema checks. */
export interface RolloutStatus {
  /** @format int64 */
  observedGeneration?: number;
  phase?: string;
  message?: string;
  canaryStatus?: RolloutCanaryStatus;
}

export interface RolloutCanaryStatus {
  /** @format int64 */
  observedWorkloadGeneration?: number;
  observedRolloutID?: string;
  rolloutHash?: string;
  stableRevision?: string;
  canaryRevision?: string;
  podTemplateHash?: string;
  /** @format int32 */
  canaryReplicas?: number;
  /** @format int32 */
  canaryReadyReplicas?: number;
  /** @format int32 */
  currentStepIndex?: number;
  /** @format int32 */
  nextStepIndex?: number;
  currentStepState?: string;
  finalisingStep?: string;
  message?: string;
}
