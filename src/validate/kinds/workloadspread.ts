// WorkloadSpread admission (kruise pkg/webhook/workloadspread/validating/
// workloadspread_validation.go). v1alpha1 objects are converted to v1beta1 first; the rules
// read only fields both versions share. Not checked offline: subset node selector terms,
// tolerations and patches (the patch is validated against the live workload), and kinds
// admitted through Kruise's custom-workload white list (a ConfigMap in the cluster).
import type { FieldPath, Resource } from '../../api/resource.js';
import { scaledValueK8s } from '../../k8s/intstr.js';
import { labelSelectorErrors, type LabelSelector } from '../../k8s/selector.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workloadspread.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, type Obj } from '../../util/json.js';
import { objAt, show } from '../workloads/common.js';
import { groupOf, laterConflicts, refKey } from './target-ref.js';

/** The kinds the webhook knows and the groups each may come from. */
const TARGET_GROUPS: Record<string, string[]> = {
  CloneSet: ['apps.kruise.io'],
  Deployment: ['apps'],
  ReplicaSet: ['apps'],
  Job: ['batch'],
  StatefulSet: ['apps', 'apps.kruise.io'],
};

/** int32(MaxScheduledFailedDuration.Seconds()-5): the webhook's 300 s less a margin. */
const RESCHEDULE_BUDGET = 295;

export function checkWorkloadSpread(res: Resource): Diagnostic[] {
  const spec = objAt(res.obj, 'spec');
  if (!spec) return [];
  const out: Diagnostic[] = [];
  const ref = objAt(spec, 'targetRef');
  if (ref) {
    const { apiVersion, kind, name } = ref;
    if (!apiVersion || !kind || !name) out.push(report(rules.targetRef, { reason: 'apiVersion, kind and name must all be set' }, at(res, ['spec', 'targetRef'])));
    else if (typeof apiVersion === 'string' && typeof kind === 'string' && TARGET_GROUPS[kind]) {
      const group = groupOf(apiVersion);
      if (group === undefined || !TARGET_GROUPS[kind].includes(group)) {
        out.push(report(rules.targetRef, { reason: `${kind} is not served by ${apiVersion}; use the group ${TARGET_GROUPS[kind].join(' or ')}` }, at(res, ['spec', 'targetRef', 'apiVersion'])));
      }
    }
  }
  out.push(...checkSubsets(res, Array.isArray(spec.subsets) ? spec.subsets : [], typeof ref?.kind === 'string' ? ref.kind : ''));
  out.push(...checkScheduleStrategy(res, spec));
  const sel = objAt(spec, 'targetFilter', 'selector') as LabelSelector | undefined;
  if (sel) {
    for (const [p, reason] of labelSelectorErrors(sel)) out.push(report(rules.targetFilter, { reason: `${p}: ${reason}` }, at(res, ['spec', 'targetFilter', 'selector'])));
  }
  return out;
}

function checkSubsets(res: Resource, subsets: unknown[], targetKind: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const base: FieldPath = ['spec', 'subsets'];
  if (subsets.length === 0) return [report(rules.subsets, { reason: 'at least one subset is required' }, at(res, base))];
  const names = new Set<string>();
  let firstIsPercent: boolean | undefined;
  let percentSum = 0;
  for (let i = 0; i < subsets.length; i++) {
    const item = subsets[i];
    const s: Obj = isObj(item) ? item : {};
    const name = typeof s.name === 'string' ? s.name : '';
    if (name === '') out.push(report(rules.subsets, { reason: `subsets[${i}] has no name` }, at(res, [...base, i])));
    else if (names.has(name)) out.push(report(rules.subsets, { reason: `duplicate subset name ${JSON.stringify(name)}` }, at(res, [...base, i, 'name'])));
    names.add(name);

    const mr = s.maxReplicas;
    if (typeof mr !== 'number' && typeof mr !== 'string') continue;
    const path: FieldPath = [...base, i, 'maxReplicas'];
    const isPercent = typeof mr === 'string';
    // The webhook stops at the first maxReplicas problem.
    if (firstIsPercent === undefined) firstIsPercent = isPercent;
    else if (isPercent !== firstIsPercent) return [...out, report(rules.maxReplicas, { reason: 'the maxReplicas of all subsets must be of one type: all numbers or all percentages' }, at(res, path))];
    if (targetKind === 'StatefulSet' && isPercent) return [...out, report(rules.maxReplicas, { reason: 'must be a number for a StatefulSet, not a percentage' }, at(res, path))];
    const scaled = scaledValueK8s(mr, 100, true);
    const value = scaled.ok ? scaled.value : -1;
    if (value < 0) return [...out, report(rules.maxReplicas, { reason: `${show(mr)} is not a valid subset maxReplicas: use a number >= 0 or a percentage` }, at(res, path))];
    if (isPercent) {
      percentSum += value;
      if (percentSum > 100) return [...out, report(rules.maxReplicas, { reason: 'the subsets\' maxReplicas add up to more than 100%' }, at(res, path))];
    }
  }
  const last = isObj(subsets[subsets.length - 1]) ? (subsets[subsets.length - 1] as Obj) : {};
  if (firstIsPercent && percentSum < 100 && (typeof last.maxReplicas === 'number' || typeof last.maxReplicas === 'string')) {
    out.push(report(rules.maxReplicas, { reason: `the percentages add up to ${percentSum}%, not 100%, and the last subset has a maxReplicas` }, at(res, [...base, 0, 'maxReplicas'])));
  }
  return out;
}

function checkScheduleStrategy(res: Resource, spec: Obj): Diagnostic[] {
  const adaptive = objAt(spec, 'scheduleStrategy', 'adaptive');
  if (!adaptive) return [];
  const out: Diagnostic[] = [];
  const subsets = Array.isArray(spec.subsets) ? spec.subsets : [];
  if (objAt(spec, 'scheduleStrategy')?.type !== 'Adaptive') {
    out.push(report(rules.scheduleStrategy, { reason: 'type must be Adaptive when adaptive is set' }, at(res, ['spec', 'scheduleStrategy', 'type'])));
  }
  const last = subsets.length > 1 && isObj(subsets[subsets.length - 1]) ? subsets[subsets.length - 1] : undefined;
  if (last && (typeof last.maxReplicas === 'number' || typeof last.maxReplicas === 'string')) {
    out.push(report(rules.scheduleStrategy, { reason: 'the last subset may not have a maxReplicas with the Adaptive strategy' }, at(res, ['spec', 'subsets', subsets.length - 1, 'maxReplicas'])));
  }
  const max = subsets.length > 1 ? Math.trunc(RESCHEDULE_BUDGET / (subsets.length - 1)) : 2147483647;
  const secs = adaptive.rescheduleCriticalSeconds;
  if (typeof secs === 'number' && (secs < 0 || secs > max)) {
    out.push(report(rules.scheduleStrategy, { reason: `rescheduleCriticalSeconds must be between 0 and ${max}, found ${secs}` }, at(res, ['spec', 'scheduleStrategy', 'adaptive', 'rescheduleCriticalSeconds'])));
  }
  return out;
}

/** Two WorkloadSpreads of one namespace that target the same workload (validateWorkloadSpreadConflict). */
export function checkWorkloadSpreadConflicts(spreads: readonly Resource[]): Diagnostic[] {
  const key = (r: Resource) => refKey(objAt(r.obj, 'spec', 'targetRef'));
  const later = laterConflicts(spreads, (a, b) => key(a) !== undefined && key(a) === key(b));
  return [...later].map(([r, other]) => report(rules.conflict, { other }, at(r, ['spec', 'targetRef'])));
}
