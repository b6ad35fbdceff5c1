// Planning one workload: where its steps come from, what its change is, and the manifest it
// has in each of its stages (each stage only lowers the partition; the last one is the
// manifest as written in git, which releases everything it does not itself hold back).
import type { KubeObject, Resource } from '../api/resource.js';
import { displayName, resourceKey } from '../api/resource.js';
import { featureGate } from '../api/cluster.js';
import type { IntOrString } from '../k8s/intstr.js';
import type { LabelSelector } from '../k8s/selector.js';
import * as rules from '../report/catalogue/plan.js';
import { at, report } from '../report/catalogue/rule.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { batchContext, deploymentNewPods } from './batch.js';
import { classifyChange, type Change } from './change.js';
import { cloneJson } from '../util/json.js';
import { inPlaceVerdict, sidecarImageOnly } from './inplace.js';
import { cloneSetModel } from './kinds/cloneset.js';
import { get, replicasOf, type KindContext, type KindModel, type KnobValue } from './kinds/kind.js';
import { CANARY_SELECTOR_ANNOTATION, sidecarContainers, sidecarSetModel } from './kinds/sidecarset.js';
import { isAdvancedStatefulSet, statefulSetModel } from './kinds/statefulset.js';
import { unitedDeploymentModel } from './kinds/uniteddeployment.js';
import { rolloutFor, STEPS_ANNOTATION, stepsOfAnnotation, stepsOfDefaults, stepsOfRollout, type Step, type StepPlan } from './steps.js';
import type { Gate } from './types.js';

export interface WorkloadState {
  obj: KubeObject;
  /** Pods kept on the old revision in this state (undefined: only the cluster knows). */
  old: number | undefined;
  value?: KnobValue;
  /** Gate after this state converged. */
  gate: Gate;
  note?: string;
  /** Replaces the kind's count predicate (a selector canary needs a pod listing). */
  predicate?: string;
}

export interface WorkloadPlan {
  res: Resource;
  model?: KindModel;
  name: string;
  change: Change;
  mode: string;
  note?: string;
  total: number | undefined;
  /** At least one; the last is the manifest as written. */
  states: WorkloadState[];
  staged: boolean;
  failureThreshold?: IntOrString;
  /** A Rollout whose steps kruisec adopted: emitted only in the last stage. */
  held?: Resource;
}

const NONE: Gate = { type: 'none' };

/** The partition model for a kind Kruise (or Kubernetes) can stage; Deployments have none. */
export function modelFor(obj: KubeObject): KindModel | undefined {
  const kruise = obj.apiVersion.startsWith('apps.kruise.io/');
  if (obj.kind === 'CloneSet' && kruise) return cloneSetModel;
  if (obj.kind === 'StatefulSet' && (kruise || obj.apiVersion === 'apps/v1')) return statefulSetModel;
  if (obj.kind === 'UnitedDeployment' && kruise) return unitedDeploymentModel;
  if (obj.kind === 'SidecarSet' && kruise) return sidecarSetModel;
  return undefined;
}

export function isPlannedWorkload(obj: KubeObject): boolean {
  return modelFor(obj) !== undefined || (obj.kind === 'Deployment' && obj.apiVersion === 'apps/v1');
}

