// Rules of the uniteddeployment area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/uniteddeployment.md. Admission rules mirror Kruise's
// validating webhook (spec uniteddeployment.md §6.2); messages start with the Kubernetes
// field path the webhook reports, so users can match them against `kubectl apply` errors.
import { defineRule } from './rule.js';

/** `field`: Kubernetes field-path text, e.g. `spec.topology.subsets[3].minReplicas`. */
interface AtField { field: string }

export const nameInvalid = defineRule<AtField & { name: string; reason: string }>({
  id: 'uniteddeployment-name-invalid',
  severity: 'error',
  description: 'metadata.name is not a DNS-1123 subdomain',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.name)}: ${d.reason}`,
  hint: () => 'use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters',
});

export const replicasNegative = defineRule<AtField & { value: number }>({
  id: 'uniteddeployment-replicas-negative',
  severity: 'error',
  description: 'spec.replicas is negative',
  message: (d) => `${d.field}: Invalid value ${d.value}: must be greater than or equal to 0`,
  hint: () => 'set spec.replicas to 0 or more',
});

export const selectorRequired = defineRule<AtField>({
  id: 'uniteddeployment-selector-required',
  severity: 'error',
  description: 'spec.selector is missing',
  message: (d) => `${d.field}: Required value`,
  hint: () => 'add spec.selector.matchLabels with labels the workload template carries',
});

export const selectorInvalid = defineRule<AtField & { reason: string }>({
  id: 'uniteddeployment-selector-invalid',
  severity: 'error',
  description: 'spec.selector is not a valid label selector',
  message: (d) => `${d.field}: Invalid value: ${d.reason}`,
  hint: () => 'fix the selector key, operator or values',
});

export const selectorEmpty = defineRule<AtField>({
  id: 'uniteddeployment-selector-empty',
  severity: 'error',
  description: 'spec.selector selects everything (no labels, no expressions)',
  message: (d) => `${d.field}: Invalid value: empty selector is invalid`,
  hint: () => 'add matchLabels that the workload template labels carry',
});

export const selectorWithoutMatchLabels = defineRule<AtField>({
  id: 'uniteddeployment-selector-without-match-labels',
  severity: 'error',
  description: 'spec.selector has only matchExpressions; the controller writes into matchLabels and never provisions subsets',
  message: (d) => `${d.field}: the selector has no matchLabels; the UnitedDeployment controller adds the subset label to matchLabels and fails on an expression-only selector, so no subset would ever be created`,
  hint: () => 'add at least one matchLabels entry (also present in the template labels)',
});

export const reservationStateful = defineRule<AtField & { template: string }>({
  id: 'uniteddeployment-reservation-stateful',
  severity: 'error',
  description: 'reserveUnschedulablePods is used with a StatefulSet or Advanced StatefulSet template',
  message: (d) => `${d.field}: Invalid value: only stateless workloads (Deployment and CloneSet) are supported by reserved rescheduling, not ${d.template}`,
  hint: () => 'drop adaptive.reserveUnschedulablePods, or use a deploymentTemplate or cloneSetTemplate',
});

export const templateRequired = defineRule<AtField>({
  id: 'uniteddeployment-template-required',
  severity: 'error',
  description: 'no workload template is given',
  message: (d) => `${d.field}: Required value: should provide one of statefulSetTemplate, advancedStatefulSetTemplate, cloneSetTemplate, or deploymentTemplate`,
  hint: () => 'add exactly one of the four templates under spec.template',
});

export const templateMultiple = defineRule<AtField & { templates: string[] }>({
  id: 'uniteddeployment-template-multiple',
  severity: 'error',
  description: 'more than one workload template is given',
  message: (d) => `${d.field}: Invalid value: should provide only one of statefulSetTemplate, advancedStatefulSetTemplate, cloneSetTemplate, or deploymentTemplate (found ${d.templates.join(', ')})`,
  hint: () => 'keep one template and delete the others',
});

export const templateLabelsMismatch = defineRule<AtField>({
  id: 'uniteddeployment-template-labels-mismatch',
  severity: 'error',
  description: 'spec.selector does not match the workload template labels',
  message: (d) => `${d.field}: Invalid value: \`selector\` does not match template \`labels\``,
  hint: () => 'add the selector matchLabels to the template metadata.labels',
});

