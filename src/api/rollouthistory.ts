// RolloutHistory (rollouts.kruise.io/v1alpha1): a record Kruise Rollouts writes of one
// release; kept in repos as a copy at most (upstream openkruise/rollouts
// api/v1alpha1/rollouthistory_types.go).
import type { KubeObject, ObjectMeta } from './resource.js';

/** RolloutHistory rollouts.kruise.io/v1alpha1. */
export interface RolloutHistory extends KubeObject {
  apiVersion: 'rollouts.kruise.io/v1alpha1';
  kind: 'RolloutHistory';
  metadata: ObjectMeta;
  spec?: RolloutHistorySpec;
  status?: unknown;
}

export interface RolloutHistorySpec {
  rollout?: RolloutInfo;
  workload?: WorkloadInfo;
  service?: NameAndSpecData;
  trafficRouting?: TrafficRoutingInfo;
}

export interface NameAndSpecData {
  name: string;
  /** @preserveUnknownFields */
  data?: unknown;
}

export interface RolloutInfo extends NameAndSpecData {
  rolloutID: string;
}

export interface WorkloadInfo extends NameAndSpecData {
  apiVersion?: string;
  kind?: string;
}

export interface TrafficRoutingInfo {
  ingress?: NameAndSpecData;
  httpRoute?: NameAndSpecData;
}
