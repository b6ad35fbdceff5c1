// Rules of the podprobemarker area: what Kruise's PodProbeMarker validating webhook
// (pkg/webhook/podprobemarker/validating/probe_create_update_handler.go) rejects. Ids are
// stable; each has a heading in docs/rules/podprobemarker.md.
import { defineRule } from './rule.js';

type Reason = { field: string; reason: string };

export const selector = defineRule<{ reason: string }>({
  id: 'podprobemarker-selector',
  severity: 'error',
  description: 'The selector must be a valid, non-empty label selector.',
  message: (d) => `invalid selector: ${d.reason}`,
  hint: () => 'select the pods by at least one label',
});

export const probe = defineRule<Reason>({
  id: 'podprobemarker-probe',
  severity: 'error',
  description: 'Each probe has a unique name (no "#", not a Kubernetes pod condition), a containerName, exactly one handler and non-negative timings, and sets a podConditionType or a markerPolicy.',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'compare the probe with docs/rules/podprobemarker.md',
});

export const markerPolicy = defineRule<Reason>({
  id: 'podprobemarker-marker-policy',
  severity: 'error',
  description: 'Each markerPolicy has state Succeeded or Failed (once each) and sets valid labels or annotations.',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'use state Succeeded or Failed and give labels or annotations',
});