export function planWorkload(res: Resource, base: Resource | undefined, hasBase: boolean, ctx: KindContext, diags: Diagnostic[]): WorkloadPlan {
  const obj = res.obj;
  const name = displayName(obj);
  const model = modelFor(obj);
  const revisionData = model ? model.revisionData : (o: KubeObject) => get(o, ['spec', 'template']);
  const change = classifyChange(obj, base?.obj, hasBase, revisionData);
  const total = model ? model.total(res, ctx) : replicasOf(obj);
  const headOld = model ? model.oldCount(obj, undefined, total, ctx) : 0;
  const final = (gate: Gate = NONE, note?: string): WorkloadState => ({ obj, old: headOld, gate, note });
  const plan: WorkloadPlan = { res, model, name, change, mode: change === 'created' ? 'created' : change, total, states: [final()], staged: false };
  if (change === 'unchanged' || change === 'scale-only' || change === 'created') return plan;

  // A new revision (or, without a base, an assumed one): how do pods take it?
  const how = updateMode(obj, base?.obj, model, ctx, diags, res, name, change);
  plan.mode = how.mode;
  if (how.note) plan.note = how.note;
  if (plan.mode === 'refused') return plan;

  const rollout = rolloutFor(obj, ctx.rollouts);
  const annotation = obj.metadata?.annotations?.[STEPS_ANNOTATION];
  let steps: StepPlan | undefined;
  if (rollout) {
    const rname = displayName(rollout.obj);
    if (annotation !== undefined) { diags.push(report(rules.rolloutOwnsPartition, { workload: name, rollout: rname }, at(res, ['metadata', 'annotations', STEPS_ANNOTATION]))); plan.mode = 'refused'; return plan; }
    const s = stepsOfRollout(rollout.obj, obj.kind === 'Deployment' && obj.apiVersion === 'apps/v1');
    if (s.unsupported) { diags.push(report(rules.rolloutUnsupported, { workload: name, rollout: rname, what: s.unsupported }, at(rollout, ['spec', 'strategy']))); plan.mode = 'refused'; return plan; }
    for (const p of s.problems) diags.push(report(rules.stepsInvalid, { workload: name, source: rname, reason: p.reason }, at(rollout, p.path)));
    if (s.traffic) diags.push(report(rules.rolloutTrafficIgnored, { workload: name, rollout: rname }, at(rollout, ['spec', 'strategy', 'canary'])));
    if (!s.plan) { plan.mode = 'refused'; return plan; }
    // A Rollout the cluster already runs (it is in the base) owns the partition: leave the
    // release to its controller. A new one (or any, without a base) is read as the step list,
    // and kruisec holds the Rollout object back until the last stage so the two never overlap.
    const active = ctx.baseKeys !== undefined && ctx.baseKeys.has(resourceKey(rollout.obj));
    if (active || !model) {
      diags.push(report(rules.rolloutStaged, { workload: name, rollout: rname, steps: s.plan.steps.length }, at(res)));
      plan.mode = 'rollout';
      plan.note = `released by ${rname}: ${rolloutBatches(obj, s.plan.steps)}${s.plan.paused ? ' (the Rollout is paused)' : ''}`;
      return plan;
    }
    diags.push(report(rules.rolloutStepsAdopted, { workload: name, rollout: rname, steps: s.plan.steps.length }, at(rollout, ['spec', 'strategy', 'canary', 'steps'])));
    plan.held = rollout;
    steps = { source: 'rollout', rollout, ...s.plan };
  }
  if (!model) {
    // Without a base the change is only assumed: warning on every Deployment would be noise.
    if (change === 'revision') diags.push(report(rules.deploymentNoPartition, { workload: name }, at(res, ['spec', 'template'])));
    plan.mode = 'recreate';
    plan.note = 'all at once, at the Deployment\'s own pace';
    return plan;
  }
  if (plan.mode === 'not-upgradable') return plan;
  const blocked = model.blocked?.(obj);
  if (blocked) {
    diags.push(report(rules.updateBlocked, { workload: name, reason: blocked }, at(res, ['spec', 'updateStrategy'])));
    plan.note = blocked;
    return plan;
  }

  if (steps) {
    // from the Rollout, above
  } else if (annotation !== undefined) {
    const s = stepsOfAnnotation(annotation);
    for (const p of s.problems) diags.push(report(rules.stepsInvalid, { workload: name, source: `annotation ${STEPS_ANNOTATION}`, reason: p.reason }, at(res, ['metadata', 'annotations', STEPS_ANNOTATION])));
    if (!s.plan) { plan.mode = 'refused'; return plan; }
    steps = { source: 'annotation', ...s.plan };
  } else if (ctx.cluster.defaultSteps && ctx.cluster.defaultSteps.length > 0) {
    const s = stepsOfDefaults(ctx.cluster.defaultSteps);
    for (const p of s.problems) diags.push(report(rules.stepsInvalid, { workload: name, source: 'defaultSteps (kruisec.yaml)', reason: p.reason }, at(res)));
    if (!s.plan) { plan.mode = 'refused'; return plan; }
    steps = { source: 'default', ...s.plan };
  }
  if (!steps) {
    diags.push(report(rules.noSteps, { workload: name }, at(res)));
    return plan;
  }
  const states = stagedStates(res, model, steps.steps, total, headOld, ctx, diags, name);
  if (!states) { plan.mode = 'refused'; return plan; }
  plan.states = states;
  plan.staged = true;
  if (obj.kind === 'SidecarSet') plan.note = sidecarPace(obj);
  plan.failureThreshold = steps.failureThreshold;
  return plan;
}

