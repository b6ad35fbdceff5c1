// Rules of the resourcedistribution area: what Kruise's ResourceDistribution validating
// webhook (pkg/webhook/resourcedistribution/validating) rejects. Ids are stable; each has a
// heading in docs/rules/resourcedistribution.md.
import { defineRule } from './rule.js';

export const resource = defineRule<{ reason: string }>({
  id: 'resourcedistribution-resource',
  severity: 'error',
  description: 'spec.resource must be a Secret or a ConfigMap (apiVersion v1), the only kinds Kruise distributes.',
  message: (d) => `invalid spec.resource: ${d.reason}`,
  hint: () => 'distribute a v1 Secret or ConfigMap',
});

export const targets = defineRule<{ reason: string }>({
  id: 'resourcedistribution-targets',
  severity: 'error',
  description: 'Target namespaces must be valid namespace names, none both included and excluded, and the namespace selector valid.',
  message: (d) => `invalid targets: ${d.reason}`,
  hint: () => 'list each namespace once, in includedNamespaces or in excludedNamespaces',
});
