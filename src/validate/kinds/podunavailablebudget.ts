// PodUnavailableBudget admission (kruise pkg/webhook/podunavailablebudget/validating/
// pub_create_update_handler.go): v1alpha1 objects are converted to v1beta1 and judged by the
// same rules. Updates (selector and targetRef are immutable) need the live object: not checked.
import type { Resource } from '../../api/resource.js';
import { isPositiveIntOrPercent } from '../../k8s/intstr.js';
import { labelSelectorErrors, type LabelSelector } from '../../k8s/selector.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/podunavailablebudget.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, type Obj } from '../../util/json.js';
import { objAt, show } from '../workloads/common.js';
import { groupOf, laterConflicts, refKey } from './target-ref.js';
import { isSelectorLooseOverlap } from './selector-loose-overlap.js';

const TOTAL_REPLICAS = 'pub.kruise.io/protect-total-replicas';

const present = (v: unknown) => v !== undefined && v !== null;

export function checkPodUnavailableBudget(res: Resource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const spec = objAt(res.obj, 'spec') ?? {};
  const annotation = res.obj.metadata?.annotations?.[TOTAL_REPLICAS];
  if (typeof annotation === 'string') {
    const n = /^[+-]?\d+$/.test(annotation) ? Number(annotation) : NaN;
    const path = ['metadata', 'annotations', TOTAL_REPLICAS];
    if (!(n >= -2147483648 && n <= 2147483647)) out.push(report(rules.totalReplicasAnnotation, { reason: `${JSON.stringify(annotation)} is not a valid int32` }, at(res, path)));
    else if (typeof spec.protectTotalReplicas === 'number' && annotation !== String(spec.protectTotalReplicas)) {
      out.push(report(rules.totalReplicasAnnotation, { reason: `${JSON.stringify(annotation)} differs from spec.protectTotalReplicas ${spec.protectTotalReplicas}` }, at(res, path)));
    }
  }

  const selector = present(spec.selector);
  const ref = present(spec.targetRef);
  if (!selector && !ref) out.push(report(rules.target, { reason: 'neither selector nor targetRef is set' }, at(res, ['spec'])));
  else if (selector && ref) out.push(report(rules.target, { reason: 'selector and targetRef are mutually exclusive' }, at(res, ['spec', 'targetRef'])));
  else if (ref) {
    const r: Obj = isObj(spec.targetRef) ? spec.targetRef : {};
    if (!r.apiVersion || !r.kind || !r.name) out.push(report(rules.target, { reason: 'targetRef needs apiVersion, kind and name' }, at(res, ['spec', 'targetRef'])));
    if (typeof r.apiVersion === 'string' && r.apiVersion !== '' && groupOf(r.apiVersion) === undefined) {
      out.push(report(rules.target, { reason: `unexpected GroupVersion string ${JSON.stringify(r.apiVersion)}` }, at(res, ['spec', 'targetRef', 'apiVersion'])));
    }
  } else {
    for (const reason of selectorProblems(spec.selector)) out.push(report(rules.target, { reason: `selector: ${reason}` }, at(res, ['spec', 'selector'])));
  }

  const maxU = present(spec.maxUnavailable);
  const minA = present(spec.minAvailable);
  if (!maxU && !minA) out.push(report(rules.budget, { reason: 'neither maxUnavailable nor minAvailable is set' }, at(res, ['spec'])));
  else if (maxU && minA) out.push(report(rules.budget, { reason: 'maxUnavailable and minAvailable are mutually exclusive' }, at(res, ['spec', 'minAvailable'])));
  else {
    const f = maxU ? 'maxUnavailable' : 'minAvailable';
    const v = spec[f];
    if (!isPositiveIntOrPercent(v)) {
      const reason = typeof v === 'number' ? 'must be greater than or equal to 0' : "must be an integer or percentage (e.g '5%')";
      out.push(report(rules.budget, { reason: `${f} ${show(v)}: ${reason}` }, at(res, ['spec', f])));
    } else if (typeof v === 'string' && Number(v.slice(0, -1)) > 100) {
      out.push(report(rules.budget, { reason: `${f} ${show(v)}: must not be greater than 100%` }, at(res, ['spec', f])));
    }
  }

  if (present(spec.ignoredPodSelector)) {
    for (const reason of selectorProblems(spec.ignoredPodSelector)) out.push(report(rules.ignoredPodSelector, { reason }, at(res, ['spec', 'ignoredPodSelector'])));
  }
  return out;
}

/** ValidateLabelSelector plus the webhook's "empty selector is not valid". */
function selectorProblems(sel: unknown): string[] {
  if (!isObj(sel)) return [];
  const s = sel as LabelSelector;
  const out = labelSelectorErrors(s).map(([p, reason]) => `${p}: ${reason}`);
  const size = Object.keys(isObj(s.matchLabels) ? s.matchLabels : {}).length + (Array.isArray(s.matchExpressions) ? s.matchExpressions.length : 0);
  if (size === 0) out.push('an empty selector is not valid');
  return out;
}

/** validatePubConflictV1beta1: same target workload, or loosely overlapping selectors. */
export function checkPodUnavailableBudgetConflicts(pubs: readonly Resource[]): Diagnostic[] {
  const spec = (r: Resource) => objAt(r.obj, 'spec') ?? {};
  const later = laterConflicts(pubs, (a, b) => {
    const ra = refKey(spec(a).targetRef);
    const rb = refKey(spec(b).targetRef);
    if (present(spec(a).targetRef) && present(spec(b).targetRef)) return ra !== undefined && ra === rb;
    const sa = spec(a).selector;
    const sb = spec(b).selector;
    return isObj(sa) && isObj(sb) && isSelectorLooseOverlap(sa as LabelSelector, sb as LabelSelector);
  });
  return [...later].map(([r, other]) => {
    const field = present(spec(r).targetRef) ? 'targetRef' : 'selector';
    return report(rules.conflict, { other, field: `spec.${field}` }, at(r, ['spec', field]));
  });
}
