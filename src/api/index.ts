// The registry of kinds kruisec has types (and so schemas) for: apiVersion + kind → the root
// type in src/api. The schema generator walks it to write schemas/<group>/<version>/<Kind>.json,
// and validation uses it to pick the schema of a resource.

export interface ApiKind {
  apiVersion: string;
  kind: string;
  /** Module under src/api (without extension) that declares the root type. */
  module: string;
  /** Name of the exported root interface. */
  type: string;
  /** Cluster-scoped kinds have no namespace. */
  clusterScoped?: boolean;
}

export const API_KINDS: readonly ApiKind[] = [
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', module: 'cloneset', type: 'CloneSetV1alpha1' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'CloneSet', module: 'cloneset', type: 'CloneSet' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'StatefulSet', module: 'statefulset', type: 'AdvancedStatefulSetV1alpha1' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'StatefulSet', module: 'statefulset', type: 'AdvancedStatefulSet' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'DaemonSet', module: 'daemonset', type: 'AdvancedDaemonSetV1alpha1' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'DaemonSet', module: 'daemonset', type: 'AdvancedDaemonSet' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'SidecarSet', module: 'sidecarset', type: 'SidecarSetV1alpha1', clusterScoped: true },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet', module: 'sidecarset', type: 'SidecarSetV1beta1', clusterScoped: true },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'UnitedDeployment', module: 'uniteddeployment', type: 'UnitedDeployment' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'UnitedDeployment', module: 'uniteddeployment', type: 'UnitedDeployment' },
  { apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'Rollout', module: 'rollout', type: 'RolloutV1alpha1' },
  { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', module: 'rollout', type: 'Rollout' },
  // The other kinds Kruise and Kruise Rollouts serve (upstream apis/ folders at master).
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'BroadcastJob', module: 'broadcastjob', type: 'BroadcastJob' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'BroadcastJob', module: 'broadcastjob', type: 'BroadcastJob' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'AdvancedCronJob', module: 'advancedcronjob', type: 'AdvancedCronJobV1alpha1' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'AdvancedCronJob', module: 'advancedcronjob', type: 'AdvancedCronJob' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'ImagePullJob', module: 'imagepulljob', type: 'ImagePullJob' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'ImagePullJob', module: 'imagepulljob', type: 'ImagePullJob' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'ImageListPullJob', module: 'imagepulljob', type: 'ImageListPullJob' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'ImageListPullJob', module: 'imagepulljob', type: 'ImageListPullJob' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'NodeImage', module: 'nodeimage', type: 'NodeImageV1alpha1', clusterScoped: true },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'NodeImage', module: 'nodeimage', type: 'NodeImage', clusterScoped: true },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'WorkloadSpread', module: 'workloadspread', type: 'WorkloadSpreadV1alpha1' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'WorkloadSpread', module: 'workloadspread', type: 'WorkloadSpread' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'ResourceDistribution', module: 'resourcedistribution', type: 'ResourceDistributionV1alpha1', clusterScoped: true },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'ResourceDistribution', module: 'resourcedistribution', type: 'ResourceDistribution', clusterScoped: true },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'ContainerRecreateRequest', module: 'containerrecreaterequest', type: 'ContainerRecreateRequest' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'ContainerRecreateRequest', module: 'containerrecreaterequest', type: 'ContainerRecreateRequest' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'PersistentPodState', module: 'persistentpodstate', type: 'PersistentPodStateV1alpha1' },
  { apiVersion: 'apps.kruise.io/v1beta1', kind: 'PersistentPodState', module: 'persistentpodstate', type: 'PersistentPodState' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'EphemeralJob', module: 'ephemeraljob', type: 'EphemeralJob' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'PodProbeMarker', module: 'podprobemarker', type: 'PodProbeMarker' },
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'NodePodProbe', module: 'podprobemarker', type: 'NodePodProbe', clusterScoped: true },
  { apiVersion: 'policy.kruise.io/v1alpha1', kind: 'PodUnavailableBudget', module: 'podunavailablebudget', type: 'PodUnavailableBudgetV1alpha1' },
  { apiVersion: 'policy.kruise.io/v1beta1', kind: 'PodUnavailableBudget', module: 'podunavailablebudget', type: 'PodUnavailableBudget' },
  { apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'BatchRelease', module: 'batchrelease', type: 'BatchReleaseV1alpha1' },
  { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'BatchRelease', module: 'batchrelease', type: 'BatchRelease' },
  { apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'TrafficRouting', module: 'trafficrouting', type: 'TrafficRouting' },
  { apiVersion: 'rollouts.kruise.io/v1alpha1', kind: 'RolloutHistory', module: 'rollouthistory', type: 'RolloutHistory' },
  // Core Kubernetes kinds, typed by @kubernetes/client-node (kubernetes.ts).
  { apiVersion: 'v1', kind: 'Pod', module: 'kubernetes', type: 'Pod' },
  { apiVersion: 'v1', kind: 'PodTemplate', module: 'kubernetes', type: 'PodTemplate' },
  { apiVersion: 'v1', kind: 'ReplicationController', module: 'kubernetes', type: 'ReplicationController' },
  { apiVersion: 'v1', kind: 'Service', module: 'kubernetes', type: 'Service' },
  { apiVersion: 'v1', kind: 'Endpoints', module: 'kubernetes', type: 'Endpoints' },
  { apiVersion: 'v1', kind: 'ConfigMap', module: 'kubernetes', type: 'ConfigMap' },
  { apiVersion: 'v1', kind: 'Secret', module: 'kubernetes', type: 'Secret' },
  { apiVersion: 'v1', kind: 'Namespace', module: 'kubernetes', type: 'Namespace', clusterScoped: true },
  { apiVersion: 'v1', kind: 'ServiceAccount', module: 'kubernetes', type: 'ServiceAccount' },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', module: 'kubernetes', type: 'PersistentVolumeClaim' },
  { apiVersion: 'v1', kind: 'PersistentVolume', module: 'kubernetes', type: 'PersistentVolume', clusterScoped: true },
  { apiVersion: 'v1', kind: 'LimitRange', module: 'kubernetes', type: 'LimitRange' },
  { apiVersion: 'v1', kind: 'ResourceQuota', module: 'kubernetes', type: 'ResourceQuota' },
  { apiVersion: 'apps/v1', kind: 'Deployment', module: 'kubernetes', type: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', module: 'kubernetes', type: 'StatefulSet' },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', module: 'kubernetes', type: 'DaemonSet' },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', module: 'kubernetes', type: 'ReplicaSet' },
  { apiVersion: 'apps/v1', kind: 'ControllerRevision', module: 'kubernetes', type: 'ControllerRevision' },
  { apiVersion: 'batch/v1', kind: 'Job', module: 'kubernetes', type: 'Job' },
  { apiVersion: 'batch/v1', kind: 'CronJob', module: 'kubernetes', type: 'CronJob' },
  { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', module: 'kubernetes', type: 'HorizontalPodAutoscalerV1' },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', module: 'kubernetes', type: 'HorizontalPodAutoscaler' },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', module: 'kubernetes', type: 'PodDisruptionBudget' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', module: 'kubernetes', type: 'Ingress' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', module: 'kubernetes', type: 'IngressClass', clusterScoped: true },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', module: 'kubernetes', type: 'NetworkPolicy' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', module: 'kubernetes', type: 'Role' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', module: 'kubernetes', type: 'RoleBinding' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', module: 'kubernetes', type: 'ClusterRole', clusterScoped: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', module: 'kubernetes', type: 'ClusterRoleBinding', clusterScoped: true },
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', module: 'kubernetes', type: 'StorageClass', clusterScoped: true },
  { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', module: 'kubernetes', type: 'CSIDriver', clusterScoped: true },
  { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', module: 'kubernetes', type: 'PriorityClass', clusterScoped: true },
  { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', module: 'kubernetes', type: 'Lease' },
  { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', module: 'kubernetes', type: 'EndpointSlice' },
  { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', module: 'kubernetes', type: 'RuntimeClass', clusterScoped: true },
];

const BY_KEY = new Map(API_KINDS.map((k) => [kindKey(k.apiVersion, k.kind), k]));

export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** The registered kind for an apiVersion + kind, if kruisec has a schema for it. */
export function lookupKind(apiVersion: string, kind: string): ApiKind | undefined {
  return BY_KEY.get(kindKey(apiVersion, kind));
}

/** Path of a kind's schema relative to schemas/: `<group>/<version>/<Kind>.json`. */
export function schemaPath(k: Pick<ApiKind, 'apiVersion' | 'kind'>): string {
  return `${k.apiVersion}/${k.kind}.json`;
}

/** Is this API group one kruisec owns schemas for (so an unregistered version/kind there is suspicious)? */
export function isKruiseGroup(apiVersion: string): boolean {
  // Asked of every resource, so no splitting: the group is what comes before the first '/'.
  return apiVersion.startsWith('apps.kruise.io/') || apiVersion.startsWith('rollouts.kruise.io/') || apiVersion.startsWith('policy.kruise.io/');
}
