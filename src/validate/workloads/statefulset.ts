// Advanced StatefulSet admission (kruise pkg/webhook/statefulset/validating). v1alpha1 objects
// are converted to v1beta1 and validated alike. Defaults applied first, as the mutating
// webhook does: podManagementPolicy OrderedReady, type RollingUpdate, and for RollingUpdate
// partition 0, maxUnavailable 1, podUpdatePolicy ReCreate, minReadySeconds 0; replicas 1.
import type { FieldPath, Resource } from '../../api/resource.js';
import { scaledValueK8s, type IntOrString } from '../../k8s/intstr.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { checkPodTemplate } from './pod-template.js';
import { checkSelectorAndTemplate, checkTemplateRestrictions, dotted, intOrUndefined, nonNegative, objAt, show } from './common.js';
import { priorityStrategyError } from '../pub.js';
import { isObj } from '../../util/json.js';

const MAX_MIN_READY_SECONDS = 300;
const RANGE = /^\d+-\d+$/;

export function checkAdvancedStatefulSet(res: Resource): Diagnostic[] {
  const spec = objAt(res.obj, 'spec');
  if (!spec) return [];
  const out: Diagnostic[] = [];
  const policy = typeof spec.podManagementPolicy === 'string' && spec.podManagementPolicy !== '' ? spec.podManagementPolicy : 'OrderedReady';
  const parallel = policy === 'Parallel';
  if (policy !== 'OrderedReady' && !parallel) out.push(report(rules.stsPodManagementPolicy, { value: policy }, at(res, ['spec', 'podManagementPolicy'])));

  if (Array.isArray(spec.reserveOrdinals)) {
    spec.reserveOrdinals.forEach((o, i) => {
      const path = ['spec', 'reserveOrdinals', i];
      if (typeof o === 'string') {
        const reason = !RANGE.test(o) ? 'not a valid range' : rangeError(o);
        if (reason) out.push(report(rules.stsReserveOrdinal, { index: i, value: show(o), reason }, at(res, path)));
      } else if (typeof o === 'number' && o < 0) {
        out.push(report(rules.stsReserveOrdinal, { index: i, value: String(o), reason: 'negative ordinal' }, at(res, path)));
      }
    });
  }

  const scaleMu = objAt(spec, 'scaleStrategy')?.maxUnavailable;
  if (isIntOrString(scaleMu)) out.push(...maxUnavailable(res, ['spec', 'scaleStrategy', 'maxUnavailable'], scaleMu, parallel));

  const us = objAt(spec, 'updateStrategy') ?? {};
  const type = typeof us.type === 'string' && us.type !== '' ? us.type : 'RollingUpdate';
  if (type === 'OnDelete') {
    if (us.rollingUpdate !== undefined && us.rollingUpdate !== null) out.push(report(rules.stsRollingUpdateWithOnDelete, {}, at(res, ['spec', 'updateStrategy', 'rollingUpdate'])));
  } else if (type === 'RollingUpdate') {
    out.push(...rollingUpdate(res, spec, objAt(us, 'rollingUpdate') ?? {}, parallel));
  } else {
    out.push(report(rules.updateTypeInvalid, { value: type, allowed: ['RollingUpdate', 'OnDelete'] }, at(res, ['spec', 'updateStrategy', 'type'])));
  }

  const retention = objAt(spec, 'persistentVolumeClaimRetentionPolicy');
  for (const f of ['whenDeleted', 'whenScaled']) {
    const v = retention?.[f];
    if (typeof v === 'string' && v !== '' && v !== 'Retain' && v !== 'Delete') {
      out.push(report(rules.stsPvcRetentionPolicy, { field: `spec.persistentVolumeClaimRetentionPolicy.${f}`, value: v }, at(res, ['spec', 'persistentVolumeClaimRetentionPolicy', f])));
    }
  }

  out.push(...nonNegative(res, ['spec', 'replicas'], spec.replicas));
  out.push(...checkSelectorAndTemplate(res, 'statefulset'));
  out.push(...checkTemplateRestrictions(res, 'StatefulSet'));
  out.push(...checkPodTemplate(res, [], true));
  return out;
}

