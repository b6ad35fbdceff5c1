// Rules of the workload area: what Kruise's admission webhooks (CloneSet, Advanced
// StatefulSet, Advanced DaemonSet) and Kruise Rollouts' Rollout webhook reject, checked
// offline after the same defaulting. Each export is one rule; its id is stable (renaming is
// breaking) and has a heading in docs/rules/workload.md.
import { defineRule } from './rule.js';

type Field = { field: string };
type Value = { field: string; value: string };
type Reason = { field: string; reason: string };

// ---- shared by the workload kinds ----

export const negativeValue = defineRule<Value>({
  id: 'workload-negative-value',
  severity: 'error',
  description: 'A count, partition or duration that must be >= 0 is negative.',
  message: (d) => `${d.field} must be greater than or equal to 0, found ${d.value}`,
  hint: (d) => `set ${d.field} to 0 or more`,
});

export const selectorEmpty = defineRule<{ kind: string }>({
  id: 'workload-selector-empty',
  severity: 'error',
  description: 'The selector has neither matchLabels nor matchExpressions; Kruise rejects an empty selector for its workloads.',
  message: (d) => `empty selector is invalid for ${d.kind}`,
  hint: () => 'select the pods by at least one label, the same label the pod template carries',
});

export const selectorInvalid = defineRule<Reason>({
  id: 'workload-selector-invalid',
  severity: 'error',
  description: 'The label selector is malformed (bad key, value or operator).',
  message: (d) => `invalid selector at ${d.field}: ${d.reason}`,
  hint: () => 'label keys are [prefix/]name, values at most 63 characters; operators are In, NotIn, Exists, DoesNotExist',
});

export const selectorMismatch = defineRule<Record<string, never>>({
  id: 'workload-selector-mismatch',
  severity: 'error',
  description: 'spec.selector does not select the labels of spec.template: the workload would never own its own pods.',
  message: () => '`selector` does not match template `labels`',
  hint: () => 'give spec.template.metadata.labels every label spec.selector requires',
});

export const restartPolicy = defineRule<{ value: string }>({
  id: 'workload-restart-policy',
  severity: 'error',
  description: 'Pods of a long-running workload must restart: restartPolicy can only be Always.',
  message: (d) => `restartPolicy ${JSON.stringify(d.value)} is not supported; only "Always"`,
  hint: () => 'remove restartPolicy or set it to Always',
});

export const activeDeadline = defineRule<{ kind: string }>({
  id: 'workload-active-deadline',
  severity: 'error',
  description: 'activeDeadlineSeconds would kill the pods of a long-running workload; Kruise forbids it.',
  message: (d) => `activeDeadlineSeconds in ${d.kind} is not supported`,
  hint: () => 'remove spec.template.spec.activeDeadlineSeconds',
});

export const updateTypeInvalid = defineRule<{ value: string; allowed: string[] }>({
  id: 'workload-update-type-invalid',
  severity: 'error',
  description: 'updateStrategy.type is not one of the values this kind and apiVersion accept.',
  message: (d) => `updateStrategy type ${JSON.stringify(d.value)} is not supported; must be ${d.allowed.map((a) => `'${a}'`).join(', ')}`,
  hint: (d) => `use one of ${d.allowed.join(', ')} (v1alpha1 CloneSet's type is the pod update policy; v1beta1 moved it to rollingUpdate.podUpdatePolicy)`,
});

export const podUpdatePolicyInvalid = defineRule<{ value: string }>({
  id: 'workload-pod-update-policy-invalid',
  severity: 'error',
  description: 'podUpdatePolicy must be ReCreate, InPlaceIfPossible or InPlaceOnly.',
  message: (d) => `podUpdatePolicy ${JSON.stringify(d.value)} is not supported; must be 'ReCreate', 'InPlaceIfPossible' or 'InPlaceOnly'`,
  hint: () => 'use ReCreate, InPlaceIfPossible or InPlaceOnly (mind the capital C in ReCreate)',
});

