// Rules of the broadcastjob area: what Kruise's BroadcastJob validating webhook
// (pkg/webhook/broadcastjob/validating) rejects. Ids are stable; each has a heading in
// docs/rules/broadcastjob.md.
import { defineRule } from './rule.js';

export const restartPolicy = defineRule<{ value: string }>({
  id: 'broadcastjob-restart-policy',
  severity: 'error',
  description: 'A BroadcastJob runs its pods to completion: the template restartPolicy must be Never or OnFailure (an unset one defaults to Always).',
  message: (d) => `pod restartPolicy can only be Never or OnFailure, found ${d.value}`,
  hint: () => 'set spec.template.spec.restartPolicy to Never or OnFailure',
});

export const completionPolicy = defineRule<{ field: string }>({
  id: 'broadcastjob-completion-policy',
  severity: 'error',
  description: 'ttlSecondsAfterFinished and activeDeadlineSeconds only work with completionPolicy type Always.',
  message: (d) => `${d.field} works only with completionPolicy type Always, and the type is Never`,
  hint: (d) => `remove ${d.field}, or set completionPolicy.type to Always`,
});

export const reservedLabel = defineRule<{ label: string }>({
  id: 'broadcastjob-reserved-label',
  severity: 'error',
  description: 'The labels broadcastjob-name and broadcastjob-controller-uid are set by the controller and may not be preset in the template.',
  message: (d) => `template label ${JSON.stringify(d.label)} is set by the BroadcastJob controller and may not be preset`,
  hint: (d) => `remove ${d.label} from spec.template.metadata.labels`,
});

export const name = defineRule<{ kind: string; reason: string }>({
  id: 'kruise-job-name',
  severity: 'error',
  description: 'A BroadcastJob or AdvancedCronJob name must be letters, digits and dashes, at most 63 characters: its pods and jobs are named after it.',
  message: (d) => `invalid ${d.kind} name: ${d.reason}`,
  hint: () => 'use only letters, digits and "-", at most 63 characters',
});
