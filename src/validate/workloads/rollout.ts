// Kruise Rollouts' Rollout admission (openkruise/rollouts pkg/webhook/rollout/validating),
// v1beta1 and v1alpha1, plus the cross-object conflict check (one Rollout per workload) over
// the input set. Like the webhook, the step checks stop at the first bad step. Two warnings
// are kruisec's own: a failureThreshold the controller cannot parse, and a workloadRef that
// names no input.
import type { FieldPath, Resource } from '../../api/resource.js';
import { apiGroup } from '../../api/resource.js';
import { asIntOrString, scaledValueK8s, type IntOrString } from '../../k8s/intstr.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { objAt, show } from './common.js';
import { isObj, type Obj } from '../../util/json.js';

/** Percentage-of-replicas limit of partition-style steps that route traffic (flag
 *  partition-percent-limit, default 50). */
export const PARTITION_REPLICAS_LIMIT_WITH_TRAFFIC = 50;
const STYLE_ANNOTATION = 'rollouts.kruise.io/rolling-style';

type Style = 'partition' | 'canary' | 'bluegreen';

export function checkRollout(res: Resource): Diagnostic[] {
  return res.obj.apiVersion === 'rollouts.kruise.io/v1alpha1' ? checkV1alpha1(res) : checkV1beta1(res);
}

function checkV1beta1(res: Resource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const spec = objAt(res.obj, 'spec') ?? {};
  const ref = objAt(spec, 'workloadRef');
  const strategy = objAt(spec, 'strategy') ?? {};
  const canary = objAt(strategy, 'canary');
  const blueGreen = objAt(strategy, 'blueGreen');
  const style: Style = blueGreen ? 'bluegreen' : canary?.enableExtraWorkloadForCanary === true && isDeployment(ref) ? 'canary' : 'partition';
  if (blueGreen && ref && !(isDeployment(ref) || (apiGroup(String(ref.apiVersion ?? '')) === 'apps.kruise.io' && ref.kind === 'CloneSet'))) {
    out.push(report(rules.rolloutBlueGreenWorkload, { kind: String(ref.kind) }, at(res, ['spec', 'workloadRef', 'kind'])));
  }
  if (!canary && !blueGreen) return [...out, report(rules.rolloutStrategy, { reason: 'canary and blueGreen cannot both be empty' }, at(res, ['spec', 'strategy']))];
  if (canary && blueGreen) return [...out, report(rules.rolloutStrategy, { reason: 'canary and blueGreen cannot both be set' }, at(res, ['spec', 'strategy']))];
  const key = blueGreen ? 'blueGreen' : 'canary';
  const s = (blueGreen ?? canary)!;
  const base: FieldPath = ['spec', 'strategy', key];
  out.push(...stepsV1beta1(res, base, s.steps, style));
  out.push(...trafficRoutings(res, base, s.trafficRoutings));
  out.push(...failureThreshold(res, base, s.failureThreshold));
  return out;
}

/** The webhook's step loop: no steps is an error, the first bad step ends the check, and only
 *  then is the order of the steps looked at. */
function checkSteps(res: Resource, base: FieldPath, steps: unknown,
  stepError: (s: Obj, i: number, path: FieldPath) => Diagnostic | undefined,
  orderError: (list: Obj[]) => Diagnostic | undefined): Diagnostic[] {
  const list = Array.isArray(steps) ? steps.map((x) => (isObj(x) ? x : {})) : [];
  if (list.length === 0) return [report(rules.rolloutNoSteps, {}, at(res, [...base, 'steps']))];
  for (let i = 0; i < list.length; i++) {
    const bad = stepError(list[i], i, [...base, 'steps', i]);
    if (bad) return [bad];
  }
  const bad = orderError(list);
  return bad ? [bad] : [];
}

