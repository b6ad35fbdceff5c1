// CloneSet admission (kruise pkg/webhook/cloneset/validating), after the mutating webhook's
// defaults: replicas 1; partition 0, maxUnavailable "20%", maxSurge 0. v1alpha1 keeps the
// knobs under spec.updateStrategy and its `type` is the pod update policy (ReCreate,
// InPlaceIfPossible, InPlaceOnly — OnDelete is declared but the webhook refuses it); v1beta1
// has type RollingUpdate|OnDelete and the knobs under updateStrategy.rollingUpdate, defaulted
// only for RollingUpdate. Partition, maxUnavailable and maxSurge are parsed with Kruise's
// float-percent parser, as the webhook does; kruisec adds one rule of its own
// (cloneset-decimal-percent) for values the webhook admits but the controller cannot use.
import type { FieldPath, Resource } from '../../api/resource.js';
import { asIntOrString, scaledValueK8s, scaledValueKruise, type IntOrString } from '../../k8s/intstr.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { checkPodTemplate } from './pod-template.js';
import { checkPriorityAndScatter, checkSelectorAndTemplate, checkTemplateRestrictions, dotted, intOrUndefined, nonNegative, objAt, show } from './common.js';
import { isObj, type Obj } from '../../util/json.js';

const V1ALPHA1_TYPES = ['ReCreate', 'InPlaceIfPossible', 'InPlaceOnly'];
const V1BETA1_TYPES = ['RollingUpdate', 'OnDelete'];
const MAX_INT32 = 2147483647;
const POD_UPDATE_POLICIES = ['ReCreate', 'InPlaceIfPossible', 'InPlaceOnly'];

export function checkCloneSet(res: Resource): Diagnostic[] {
  const v1alpha1 = res.obj.apiVersion === 'apps.kruise.io/v1alpha1';
  const spec = objAt(res.obj, 'spec');
  if (!spec) return [];
  const out: Diagnostic[] = [];
  const replicas = intOrUndefined(spec.replicas) ?? 1;
  out.push(...nonNegative(res, ['spec', 'replicas'], spec.replicas));
  out.push(...checkSelectorAndTemplate(res, 'cloneset'));
  out.push(...checkTemplateRestrictions(res, 'cloneset'));
  const claimNames = (Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [])
    .map((c) => (isObj(c) && isObj(c.metadata) && typeof c.metadata.name === 'string' ? c.metadata.name : ''))
    .filter(Boolean);
  out.push(...checkPodTemplate(res, claimNames));

  const scaleMu = objAt(spec, 'scaleStrategy')?.maxUnavailable;
  if (typeof scaleMu === 'string' && /^[0-9]*\.[0-9]*%$/.test(scaleMu)) out.push(...decimalPercent(res, ['spec', 'scaleStrategy', 'maxUnavailable'], scaleMu, replicas));
  const podsToDelete = objAt(spec, 'scaleStrategy')?.podsToDelete;
  if (Array.isArray(podsToDelete)) {
    const seen = new Set<unknown>();
    const dups = new Set<string>();
    for (const p of podsToDelete) { if (seen.has(p)) dups.add(String(p)); seen.add(p); }
    if (dups.size) out.push(report(rules.clonesetPodsToDeleteDuplicate, { names: [...dups].sort() }, at(res, ['spec', 'scaleStrategy', 'podsToDelete'])));
  }

  const us = objAt(spec, 'updateStrategy') ?? {};
  if (v1alpha1) {
    const type = typeof us.type === 'string' && us.type !== '' ? us.type : 'ReCreate';
    if (!V1ALPHA1_TYPES.includes(type)) {
      out.push(report(rules.updateTypeInvalid, { value: type, allowed: V1ALPHA1_TYPES }, at(res, ['spec', 'updateStrategy', 'type'])));
    }
    out.push(...checkKnobs(res, ['spec', 'updateStrategy'], us, replicas, type === 'InPlaceOnly', true, false));
    const pds = intOrUndefined(spec.progressDeadlineSeconds);
    if (pds !== undefined) {
      out.push(...nonNegative(res, ['spec', 'progressDeadlineSeconds'], pds));
      const mrs = intOrUndefined(spec.minReadySeconds) ?? 0;
      if (pds !== MAX_INT32 && pds <= mrs) out.push(report(rules.clonesetProgressDeadline, { value: String(pds), minReadySeconds: String(mrs) }, at(res, ['spec', 'progressDeadlineSeconds'])));
    }
    return out;
  }

  const type = typeof us.type === 'string' && us.type !== '' ? us.type : 'RollingUpdate';
  if (!V1BETA1_TYPES.includes(type)) {
    out.push(report(rules.updateTypeInvalid, { value: type, allowed: V1BETA1_TYPES }, at(res, ['spec', 'updateStrategy', 'type'])));
  }
  const rolling = type === 'RollingUpdate';
  const ru = objAt(us, 'rollingUpdate') ?? (rolling ? {} : undefined);
  if (!ru) return out;
  const base: FieldPath = ['spec', 'updateStrategy', 'rollingUpdate'];
  const policy = typeof ru.podUpdatePolicy === 'string' && ru.podUpdatePolicy !== '' ? ru.podUpdatePolicy : rolling ? 'ReCreate' : '';
  if (policy !== '' && !POD_UPDATE_POLICIES.includes(policy)) {
    out.push(report(rules.podUpdatePolicyInvalid, { value: policy }, at(res, [...base, 'podUpdatePolicy'])));
  }
  out.push(...checkKnobs(res, base, ru, replicas, policy === 'InPlaceOnly', rolling, true));
  return out;
}