export const templateReplicasSet = defineRule<AtField & { template: string }>({
  id: 'uniteddeployment-template-replicas-set',
  severity: 'error',
  description: 'replicas is set inside the workload template',
  message: (d) => `${d.field}: Invalid value: replicas in ${d.template} will not be used`,
  hint: () => 'remove it; set spec.replicas and topology.subsets[].replicas instead',
});

export const templatePartitionSet = defineRule<AtField & { template: string }>({
  id: 'uniteddeployment-template-partition-set',
  severity: 'error',
  description: 'rollingUpdate.partition is set inside a RollingUpdate StatefulSet template',
  message: (d) => `${d.field}: Invalid value: partition in ${d.template} will not be used`,
  hint: () => 'remove it; set spec.updateStrategy.manualUpdate.partitions per subset instead',
});

export const podTemplateInvalid = defineRule<AtField & { reason: string }>({
  id: 'uniteddeployment-pod-template-invalid',
  severity: 'error',
  description: 'the workload spec or its pod template fails the Kubernetes workload validation the webhook runs',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'fix the field; the same check runs when the subset workloads are created',
});

export const subsetReplicasInvalid = defineRule<AtField & { value: unknown; reason: string }>({
  id: 'uniteddeployment-subset-replicas-invalid',
  severity: 'error',
  description: 'a subset replicas/minReplicas/maxReplicas value is not a valid count or percentage',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.value)}: ${d.reason}`,
  hint: () => 'use an integer >= 0 or an integer percentage "0%".."100%" (percentages need spec.replicas)',
});

export const subsetMinAboveMax = defineRule<AtField & { index: number; min: number; max: number }>({
  id: 'uniteddeployment-subset-min-above-max',
  severity: 'error',
  description: 'a subset minReplicas is greater than its maxReplicas',
  message: (d) => `${d.field}: Invalid value: subset[${d.index}].minReplicas (${d.min}) must be less than or equal to maxReplicas (${d.max})`,
  hint: () => 'lower minReplicas or raise maxReplicas',
});

export const subsetReplicasExclusive = defineRule<AtField>({
  id: 'uniteddeployment-subset-replicas-exclusive',
  severity: 'error',
  description: 'subset replicas and minReplicas/maxReplicas are both used',
  message: (d) => `${d.field}: Invalid value: subset.Replicas and subset.MinReplicas/subset.MaxReplicas are mutually exclusive in a UnitedDeployment`,
  hint: () => 'pin subsets with replicas, or bound them with minReplicas/maxReplicas, not both',
});

export const elasticReplicasUnset = defineRule<AtField>({
  id: 'uniteddeployment-elastic-replicas-unset',
  severity: 'error',
  description: 'minReplicas/maxReplicas are used without spec.replicas',
  message: (d) => `${d.field}: Invalid value: spec.replicas must be not empty if you set subset.minReplicas/maxReplicas`,
  hint: () => 'set spec.replicas',
});

export const elasticAllMax = defineRule<AtField & { count: number }>({
  id: 'uniteddeployment-elastic-all-max',
  severity: 'error',
  description: 'every subset has maxReplicas, so replicas could be left without a subset',
  message: (d) => `${d.field}: Invalid value ${d.count}: at least one subset.maxReplicas must be empty`,
  hint: () => 'remove maxReplicas from one subset (usually the last) so it takes what is left',
});

export const elasticMinSum = defineRule<AtField & { sumMin: number; sumMax: number }>({
  id: 'uniteddeployment-elastic-min-sum',
  severity: 'error',
  description: 'the sum of minReplicas is greater than the sum of maxReplicas',
  message: (d) => `${d.field}: Invalid value ${d.sumMin}: sum of indicated subset.minReplicas should not be greater than sum of indicated subset.maxReplicas (${d.sumMax})`,
  hint: () => 'lower some minReplicas or raise some maxReplicas',
});

export const pinnedSumExceeds = defineRule<AtField & { sum: number; total: number; defaulted: boolean }>({
  id: 'uniteddeployment-pinned-sum-exceeds',
  severity: 'error',
  description: 'the pinned subset replicas add up to more than spec.replicas',
  message: (d) => `${d.field}: Invalid value ${d.sum}: sum of indicated subset replicas ${d.sum} should not be greater than UnitedDeployment replicas ${d.total}${d.defaulted ? ' (spec.replicas was omitted and Kruise defaults it to 1)' : ''}`,
  hint: (d) => d.defaulted ? 'set spec.replicas to the sum of the subset replicas' : 'lower the subset replicas or raise spec.replicas',
});

export const pinnedSumMismatch = defineRule<AtField & { sum: number; total: number; defaulted: boolean }>({
  id: 'uniteddeployment-pinned-sum-mismatch',
  severity: 'error',
  description: 'every subset is pinned but the pinned replicas do not add up to spec.replicas',
  message: (d) => `${d.field}: Invalid value ${d.sum}: if replicas of all subsets are provided, the sum of indicated subset replicas ${d.sum} should equal UnitedDeployment replicas ${d.total}${d.defaulted ? ' (spec.replicas was omitted and Kruise defaults it to 1)' : ''}`,
  hint: (d) => d.defaulted ? 'set spec.replicas to the sum of the subset replicas' : 'make the subset replicas add up to spec.replicas, or leave one subset unpinned',
});

export const pinnedWithoutTotal = defineRule<AtField>({
  id: 'uniteddeployment-pinned-without-total',
  severity: 'error',
  description: 'spec.replicas is unset and some subset is not pinned',
  message: (d) => `${d.field}: Invalid value: if UnitedDeployment replicas is not provided, replicas of all subsets should be provided`,
  hint: () => 'set spec.replicas',
});

export const subsetNameRequired = defineRule<AtField>({
  id: 'uniteddeployment-subset-name-required',
  severity: 'error',
  description: 'a subset has no name',
  message: (d) => `${d.field}: Required value`,
  hint: () => 'give every subset a unique DNS-1123 label name',
});

export const subsetNameDuplicate = defineRule<AtField & { name: string }>({
  id: 'uniteddeployment-subset-name-duplicate',
  severity: 'error',
  description: 'two subsets share a name',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.name)}: duplicated subset name ${d.name}`,
  hint: () => 'rename one of the subsets',
});