function rollingUpdate(res: Resource, spec: Record<string, unknown>, ru: Record<string, unknown>, parallel: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const base: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  out.push(...nonNegative(res, [...base, 'partition'], ru.partition));
  out.push(...nonNegative(res, [...base, 'minReadySeconds'], ru.minReadySeconds));
  const mrs = intOrUndefined(ru.minReadySeconds);
  if (mrs !== undefined && mrs > MAX_MIN_READY_SECONDS) out.push(report(rules.stsMinReadySeconds, { value: String(mrs) }, at(res, [...base, 'minReadySeconds'])));

  const mu = isIntOrString(ru.maxUnavailable) ? ru.maxUnavailable : 1;
  out.push(...maxUnavailable(res, [...base, 'maxUnavailable'], mu, parallel));

  const policy = typeof ru.podUpdatePolicy === 'string' && ru.podUpdatePolicy !== '' ? ru.podUpdatePolicy : 'ReCreate';
  if (policy === 'InPlaceIfPossible' || policy === 'InPlaceOnly') {
    const gates = objAt(spec, 'template', 'spec')?.readinessGates;
    const has = Array.isArray(gates) && gates.some((g) => isObj(g) && g.conditionType === 'InPlaceUpdateReady');
    if (!has) out.push(report(rules.stsInPlaceReadinessGate, { policy }, at(res, ['spec', 'template', 'spec', 'readinessGates'])));
  } else if (policy !== 'ReCreate') {
    out.push(report(rules.podUpdatePolicyInvalid, { value: policy }, at(res, [...base, 'podUpdatePolicy'])));
  }

  const unordered = ru.unorderedUpdate;
  if (unordered !== undefined && unordered !== null) {
    if (!parallel) out.push(report(rules.stsUnorderedNeedsParallel, {}, at(res, [...base, 'unorderedUpdate'])));
    const pe = priorityStrategyError(isObj(unordered) ? unordered.priorityStrategy : undefined);
    if (pe) out.push(report(rules.priorityStrategyInvalid, { reason: pe }, at(res, [...base, 'unorderedUpdate', 'priorityStrategy'])));
  }
  return out;
}

/** validateMaxUnavailableField: k8s ValidatePositiveIntOrPercent, at least 1 of 1 pod
 *  (rounded up), and anything but the int 1 only with Parallel. */
function maxUnavailable(res: Resource, path: FieldPath, v: IntOrString, parallel: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Its text only when there is something to say: this runs for every Advanced StatefulSet.
  const field = () => dotted(path);
  if (typeof v === 'number' && v < 0) out.push(report(rules.stsMaxUnavailable, { field: field(), value: show(v), reason: 'must be greater than or equal to 0' }, at(res, path)));
  if (typeof v === 'string' && !/^[0-9]+%$/.test(v)) out.push(report(rules.stsMaxUnavailable, { field: field(), value: show(v), reason: "must be an integer or percentage (e.g '5%')" }, at(res, path)));
  const r = scaledValueK8s(v, 1, true);
  if (!r.ok) {
    if (!(typeof v === 'string' && !/^[0-9]+%$/.test(v))) out.push(report(rules.stsMaxUnavailable, { field: field(), value: show(v), reason: r.error }, at(res, path)));
  } else if (r.value < 1) {
    out.push(report(rules.stsMaxUnavailable, { field: field(), value: show(v), reason: 'should not be less than 1' }, at(res, path)));
  }
  if (!parallel && v !== 1) out.push(report(rules.stsMaxUnavailableNeedsParallel, { field: field(), value: show(v) }, at(res, path)));
  return out;
}

function rangeError(s: string): string | undefined {
  const [a, b] = s.split('-').map(Number);
  return a > b ? 'start is greater than end' : undefined;
}

function isIntOrString(v: unknown): v is IntOrString {
  return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
}
