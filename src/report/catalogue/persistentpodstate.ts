// Rules of the persistentpodstate area: what Kruise's PersistentPodState validating webhook
// (pkg/webhook/persistentpodstate/validating/persistent_create_update_handler.go) rejects.
// Ids are stable; each has a heading in docs/rules/persistentpodstate.md.
import { defineRule } from './rule.js';

export const targetRef = defineRule<{ reason: string }>({
  id: 'persistentpodstate-target-ref',
  severity: 'error',
  description: 'targetRef names a StatefulSet (apps/v1 or apps.kruise.io) by apiVersion, kind and name; other kinds need Kruise\'s PPS_Watch_Custom_Workload_WhiteList.',
  message: (d) => `invalid targetRef: ${d.reason}`,
  hint: () => 'point targetRef at a StatefulSet or an Advanced StatefulSet',
});

export const topology = defineRule<Record<string, never>>({
  id: 'persistentpodstate-topology',
  severity: 'error',
  description: 'requiredPersistentTopology and preferredPersistentTopology cannot both be empty.',
  message: () => 'requiredPersistentTopology and preferredPersistentTopology are both empty',
  hint: () => 'set requiredPersistentTopology (node label keys to keep) or preferredPersistentTopology',
});

export const conflict = defineRule<{ other: string }>({
  id: 'persistentpodstate-conflict',
  severity: 'error',
  description: 'Two PersistentPodStates in one namespace target the same workload.',
  message: (d) => `targetRef is in conflict with PersistentPodState ${d.other}, which targets the same workload`,
  hint: () => 'keep one PersistentPodState per workload',
});