export const priorityStrategyInvalid = defineRule<{ reason: string }>({
  id: 'workload-priority-strategy-invalid',
  severity: 'error',
  description: 'priorityStrategy is malformed: both weight and order terms, a weight outside 0..100, an empty or bad selector, or an empty orderedKey.',
  message: (d) => `invalid priorityStrategy: ${d.reason}`,
  hint: () => 'use either weightPriority (weights 0..100, non-empty matchSelector) or orderPriority (non-empty orderedKey), not both',
});

export const scatterStrategyInvalid = defineRule<{ reason: string }>({
  id: 'workload-scatter-strategy-invalid',
  severity: 'error',
  description: 'scatterStrategy has a term with an empty key or the same key/value twice.',
  message: (d) => `invalid scatterStrategy: ${d.reason}`,
  hint: () => 'give every term a key and list each key/value pair once',
});

export const podTemplateInvalid = defineRule<{ field: string; reason: string }>({
  id: 'workload-pod-template-invalid',
  severity: 'error',
  description: 'The pod template breaks Kubernetes pod validation, which the Kruise webhook runs on it (template labels, containers, names, images, volumes and mounts, ports).',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'fix the pod template as you would for a Deployment; `kubectl apply --dry-run=server` of an equivalent Deployment shows the same error',
});

// ---- CloneSet ----

export const clonesetIntOrPercentInvalid = defineRule<Reason>({
  id: 'cloneset-int-or-percent-invalid',
  severity: 'error',
  description: 'partition, maxUnavailable or maxSurge is neither an int nor a percentage Kruise can parse.',
  message: (d) => `${d.field} is invalid: ${d.reason}`,
  hint: (d) => `write ${d.field} as an integer or a percentage such as "20%"`,
});

export const clonesetDecimalPercent = defineRule<Value>({
  id: 'cloneset-decimal-percent',
  severity: 'error',
  description: 'A decimal percentage in maxUnavailable or maxSurge (or scaleStrategy.maxUnavailable): the webhook admits it, but the controller parses it with the Kubernetes integer-percent parser and fails; for updates it then uses 0, which stalls them.',
  message: (d) => `${d.field} ${JSON.stringify(d.value)} is a decimal percentage; the CloneSet controller cannot parse it and uses 0`,
  hint: (d) => `use a whole percentage for ${d.field} (decimals are fine for partition only)`,
});

export const clonesetNoProgress = defineRule<{ field: string }>({
  id: 'cloneset-no-progress',
  severity: 'error',
  description: 'maxUnavailable and maxSurge both resolve to less than one pod: no pod could ever be updated.',
  message: () => 'maxUnavailable and maxSurge should not both be less than 1',
  hint: () => 'allow at least one unavailable pod (maxUnavailable) or one surge pod (maxSurge)',
});

export const clonesetInPlaceOnlySurge = defineRule<{ value: string }>({
  id: 'cloneset-inplace-only-surge',
  severity: 'error',
  description: 'Surge pods cannot be combined with InPlaceOnly updates.',
  message: (d) => `maxSurge ${d.value} cannot be used with InPlaceOnly`,
  hint: () => 'set maxSurge to 0 or use InPlaceIfPossible',
});

export const clonesetPodsToDeleteDuplicate = defineRule<{ names: string[] }>({
  id: 'cloneset-pods-to-delete-duplicate',
  severity: 'error',
  description: 'scaleStrategy.podsToDelete names a pod more than once.',
  message: (d) => `podsToDelete has duplicated items ${d.names.join(', ')}`,
  hint: () => 'list each pod once',
});

export const clonesetPreDownloadParallelism = defineRule<{ value: string; reason: string }>({
  id: 'cloneset-image-predownload-parallelism',
  severity: 'error',
  description: 'inPlaceUpdateStrategy.imagePreDownloadParallelism must be a non-negative integer (no percentage).',
  message: (d) => `imagePreDownloadParallelism ${d.value} is invalid: ${d.reason}`,
  hint: () => 'write a whole number of nodes, e.g. 5',
});

