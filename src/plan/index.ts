// plan: compile a change into ordered stages whose partitions release it batch by batch
// (spec rollout-semantics.md §7). Stage 1 carries the new revision together with the first
// partition; later stages only lower partitions; the last stage is the repo as written. Every
// stage is a complete, apply-ready set of resources in install order.
import { resourceKey, type Resource } from '../api/resource.js';
import { compareResources, sortResources } from '../k8s/order.js';
import { imageChanges } from '../k8s/pod-images.js';
import * as rules from '../report/catalogue/plan.js';
import { report } from '../report/catalogue/rule.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { failureTolerance } from './batch.js';
import { kindContext } from './kinds/kind.js';
import { isPlannedWorkload, planWorkload, type WorkloadPlan } from './workload.js';
import type { Expectation, Gate, PlanOptions, PlanResult, Stage, StagePreview } from './types.js';

export type { Gate, Expectation, PlanOptions, PlanResult, Stage, StagePreview, WorkloadChange } from './types.js';
export { formatPlan, type PlanFormat } from './output/index.js';
export { planHash } from './hash.js';

export function plan(head: readonly Resource[], base: readonly Resource[] | undefined, opts: PlanOptions): PlanResult {
  const diagnostics: Diagnostic[] = [];
  const sorted = [...head].sort(compareResources);
  if (!base) diagnostics.push(report(rules.noBase, {}));
  const baseByKey = new Map((base ?? []).map((r) => [resourceKey(r.obj), r]));
  const ctx = kindContext(sorted, opts.cluster, base ? new Set(baseByKey.keys()) : undefined);

  const plans = new Map<Resource, WorkloadPlan>();
  for (const r of sorted) {
    if (isPlannedWorkload(r.obj)) plans.set(r, planWorkload(r, baseByKey.get(resourceKey(r.obj)), base !== undefined, ctx, diagnostics));
  }
  const count = Math.max(1, ...[...plans.values()].map((p) => p.states.length));
  // Rollouts whose steps kruisec adopted join only the last stage, after the release.
  const held = new Set([...plans.values()].flatMap((p) => (p.held ? [p.held] : [])));
  const stages: Stage[] = [];
  for (let k = 0; k < count; k++) {
    const inStage = k === count - 1 ? sorted : sorted.filter((r) => !held.has(r));
    const resources = sortResources(inStage.map((r) => {
      const p = plans.get(r);
      if (!p) return r;
      const s = p.states[Math.min(k, p.states.length - 1)];
      return s.obj === r.obj ? r : { ...r, obj: s.obj };
    }));
    const wps = [...plans.values()];
    stages.push({
      index: k,
      resources,
      gate: k === count - 1 ? { type: 'none' } : stageGate(wps, k),
      expect: wps.flatMap((p) => expectationAt(p, k, count)),
      preview: wps.flatMap((p) => previewAt(p, k)),
    });
  }
  const changes = [...plans.values()].filter((p) => p.change !== 'unchanged').map((p) => ({
    workload: p.name, change: p.change, mode: p.mode,
    images: base ? imageChanges(baseByKey.get(resourceKey(p.res.obj))?.obj, p.res.obj) : [],
  }));
  return { stages, diagnostics, changes };
}

/** Approval if any workload waits for one at this stage, else the longest pause. */
function stageGate(plans: readonly WorkloadPlan[], k: number): Gate {
  let seconds: number | undefined;
  for (const p of plans) {
    if (k >= p.states.length - 1) continue; // already at its final state
    const g = p.states[k].gate;
    if (g.type === 'approval') return g;
    if (g.type === 'pause') seconds = Math.max(seconds ?? 0, g.seconds);
  }
  return seconds === undefined ? { type: 'none' } : { type: 'pause', seconds };
}

function stateAt(p: WorkloadPlan, k: number) {
  return p.states[Math.min(k, p.states.length - 1)];
}

function releases(p: WorkloadPlan): boolean {
  return p.change === 'revision' || p.change === 'assumed' || p.change === 'created';
}

/** Staged workloads get a predicate in every stage until their last; others once, in stage 1. */
function expectationAt(p: WorkloadPlan, k: number, count: number): Expectation[] {
  if (!p.model || !releases(p) || p.mode === 'refused' || p.mode === 'rollout' || p.mode === 'not-upgradable') return [];
  if (!p.staged && k !== 0) return [];
  if (p.staged && k > p.states.length - 1 && k !== count - 1) return [];
  const s = stateAt(p, k);
  const total = p.total ?? -1;
  const old = s.old ?? -1;
  const desired = total >= 0 && old >= 0 ? total - old : -1;
  const tolerance = desired > 0 ? failureTolerance(p.failureThreshold, desired) : 0;
  const m = p.res.obj.metadata ?? {};
  const e: Expectation = {
    kind: p.res.obj.kind, apiVersion: p.res.obj.apiVersion, name: m.name ?? '',
    desiredUpdated: desired, partitionCount: old, replicas: total, tolerance,
    predicate: s.predicate ?? (desired >= 0 ? p.model.predicate(desired, tolerance, s.obj) : `updated pods >= matched pods - CalculatePartitionReplicas(${JSON.stringify(s.value ?? null)}, matched pods)`),
  };
  if (m.namespace) e.namespace = m.namespace;
  if (s.value !== undefined) e.partition = s.value;
  return [e];
}

function previewAt(p: WorkloadPlan, k: number): StagePreview[] {
  if (!releases(p) && k !== 0) return [];
  if (!p.staged && k !== 0) return [];
  if (p.staged && k > p.states.length - 1) return [];
  const s = stateAt(p, k);
  const total = p.total ?? -1;
  let updated: number, old: number;
  if (!releases(p) || p.mode === 'refused' || p.mode === 'not-upgradable' || p.mode === 'rollout') {
    updated = p.mode === 'rollout' || p.mode === 'not-upgradable' || p.mode === 'refused' ? 0 : total;
    old = p.mode === 'rollout' || p.mode === 'not-upgradable' || p.mode === 'refused' ? total : 0;
  } else {
    old = s.old ?? -1;
    updated = total >= 0 && old >= 0 ? total - old : -1;
  }
  const pv: StagePreview = { workload: p.name, updated, old, mode: p.mode };
  const note = [p.note, s.note, p.change === 'assumed' ? 'no base: change assumed' : undefined].filter(Boolean).join('; ');
  if (note) pv.note = note;
  return [pv];
}
