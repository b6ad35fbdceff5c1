// Labels a controller or the API server puts on the pods it creates but that the pod template
// never shows (spec §13.4). A SidecarSet that reads one of them cannot be judged on a template:
// the answer depends on values only known when the pod exists. Which labels, depends on the
// controller that creates the pods.
const JOB = ['controller-uid', 'job-name', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name', 'batch.kubernetes.io/job-completion-index'];
const STATEFUL = ['controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index'];
const DAEMON = ['controller-revision-hash', 'pod-template-generation'];

/** By "<api group>/<kind>" of the workload. */
const BY_WORKLOAD: Record<string, string[]> = {
  'apps/Deployment': ['pod-template-hash'], 'extensions/Deployment': ['pod-template-hash'],
  'apps/ReplicaSet': [], 'extensions/ReplicaSet': [], '/ReplicationController': [],
  'apps/StatefulSet': STATEFUL, 'apps/DaemonSet': DAEMON, 'extensions/DaemonSet': DAEMON,
  'batch/Job': JOB, 'batch/CronJob': JOB,
  'apps.kruise.io/CloneSet': ['controller-revision-hash'],
  'apps.kruise.io/StatefulSet': STATEFUL, 'apps.kruise.io/DaemonSet': DAEMON,
  'apps.kruise.io/BroadcastJob': [],
};
const ALL = new Set(Object.values(BY_WORKLOAD).flat());
// Kruise's controllers also write labels under these prefixes on their pods (instance ids,
// lifecycle states, …); they count when the template does not set them itself.
const KRUISE_PREFIXES = ['apps.kruise.io/', 'lifecycle.apps.kruise.io/'];
const SETS = new Map(Object.entries(BY_WORKLOAD).map(([k, v]) => [k, new Set(v)]));

/** Is `key` a label that only the pods of this workload carry? */
export function isPodOnlyLabel(key: string, templateLabels: Record<string, string> | undefined, workload = ''): boolean {
  const own = SETS.get(workload) ?? ALL;
  if (own.has(key)) return true;
  if (!workload.startsWith('apps.kruise.io/') && SETS.has(workload)) return false;
  if (templateLabels && Object.prototype.hasOwnProperty.call(templateLabels, key)) return false;
  return KRUISE_PREFIXES.some((p) => key.startsWith(p));
}

type Selector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string }[] };
// Asked for every pod about the same (frozen, stored) SidecarSet selectors: answered once each.
const KEYS = new WeakMap<Selector, readonly string[]>();

/** The label keys a selector reads. */
export function selectorKeys(sel: Selector | null | undefined): readonly string[] {
  if (!sel) return [];
  let keys = KEYS.get(sel);
  if (keys === undefined) {
    keys = [...Object.keys(sel.matchLabels ?? {}), ...(sel.matchExpressions ?? []).map((e) => e.key)];
    if (Object.isFrozen(sel)) KEYS.set(sel, keys);
  }
  return keys;
}