/** How pods take the new revision: in place, recreated, sidecar image swap, or never. */
function updateMode(obj: KubeObject, base: KubeObject | undefined, model: KindModel | undefined, ctx: KindContext, diags: Diagnostic[], res: Resource, name: string, change: Change): { mode: string; note?: string } {
  if (obj.kind === 'SidecarSet') {
    if (!base) return { mode: 'sidecar-in-place' };
    const v = sidecarImageOnly(sidecarContainers(base), sidecarContainers(obj));
    if (v.imageOnly) return { mode: 'sidecar-in-place' };
    diags.push(report(rules.sidecarNotUpgradable, { workload: name, reason: v.reason ?? 'a non-image sidecar change' }, at(res, ['spec', 'containers'])));
    return { mode: 'not-upgradable', note: v.reason };
  }
  const policy = model?.podUpdatePolicy?.(obj) ?? 'ReCreate';
  if (policy === 'ReCreate' || !model?.podTemplate) return { mode: 'recreate' };
  if (change === 'assumed' || !base) return { mode: 'in-place', note: `${policy}: in place if only images or template metadata change` };
  const v = inPlaceVerdict(model.podTemplate(base), model.podTemplate(obj), { verticalScaling: featureGate(ctx.cluster, 'InPlaceWorkloadVerticalScaling') });
  if (v.inPlace) return { mode: 'in-place', ...(v.images.length ? { note: `new image for ${v.images.join(', ')}` } : {}) };
  if (policy === 'InPlaceOnly') {
    diags.push(report(rules.inPlaceOnlyImpossible, { workload: name, reason: v.reason ?? 'the change is not in-place' }, at(res, ['spec', 'template'])));
    return { mode: 'refused', note: v.reason };
  }
  return { mode: 'recreate', note: `${policy} falls back to recreate: ${v.reason}` };
}

/** One state per step, then the manifest as written unless the last step is literally
 *  "100%" (Rollouts skips that step's pause and finalizes right there). Partitions only go
 *  down, and never below what the manifest itself keeps back. */