export const subsetNameInvalid = defineRule<AtField & { name: string; reason: string }>({
  id: 'uniteddeployment-subset-name-invalid',
  severity: 'error',
  description: 'a subset name is not a DNS-1123 label',
  message: (d) => `${d.field}: Invalid value ${JSON.stringify(d.name)}: invalid subset name ${d.reason}`,
  hint: () => 'use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
});

export const nodeSelectorTermInvalid = defineRule<AtField & { reason: string }>({
  id: 'uniteddeployment-node-selector-term-invalid',
  severity: 'error',
  description: 'a subset nodeSelectorTerm is not a valid required node-affinity term',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'In/NotIn need values, Exists/DoesNotExist take none, Gt/Lt take one integer; matchFields only support metadata.name with In/NotIn and one value',
});

export const tolerationInvalid = defineRule<AtField & { reason: string }>({
  id: 'uniteddeployment-toleration-invalid',
  severity: 'error',
  description: 'a subset toleration is invalid',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'check key, operator (Exists takes no value), effect and tolerationSeconds (NoExecute only)',
});

export const adaptiveSubsetReplicas = defineRule<AtField>({
  id: 'uniteddeployment-adaptive-subset-replicas',
  severity: 'error',
  description: 'a subset pins replicas while the schedule strategy is Adaptive',
  message: (d) => `${d.field}: Forbidden: specify replicas use minReplicas/maxReplicas to enable adaptive strategy`,
  hint: () => 'replace replicas with minReplicas/maxReplicas, or drop the Adaptive strategy',
});

