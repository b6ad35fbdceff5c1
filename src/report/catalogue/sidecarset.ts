// Rules of the sidecarset area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/sidecarset.md. They mirror Kruise's SidecarSet validating
// webhook (spec sidecarset-injection.md §12), judged on the defaulted object; messages start
// with the Kubernetes field path the webhook reports, so they can be matched against
// `kubectl apply` errors.
import { defineRule } from './rule.js';

/** `field`: Kubernetes field-path text, e.g. `spec.containers[0].image`. */
interface AtField { field: string }
type Reason = AtField & { reason: string };

// --- metadata (§12.1) ------------------------------------------------------------------------

export const nameInvalid = defineRule<Reason & { name: string }>({
  id: 'sidecarset-name-invalid',
  severity: 'error',
  description: 'metadata.name is not a valid SidecarSet name',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.name)}: ${d.reason}`,
  hint: () => 'use letters, digits and "-" only, at most 63 characters',
});

export const metadataInvalid = defineRule<Reason>({
  id: 'sidecarset-metadata-invalid',
  severity: 'error',
  description: 'metadata is not valid for a cluster-scoped object (namespace, label or annotation syntax)',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'SidecarSets are cluster-scoped: remove metadata.namespace; fix label and annotation keys and values',
});

export const canaryBaseItself = defineRule<AtField & { base: string }>({
  id: 'sidecarset-canary-base-itself',
  severity: 'error',
  description: 'a canary SidecarSet names itself as its base',
  message: (d) => `${d.field}: annotation apps.kruise.io/sidecarset-base=${JSON.stringify(d.base)} names this SidecarSet itself; a canary cannot be its own base`,
  hint: () => 'set apps.kruise.io/sidecarset-base to the name of the SidecarSet this canary replaces',
});

export const canaryBaseNotFound = defineRule<AtField & { base: string }>({
  id: 'sidecarset-canary-base-not-found',
  severity: 'error',
  description: 'the base SidecarSet of a canary does not exist',
  message: (d) => `${d.field}: base SidecarSet ${JSON.stringify(d.base)} (annotation apps.kruise.io/sidecarset-base) is not in the repo`,
  hint: () => 'add the base SidecarSet to the repo or fix the apps.kruise.io/sidecarset-base annotation',
});

export const canaryBaseIsCanary = defineRule<AtField & { base: string }>({
  id: 'sidecarset-canary-base-is-canary',
  severity: 'error',
  description: 'the base SidecarSet of a canary is itself a canary',
  message: (d) => `${d.field}: base SidecarSet ${JSON.stringify(d.base)} (annotation apps.kruise.io/sidecarset-base) is itself a canary; only one canary level is supported`,
  hint: () => 'point apps.kruise.io/sidecarset-base at a SidecarSet that is not a canary',
});

export const canaryRollingUpdate = defineRule<AtField & { type: string; base: string }>({
  id: 'sidecarset-canary-rolling-update',
  severity: 'error',
  description: 'a canary SidecarSet must use updateStrategy.type NotUpdate',
  message: (d) => `${d.field}: canary SidecarSet (annotations apps.kruise.io/sidecarset-canary, apps.kruise.io/sidecarset-base=${JSON.stringify(d.base)}) has updateStrategy.type ${d.type}; only NotUpdate is supported for canaries`,
  hint: () => 'set spec.updateStrategy.type: NotUpdate on the canary SidecarSet',
});

// --- spec (§12.2) -----------------------------------------------------------------------------

export const nativeSidecarRollingUpdate = defineRule<AtField & { container: string }>({
  id: 'sidecarset-native-sidecar-rolling-update',
  severity: 'error',
  description: 'native sidecar init containers (restartPolicy Always) need updateStrategy.type NotUpdate',
  message: (d) => `${d.field}: init container ${JSON.stringify(d.container)} is a native sidecar (restartPolicy: Always), which cannot be upgraded in place; RollingUpdate (the default) is not supported`,
  hint: () => 'set spec.updateStrategy.type: NotUpdate',
});

export const selectorMissing = defineRule<AtField>({
  id: 'sidecarset-selector-missing',
  severity: 'error',
  description: 'spec.selector is missing',
  message: (d) => `${d.field}: Required value: no selector defined for SidecarSet`,
  hint: () => 'add spec.selector.matchLabels naming the labels of the pods that get the sidecars',
});

export const selectorInvalid = defineRule<Reason & { value?: string }>({
  id: 'sidecarset-selector-invalid',
  severity: 'error',
  description: 'a label selector of the SidecarSet is not valid',
  message: (d) => `${d.field}: Invalid value${d.value === undefined ? '' : ` ${JSON.stringify(d.value)}`}: ${d.reason}`,
  hint: () => 'fix the selector key, operator or values',
});

export const selectorEmpty = defineRule<AtField>({
  id: 'sidecarset-selector-empty',
  severity: 'error',
  description: 'a label selector of the SidecarSet is empty',
  message: (d) => `${d.field}: Invalid value: an empty selector is not valid for a SidecarSet`,
  hint: () => 'add matchLabels or matchExpressions, or remove the selector where it is optional',
});

// --- injectionStrategy (§12.2, §3) -------------------------------------------------------------

export const revisionUnset = defineRule<AtField>({
  id: 'sidecarset-revision-unset',
  severity: 'error',
  description: 'injectionStrategy.revision has neither revisionName nor customVersion',
  message: (d) => `${d.field}: revisionName and customVersion cannot both be empty`,
  hint: () => 'set revisionName or customVersion, or remove spec.injectionStrategy.revision',
});

export const revisionNotFound = defineRule<AtField & { what: string; namespace: string }>({
  id: 'sidecarset-revision-not-found',
  severity: 'error',
  description: 'the ControllerRevision named by injectionStrategy.revision is not in the repo',
  message: (d) => `${d.field}: cannot find ControllerRevision ${d.what} in namespace ${d.namespace}`,
  hint: (d) => `add the ControllerRevision (namespace ${d.namespace}) to the repo, or fix spec.injectionStrategy.revision`,
});

export const revisionPolicyInvalid = defineRule<AtField & { policy: string }>({
  id: 'sidecarset-revision-policy-invalid',
  severity: 'error',
  description: 'injectionStrategy.revision.policy is not Always or Partial',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.policy)}: supported values: "Always", "Partial"`,
  hint: () => 'use policy Always or Partial',
});