function stagedStates(res: Resource, model: KindModel, steps: readonly Step[], total: number | undefined, headOld: number | undefined, ctx: KindContext, diags: Diagnostic[], name: string): WorkloadState[] | undefined {
  const obj = res.obj;
  const states: WorkloadState[] = [];
  let prev: { value: KnobValue; old: number | undefined } | undefined;
  let start = 0;
  const canary = obj.kind === 'SidecarSet' ? obj.metadata?.annotations?.[CANARY_SELECTOR_ANNOTATION] : undefined;
  if (canary !== undefined) {
    // kruisec extension: the first stage upgrades only the pods the selector picks.
    let sel: LabelSelector | undefined;
    try { sel = JSON.parse(canary) as LabelSelector; } catch { sel = undefined; }
    if (!sel || typeof sel !== 'object') {
      diags.push(report(rules.stepsInvalid, { workload: name, source: `annotation ${CANARY_SELECTOR_ANNOTATION}`, reason: 'must be a JSON LabelSelector' }, at(res, ['metadata', 'annotations', CANARY_SELECTOR_ANNOTATION])));
      return undefined;
    }
    const o = cloneJson(obj);
    const us = ((o.spec as any).updateStrategy ??= {});
    us.selector = sel;
    delete us.partition;
    states.push({
      obj: o, old: undefined, gate: gateOf(steps[0]), note: `canary: only pods matching ${JSON.stringify(sel)}`,
      predicate: `observedGeneration == generation && every matched pod selected by ${JSON.stringify(sel)} is updated and ready (list pods: status does not count selector canaries)`,
    });
    start = 1;
  }
  for (let i = start; i < steps.length; i++) {
    const last = i === steps.length - 1;
    if (last && steps[i].replicas === '100%') { states.push({ obj, old: headOld, gate: NONE }); return states; }
    const v = model.valueFor(obj, steps, i, total, ctx);
    if ('error' in v) {
      diags.push(report(rules.stepUnexpressible, { workload: name, reason: `step ${i + 1}: ${v.error}` }, at(res, model.knobPath(obj))));
      return undefined;
    }
    let value = model.lower ? model.lower(obj, prev?.value, v.value) : v.value;
    let old = model.oldCount(obj, value, total, ctx);
    if (prev && old !== undefined && prev.old !== undefined && old > prev.old) { value = prev.value; old = prev.old; }
    if (headOld !== undefined && old !== undefined && old < headOld) { value = ownValue(obj, model, value); old = headOld; }
    const note = old !== undefined ? model.describe?.(obj, old) : undefined;
    states.push({ obj: model.write(obj, value), old, value, gate: gateOf(steps[i]), ...(note ? { note } : {}) });
    prev = { value, old };
  }
  states.push({ obj, old: headOld, gate: NONE });
  return states;
}

function ownValue(obj: KubeObject, model: KindModel, fallback: KnobValue): KnobValue {
  const v = get(obj, model.knobPath(obj));
  return v === undefined ? fallback : (v as KnobValue);
}

/** maxUnavailable and ordering knobs set the pace inside a stage; say so in the preview. */
function sidecarPace(obj: KubeObject): string {
  const us = (get(obj, ['spec', 'updateStrategy']) ?? {}) as Record<string, unknown>;
  const parts = [`maxUnavailable ${JSON.stringify(us.maxUnavailable ?? 1)} per round`];
  if (us.priorityStrategy) parts.push('priority order');
  if (us.scatterStrategy) parts.push('scattered');
  return `images swapped in place; ${parts.join(', ')}`;
}

function gateOf(step: Step): Gate {
  return step.pauseSeconds === undefined ? { type: 'approval' } : { type: 'pause', seconds: step.pauseSeconds };
}

/** "step 1: 2 new / partition "80%"; ..." as the Rollouts controller would compute it. */
function rolloutBatches(obj: KubeObject, steps: readonly Step[]): string {
  const replicas = replicasOf(obj);
  const kind = obj.kind === 'CloneSet' ? 'CloneSet' : obj.kind === 'StatefulSet' ? (isAdvancedStatefulSet(obj) ? 'AdvancedStatefulSet' : 'StatefulSet') : undefined;
  return steps.map((s, i) => {
    if (!kind) return obj.kind === 'Deployment' ? `step ${i + 1}: ${deploymentNewPods(s.replicas, replicas)}/${replicas} new` : `step ${i + 1}: ${JSON.stringify(s.replicas)} new`;
    const b = batchContext({ workload: kind, replicas, steps: steps.map((x) => x.replicas), currentBatch: i });
    return `step ${i + 1}: ${b.plannedUpdated}/${replicas} new (partition ${JSON.stringify(b.partition)})`;
  }).join('; ');
}