export const clonesetProgressDeadline = defineRule<{ value: string; minReadySeconds: string }>({
  id: 'cloneset-progress-deadline-too-small',
  severity: 'error',
  description: 'v1alpha1 CloneSet: progressDeadlineSeconds must be greater than minReadySeconds (2147483647 means no deadline).',
  message: (d) => `progressDeadlineSeconds ${d.value} must be greater than minReadySeconds (${d.minReadySeconds})`,
  hint: () => 'raise progressDeadlineSeconds above minReadySeconds',
});

// ---- Advanced StatefulSet ----

export const stsPodManagementPolicy = defineRule<{ value: string }>({
  id: 'statefulset-pod-management-policy-invalid',
  severity: 'error',
  description: 'podManagementPolicy must be OrderedReady or Parallel.',
  message: (d) => `podManagementPolicy ${JSON.stringify(d.value)} is not supported; must be 'OrderedReady' or 'Parallel'`,
  hint: () => 'use OrderedReady (the default) or Parallel',
});

export const stsReserveOrdinal = defineRule<{ index: number; value: string; reason: string }>({
  id: 'statefulset-reserve-ordinal-invalid',
  severity: 'error',
  description: 'A reserveOrdinals entry is negative or not a "start-end" range.',
  message: (d) => `reserveOrdinals[${d.index}] ${d.value} is invalid: ${d.reason}`,
  hint: () => 'write non-negative ordinals or ranges such as "3-5" (start <= end)',
});

export const stsMaxUnavailable = defineRule<Value & { reason: string }>({
  id: 'statefulset-max-unavailable-invalid',
  severity: 'error',
  description: 'maxUnavailable must be an int >= 1 or a whole percentage that is not 0%.',
  message: (d) => `${d.field} ${d.value} is invalid: ${d.reason}`,
  hint: () => 'use an integer >= 1 or a percentage such as "20%"',
});

export const stsMaxUnavailableNeedsParallel = defineRule<Value>({
  id: 'statefulset-max-unavailable-needs-parallel',
  severity: 'error',
  description: 'Any maxUnavailable other than the int 1 only works with podManagementPolicy Parallel.',
  message: (d) => `${d.field} ${d.value} can only work with Parallel podManagementPolicy`,
  hint: () => 'set spec.podManagementPolicy: Parallel, or maxUnavailable: 1',
});

export const stsRollingUpdateWithOnDelete = defineRule<Record<string, never>>({
  id: 'statefulset-rolling-update-with-ondelete',
  severity: 'error',
  description: 'updateStrategy.rollingUpdate is set while type is OnDelete.',
  message: () => "rollingUpdate is only allowed for updateStrategy 'RollingUpdate'",
  hint: () => 'remove rollingUpdate or set type: RollingUpdate',
});

export const stsMinReadySeconds = defineRule<{ value: string }>({
  id: 'statefulset-min-ready-seconds-too-large',
  severity: 'error',
  description: 'rollingUpdate.minReadySeconds is capped at 300 seconds.',
  message: (d) => `minReadySeconds ${d.value} must be no more than 300 seconds`,
  hint: () => 'use at most 300',
});

export const stsInPlaceReadinessGate = defineRule<{ policy: string }>({
  id: 'statefulset-inplace-needs-readiness-gate',
  severity: 'error',
  description: 'In-place updates of an Advanced StatefulSet need the InPlaceUpdateReady readiness gate in the pod template (Kruise does not add it for StatefulSets).',
  message: (d) => `template must contain the readiness gate InPlaceUpdateReady when podUpdatePolicy is ${d.policy}`,
  hint: () => 'add `readinessGates: [{conditionType: InPlaceUpdateReady}]` to spec.template.spec',
});

export const stsUnorderedNeedsParallel = defineRule<Record<string, never>>({
  id: 'statefulset-unordered-needs-parallel',
  severity: 'error',
  description: 'rollingUpdate.unorderedUpdate only works with podManagementPolicy Parallel.',
  message: () => 'unorderedUpdate can only work with Parallel podManagementPolicy',
  hint: () => 'set spec.podManagementPolicy: Parallel, or remove unorderedUpdate',
});