function stepsV1beta1(res: Resource, base: FieldPath, steps: unknown, style: Style): Diagnostic[] {
  return checkSteps(res, base, steps, (s, i, path) => {
    const replicas = asIntOrString(s.replicas);
    if (replicas === undefined) return report(rules.rolloutStepReplicasMissing, { index: i }, at(res, path));
    if (!validStepReplicas(replicas)) return report(rules.rolloutStepReplicasInvalid, { index: i, value: show(replicas) }, at(res, [...path, 'replicas']));
    const matches = Array.isArray(s.matches) ? s.matches : [];
    const traffic = typeof s.traffic === 'string' ? s.traffic : undefined;
    if (traffic === undefined && matches.length === 0) return undefined;
    if (style === 'partition' && overPartitionTrafficLimit(replicas)) {
      return report(rules.rolloutPartitionTrafficLimit, { index: i, value: show(replicas) }, at(res, [...path, 'replicas']));
    }
    if (traffic === undefined) return undefined;
    const w = scaledValueK8s(traffic, 100, true);
    const ok = w.ok && (style === 'bluegreen' ? w.value >= 0 && w.value <= 100 : w.value > 0 && w.value <= 100);
    if (!ok) return report(rules.rolloutStepTrafficInvalid, { index: i, value: show(traffic), range: style === 'bluegreen' ? '"0%" <= traffic <= "100%"' : '"0%" < traffic <= "100%"' }, at(res, [...path, 'traffic']));
    return undefined;
  }, (list) => {
    const [i] = decreasingSteps(list.map((s) => asIntOrString(s.replicas)!));
    return i === undefined ? undefined : report(rules.rolloutStepsDecreasing, { index: i, field: 'replicas' }, at(res, [...base, 'steps', i, 'replicas']));
  });
}

function checkV1alpha1(res: Resource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const spec = objAt(res.obj, 'spec') ?? {};
  const ref = objAt(spec, 'objectRef', 'workloadRef');
  if (!ref) out.push(report(rules.rolloutStrategy, { reason: 'objectRef.workloadRef is required' }, at(res, ['spec', 'objectRef'])));
  const annotation = res.obj.metadata?.annotations?.[STYLE_ANNOTATION] ?? '';
  const styleName = String(annotation).toLowerCase();
  if (styleName !== '' && styleName !== 'canary' && styleName !== 'partition') {
    out.push(report(rules.rolloutRollingStyle, { value: String(annotation) }, at(res, ['metadata', 'annotations', STYLE_ANNOTATION])));
  }
  const canary = objAt(spec, 'strategy', 'canary');
  if (!canary) return [...out, report(rules.rolloutStrategy, { reason: 'canary cannot be empty' }, at(res, ['spec', 'strategy']))];
  const style: Style = (styleName === '' || styleName === 'canary') && isDeployment(ref) ? 'canary' : 'partition';
  const base: FieldPath = ['spec', 'strategy', 'canary'];
  const routings = Array.isArray(canary.trafficRoutings) ? canary.trafficRoutings : [];
  out.push(...stepsV1alpha1(res, base, canary.steps, style, routings.length > 0));
  out.push(...trafficRoutings(res, base, canary.trafficRoutings));
  out.push(...failureThreshold(res, base, canary.failureThreshold));
  return out;
}

