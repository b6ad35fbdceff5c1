// Rules of the ephemeraljob area: what Kruise's EphemeralJob validating webhook
// (pkg/webhook/ephemeraljob/validating) rejects. Ids are stable; each has a heading in
// docs/rules/ephemeraljob.md.
import { defineRule } from './rule.js';

export const container = defineRule<{ field: string; reason: string }>({
  id: 'ephemeraljob-container',
  severity: 'error',
  description: 'Ephemeral containers have unique DNS-label names and none of the fields Kubernetes forbids for them: ports, resources, probes, lifecycle, resizePolicy, restartPolicy, volume subPaths.',
  message: (d) => `${d.field}: ${d.reason}`,
  hint: () => 'remove the field: an ephemeral container is a debugging tool, without ports, probes or resources of its own',
});