/** The rolling-update knobs, wherever the apiVersion keeps them. `defaults`: whether the
 *  mutating webhook filled partition/maxUnavailable/maxSurge in. */
function checkKnobs(res: Resource, base: FieldPath, k: Obj, replicas: number, inPlaceOnly: boolean, defaults: boolean, v1beta1: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const partition = asIntOrString(k.partition) ?? 0;
  const p = scaledValueKruise(partition, replicas, true);
  if (!p.ok) out.push(report(rules.clonesetIntOrPercentInvalid, { field: dotted([...base, 'partition']), reason: p.error }, at(res, [...base, 'partition'])));
  else if (p.value < 0) out.push(report(rules.negativeValue, { field: dotted([...base, 'partition']), value: show(partition) }, at(res, [...base, 'partition'])));

  out.push(...checkPriorityAndScatter(res, base, k));

  const mu = asIntOrString(k.maxUnavailable) ?? (defaults ? '20%' : undefined);
  const ms = asIntOrString(k.maxSurge) ?? (defaults ? 0 : undefined);
  let maxUnavailable = 0;
  let maxSurge = 0;
  if (mu !== undefined) {
    const r = scaledValueKruise(mu, replicas, true);
    if (!r.ok) out.push(report(rules.clonesetIntOrPercentInvalid, { field: dotted([...base, 'maxUnavailable']), reason: r.error }, at(res, [...base, 'maxUnavailable'])));
    else { maxUnavailable = r.value; out.push(...decimalPercent(res, [...base, 'maxUnavailable'], mu, replicas)); }
  }
  if (ms !== undefined) {
    const r = scaledValueKruise(ms, replicas, true);
    if (!r.ok) out.push(report(rules.clonesetIntOrPercentInvalid, { field: dotted([...base, 'maxSurge']), reason: r.error }, at(res, [...base, 'maxSurge'])));
    else { maxSurge = r.value; out.push(...decimalPercent(res, [...base, 'maxSurge'], ms, replicas)); }
    if (inPlaceOnly && maxSurge > 0) out.push(report(rules.clonesetInPlaceOnlySurge, { value: show(ms) }, at(res, [...base, 'maxSurge'])));
  }
  if (replicas > 0 && maxUnavailable < 1 && maxSurge < 1) {
    out.push(report(rules.clonesetNoProgress, { field: dotted([...base, 'maxUnavailable']) }, at(res, [...base, 'maxUnavailable'])));
  } else if (v1beta1 && replicas > 0 && maxUnavailable < 1) {
    // validateUpdateStrategyV1beta1 declares a second maxSurge inside its MaxSurge branch, so
    // the joint check always sees 0 surge: Kruise refuses what v1alpha1 admits.
    out.push(report(rules.clonesetV1beta1SurgeNotCounted, { maxUnavailable: show(mu ?? 0), maxSurge: show(ms ?? 0) }, at(res, [...base, 'maxUnavailable'])));
  }

  const ip = objAt(k, 'inPlaceUpdateStrategy');
  if (v1beta1 && ip) {
    const ipBase: FieldPath = [...base, 'inPlaceUpdateStrategy'];
    const par = ip.imagePreDownloadParallelism;
    if (typeof par === 'string') {
      if (par.endsWith('%')) out.push(report(rules.clonesetPreDownloadParallelism, { value: show(par), reason: 'percentages are not supported' }, at(res, [...ipBase, 'imagePreDownloadParallelism'])));
      else if (!/^[+-]?\d+$/.test(par) || Math.abs(Number(par)) > 2147483647) out.push(report(rules.clonesetPreDownloadParallelism, { value: show(par), reason: 'must be a valid integer' }, at(res, [...ipBase, 'imagePreDownloadParallelism'])));
      else if (Number(par) < 0) out.push(report(rules.clonesetPreDownloadParallelism, { value: show(par), reason: 'must be non-negative' }, at(res, [...ipBase, 'imagePreDownloadParallelism'])));
    } else if (typeof par === 'number' && par < 0) {
      out.push(report(rules.clonesetPreDownloadParallelism, { value: show(par), reason: 'must be non-negative' }, at(res, [...ipBase, 'imagePreDownloadParallelism'])));
    }
    out.push(...nonNegative(res, [...ipBase, 'imagePreDownloadTimeoutSeconds'], ip.imagePreDownloadTimeoutSeconds));
    out.push(...nonNegative(res, [...ipBase, 'imagePreDownloadMinUpdatedReadyPods'], ip.imagePreDownloadMinUpdatedReadyPods));
  }
  return out;
}

/** Admitted by the webhook's float parser, refused by the controller's integer-percent parser. */
function decimalPercent(res: Resource, path: FieldPath, v: IntOrString, replicas: number): Diagnostic[] {
  if (typeof v !== 'string' || scaledValueK8s(v, replicas, true).ok) return [];
  return [report(rules.clonesetDecimalPercent, { field: dotted(path), value: v }, at(res, path))];
}