export const partitionUnknownSubset = defineRule<AtField & { subset: string }>({
  id: 'uniteddeployment-partition-unknown-subset',
  severity: 'error',
  description: 'manualUpdate.partitions names a subset that is not declared',
  message: (d) => `${d.field}: Invalid value: subset ${d.subset} does not exist`,
  hint: () => 'remove the entry or fix the subset name',
});

export const updateStrategyType = defineRule<AtField & { value: string }>({
  id: 'uniteddeployment-update-strategy-type',
  severity: 'error',
  description: 'updateStrategy.type is not Manual',
  message: (d) => `${d.field}: Unsupported value: ${JSON.stringify(d.value)}: supported values: "Manual", ""`,
  hint: () => 'use type: Manual (or omit it)',
});

// ---- render ----

export const allocationFailed = defineRule<AtField & { reason: string }>({
  id: 'uniteddeployment-allocation-failed',
  severity: 'error',
  description: 'the replica allocator fails; the controller would create, update and delete nothing',
  message: (d) => `${d.field}: specified subset replicas is ineffective: ${d.reason}`,
  hint: () => 'fix the subset replicas so they add up to spec.replicas',
});

export const patchInvalid = defineRule<AtField & { subset: string; reason: string }>({
  id: 'uniteddeployment-patch-invalid',
  severity: 'error',
  description: 'a subset patch cannot be applied to the pod template; the controller never creates that subset',
  message: (d) => `${d.field}: subset ${d.subset}: the patch cannot be applied to the pod template: ${d.reason}`,
  hint: () => 'write the patch as a pod template fragment: {metadata: ..., spec: ...}',
});

export const allocationRuntimeDependent = defineRule<AtField & { allocator: string }>({
  id: 'uniteddeployment-allocation-runtime-dependent',
  severity: 'info',
  description: 'the rendered allocation is for a fresh install; the Adaptive allocators move replicas at runtime',
  message: (d) => `${d.field}: the ${d.allocator} allocator depends on live pod status; the rendered replicas are those of a fresh install with every subset schedulable`,
  hint: () => 'expect replicas to move to later subsets while pods of earlier subsets stay unschedulable',
});

// ---- update-only (old -> new) ----

export const subsetPlacementChanged = defineRule<AtField & { subset: string; what: string; base?: string }>({
  id: 'uniteddeployment-subset-placement-changed',
  severity: 'error',
  description: 'an existing subset changes its nodeSelectorTerm or tolerations, which are immutable',
  message: (d) => `${d.field}: Forbidden: may not be changed in an update (subset ${d.subset}: ${d.what}${d.base !== undefined ? `, base: ${d.base}` : ''})`,
  hint: () => 'add a new subset with the new placement and remove the old one instead',
});

export const templateSpecChangeForbidden = defineRule<AtField & { template: string; allowed: string; changes?: string }>({
  id: 'uniteddeployment-template-spec-change-forbidden',
  severity: 'error',
  description: 'a StatefulSet or Advanced StatefulSet template changes a spec field other than the updatable ones',
  message: (d) => `${d.field}: Forbidden: updates to ${d.template} spec for fields other than ${d.allowed} are forbidden${d.changes ? `; changed: ${d.changes}` : ''}`,
  hint: () => 'revert that field, or recreate the UnitedDeployment',
});

export const subsetWorkloadRejected = defineRule<AtField & { subset: string; kind: string; inner: string; reason: string }>({
  id: 'uniteddeployment-subset-workload-rejected',
  severity: 'error',
  description: 'a rendered Kruise subset workload (CloneSet, Advanced StatefulSet) would be rejected by its own webhook, so that subset is never created',
  message: (d) => `${d.field}: subset(s) ${d.subset}: the ${d.kind} webhook would reject the subset workload (${d.inner}): ${d.reason}`,
  hint: () => 'fix the workload template; the UnitedDeployment webhook does not check it, the workload webhook does when the controller creates each subset',
});