export const stsPvcRetentionPolicy = defineRule<Value>({
  id: 'statefulset-pvc-retention-policy-invalid',
  severity: 'error',
  description: 'persistentVolumeClaimRetentionPolicy values must be Retain or Delete.',
  message: (d) => `${d.field} ${JSON.stringify(d.value)} is not supported; must be 'Retain' or 'Delete'`,
  hint: () => 'use Retain or Delete',
});

// ---- Advanced DaemonSet ----

export const dsIntOrPercentInvalid = defineRule<Value & { reason: string }>({
  id: 'daemonset-int-or-percent-invalid',
  severity: 'error',
  description: 'maxUnavailable, maxSurge or partition is not a non-negative int or whole percentage of at most 100%.',
  message: (d) => `${d.field} ${d.value} is invalid: ${d.reason}`,
  hint: () => 'use an integer >= 0 or a percentage such as "10%" (at most 100%)',
});

export const dsSurgeAndUnavailable = defineRule<{ reason: string }>({
  id: 'daemonset-surge-unavailable-conflict',
  severity: 'error',
  description: 'Exactly one of maxUnavailable and maxSurge must be non-zero, and the rolling-update type must agree (no surge for InPlaceIfPossible, no unavailable for Surging).',
  message: (d) => `invalid rolling update: ${d.reason}`,
  hint: () => 'set either maxUnavailable or maxSurge to a non-zero value, and the other to 0',
});

export const dsRollingUpdateType = defineRule<{ value: string }>({
  id: 'daemonset-rolling-update-type-invalid',
  severity: 'error',
  description: 'rollingUpdate.rollingUpdateType must be Standard, Surging or InPlaceIfPossible.',
  message: (d) => `rollingUpdateType ${JSON.stringify(d.value)} is not supported; must be 'Standard', 'Surging' or 'InPlaceIfPossible'`,
  hint: () => 'use Standard, Surging or InPlaceIfPossible',
});

export const dsInPlaceUpdateHook = defineRule<Record<string, never>>({
  id: 'daemonset-inplace-update-hook',
  severity: 'error',
  description: 'Advanced DaemonSet does not support the lifecycle.inPlaceUpdate hook.',
  message: () => 'the inPlaceUpdate lifecycle hook is not supported for DaemonSet',
  hint: () => 'remove spec.lifecycle.inPlaceUpdate',
});

// ---- v1beta1 CloneSet quirk (issue 17) ----

export const clonesetV1beta1SurgeNotCounted = defineRule<{ maxUnavailable: string; maxSurge: string }>({
  id: 'cloneset-v1beta1-surge-not-counted',
  severity: 'error',
  description: 'A v1beta1 CloneSet whose maxUnavailable resolves to less than one pod is refused even with maxSurge >= 1: Kruise\'s v1beta1 webhook reads a shadowed maxSurge (always 0) in its joint check.',
  message: (d) => `maxUnavailable and maxSurge should not both be less than 1 (maxUnavailable ${d.maxUnavailable}, maxSurge ${d.maxSurge}: Kruise's v1beta1 webhook does not count maxSurge here)`,
  hint: () => 'this is Kruise\'s own behaviour at master, not a kruisec choice: set maxUnavailable to 1 or more (maxSurge can stay), or write the CloneSet as apps.kruise.io/v1alpha1, whose webhook counts maxSurge',
});

// ---- Pod lifecycle (lifecycle hooks, container launch priority, readiness gates, probes) ----
// Kruise's webhooks do not check these; the controllers and the pod webhook act on them at
// run time. Each rule says what goes wrong in the cluster.

export const lifecycleHookLabelInvalid = defineRule<{ hook: string; key: string; reason: string }>({
  id: 'lifecycle-hook-label-invalid',
  severity: 'warning',
  description: 'A lifecycle hook\'s labelsHandler holds a label no pod can carry (bad key or value): the hook can never be met, so preNormal pods wait forever and preDelete / inPlaceUpdate never hold a pod.',
  message: (d) => `lifecycle.${d.hook}.labelsHandler ${JSON.stringify(d.key)}: ${d.reason}; no pod can carry this label, so the hook never matches`,
  hint: () => 'label keys are [prefix/]name (name at most 63 characters of [A-Za-z0-9_.-]); values at most 63 characters of the same set',
});

