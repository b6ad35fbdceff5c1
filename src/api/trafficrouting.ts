// TrafficRouting (rollouts.kruise.io/v1alpha1): traffic shifting on its own, without a
// Rollout (upstream openkruise/rollouts api/v1alpha1/trafficrouting_types.go).
import type { KubeObject, ObjectMeta } from './resource.js';
import type { HttpHeaderFilter, HttpRouteMatchV1alpha1, TrafficRoutingRef } from './rollout.js';

/** TrafficRouting rollouts.kruise.io/v1alpha1. */
export interface TrafficRouting extends KubeObject {
  apiVersion: 'rollouts.kruise.io/v1alpha1';
  kind: 'TrafficRouting';
  metadata: ObjectMeta;
  spec: TrafficRoutingSpec;
  status?: unknown;
}

export interface TrafficRoutingSpec {
  /** The service and ingress, gateway or custom objects routed. */
  objectRef: TrafficRoutingRef[];
  /** How traffic is split. */
  strategy: TrafficRoutingStrategy;
}

export interface TrafficRoutingStrategy {
  /** Percentage of traffic to the canary.
   *  @format int32 */
  weight?: number;
  /** Headers set on requests routed to the canary. */
  requestHeaderModifier?: HttpHeaderFilter;
  /** Requests routed to the canary by header. */
  matches?: HttpRouteMatchV1alpha1[];
}
