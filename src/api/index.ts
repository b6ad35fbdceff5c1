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
  /** A kind kruisec reads but does not own (src/api/kubernetes.ts): its schema reports wrong
   *  value types only, neither unknown nor missing fields. */
  typesOnly?: boolean;
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
  { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'BroadcastJob', module: 'kubernetes', type: 'BroadcastJob', typesOnly: true },
  { apiVersion: 'v1', kind: 'Pod', module: 'kubernetes', type: 'Pod', typesOnly: true },
  { apiVersion: 'v1', kind: 'ReplicationController', module: 'kubernetes', type: 'ReplicationController', typesOnly: true },
  { apiVersion: 'apps/v1', kind: 'Deployment', module: 'kubernetes', type: 'Deployment', typesOnly: true },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', module: 'kubernetes', type: 'ReplicaSet', typesOnly: true },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', module: 'kubernetes', type: 'StatefulSet', typesOnly: true },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', module: 'kubernetes', type: 'DaemonSet', typesOnly: true },
  { apiVersion: 'apps/v1', kind: 'ControllerRevision', module: 'kubernetes', type: 'ControllerRevision', typesOnly: true },
  { apiVersion: 'batch/v1', kind: 'Job', module: 'kubernetes', type: 'Job', typesOnly: true },
  { apiVersion: 'batch/v1', kind: 'CronJob', module: 'kubernetes', type: 'CronJob', typesOnly: true },
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
  return apiVersion.startsWith('apps.kruise.io/') || apiVersion.startsWith('rollouts.kruise.io/');
}