export const lifecycleHookFinalizerInvalid = defineRule<{ hook: string; finalizer: string; reason: string }>({
  id: 'lifecycle-hook-finalizer-invalid',
  severity: 'warning',
  description: 'A lifecycle hook\'s finalizersHandler names a finalizer the API server refuses on a pod: the hook can never be met.',
  message: (d) => `lifecycle.${d.hook}.finalizersHandler ${JSON.stringify(d.finalizer)}: ${d.reason}; no pod can carry this finalizer, so the hook never matches`,
  hint: () => 'use a domain-qualified name such as example.com/hold',
});

export const lifecycleHookNotInTemplate = defineRule<{ hook: string; missing: string }>({
  id: 'lifecycle-hook-not-in-template',
  severity: 'info',
  description: 'A preDelete or inPlaceUpdate hook holds a pod only while the pod carries one of its labels or finalizers; the pod template carries none, so something else must add them.',
  message: (d) => `lifecycle.${d.hook}: the pod template carries none of ${d.missing}; pods are held only if another controller adds them`,
  hint: () => 'put the hook label in spec.template.metadata.labels (or the finalizer in metadata.finalizers) if every pod should be held',
});

export const launchPriorityInvalid = defineRule<{ container: string; value: string }>({
  id: 'launch-priority-value-invalid',
  severity: 'error',
  description: 'A container\'s KRUISE_CONTAINER_PRIORITY env is not an integer (or comes from valueFrom): Kruise\'s pod webhook fails to parse it and refuses to create the pod.',
  message: (d) => `container ${d.container}: KRUISE_CONTAINER_PRIORITY ${d.value} is not an integer; Kruise's pod webhook refuses pods with it`,
  hint: () => 'write the priority as a literal integer value, e.g. value: "100" (higher starts first)',
});

export const launchPriorityAnnotationInvalid = defineRule<{ value: string }>({
  id: 'launch-priority-annotation-invalid',
  severity: 'warning',
  description: 'apps.kruise.io/container-launch-priority has a value other than Ordered; Kruise ignores it.',
  message: (d) => `apps.kruise.io/container-launch-priority ${JSON.stringify(d.value)} is ignored; the only value Kruise acts on is "Ordered"`,
  hint: () => 'write Ordered (containers start in list order), or use KRUISE_CONTAINER_PRIORITY env vars',
});

export const launchPriorityConflict = defineRule<{ containers: string }>({
  id: 'launch-priority-conflict',
  severity: 'warning',
  description: 'The Ordered annotation and KRUISE_CONTAINER_PRIORITY env vars are both set; the annotation wins and the env priorities are ignored.',
  message: (d) => `apps.kruise.io/container-launch-priority: Ordered overrides the KRUISE_CONTAINER_PRIORITY of ${d.containers}; containers start in list order`,
  hint: () => 'keep one of them: the annotation for list order, or the env vars for explicit priorities',
});

export const launchPriorityIgnored = defineRule<{ reason: string }>({
  id: 'launch-priority-ignored',
  severity: 'info',
  description: 'Container launch priority is asked for but Kruise does nothing with it: one container only, priorities all equal, or set on init containers.',
  message: (d) => `container launch priority has no effect: ${d.reason}`,
  hint: () => 'remove it, or give the app containers different KRUISE_CONTAINER_PRIORITY values',
});

export const inPlaceWithoutReadinessProbe = defineRule<{ containers: string; policy: string }>({
  id: 'inplace-without-readiness-probe',
  severity: 'info',
  description: 'In-place update restarts containers inside the running pod; a container without a readinessProbe is Ready the moment it starts, so the pod rejoins its Services before the new version can serve.',
  message: (d) => `podUpdatePolicy ${d.policy}: container ${d.containers} has no readinessProbe; after an in-place restart the pod is marked Ready (and gets traffic) as soon as the process starts`,
  hint: () => 'add a readinessProbe that passes only when the container can serve',
});

