// Rules of the render-sidecarset area (SidecarSet injection, spec sidecarset-injection.md).
// Each export is one rule; its id is stable (renaming is breaking) and has a heading in
// docs/rules/render-sidecarset.md.
import { defineRule } from './rule.js';

interface PodAndSet { pod: string; sidecarSet: string }

export const injectRevisionNotFound = defineRule<PodAndSet & { revision: string; namespace: string }>({
  id: 'inject-revision-not-found',
  severity: 'error',
  description: 'injectionStrategy.revision names a ControllerRevision the repo does not hold; Kruise refuses to create the pod.',
  message: (d) => `${d.pod} would be refused: SidecarSet ${d.sidecarSet} pins ${d.revision}, and no such ControllerRevision exists in namespace ${d.namespace}`,
  hint: (d) => `add the ControllerRevision to the repo (namespace ${d.namespace}, label kruise.io/sidecarset-name=${d.sidecarSet}), or fix or remove spec.injectionStrategy.revision`,
});

export const injectRevisionUnreadable = defineRule<PodAndSet & { revision: string }>({
  id: 'inject-revision-unreadable',
  severity: 'error',
  description: 'The pinned ControllerRevision has data that cannot be applied to the SidecarSet.',
  message: (d) => `${d.pod} would be refused: ControllerRevision ${d.revision} of SidecarSet ${d.sidecarSet} has unreadable data`,
  hint: () => 'revision data must be an object {spec: {...}} as the SidecarSet controller writes it',
});

export const injectPartitionNotPercent = defineRule<PodAndSet & { partition: string }>({
  id: 'inject-partition-not-percent',
  severity: 'error',
  description: 'Partial revision policy with a string partition that is not "<number>%": the webhook fails.',
  message: (d) => `${d.pod} would be refused: SidecarSet ${d.sidecarSet} uses policy Partial with partition ${JSON.stringify(d.partition)}, which is not a percentage`,
  hint: () => 'write spec.updateStrategy.partition as an integer or as "<number>%"',
});

export const injectRandomRevision = defineRule<PodAndSet & { partition: string; chosen: string }>({
  id: 'inject-random-revision',
  severity: 'warning',
  description: 'Partial revision policy with a percentage partition: Kruise picks the revision at random per pod.',
  message: (d) => `${d.pod}: SidecarSet ${d.sidecarSet} picks its revision at random (partition ${d.partition}); rendered with the more likely ${d.chosen} version`,
  hint: () => 'real pods get either version; use an integer partition or policy Always for a deterministic result',
});

export const injectResourcesNoTarget = defineRule<PodAndSet & { container: string; regex: string }>({
  id: 'inject-resources-no-target',
  severity: 'error',
  description: 'A resourcesPolicy finds no target container in the pod; the webhook rejects the pod.',
  message: (d) => `${d.pod} would be refused: resourcesPolicy of sidecar ${d.container} (SidecarSet ${d.sidecarSet}) matches no container with targetContainersNameRegex ${JSON.stringify(d.regex)}`,
  hint: () => 'make targetContainersNameRegex match at least one app container (or native sidecar init container) of the pod',
});

export const injectResourcesExpression = defineRule<PodAndSet & { container: string; error: string }>({
  id: 'inject-resources-expression',
  severity: 'error',
  description: 'A resourcesPolicy expression cannot be evaluated for this pod; the webhook rejects the pod.',
  message: (d) => `${d.pod} would be refused: resourcesPolicy of sidecar ${d.container} (SidecarSet ${d.sidecarSet}) fails: ${d.error}`,
  hint: () => 'check resourcesExpr: one variable (cpu or memory), max/min with two arguments, no negative results',
});

export const injectPatchMetadataMerge = defineRule<PodAndSet & { key: string; error: string }>({
  id: 'inject-patch-metadata-merge',
  severity: 'error',
  description: 'patchPodMetadata MergePatchJson cannot merge into the pod\'s existing annotation; the webhook rejects the pod.',
  message: (d) => `${d.pod} would be refused: SidecarSet ${d.sidecarSet} merges JSON into annotation ${d.key}, but ${d.error}`,
  hint: (d) => `make annotation ${d.key} on the pod a JSON object (or drop it), or use patchPolicy Overwrite`,
});

