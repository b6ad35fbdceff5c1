// BroadcastJob admission (kruise pkg/webhook/broadcastjob/validating), after the mutating
// webhook's defaults: completionPolicy.type Always when unset; the pod defaults give an unset
// restartPolicy the value Always, which the webhook then refuses, so an unset restartPolicy is
// reported too. v1alpha1 objects are converted to v1beta1 first (same fields).
import type { Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/broadcastjob.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { objAt } from '../workloads/common.js';
import { checkPodTemplate } from '../workloads/pod-template.js';
import { checkJobName } from './job-name.js';

/** Labels the controller puts on every pod it creates (pkg/controller/broadcastjob). */
const RESERVED_LABELS = ['broadcastjob-name', 'broadcastjob-controller-uid'];

export function checkBroadcastJob(res: Resource): Diagnostic[] {
  const out: Diagnostic[] = [...checkJobName(res)];
  const spec = objAt(res.obj, 'spec');
  if (!spec) return out;
  const cp = objAt(spec, 'completionPolicy') ?? {};
  if (cp.type === 'Never') {
    for (const f of ['ttlSecondsAfterFinished', 'activeDeadlineSeconds']) {
      if (cp[f] !== undefined && cp[f] !== null) out.push(report(rules.completionPolicy, { field: `completionPolicy.${f}` }, at(res, ['spec', 'completionPolicy', f])));
    }
  }
  const template = objAt(spec, 'template');
  if (!template) return out;
  const podSpec = objAt(template, 'spec');
  const rp = podSpec?.restartPolicy;
  if (rp !== 'Never' && rp !== 'OnFailure') {
    const value = typeof rp === 'string' && rp !== '' ? JSON.stringify(rp) : 'none (defaults to "Always")';
    out.push(report(rules.restartPolicy, { value }, at(res, rp === undefined ? ['spec', 'template', 'spec'] : ['spec', 'template', 'spec', 'restartPolicy'])));
  }
  const labels = objAt(template, 'metadata', 'labels') ?? {};
  for (const l of RESERVED_LABELS) {
    if (typeof labels[l] === 'string' && labels[l] !== '') out.push(report(rules.reservedLabel, { label: l }, at(res, ['spec', 'template', 'metadata', 'labels', l])));
  }
  out.push(...checkPodTemplate(res));
  return out;
}
