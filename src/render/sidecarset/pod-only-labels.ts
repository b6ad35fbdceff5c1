// Labels a controller or the API server puts on pods but that a pod template never shows
// (spec §13.4). A SidecarSet selector on one of them cannot be judged on a template: the
// answer depends on values only known when the pod is created.
const POD_ONLY_KEYS = new Set([
  'pod-template-hash',                  // Deployment / ReplicaSet
  'controller-revision-hash',           // StatefulSet, DaemonSet, CloneSet, Advanced StatefulSet
  'pod-template-generation',            // DaemonSet
  'statefulset.kubernetes.io/pod-name', // StatefulSet
  'apps.kubernetes.io/pod-index',       // StatefulSet
  'controller-uid', 'job-name',         // Job
  'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name', 'batch.kubernetes.io/job-completion-index',
]);
// Kruise's controllers write labels under these prefixes (instance ids, lifecycle states, …).
const POD_ONLY_PREFIXES = ['apps.kruise.io/', 'lifecycle.apps.kruise.io/'];

/** Is `key` a label only real pods carry? Prefix keys count only when the template lacks them. */
export function isPodOnlyLabel(key: string, templateLabels: Record<string, string> | undefined): boolean {
  if (POD_ONLY_KEYS.has(key)) return true;
  if (templateLabels && Object.prototype.hasOwnProperty.call(templateLabels, key)) return false;
  return POD_ONLY_PREFIXES.some((p) => key.startsWith(p));
}

/** The label keys a selector reads. */
export function selectorKeys(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string }[] } | null | undefined): string[] {
  if (!sel) return [];
  return [...Object.keys(sel.matchLabels ?? {}), ...(sel.matchExpressions ?? []).map((e) => e.key)];
}
