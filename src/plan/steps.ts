// Where a workload's rollout steps come from, and whether Kruise Rollouts would accept them.
// Sources, first match wins: a rollouts.kruise.io Rollout in the repo targeting the workload;
// the workload's `kruisec.io/rollout-steps` annotation; ClusterFacts.defaultSteps. Whatever the
// source, the steps are held to Kruise Rollouts' step rules, which validate owns.
import type { RolloutStep } from '../api/cluster.js';
import type { KubeObject, Resource } from '../api/resource.js';
import type { IntOrString } from '../k8s/intstr.js';
import { decreasingSteps, overPartitionTrafficLimit, validStepReplicas } from '../validate/index.js';

/** Annotation holding kruisec's own step list: JSON, either a list of steps or
 *  {"steps": [...], "failureThreshold": ..., "paused": ...}. */
export const STEPS_ANNOTATION = 'kruisec.io/rollout-steps';

export interface Step {
  replicas: IntOrString;
  /** undefined = wait for approval; a number = seconds after the batch is ready. */
  pauseSeconds?: number;
}

export interface StepPlan {
  source: 'rollout' | 'annotation' | 'default';
  steps: Step[];
  failureThreshold?: IntOrString;
  paused: boolean;
  /** The Rollout object, when it is the source. */
  rollout?: Resource;
}

export type StepProblem = { path: (string | number)[]; reason: string };

/** The Rollout in `resources` whose workloadRef names `obj` (v1beta1 spec.workloadRef or
 *  v1alpha1 spec.objectRef.workloadRef), in the same namespace. Disabled Rollouts own nothing. */
export function rolloutFor(obj: KubeObject, resources: readonly Resource[]): Resource | undefined {
  const ns = obj.metadata?.namespace ?? '';
  return resources.find((r) => {
    if (r.obj.kind !== 'Rollout' || !r.obj.apiVersion.startsWith('rollouts.kruise.io/')) return false;
    if ((r.obj.metadata?.namespace ?? '') !== ns) return false;
    const spec = (r.obj.spec ?? {}) as Record<string, any>;
    if (spec.disabled === true) return false;
    const ref = spec.workloadRef ?? spec.objectRef?.workloadRef;
    if (!ref || ref.kind !== obj.kind || ref.name !== obj.metadata?.name) return false;
    // apiVersion's group must agree (a StatefulSet ref may mean native or Advanced).
    const g = (v: string) => (v.includes('/') ? v.split('/')[0] : '');
    return typeof ref.apiVersion !== 'string' || g(ref.apiVersion) === g(obj.apiVersion);
  });
}

/** The canary steps of a Rollout, v1alpha1 converted the way the conversion webhook does
 *  (a step with only `weight: W` becomes `replicas: "W%"`). */
export function stepsOfRollout(rollout: KubeObject, targetIsDeployment = false): { plan?: Omit<StepPlan, 'source' | 'rollout'>; problems: StepProblem[]; unsupported?: string; traffic: boolean } {
  const spec = (rollout.spec ?? {}) as Record<string, any>;
  const strategy = (spec.strategy ?? {}) as Record<string, any>;
  if (strategy.blueGreen) return { problems: [], unsupported: 'a blueGreen strategy', traffic: false };
  const canary = (strategy.canary ?? {}) as Record<string, any>;
  // Only a Deployment gets an extra canary workload; any other kind stays partition style.
  if (canary.enableExtraWorkloadForCanary === true && targetIsDeployment) return { problems: [], unsupported: 'enableExtraWorkloadForCanary (a canary Deployment)', traffic: false };
  const raw: any[] = Array.isArray(canary.steps) ? canary.steps : [];
  const alpha = rollout.apiVersion === 'rollouts.kruise.io/v1alpha1';
  const steps = raw.map((s) => {
    let replicas = s?.replicas;
    if ((replicas === undefined || replicas === null) && alpha && typeof s?.weight === 'number') replicas = `${s.weight}%`;
    return { replicas, pause: s?.pause };
  });
  const traffic = Array.isArray(canary.trafficRoutings) && canary.trafficRoutings.length > 0 || raw.some((s) => s?.traffic !== undefined || s?.matches !== undefined || (alpha && s?.weight !== undefined));
  const parsed = parseSteps(steps, ['spec', 'strategy', 'canary', 'steps']);
  // Partition style with traffic on a step: a percent step may release at most 50%
  // (PartitionReplicasLimitWithTraffic).
  raw.forEach((s, i) => {
    if (s?.traffic === undefined && !(Array.isArray(s?.matches) && s.matches.length > 0)) return;
    const r = steps[i].replicas;
    if (typeof r === 'string' && overPartitionTrafficLimit(r)) parsed.problems.push({ path: ['spec', 'strategy', 'canary', 'steps', i, 'replicas'], reason: 'for a partition-style rollout, a step with traffic may not release more than 50%' });
  });
  if (parsed.problems.length) parsed.steps = undefined;
  return {
    plan: parsed.steps ? { steps: parsed.steps, failureThreshold: canary.failureThreshold, paused: strategy.paused === true } : undefined,
    problems: parsed.problems, traffic,
  };
}