export const injectInvalidSelector = defineRule<PodAndSet & { field: string; error: string }>({
  id: 'inject-invalid-selector',
  severity: 'error',
  description: 'A SidecarSet selector cannot be evaluated; the webhook fails for every pod it considers.',
  message: (d) => `${d.pod} would be refused: SidecarSet ${d.sidecarSet} has an unusable ${d.field} (${d.error})`,
  hint: () => 'use the operators In, NotIn, Exists, DoesNotExist and valid label keys and values',
});

export const injectInvalidHashAnnotation = defineRule<PodAndSet & { annotation: string; error: string }>({
  id: 'inject-invalid-hash-annotation',
  severity: 'error',
  description: 'The pod carries a kruise.io/sidecarset-hash annotation Kruise cannot read; injection fails.',
  message: (d) => `${d.pod} would be refused: its annotation ${d.annotation} is ${d.error}`,
  hint: (d) => `remove ${d.annotation} from the manifest; Kruise writes it itself`,
});

export const injectDuplicateContainer = defineRule<{ pod: string; container: string; sidecarSets: string }>({
  id: 'inject-duplicate-container',
  severity: 'error',
  description: 'Two injected sidecars have the same name; the API server rejects the pod.',
  message: (d) => `${d.pod} would be refused: container ${d.container} is injected twice (${d.sidecarSets})`,
  hint: () => 'rename one of the sidecar containers, or make the SidecarSets select disjoint pods',
});

export const injectPodOnlyLabel = defineRule<{ workload: string; sidecarSet: string; field: string; key: string }>({
  id: 'inject-pod-only-label',
  severity: 'warning',
  description: 'A SidecarSet reads a label only real pods carry; a pod template cannot be judged on it, so kruisec does not guess.',
  message: (d) => `${d.workload}: cannot judge SidecarSet ${d.sidecarSet} on the template: its ${d.field} reads label ${d.key}, which only the pods get`,
  hint: (d) => d.field.startsWith('transferEnv')
    ? 'the rendered template lacks the env vars a real pod gets from that container; name the source container directly or by a label the template sets'
    : 'select on labels the pod template itself sets; the rendered template shows no sidecar from this SidecarSet',
});

export const injectNamespaceUnknown = defineRule<{ sidecarSet: string; namespace: string }>({
  id: 'inject-namespace-unknown',
  severity: 'warning',
  description: 'A namespaceSelector needs labels of a namespace that neither the repo nor the cluster facts describe.',
  message: (d) => `SidecarSet ${d.sidecarSet}: labels of namespace ${d.namespace} are unknown, so its namespaceSelector is taken as not matching pods there`,
  hint: (d) => `add a Namespace ${d.namespace} manifest with its labels, or list them under namespaceLabels in kruisec.yaml`,
});

export const injectAdmissionMounts = defineRule<{ sidecarSet: string; container: string }>({
  id: 'inject-admission-mounts',
  severity: 'info',
  description: 'shareVolumePolicy also shares mounts that admission plugins add before Kruise (ServiceAccount token, other webhooks); those are not in git.',
  message: (d) => `SidecarSet ${d.sidecarSet}: sidecar ${d.container} shares the app containers' mounts; in the cluster it also gets the mounts admission plugins add before Kruise (e.g. the ServiceAccount token kube-api-access-*), which the rendered pods do not show`,
});

export const injectLaunchPriority = defineRule<{ pod: string; sidecarSet: string }>({
  id: 'inject-launch-priority',
  severity: 'info',
  description: 'Container launch priority makes the webhook add an env var naming the pod; it cannot be rendered without the pod name.',
  message: (d) => `${d.pod}: with SidecarSet ${d.sidecarSet}, Kruise also adds KRUISE_CONTAINER_BARRIER (ConfigMap <pod-name>-barrier), which depends on the pod name and is not rendered`,
});

export const injectOrderObservable = defineRule<{ sidecarSets: string; side: string }>({
  id: 'inject-order-observable',
  severity: 'info',
  description: 'Several SidecarSets add containers on the same side; Kruise leaves their order unspecified and kruisec orders them by name.',
  message: (d) => `SidecarSets ${d.sidecarSets} add containers ${d.side} the app containers of the same pods; Kruise leaves their order open, kruisec orders them by SidecarSet name and a live pod may differ`,
});
