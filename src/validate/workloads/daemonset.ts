// Advanced DaemonSet admission (kruise pkg/webhook/daemonset/validating), after the mutating
// webhook's defaults: type RollingUpdate with an empty rollingUpdate; v1alpha1 turns the
// deprecated Surging type into Standard (maxSurge 1, maxUnavailable 0 when unset); with
// neither maxUnavailable nor maxSurge set, maxUnavailable 1 and maxSurge 0.
import type { FieldPath, Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { checkPodTemplate } from './pod-template.js';
import { checkSelectorAndTemplate, checkTemplateRestrictions, dotted, nonNegative, objAt, show } from './common.js';

const PERCENT = /^[0-9]+%$/;

export function checkAdvancedDaemonSet(res: Resource): Diagnostic[] {
  const v1alpha1 = res.obj.apiVersion === 'apps.kruise.io/v1alpha1';
  const spec = objAt(res.obj, 'spec');
  if (!spec) return [];
  const out: Diagnostic[] = [];
  out.push(...checkSelectorAndTemplate(res, 'daemonset', { requireMatch: 'always' }));
  out.push(...checkTemplateRestrictions(res, 'DaemonSet'));
  out.push(...checkPodTemplate(res));
  out.push(...nonNegative(res, ['spec', 'minReadySeconds'], spec.minReadySeconds));
  out.push(...nonNegative(res, ['spec', 'revisionHistoryLimit'], spec.revisionHistoryLimit));
  if (objAt(spec, 'lifecycle', 'inPlaceUpdate')) out.push(report(rules.dsInPlaceUpdateHook, {}, at(res, ['spec', 'lifecycle', 'inPlaceUpdate'])));

  const us = objAt(spec, 'updateStrategy') ?? {};
  const type = typeof us.type === 'string' && us.type !== '' ? us.type : 'RollingUpdate';
  if (type === 'OnDelete') return out;
  if (type !== 'RollingUpdate') {
    out.push(report(rules.updateTypeInvalid, { value: type, allowed: ['RollingUpdate', 'OnDelete'] }, at(res, ['spec', 'updateStrategy', 'type'])));
    return out;
  }
  const ru = { ...(objAt(us, 'rollingUpdate') ?? {}) };
  const base: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  if (v1alpha1 && ru.rollingUpdateType === 'Surging') {
    ru.maxSurge ??= 1;
    ru.maxUnavailable ??= 0;
    ru.rollingUpdateType = 'Standard';
  }
  if ((ru.maxUnavailable === undefined || ru.maxUnavailable === null) && (ru.maxSurge === undefined || ru.maxSurge === null)) {
    ru.maxUnavailable = 1;
    ru.maxSurge = 0;
  }

  let hasUnavailable = false;
  let hasSurge = false;
  for (const f of ['maxUnavailable', 'maxSurge'] as const) {
    const v = ru[f];
    if ((typeof v !== 'number' && typeof v !== 'string') || intOrPercentValue(v) === 0) continue;
    if (f === 'maxUnavailable') hasUnavailable = true; else hasSurge = true;
    out.push(...positiveIntOrPercent(res, [...base, f], v));
  }
  if (hasUnavailable && hasSurge) out.push(report(rules.dsSurgeAndUnavailable, { reason: 'maxSurge may not be set when maxUnavailable is non-zero' }, at(res, [...base, 'maxSurge'])));
  if (!hasUnavailable && !hasSurge) out.push(report(rules.dsSurgeAndUnavailable, { reason: 'maxUnavailable cannot be 0 when maxSurge is 0' }, at(res, [...base, 'maxUnavailable'])));

  const rut = typeof ru.rollingUpdateType === 'string' ? ru.rollingUpdateType : '';
  const allowed = v1alpha1 ? ['', 'Standard', 'InPlaceIfPossible', 'Surging'] : ['', 'Standard', 'InPlaceIfPossible'];
  if (!allowed.includes(rut)) out.push(report(rules.dsRollingUpdateType, { value: rut }, at(res, [...base, 'rollingUpdateType'])));
  if (rut === 'InPlaceIfPossible' && hasSurge) out.push(report(rules.dsSurgeAndUnavailable, { reason: 'maxSurge must be 0 for InPlaceIfPossible' }, at(res, [...base, 'maxSurge'])));

  const partition = ru.partition;
  if (typeof partition === 'string' || typeof partition === 'number') out.push(...positiveIntOrPercent(res, [...base, 'partition'], partition));
  return out;
}

/** k8s ValidatePositiveIntOrPercent + IsNotMoreThan100Percent. */
function positiveIntOrPercent(res: Resource, path: FieldPath, v: number | string): Diagnostic[] {
  const field = dotted(path);
  if (typeof v === 'number') return v < 0 ? [report(rules.dsIntOrPercentInvalid, { field, value: show(v), reason: 'must be greater than or equal to 0' }, at(res, path))] : [];
  if (!PERCENT.test(v)) return [report(rules.dsIntOrPercentInvalid, { field, value: show(v), reason: "must be an integer or percentage (e.g '5%')" }, at(res, path))];
  return Number(v.slice(0, -1)) > 100 ? [report(rules.dsIntOrPercentInvalid, { field, value: show(v), reason: 'must not be greater than 100%' }, at(res, path))] : [];
}

/** getIntOrPercentValue: a valid percent's number, else the int (a non-percent string reads as
 *  its integer value, or 0). */
function intOrPercentValue(v: number | string): number {
  if (typeof v === 'number') return v;
  if (PERCENT.test(v)) return Number(v.slice(0, -1));
  return /^[+-]?\d+$/.test(v) ? Number(v) : 0;
}
