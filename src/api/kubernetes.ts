// Kubernetes kinds kruisec reads but does not own: Pods and the workloads whose pod templates
// a SidecarSet injects into, and the ControllerRevisions that pin a SidecarSet revision. Their
// schemas come from client-node's models and check value types only (a field client-node does
// not know may be newer than it, and required fields are the API server's business): render
// and plan read these objects, so a list where a map belongs must be reported before they do.
import type {
  V1ControllerRevision, V1CronJob, V1DaemonSet, V1Deployment, V1Job, V1ObjectMeta, V1Pod,
  V1PodTemplateSpec, V1ReplicaSet, V1ReplicationController, V1StatefulSet,
} from '@kubernetes/client-node';

export type Pod = V1Pod;
export type ReplicationController = V1ReplicationController;
export type Deployment = V1Deployment;
export type ReplicaSet = V1ReplicaSet;
export type StatefulSet = V1StatefulSet;
export type DaemonSet = V1DaemonSet;
export type ControllerRevision = V1ControllerRevision;
export type Job = V1Job;
export type CronJob = V1CronJob;

/** Kruise's BroadcastJob, as far as render reads it: the pod template. */
export interface BroadcastJob {
  apiVersion?: string;
  kind?: string;
  metadata?: V1ObjectMeta;
  spec?: { template?: V1PodTemplateSpec };
}
