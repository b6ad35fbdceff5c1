// Core Kubernetes kinds a Kruise GitOps repo holds beside its Kruise objects. Their types are
// @kubernetes/client-node's models, generated from the Kubernetes OpenAPI (v1.34 for
// client-node 1.4), aliased here, never retyped: client-node is already kruisec's source of
// the pod template, its models carry each field's JSON name and format at runtime
// (attributeTypeMap, which the schema generator reads) and it is kept in step with Kubernetes
// releases. schemas/README.md says why this package and not another.
import type * as k from '@kubernetes/client-node';

export type Pod = k.V1Pod;
export type PodTemplate = k.V1PodTemplate;
export type ReplicationController = k.V1ReplicationController;
export type Service = k.V1Service;
export type Endpoints = k.V1Endpoints;
export type ConfigMap = k.V1ConfigMap;
export type Secret = k.V1Secret;
export type Namespace = k.V1Namespace;
export type ServiceAccount = k.V1ServiceAccount;
export type PersistentVolumeClaim = k.V1PersistentVolumeClaim;
export type PersistentVolume = k.V1PersistentVolume;
export type LimitRange = k.V1LimitRange;
export type ResourceQuota = k.V1ResourceQuota;
export type Deployment = k.V1Deployment;
export type StatefulSet = k.V1StatefulSet;
export type DaemonSet = k.V1DaemonSet;
export type ReplicaSet = k.V1ReplicaSet;
export type ControllerRevision = k.V1ControllerRevision;
export type Job = k.V1Job;
export type CronJob = k.V1CronJob;
export type HorizontalPodAutoscalerV1 = k.V1HorizontalPodAutoscaler;
export type HorizontalPodAutoscaler = k.V2HorizontalPodAutoscaler;
export type PodDisruptionBudget = k.V1PodDisruptionBudget;
export type Ingress = k.V1Ingress;
export type IngressClass = k.V1IngressClass;
export type NetworkPolicy = k.V1NetworkPolicy;
export type Role = k.V1Role;
export type RoleBinding = k.V1RoleBinding;
export type ClusterRole = k.V1ClusterRole;
export type ClusterRoleBinding = k.V1ClusterRoleBinding;
export type StorageClass = k.V1StorageClass;
export type CSIDriver = k.V1CSIDriver;
export type PriorityClass = k.V1PriorityClass;
export type Lease = k.V1Lease;
export type EndpointSlice = k.V1EndpointSlice;
export type RuntimeClass = k.V1RuntimeClass;