function stepsV1alpha1(res: Resource, base: FieldPath, steps: unknown, style: Style, isTraffic: boolean): Diagnostic[] {
  return checkSteps(res, base, steps, (s, i, path) => {
    const replicas = asIntOrString(s.replicas);
    const weight = typeof s.weight === 'number' ? s.weight : undefined;
    if (replicas === undefined && weight === undefined) return report(rules.rolloutStepReplicasMissing, { index: i }, at(res, path));
    if (replicas !== undefined) {
      if (!validStepReplicas(replicas)) return report(rules.rolloutStepReplicasInvalid, { index: i, value: show(replicas) }, at(res, [...path, 'replicas']));
      if (style === 'partition' && overPartitionTrafficLimit(replicas) && (Array.isArray(s.matches) || weight !== undefined)) {
        return report(rules.rolloutPartitionTrafficLimit, { index: i, value: show(replicas) }, at(res, [...path, 'replicas']));
      }
      return undefined;
    }
    if (style === 'partition' && weight! > PARTITION_REPLICAS_LIMIT_WITH_TRAFFIC) {
      return report(rules.rolloutStepWeightInvalid, { index: i, value: String(weight), reason: 'a partition-style step without replicas may route at most 50' }, at(res, [...path, 'weight']));
    }
    if (weight! <= 0 || weight! > 100) return report(rules.rolloutStepWeightInvalid, { index: i, value: String(weight), reason: 'must be from 1 to 100' }, at(res, [...path, 'weight']));
    return undefined;
  }, (list) => {
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const curr = list[i];
      if (isTraffic && typeof curr.weight === 'number' && typeof prev.weight === 'number' && curr.weight < prev.weight) {
        return report(rules.rolloutStepsDecreasing, { index: i, field: 'weight' }, at(res, [...base, 'steps', i, 'weight']));
      }
      const pr = asIntOrString(prev.replicas);
      const cr = asIntOrString(curr.replicas);
      if ((pr === undefined || typeof pr === 'string') !== (cr === undefined || typeof cr === 'string')) continue;
      const pv = pr === undefined ? Number(prev.weight) : stepPercent(pr);
      const cv = cr === undefined ? Number(curr.weight) : stepPercent(cr);
      const field = cr === undefined ? 'weight' : 'replicas';
      if (cv < pv) return report(rules.rolloutStepsDecreasing, { index: i, field }, at(res, [...base, 'steps', i, field]));
    }
    return undefined;
  });
}

function trafficRoutings(res: Resource, base: FieldPath, routings: unknown): Diagnostic[] {
  if (!Array.isArray(routings)) return [];
  const out: Diagnostic[] = [];
  const path: FieldPath = [...base, 'trafficRoutings'];
  if (routings.length > 1) out.push(report(rules.rolloutTrafficRoutingInvalid, { reason: 'only a single traffic routing is supported' }, at(res, path)));
  routings.forEach((r, i) => {
    const t: Obj = isObj(r) ? r : {};
    const p: FieldPath = [...path, i];
    if (typeof t.gracePeriodSeconds === 'number' && t.gracePeriodSeconds < 0) out.push(report(rules.rolloutTrafficRoutingInvalid, { reason: 'gracePeriodSeconds cannot be negative' }, at(res, [...p, 'gracePeriodSeconds'])));
    if (typeof t.service !== 'string' || t.service === '') out.push(report(rules.rolloutTrafficRoutingInvalid, { reason: 'service cannot be empty' }, at(res, [...p, 'service'])));
    const ingress = objAt(t, 'ingress');
    const gateway = objAt(t, 'gateway');
    if (!ingress && !gateway && (t.customNetworkRefs === undefined || t.customNetworkRefs === null)) out.push(report(rules.rolloutTrafficRoutingInvalid, { reason: 'none of ingress, gateway or customNetworkRefs is set' }, at(res, p)));
    if (ingress && (typeof ingress.name !== 'string' || ingress.name === '')) out.push(report(rules.rolloutTrafficRoutingInvalid, { reason: 'ingress name cannot be empty' }, at(res, [...p, 'ingress'])));
    if (gateway && (typeof gateway.httpRouteName !== 'string' || gateway.httpRouteName === '')) out.push(report(rules.rolloutTrafficRoutingInvalid, { reason: 'gateway must name its HTTPRoute' }, at(res, [...p, 'gateway'])));
  });
  return out;
}

function failureThreshold(res: Resource, base: FieldPath, v: unknown): Diagnostic[] {
  const ft = asIntOrString(v);
  if (ft === undefined || scaledValueK8s(ft, 100, true).ok) return [];
  return [report(rules.rolloutFailureThreshold, { value: show(ft) }, at(res, [...base, 'failureThreshold']))];
}