/** The annotation's JSON, parsed. */
export function stepsOfAnnotation(text: string): { plan?: Omit<StepPlan, 'source' | 'rollout'>; problems: StepProblem[] } {
  let v: unknown;
  try { v = JSON.parse(text); } catch (e) {
    return { problems: [{ path: ['metadata', 'annotations', STEPS_ANNOTATION], reason: `not valid JSON (${(e as Error).message})` }] };
  }
  const obj = (Array.isArray(v) ? { steps: v } : v) as Record<string, unknown> | null;
  if (!obj || typeof obj !== 'object' || !Array.isArray(obj.steps)) {
    return { problems: [{ path: ['metadata', 'annotations', STEPS_ANNOTATION], reason: 'must be a JSON list of steps or an object with "steps"' }] };
  }
  const parsed = parseSteps(obj.steps as unknown[], ['metadata', 'annotations', STEPS_ANNOTATION]);
  return {
    plan: parsed.steps ? { steps: parsed.steps, failureThreshold: obj.failureThreshold as IntOrString | undefined, paused: obj.paused === true } : undefined,
    problems: parsed.problems,
  };
}

export function stepsOfDefaults(defaults: readonly RolloutStep[]): { plan?: Omit<StepPlan, 'source' | 'rollout'>; problems: StepProblem[] } {
  const parsed = parseSteps(defaults as unknown[], ['defaultSteps']);
  return { plan: parsed.steps ? { steps: parsed.steps, paused: false } : undefined, problems: parsed.problems };
}

/** Shape check plus Kruise Rollouts' webhook rules (validateRolloutSpecCanarySteps): at least
 *  one step; every step has replicas; an int must be > 0, a percent an integer percent in
 *  (0%, 100%]; consecutive steps of the same type never decrease. */
export function parseSteps(raw: readonly unknown[], at: (string | number)[]): { steps?: Step[]; problems: StepProblem[] } {
  const problems: StepProblem[] = [];
  if (raw.length === 0) return { problems: [{ path: at, reason: 'The number of Canary.Steps cannot be empty' }] };
  const steps: Step[] = [];
  raw.forEach((s, i) => {
    const step = (s ?? {}) as Record<string, any>;
    const r = step.replicas;
    if (r === undefined || r === null) { problems.push({ path: [...at, i, 'replicas'], reason: 'replicas cannot be empty' }); return; }
    if (!((typeof r === 'number' && Number.isInteger(r)) || typeof r === 'string') || !validStepReplicas(r)) {
      problems.push({ path: [...at, i, 'replicas'], reason: `replicas must be positive number, or a percentage with "0%" < canaryReplicas <= "100%" (got ${JSON.stringify(r)})` });
      return;
    }
    const d = step.pause?.duration;
    if (d !== undefined && d !== null && !(typeof d === 'number' && Number.isInteger(d) && d >= 0)) {
      problems.push({ path: [...at, i, 'pause', 'duration'], reason: `pause.duration must be a whole number of seconds (got ${JSON.stringify(d)})` });
      return;
    }
    steps.push({ replicas: r, pauseSeconds: typeof d === 'number' ? d : undefined });
  });
  if (problems.length) return { problems };
  for (const i of decreasingSteps(steps.map((s) => s.replicas))) {
    problems.push({ path: [...at, i, 'replicas'], reason: 'Steps.CanaryReplicas must be a non decreasing sequence' });
  }
  return problems.length ? { problems } : { steps, problems };
}