// --- updateStrategy (§12.2) --------------------------------------------------------------------

export const partitionWithSelector = defineRule<AtField>({
  id: 'sidecarset-partition-with-selector',
  severity: 'error',
  description: 'updateStrategy.partition and updateStrategy.selector are both set',
  message: (d) => `${d.field}: partition and selector cannot be used together`,
  hint: () => 'keep either spec.updateStrategy.partition or spec.updateStrategy.selector',
});

export const intOrPercentInvalid = defineRule<AtField & { value: unknown }>({
  id: 'sidecarset-int-or-percent-invalid',
  severity: 'error',
  description: 'updateStrategy.partition or maxUnavailable is not a non-negative integer or percentage',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.value)}: must be a non-negative integer or a percentage like "10%"`,
  hint: () => 'write a whole number >= 0 or a string "<digits>%"',
});

export const priorityStrategyInvalid = defineRule<Reason>({
  id: 'sidecarset-priority-strategy-invalid',
  severity: 'error',
  description: 'updateStrategy.priorityStrategy is not valid',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'use either weightPriority (weights 0-100, non-empty selectors) or orderPriority (non-empty keys)',
});

export const scatterStrategyInvalid = defineRule<Reason>({
  id: 'sidecarset-scatter-strategy-invalid',
  severity: 'error',
  description: 'updateStrategy.scatterStrategy has an empty or duplicated term',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'give every scatter term a key and list each key/value pair once',
});

// --- containers and volumes (§12.2) ------------------------------------------------------------

export const noContainers = defineRule<AtField>({
  id: 'sidecarset-no-containers',
  severity: 'error',
  description: 'the SidecarSet has neither initContainers nor containers',
  message: (d) => `${d.field}: Required value: no initContainer or container defined for SidecarSet`,
  hint: () => 'add at least one entry to spec.containers or spec.initContainers',
});

export const podInjectPolicyInvalid = defineRule<AtField & { value: string }>({
  id: 'sidecarset-pod-inject-policy-invalid',
  severity: 'error',
  description: 'podInjectPolicy is not BeforeAppContainer or AfterAppContainer',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.value)}: unsupported pod inject policy`,
  hint: () => 'use BeforeAppContainer or AfterAppContainer',
});