// The canary step rules (validateRolloutSpecCanarySteps). plan holds kruisec's own step lists
// (annotation, defaultSteps) to them too, so they are exported through validate's index.

/** A step's replicas as the webhook reads it: the k8s parser against 100, rounded up. */
export function stepPercent(v: IntOrString): number {
  const r = scaledValueK8s(v, 100, true);
  return r.ok ? r.value : 0;
}

/** An int > 0, or a percent in (0%, 100%]. */
export function validStepReplicas(v: IntOrString): boolean {
  const r = scaledValueK8s(v, 100, true);
  return r.ok && r.value > 0 && !(r.value > 100 && typeof v === 'string');
}

/** Every step whose replicas are below the step before it, comparing only steps of the same
 *  type (an int and a percent are not compared). */
export function decreasingSteps(replicas: readonly IntOrString[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < replicas.length; i++) {
    const prev = replicas[i - 1], curr = replicas[i];
    if (typeof prev === typeof curr && stepPercent(curr) < stepPercent(prev)) out.push(i);
  }
  return out;
}

/** A partition-style step that routes traffic may release at most 50% (PartitionReplicasLimitWithTraffic). */
export function overPartitionTrafficLimit(v: IntOrString): boolean {
  return typeof v === 'string' && stepPercent(v) > PARTITION_REPLICAS_LIMIT_WITH_TRAFFIC;
}

function isDeployment(ref: Obj | undefined): boolean {
  return !!ref && ref.apiVersion === 'apps/v1' && ref.kind === 'Deployment';
}

/** workloadRef of a Rollout in either version. */
export function workloadRefOf(res: Resource): { apiVersion: string; kind: string; name: string } | undefined {
  const ref = res.obj.apiVersion === 'rollouts.kruise.io/v1alpha1' ? objAt(res.obj, 'spec', 'objectRef', 'workloadRef') : objAt(res.obj, 'spec', 'workloadRef');
  if (!ref || typeof ref.kind !== 'string' || typeof ref.name !== 'string') return undefined;
  return { apiVersion: String(ref.apiVersion ?? ''), kind: ref.kind, name: ref.name };
}

/** Cross-object checks: two Rollouts on one workload (the webhook's conflict check), and
 *  workloads missing from the input. */
export function checkRolloutSet(rollouts: readonly Resource[], all: readonly Resource[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const present = new Set(all.map((r) => `${apiGroup(r.obj.apiVersion)}/${r.obj.kind}/${r.obj.metadata?.namespace ?? ''}/${r.obj.metadata?.name ?? ''}`));
  const seen = new Map<string, Resource>();
  for (const r of rollouts) {
    const ref = workloadRefOf(r);
    if (!ref) continue;
    const ns = r.obj.metadata?.namespace ?? '';
    const workload = `${ref.kind} ${ns ? `${ns}/` : ''}${ref.name}`;
    const key = `${ns}\u0000${ref.apiVersion}\u0000${ref.kind}\u0000${ref.name}`;
    const first = seen.get(key);
    if (first) out.push(report(rules.rolloutWorkloadConflict, { workload, other: `${ns ? `${ns}/` : ''}${first.obj.metadata?.name ?? ''}` }, at(r, ['metadata', 'name'])));
    else seen.set(key, r);
    if (!present.has(`${apiGroup(ref.apiVersion)}/${ref.kind}/${ns}/${ref.name}`)) {
      const path = r.obj.apiVersion === 'rollouts.kruise.io/v1alpha1' ? ['spec', 'objectRef', 'workloadRef'] : ['spec', 'workloadRef'];
      out.push(report(rules.rolloutWorkloadMissing, { workload: `${ref.apiVersion} ${workload}` }, at(r, path)));
    }
  }
  return out;
}