export const probeMarkerContainerMissing = defineRule<{ probe: string; container: string; workloads: string }>({
  id: 'podprobemarker-container-missing',
  severity: 'warning',
  description: 'A PodProbeMarker probe names a container that the pods of a matching workload do not have; kruise-daemon never runs it there and its marks are never set.',
  message: (d) => `probe ${d.probe}: container ${d.container} is not in the pod template of ${d.workloads}`,
  hint: () => 'fix containerName, or narrow spec.selector to the workloads that run the container (a SidecarSet-injected container also counts: check the render output)',
});

// ---- Workload classification advice (seed "Kruise Workload Classification Guidance") ----

export const adviceCloneSetForStatefulSet = defineRule<{ kind: string; reason: string }>({
  id: 'advice-cloneset-for-statefulset',
  severity: 'info',
  description: 'A StatefulSet or Advanced StatefulSet uses nothing that needs a stable identity; a CloneSet would serve it and adds selective pod deletion and in-place update.',
  message: (d) => `advice: this ${d.kind} ${d.reason}; a CloneSet would serve it, with selective deletion (podsToDelete) and in-place update`,
  hint: () => 'keep the StatefulSet if the pods rely on their ordinal names; otherwise consider apps.kruise.io CloneSet',
});

export const adviceCloneSetForDeployment = defineRule<{ kind: string; reason: string }>({
  id: 'advice-cloneset-for-deployment',
  severity: 'info',
  description: 'A Deployment recreates pods for every template change; as a CloneSet it would update images in place, keeping the pod, its IP and its node.',
  message: (d) => `advice: ${d.reason}; as a CloneSet this Deployment would gain in-place update (an image change restarts the container only, keeping the pod, its IP and node) and selective pod deletion`,
  hint: () => 'consider apps.kruise.io CloneSet with podUpdatePolicy InPlaceIfPossible; field names are those of a Deployment',
});

// ---- Rollout ----

export const rolloutStrategy = defineRule<{ reason: string }>({
  id: 'rollout-strategy-invalid',
  severity: 'error',
  description: 'A Rollout needs exactly one of strategy.canary and strategy.blueGreen.',
  message: (d) => `invalid strategy: ${d.reason}`,
  hint: () => 'set exactly one of spec.strategy.canary or spec.strategy.blueGreen',
});

export const rolloutNoSteps = defineRule<Record<string, never>>({
  id: 'rollout-no-steps',
  severity: 'error',
  description: 'A Rollout needs at least one step.',
  message: () => 'the number of steps cannot be empty',
  hint: () => 'add steps, e.g. `- replicas: 20%` … `- replicas: 100%`',
});

export const rolloutStepReplicasMissing = defineRule<{ index: number }>({
  id: 'rollout-step-replicas-missing',
  severity: 'error',
  description: 'Every step must say how many pods run the new revision (v1alpha1 also accepts weight).',
  message: (d) => `steps[${d.index}]: replicas cannot be empty`,
  hint: () => 'set replicas to an int or a percentage such as "20%"',
});

export const rolloutStepReplicasInvalid = defineRule<{ index: number; value: string }>({
  id: 'rollout-step-replicas-invalid',
  severity: 'error',
  description: 'A step replicas must be a positive int, or a whole percentage in (0%, 100%].',
  message: (d) => `steps[${d.index}].replicas ${d.value} must be a positive number, or a percentage with "0%" < replicas <= "100%"`,
  hint: () => 'use an int >= 1 or a whole percentage from "1%" to "100%"',
});

export const rolloutStepsDecreasing = defineRule<{ index: number; field: string }>({
  id: 'rollout-steps-decreasing',
  severity: 'error',
  description: 'Consecutive steps of the same form (both ints or both percentages) must not decrease.',
  message: (d) => `steps[${d.index}].${d.field} is smaller than the step before: steps must be a non-decreasing sequence`,
  hint: () => 'order the steps so that each releases at least as many pods as the one before',
});

