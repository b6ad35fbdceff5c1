// PodProbeMarker and NodePodProbe (apps.kruise.io/v1alpha1): custom probes run by
// kruise-daemon whose results become pod labels, annotations and conditions. Users write
// PodProbeMarkers; Kruise writes the cluster-scoped NodePodProbes from them (upstream
// apis/apps/v1alpha1/pod_probe_marker_types.go, node_pod_probe_types.go).
import type { V1LabelSelector, V1Probe } from './core.js';
import type { KubeObject, ObjectMeta } from './resource.js';

/** PodProbeMarker apps.kruise.io/v1alpha1. */
export interface PodProbeMarker extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'PodProbeMarker';
  metadata: ObjectMeta;
  spec: PodProbeMarkerSpec;
  status?: unknown;
}

/** NodePodProbe apps.kruise.io/v1alpha1. */
export interface NodePodProbe extends KubeObject {
  apiVersion: 'apps.kruise.io/v1alpha1';
  kind: 'NodePodProbe';
  metadata: ObjectMeta;
  spec?: NodePodProbeSpec;
  status?: unknown;
}

export interface PodProbeMarkerSpec {
  /** Pods probed. */
  selector: V1LabelSelector;
  /** The probes, each against one container. */
  probes: PodContainerProbe[];
}

export interface PodContainerProbe {
  /** Unique probe name. */
  name: string;
  /** The container probed. */
  containerName: string;
  /** The probe itself (exec or tcpSocket only). */
  probe: V1Probe;
  /** Labels and annotations set per probe result. */
  markerPolicy?: ProbeMarkerPolicy[];
  /** A pod condition type that mirrors the result. */
  podConditionType?: string;
}

export interface ProbeMarkerPolicy {
  /** Succeeded or Failed.
   *  @webhookEnum */
  state: 'Succeeded' | 'Failed' | 'Unknown';
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface NodePodProbeSpec {
  podProbes?: PodProbe[];
}

export interface PodProbe {
  name: string;
  namespace: string;
  uid: string;
  IP: string;
  probes?: ContainerProbe[];
}

export interface ContainerProbe {
  name: string;
  containerName: string;
  probe: V1Probe;
}