export const shareVolumePolicyInvalid = defineRule<AtField & { value: string }>({
  id: 'sidecarset-share-volume-policy-invalid',
  severity: 'error',
  description: 'shareVolumePolicy.type is not enabled or disabled',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.value)}: unsupported share volume policy`,
  hint: () => 'use enabled or disabled',
});

export const transferEnvFieldRefInvalid = defineRule<Reason>({
  id: 'sidecarset-transfer-env-field-ref-invalid',
  severity: 'error',
  description: 'transferEnv sourceContainerNameFrom.fieldRef is not a supported pod label or annotation reference',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => "use fieldPath metadata.labels['<key>'] or metadata.annotations['<key>'] with apiVersion v1",
});

export const containerInvalid = defineRule<Reason & { container: string }>({
  id: 'sidecarset-container-invalid',
  severity: 'error',
  description: 'a sidecar container fails Kubernetes pod validation',
  message: (d) => `${d.field}: ${d.reason}${d.container ? ` (container ${JSON.stringify(d.container)})` : ''}`,
  hint: () => 'fix the container so that a pod holding it would be accepted by the API server',
});

export const volumeInvalid = defineRule<Reason>({
  id: 'sidecarset-volume-invalid',
  severity: 'error',
  description: 'a SidecarSet volume fails Kubernetes pod validation',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'give each volume a unique DNS-label name and exactly one volume source',
});

// --- resourcesPolicy (§12.2, §8) ---------------------------------------------------------------

export const resourcesPolicyNotNative = defineRule<AtField>({
  id: 'sidecarset-resources-policy-not-native',
  severity: 'error',
  description: 'resourcesPolicy on an init container that is not a native sidecar',
  message: (d) => `${d.field}: resourcesPolicy is only supported for init containers with restartPolicy Always`,
  hint: () => 'add restartPolicy: Always to the init container or remove its resourcesPolicy',
});

export const resourcesPolicyWithResources = defineRule<AtField>({
  id: 'sidecarset-resources-policy-with-resources',
  severity: 'error',
  description: 'resourcesPolicy and resources limits/requests are both set',
  message: (d) => `${d.field}: resourcesPolicy and resources cannot be configured together`,
  hint: () => 'remove resources.limits and resources.requests, or remove resourcesPolicy',
});

export const resourcesPolicyRegexInvalid = defineRule<Reason>({
  id: 'sidecarset-resources-policy-regex-invalid',
  severity: 'error',
  description: 'resourcesPolicy.targetContainersNameRegex is empty or not a valid Go regular expression',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'write an RE2 regular expression, e.g. ".*" or "^app-.*$"',
});

export const resourcesPolicyExprMissing = defineRule<AtField>({
  id: 'sidecarset-resources-policy-expr-missing',
  severity: 'error',
  description: 'resourcesPolicy.resourcesExpr has neither limits nor requests',
  message: (d) => `${d.field}: at least one of limits or requests must be configured`,
  hint: () => 'add resourcesExpr.limits or resourcesExpr.requests',
});

export const resourcesPolicyExprInvalid = defineRule<Reason & { expr: string }>({
  id: 'sidecarset-resources-policy-expr-invalid',
  severity: 'error',
  description: 'a resourcesPolicy expression does not evaluate',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.expr)}: invalid expression: ${d.reason}`,
  hint: () => 'use + - * /, parentheses, max(a,b), min(a,b), numbers, percentages, quantities and the variable cpu (cpu fields) or memory (memory fields); the result must not be negative',
});

// --- patchPodMetadata (§12.4) ------------------------------------------------------------------

