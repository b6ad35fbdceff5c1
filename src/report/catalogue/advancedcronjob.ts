// Rules of the advancedcronjob area: what Kruise's AdvancedCronJob validating webhook
// (pkg/webhook/advancedcronjob/validating/advancedcronjob_create_update_handler.go) rejects.
// Ids are stable; each has a heading in docs/rules/advancedcronjob.md.
import { defineRule } from './rule.js';

type Reason = { reason: string };

export const schedule = defineRule<Reason & { value: string }>({
  id: 'advancedcronjob-schedule',
  severity: 'error',
  description: 'schedule must be a standard cron expression (five fields, or a descriptor such as @hourly), without TZ= when timeZone is set.',
  message: (d) => `invalid schedule ${JSON.stringify(d.value)}: ${d.reason}`,
  hint: () => 'write minute hour day-of-month month day-of-week, e.g. "*/15 * * * *", and put the zone in spec.timeZone',
});

export const timeZone = defineRule<Reason & { value: string }>({
  id: 'advancedcronjob-time-zone',
  severity: 'error',
  description: 'timeZone, when set, must name an IANA time zone (not empty, not Local).',
  message: (d) => `invalid timeZone ${JSON.stringify(d.value)}: ${d.reason}`,
  hint: () => 'use a zone of the tz database, such as Europe/Berlin or Asia/Shanghai, or remove timeZone',
});

export const template = defineRule<Reason>({
  id: 'advancedcronjob-template',
  severity: 'error',
  description: 'spec.template must hold exactly one of jobTemplate, broadcastJobTemplate and imageListPullJobTemplate.',
  message: (d) => `invalid template: ${d.reason}`,
  hint: () => 'keep exactly one template under spec.template',
});

export const concurrencyPolicy = defineRule<{ value: string }>({
  id: 'advancedcronjob-concurrency-policy',
  severity: 'error',
  description: 'With an imageListPullJobTemplate, concurrencyPolicy must be Replace or Forbid (it defaults to Replace).',
  message: (d) => `concurrencyPolicy must be Replace or Forbid with an imageListPullJobTemplate, found ${d.value}`,
  hint: () => 'set concurrencyPolicy to Replace or Forbid, or remove it',
});

export const imageListPullJobTemplate = defineRule<Reason>({
  id: 'advancedcronjob-image-list-pull-job',
  severity: 'error',
  description: 'An imageListPullJobTemplate must be a valid ImageListPullJob spec with completionPolicy Always, an activeDeadlineSeconds of at most a day and longer than the pull timeout, and no ttlSecondsAfterFinished.',
  message: (d) => `invalid imageListPullJobTemplate: ${d.reason}`,
  hint: () => 'compare the template with the ImageListPullJob rules (docs/rules/imagepulljob.md)',
});
