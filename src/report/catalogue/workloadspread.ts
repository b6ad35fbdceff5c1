// Rules of the workloadspread area: what Kruise's WorkloadSpread validating webhook
// (pkg/webhook/workloadspread/validating/workloadspread_validation.go) rejects. Ids are
// stable; each has a heading in docs/rules/workloadspread.md.
import { defineRule } from './rule.js';

type Reason = { reason: string };

export const targetRef = defineRule<Reason>({
  id: 'workloadspread-target-ref',
  severity: 'error',
  description: 'targetRef must name a CloneSet, Deployment, ReplicaSet, Job or StatefulSet by apiVersion, kind and name, in the group that serves that kind.',
  message: (d) => `invalid targetRef: ${d.reason}`,
  hint: () => 'e.g. apiVersion: apps.kruise.io/v1beta1, kind: CloneSet, name: <workload>',
});

export const subsets = defineRule<Reason>({
  id: 'workloadspread-subsets',
  severity: 'error',
  description: 'A WorkloadSpread needs at least one subset, each with a unique, non-empty name.',
  message: (d) => `invalid subsets: ${d.reason}`,
  hint: () => 'give every subset a name of its own',
});

export const maxReplicas = defineRule<Reason>({
  id: 'workloadspread-max-replicas',
  severity: 'error',
  description: 'Subset maxReplicas must all be numbers or all percentages; numbers at least 0; percentages adding up to 100% when the last subset has one; numbers only for a StatefulSet.',
  message: (d) => `invalid maxReplicas: ${d.reason}`,
  hint: () => 'use whole numbers >= 0, or percentages such as "40%" that add up to 100% (leave the last subset without maxReplicas to take the rest)',
});

export const scheduleStrategy = defineRule<Reason>({
  id: 'workloadspread-schedule-strategy',
  severity: 'error',
  description: 'scheduleStrategy.adaptive needs type Adaptive, a last subset without maxReplicas and a rescheduleCriticalSeconds within range.',
  message: (d) => `invalid scheduleStrategy: ${d.reason}`,
  hint: () => 'set scheduleStrategy.type: Adaptive with adaptive, and leave the last subset without maxReplicas',
});

export const targetFilter = defineRule<Reason>({
  id: 'workloadspread-target-filter',
  severity: 'error',
  description: 'targetFilter.selector must be a valid label selector.',
  message: (d) => `invalid targetFilter.selector: ${d.reason}`,
  hint: () => 'label keys are [prefix/]name; operators are In, NotIn, Exists, DoesNotExist',
});

export const conflict = defineRule<{ other: string }>({
  id: 'workloadspread-conflict',
  severity: 'error',
  description: 'Two WorkloadSpreads in one namespace target the same workload; Kruise admits only the first.',
  message: (d) => `targetRef is in conflict with WorkloadSpread ${d.other}, which targets the same workload`,
  hint: () => 'keep one WorkloadSpread per workload: merge their subsets',
});
