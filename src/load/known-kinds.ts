// Kinds kruisec recognises. Objects of other kinds are passed through with a warning.
const CORE: Record<string, string[]> = {
  '': ['Namespace', 'Pod', 'Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'PersistentVolume',
    'ReplicationController', 'LimitRange', 'ResourceQuota', 'Endpoints', 'Event', 'PodTemplate', 'List'],
  apps: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'],
  batch: ['Job', 'CronJob'],
  autoscaling: ['HorizontalPodAutoscaler'],
  policy: ['PodDisruptionBudget', 'PodSecurityPolicy'],
  'networking.k8s.io': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'rbac.authorization.k8s.io': ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'VolumeAttachment'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'admissionregistration.k8s.io': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
  'scheduling.k8s.io': ['PriorityClass'],
  'coordination.k8s.io': ['Lease'],
  'discovery.k8s.io': ['EndpointSlice'],
  'node.k8s.io': ['RuntimeClass'],
  'apiregistration.k8s.io': ['APIService'],
  'apps.kruise.io': ['SidecarSet', 'CloneSet', 'StatefulSet', 'DaemonSet', 'UnitedDeployment', 'BroadcastJob', 'AdvancedCronJob',
    'ImagePullJob', 'NodeImage', 'ResourceDistribution', 'WorkloadSpread', 'EphemeralJob', 'ContainerRecreateRequest', 'ImageListPullJob', 'PersistentPodState', 'PodProbeMarker', 'NodePodProbe'],
  'policy.kruise.io': ['PodUnavailableBudget'],
  'rollouts.kruise.io': ['Rollout', 'BatchRelease', 'TrafficRouting', 'RolloutHistory'],
};

const KNOWN = new Set(Object.entries(CORE).flatMap(([g, kinds]) => kinds.map((k) => `${g}/${k}`)));

export function isKnownKind(apiVersion: string, kind: string): boolean {
  // Asked of every resource: answered once per apiVersion and kind.
  let kinds = VERDICTS.get(apiVersion);
  if (kinds === undefined) VERDICTS.set(apiVersion, (kinds = new Map()));
  let known = kinds.get(kind);
  if (known === undefined) {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    kinds.set(kind, (known = KNOWN.has(`${group}/${kind}`)));
  }
  return known;
}

const VERDICTS = new Map<string, Map<string, boolean>>();

/** Kinds that live outside namespaces (metadata.namespace is ignored for them). */
const CLUSTER_SCOPED = new Set(['Namespace', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass',
  'CustomResourceDefinition', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'PriorityClass',
  'SidecarSet', 'NodeImage', 'NodePodProbe', 'ResourceDistribution', 'Node', 'IngressClass', 'CSINode', 'RuntimeClass', 'APIService', 'CSIDriver', 'VolumeAttachment',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}
