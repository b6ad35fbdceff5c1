// Rules of the podunavailablebudget area: what Kruise's PodUnavailableBudget validating
// webhook (pkg/webhook/podunavailablebudget/validating/pub_create_update_handler.go) rejects.
// Ids are stable; each has a heading in docs/rules/podunavailablebudget.md.
import { defineRule } from './rule.js';

type Reason = { reason: string };

export const target = defineRule<Reason>({
  id: 'pub-selector-or-target',
  severity: 'error',
  description: 'A PodUnavailableBudget protects pods by exactly one of selector (non-empty, valid) and targetRef (apiVersion, kind and name).',
  message: (d) => `invalid selector / targetRef: ${d.reason}`,
  hint: () => 'set either spec.selector or spec.targetRef, not both',
});

export const budget = defineRule<Reason>({
  id: 'pub-budget',
  severity: 'error',
  description: 'Exactly one of maxUnavailable and minAvailable, a number >= 0 or a percentage up to 100%.',
  message: (d) => `invalid budget: ${d.reason}`,
  hint: () => 'set either spec.maxUnavailable or spec.minAvailable (not both), e.g. 1 or "25%"',
});

export const ignoredPodSelector = defineRule<Reason>({
  id: 'pub-ignored-pod-selector',
  severity: 'error',
  description: 'ignoredPodSelector, when set, must be a valid, non-empty label selector.',
  message: (d) => `invalid ignoredPodSelector: ${d.reason}`,
  hint: () => 'give ignoredPodSelector at least one matchLabels entry or matchExpression, or remove it',
});

export const totalReplicasAnnotation = defineRule<Reason>({
  id: 'pub-protect-total-replicas',
  severity: 'error',
  description: 'The annotation pub.kruise.io/protect-total-replicas must be an int32, equal to spec.protectTotalReplicas when both are set.',
  message: (d) => `invalid pub.kruise.io/protect-total-replicas: ${d.reason}`,
  hint: () => 'write a whole number, the same as spec.protectTotalReplicas (or drop the annotation for the field)',
});

export const conflict = defineRule<{ other: string; field: string }>({
  id: 'pub-conflict',
  severity: 'error',
  description: 'Two PodUnavailableBudgets in one namespace target the same workload, or have selectors that (by Kruise\'s loose-overlap test) can match the same pods.',
  message: (d) => `${d.field} is in conflict with PodUnavailableBudget ${d.other}`,
  hint: () => 'protect each set of pods with one PodUnavailableBudget',
});
