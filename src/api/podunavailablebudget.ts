// PodUnavailableBudget (policy.kruise.io): like a PodDisruptionBudget, but it also guards
// in-place updates and deletions. v1beta1 (storage) adds protectOperations,
// protectTotalReplicas and ignoredPodSelector, annotations in v1alpha1 (upstream
// apis/policy/v1beta1/podunavailablebudget_types.go).
import type { IntOrString, V1LabelSelector } from './core.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** PodUnavailableBudget policy.kruise.io/v1beta1. */
export interface PodUnavailableBudget extends KubeObject {
  apiVersion: 'policy.kruise.io/v1beta1';
  kind: 'PodUnavailableBudget';
  metadata: ObjectMeta;
  spec: PodUnavailableBudgetSpec;
  status?: unknown;
}

/** PodUnavailableBudget policy.kruise.io/v1alpha1. */
export interface PodUnavailableBudgetV1alpha1 extends KubeObject {
  apiVersion: 'policy.kruise.io/v1alpha1';
  kind: 'PodUnavailableBudget';
  metadata: ObjectMeta;
  spec: PodUnavailableBudgetSpecV1alpha1;
  status?: unknown;
}

export interface PodUnavailableBudgetSpecV1alpha1 {
  /** Pods protected (exactly one of selector and targetRef). */
  selector?: V1LabelSelector;
  /** The workload whose pods are protected (exactly one of selector and targetRef). */
  targetRef?: PubTargetReference;
  /** Most pods unavailable at once, a number or a percentage (one of this and minAvailable).
   *  @intOrString */
  maxUnavailable?: IntOrString;
  /** Fewest pods available at all times, a number or a percentage (one of this and maxUnavailable).
   *  @intOrString */
  minAvailable?: IntOrString;
}

export interface PodUnavailableBudgetSpec extends PodUnavailableBudgetSpecV1alpha1 {
  /** Operations the budget guards: DELETE, UPDATE, EVICT, RESIZE; default all but RESIZE. */
  protectOperations?: ('DELETE' | 'UPDATE' | 'EVICT' | 'RESIZE')[];
  /** Replicas the percentages are taken of, when no workload says it.
   *  @format int32
   *  @minimum 1 */
  protectTotalReplicas?: number;
  /** Pods these select are not protected. */
  ignoredPodSelector?: V1LabelSelector;
}

export interface PubTargetReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
}