export const patchMetadataNotAllowed = defineRule<Reason>({
  id: 'sidecarset-patch-metadata-not-allowed',
  severity: 'error',
  description: 'patchPodMetadata is not allowed by the kruise-configuration whitelist',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'add a rule allowing the key to SidecarSet_PatchPodMetadata_WhiteList in ConfigMap kruise-configuration (Kruise namespace), or enable feature gate SidecarSetPatchPodMetadataDefaultsAllowed',
});

export const patchMetadataInvalid = defineRule<Reason>({
  id: 'sidecarset-patch-metadata-invalid',
  severity: 'error',
  description: 'a patchPodMetadata entry is empty, has no policy, or has invalid annotations',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'give every patchPodMetadata entry valid annotations',
});

export const patchMetadataDuplicateKey = defineRule<AtField & { key: string }>({
  id: 'sidecarset-patch-metadata-duplicate-key',
  severity: 'error',
  description: 'two patchPodMetadata entries of one SidecarSet patch the same annotation',
  message: (d) => `${d.field}: patch annotation[${d.key}] already exists in another patchPodMetadata entry`,
  hint: () => 'patch each annotation key in one entry only',
});

// --- conflicts between SidecarSets (§12.6) -----------------------------------------------------

export const containerConflict = defineRule<AtField & { container: string; other: string }>({
  id: 'sidecarset-container-conflict',
  severity: 'error',
  description: 'two SidecarSets that can select the same pod define a container of the same name',
  message: (d) => `${d.field}: container ${d.container} already exists in SidecarSet ${d.other}, whose selectors overlap with this one`,
  hint: () => 'rename one of the containers or make the selectors (or namespaceSelectors) disjoint',
});

export const volumeConflict = defineRule<AtField & { volume: string; other: string }>({
  id: 'sidecarset-volume-conflict',
  severity: 'error',
  description: 'two overlapping SidecarSets define a volume of the same name differently',
  message: (d) => `${d.field}: volume ${d.volume} is in conflict with SidecarSet ${d.other} (same name, different definition)`,
  hint: () => 'use the same definition in both SidecarSets, rename one volume, or make the selectors disjoint',
});

export const annotationConflict = defineRule<AtField & { key: string; other: string }>({
  id: 'sidecarset-annotation-conflict',
  severity: 'error',
  description: 'two overlapping SidecarSets patch the same pod annotation and one of them overwrites it',
  message: (d) => `${d.field}: annotation ${d.key} is in conflict with SidecarSet ${d.other} (one of them uses patchPolicy Overwrite)`,
  hint: () => 'patch the key from one SidecarSet only, or use Retain / MergePatchJson on both',
});

// --- UPDATE only (§12.5): need the object the cluster holds now --------------------------------

export const containerAddedOnUpdate = defineRule<AtField & { container: string }>({
  id: 'sidecarset-container-added-on-update',
  severity: 'error',
  description: 'an update adds or renames a sidecar container',
  message: (d) => `${d.field}: container ${d.container} is not found in the SidecarSet the cluster holds; sidecar containers cannot be added or renamed by an update`,
  hint: () => 'create a new SidecarSet for the new container, or delete and re-create this one',
});

export const upgradeTypeImmutable = defineRule<AtField & { container: string; from: string; to: string }>({
  id: 'sidecarset-upgrade-type-immutable',
  severity: 'error',
  description: "an update changes a sidecar container's upgradeStrategy.upgradeType",
  message: (d) => `${d.field}: container ${d.container} upgradeType is immutable (${d.from} -> ${d.to})`,
  hint: () => 'keep the upgradeType, or delete and re-create the SidecarSet',
});

export const canaryBaseImmutable = defineRule<AtField & { from: string; to: string }>({
  id: 'sidecarset-canary-base-immutable',
  severity: 'error',
  description: 'an update changes the base of a canary SidecarSet',
  message: (d) => `${d.field}: annotations[apps.kruise.io/sidecarset-base] is immutable (${JSON.stringify(d.from)} -> ${JSON.stringify(d.to)})`,
  hint: () => 'keep the base annotation, or create a new canary SidecarSet',
});
