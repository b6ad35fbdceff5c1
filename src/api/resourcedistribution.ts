// ResourceDistribution (apps.kruise.io, cluster-scoped): copies one Secret or ConfigMap into
// many namespaces. v1beta1 (storage) renamed targets.namespaceLabelSelector to
// namespaceSelector (upstream apis/apps/v1beta1/resourcedistribution_types.go).
import type { V1LabelSelector, V1ObjectMeta } from './core.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** ResourceDistribution apps.kruise.io/v1beta1. */
export interface ResourceDistribution extends KubeObject {
  apiVersion: 'apps.kruise.io/v1beta1';
  kind: 'ResourceDistribution';
  metadata: ObjectMeta;
  spec: ResourceDistributionSpec;
  status?: unknown;
}

/** ResourceDistribution apps.kruise.io/v1alpha1. */
export interface ResourceDistributionV1alpha1 extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'ResourceDistribution';
  metadata: ObjectMeta;
  spec: ResourceDistributionSpecV1alpha1;
  status?: unknown;
}

export interface ResourceDistributionSpec {
  /** The Secret or ConfigMap to copy, whole, without a namespace. */
  resource: DistributedResource;
  /** Where to copy it. */
  targets: ResourceDistributionTargets;
}

export interface ResourceDistributionSpecV1alpha1 {
  /** The Secret or ConfigMap to copy, whole, without a namespace. */
  resource: DistributedResource;
  /** Where to copy it. */
  targets: ResourceDistributionTargetsV1alpha1;
}

/** An embedded object: kept as written, checked by the webhook. */
export interface DistributedResource {
  apiVersion: string;
  kind: string;
  metadata?: V1ObjectMeta;
  [field: string]: unknown;
}

interface ResourceDistributionTargetsBase {
  /** Every namespace but the excluded (and kube-system, kube-public). */
  allNamespaces?: boolean;
  excludedNamespaces?: ResourceDistributionTargetNamespaces;
  includedNamespaces?: ResourceDistributionTargetNamespaces;
}

export interface ResourceDistributionTargets extends ResourceDistributionTargetsBase {
  /** Namespaces with these labels. */
  namespaceSelector?: V1LabelSelector;
}

export interface ResourceDistributionTargetsV1alpha1 extends ResourceDistributionTargetsBase {
  /** Namespaces with these labels. */
  namespaceLabelSelector?: V1LabelSelector;
}

export interface ResourceDistributionTargetNamespaces {
  list?: ResourceDistributionNamespace[];
}

export interface ResourceDistributionNamespace {
  name?: string;
}