export const rolloutStepTrafficInvalid = defineRule<{ index: number; value: string; range: string }>({
  id: 'rollout-step-traffic-invalid',
  severity: 'error',
  description: 'A step traffic must be a whole percentage: above 0% for canary, 0% allowed for blue-green, at most 100%.',
  message: (d) => `steps[${d.index}].traffic ${d.value} must be a percentage with ${d.range}`,
  hint: () => 'write traffic as a whole percentage such as "20%"',
});

export const rolloutPartitionTrafficLimit = defineRule<{ index: number; value: string }>({
  id: 'rollout-partition-traffic-limit',
  severity: 'error',
  description: 'In a partition-style Rollout, a step that routes traffic may release at most 50% of the pods as a percentage (partition-percent-limit).',
  message: (d) => `steps[${d.index}].replicas ${d.value} is above 50%, the limit for partition-style steps with traffic or matches`,
  hint: () => 'lower the step to 50% or less, or drop its traffic/matches',
});

export const rolloutStepWeightInvalid = defineRule<{ index: number; value: string; reason: string }>({
  id: 'rollout-step-weight-invalid',
  severity: 'error',
  description: 'A v1alpha1 step weight must be in 1..100 (at most 50 for a partition-style Rollout without replicas).',
  message: (d) => `steps[${d.index}].weight ${d.value} is invalid: ${d.reason}`,
  hint: () => 'set a weight from 1 to 100, or set replicas',
});

export const rolloutTrafficRoutingInvalid = defineRule<{ reason: string }>({
  id: 'rollout-traffic-routing-invalid',
  severity: 'error',
  description: 'trafficRoutings is malformed: more than one entry, no service, no ingress/gateway/custom reference, an empty ingress or HTTPRoute name, or a negative grace period.',
  message: (d) => `invalid trafficRoutings: ${d.reason}`,
  hint: () => 'give one trafficRoutings entry with a service and an ingress name, a gateway httpRouteName or customNetworkRefs',
});

export const rolloutBlueGreenWorkload = defineRule<{ kind: string }>({
  id: 'rollout-bluegreen-workload-unsupported',
  severity: 'error',
  description: 'Blue-green Rollouts only support Deployments and CloneSets.',
  message: (d) => `workloadRef kind ${d.kind} is not supported for blue-green style`,
  hint: () => 'use a canary strategy for this workload, or target a Deployment or CloneSet',
});

export const rolloutRollingStyle = defineRule<{ value: string }>({
  id: 'rollout-rolling-style-invalid',
  severity: 'error',
  description: 'The v1alpha1 annotation rollouts.kruise.io/rolling-style must be Canary, Partition or empty.',
  message: (d) => `rolling style ${JSON.stringify(d.value)} must be 'Canary', 'Partition' or empty`,
  hint: () => 'set the annotation to canary or partition, or remove it',
});

export const rolloutWorkloadConflict = defineRule<{ workload: string; other: string }>({
  id: 'rollout-workload-conflict',
  severity: 'error',
  description: 'Two Rollouts in one namespace target the same workload; the webhook admits only one.',
  message: (d) => `this Rollout conflicts with Rollout ${d.other}: both target ${d.workload}`,
  hint: () => 'keep one Rollout per workload',
});

export const rolloutWorkloadMissing = defineRule<{ workload: string }>({
  id: 'rollout-workload-not-found',
  severity: 'warning',
  description: 'The workload the Rollout targets is not among the inputs. The webhook does not require it, but kruisec cannot plan the Rollout without it.',
  message: (d) => `workloadRef ${d.workload} is not among the inputs`,
  hint: () => 'check workloadRef (apiVersion, kind, name) against the workload manifest, or include the workload',
});

export const rolloutFailureThreshold = defineRule<{ value: string }>({
  id: 'rollout-failure-threshold-invalid',
  severity: 'warning',
  description: 'failureThreshold is not an int or a whole percentage. The webhook admits it, but every batch readiness check then fails and the Rollout never advances.',
  message: (d) => `failureThreshold ${d.value} cannot be parsed as an int or a whole percentage`,
  hint: () => 'write failureThreshold as an int or a percentage such as "20%"',
});
