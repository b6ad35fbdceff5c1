// AdvancedCronJob admission (kruise pkg/webhook/advancedcronjob/validating/
// advancedcronjob_create_update_handler.go), after the mutating webhook's defaults:
// concurrencyPolicy Replace when an imageListPullJobTemplate is given and none is set, and the
// ImageListPullJob template's completionPolicy Always and pull timeout 600 s. The pod templates
// of jobTemplate and broadcastJobTemplate run Kubernetes' pod template validation, which
// kruisec does not repeat here; update rules (only some fields may change) need the live object.
import type { FieldPath, Resource } from '../../api/resource.js';
import { cronScheduleError } from '../../go/cron.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/advancedcronjob.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { nonNegative, objAt } from '../workloads/common.js';
import { imagePullJobError } from './imagepulljob.js';
import { checkJobName } from './job-name.js';

/** MaxActiveDeadLineSeconds: a day. */
const MAX_ACTIVE_DEADLINE = 86400;
const TEMPLATES = ['jobTemplate', 'broadcastJobTemplate', 'imageListPullJobTemplate'];

export function checkAdvancedCronJob(res: Resource): Diagnostic[] {
  const out: Diagnostic[] = [...checkJobName(res)];
  const spec = objAt(res.obj, 'spec');
  if (!spec) return out;
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : undefined;
  if (schedule !== undefined) {
    const e = cronScheduleError(schedule, isTimeZone);
    if (schedule === '') out.push(report(rules.schedule, { value: schedule, reason: 'schedule cannot be empty' }, at(res, ['spec', 'schedule'])));
    else if (e) out.push(report(rules.schedule, { value: schedule, reason: e }, at(res, ['spec', 'schedule'])));
    if (schedule.includes('TZ') && typeof spec.timeZone === 'string') {
      out.push(report(rules.schedule, { value: schedule, reason: 'cannot use both timeZone and TZ or CRON_TZ in the schedule' }, at(res, ['spec', 'schedule'])));
    }
  }
  for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) out.push(...nonNegative(res, ['spec', f], spec[f]));
  if (typeof spec.timeZone === 'string') {
    const tz = spec.timeZone;
    const reason = tz === '' ? 'must be unset or a non-empty string'
      : tz.toLowerCase() === 'local' ? 'must be an explicit time zone of the IANA tz database'
        : !isTimeZone(tz) ? 'unknown time zone' : undefined;
    if (reason) out.push(report(rules.timeZone, { value: tz, reason }, at(res, ['spec', 'timeZone'])));
  }

  const template = objAt(spec, 'template') ?? {};
  const given = TEMPLATES.filter((t) => template[t] !== undefined && template[t] !== null);
  if (given.length === 0) out.push(report(rules.template, { reason: 'one of jobTemplate, broadcastJobTemplate and imageListPullJobTemplate is required' }, at(res, ['spec', 'template'])));
  else if (given.length > 1) out.push(report(rules.template, { reason: `only one template may be given, found ${given.join(', ')}` }, at(res, ['spec', 'template', given[1]])));
  const ilpj = objAt(template, 'imageListPullJobTemplate');
  if (ilpj) {
    const policy = typeof spec.concurrencyPolicy === 'string' && spec.concurrencyPolicy !== '' ? spec.concurrencyPolicy : 'Replace';
    if (policy !== 'Replace' && policy !== 'Forbid') out.push(report(rules.concurrencyPolicy, { value: policy }, at(res, ['spec', 'concurrencyPolicy'])));
    const problem = imageListTemplateError(objAt(ilpj, 'spec') ?? {}, ['spec', 'template', 'imageListPullJobTemplate', 'spec']);
    if (problem) out.push(report(rules.imageListPullJobTemplate, { reason: problem.reason }, at(res, problem.path)));
  }
  return out;
}

/** validateImageListPullJobTemplateSpec: the ImageListPullJob rules, then completionPolicy
 *  Always only, with a deadline of at most a day and no TTL (the cron job owns cleanup). */
function imageListTemplateError(spec: Record<string, any>, base: FieldPath): { reason: string; path: FieldPath } | undefined {
  const first = imagePullJobError(spec, true, base);
  if (first) return first;
  const cp = objAt(spec, 'completionPolicy') ?? {};
  const type = typeof cp.type === 'string' && cp.type !== '' ? cp.type : 'Always';
  const cpPath: FieldPath = [...base, 'completionPolicy'];
  if (type !== 'Always') return { reason: `completionPolicy should be Always, found ${type}`, path: [...cpPath, 'type'] };
  const ads = cp.activeDeadlineSeconds;
  if (typeof ads === 'number' && ads > MAX_ACTIVE_DEADLINE) return { reason: `activeDeadlineSeconds must be less than ${MAX_ACTIVE_DEADLINE}, found ${ads}`, path: [...cpPath, 'activeDeadlineSeconds'] };
  // The mutating webhook fills in the 600 s pull timeout only when it also defaulted the type.
  const pp = objAt(spec, 'pullPolicy');
  const timeout = typeof pp?.timeoutSeconds === 'number' ? pp.timeoutSeconds : cp.type ? undefined : 600;
  if (typeof ads === 'number' && timeout !== undefined && timeout > ads) return { reason: `completionPolicy.activeDeadlineSeconds ${ads} must be greater than pullPolicy.timeoutSeconds (${timeout})`, path: [...cpPath, 'activeDeadlineSeconds'] };
  if (cp.ttlSecondsAfterFinished !== undefined && cp.ttlSecondsAfterFinished !== null) return { reason: 'ttlSecondsAfterFinished is not supported in an AdvancedCronJob', path: [...cpPath, 'ttlSecondsAfterFinished'] };
  return undefined;
}

/** time.LoadLocation, as far as the IANA names Node knows go: "UTC" and tz database names. */
export function isTimeZone(zone: string): boolean {
  if (zone === 'UTC' || zone === '') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
