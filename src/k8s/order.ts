// A stable, documented output order: the order an installer applies kinds in (Namespaces and
// config first, then Kruise's SidecarSets before the workloads they select), then by
// namespace and name. Whatever order the input files come in, output is the same.
import type { Resource } from '../api/resource.js';

const KIND_ORDER = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim',
  'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList',
  'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'ControllerRevision', 'Service',
  'SidecarSet', 'PodUnavailableBudget', 'WorkloadSpread', 'ResourceDistribution',
  'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler',
  'StatefulSet', 'CloneSet', 'UnitedDeployment', 'Job', 'CronJob', 'BroadcastJob', 'AdvancedCronJob',
  'Rollout', 'IngressClass', 'Ingress', 'APIService',
];
const RANK = new Map(KIND_ORDER.map((k, i) => [k, i]));

export function kindRank(kind: string): number {
  return RANK.get(kind) ?? KIND_ORDER.length;
}

function key(r: Resource): string[] {
  const m = r.obj.metadata ?? {};
  return [r.obj.kind, r.obj.apiVersion, m.namespace ?? '', m.name ?? m.generateName ?? ''];
}

export function compareResources(a: Resource, b: Resource): number {
  const ra = kindRank(a.obj.kind), rb = kindRank(b.obj.kind);
  if (ra !== rb) return ra - rb;
  return compareKeys(key(a), key(b)) || compareOrigins(a, b);
}

function compareKeys(ka: string[], kb: string[]): number {
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

/** Same identity (e.g. unnamed pods with generateName): where they came from decides. */
function compareOrigins(a: Resource, b: Resource): number {
  const oa = a.origin, ob = b.origin;
  if (oa && ob) {
    if (oa.file !== ob.file) return oa.file < ob.file ? -1 : 1;
    return oa.doc - ob.doc || (oa.item ?? 0) - (ob.item ?? 0);
  }
  return 0;
}

/** Sorts in place by compareResources. Each resource's key is worked out once, as one
 *  string: its parts joined by NUL, which sorts below every character a kind, apiVersion,
 *  namespace or name can hold, so one comparison orders the parts as compareKeys does. */
export function sortResources(resources: Resource[]): Resource[] {
  const keyed = resources.map((r) => ({ r, rank: kindRank(r.obj.kind), key: key(r).join('\0') }));
  keyed.sort((a, b) => a.rank - b.rank || (a.key !== b.key ? (a.key < b.key ? -1 : 1) : compareOrigins(a.r, b.r)));
  for (let i = 0; i < keyed.length; i++) resources[i] = keyed[i].r;
  return resources;
}
