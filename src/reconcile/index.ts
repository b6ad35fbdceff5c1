// reconcile: apply a plan's stages to a live cluster in order, wait for each to converge, stop
// at its gate, and survive crashes (docs/reconcile.md). Three entry points for the CLI:
// reconcile (the controller), approve (pass a manual gate) and status (where a rollout is).
// Everything the rollout needs to resume lives in the cluster: a ConfigMap with its state and
// a Lease that only one reconciler holds at a time.
import type { KubeObject } from '../api/resource.js';
import { planHash, type Stage } from '../plan/index.js';
import { type Clock, realClock, sleep } from './clock.js';
import { StageController, type RolloutResult } from './controller.js';
import { verdictFor, type Verdict } from './converge/index.js';
import { KubeClient, loadKubeConfig, type KubeTarget } from './kube/client.js';
import { isApiError } from './kube/errors.js';
import { DEFAULT_LEASE, LeaderElector } from './lease.js';
import { applyObject } from './apply.js';
import type { ProgressSink } from './progress.js';
import { desiredOf, toReconcileStages, withNamespace, workloadName, type ReconcileStage, type WaitFor } from './stages.js';
import { type RolloutState, STATE_LABEL, StateStore, stateObjectName } from './state.js';

export { isPlanDir, readPlanDir, PlanDirError } from './plan-dir.js';
export { progressPrinter, describeEvent, type ProgressEvent, type ProgressFormat, type ProgressSink } from './progress.js';
export type { KubeTarget } from './kube/client.js';
export type { RolloutResult } from './controller.js';
export { failureMessage } from './failure.js';
import { ApproveError, LeaseLostError } from './failure.js';

export interface ReconcileRequest {
  stages: Stage[];
  target: KubeTarget;
  /** Name of the rollout: the state ConfigMap and Lease are kruisec-rollout-<name>. */
  rollout: string;
  /** Where state and lease live; default: the context's namespace. */
  namespace?: string;
  workers: number;
  stageTimeoutMs: number;
  forceConflicts: boolean;
  dryRun: boolean;
  /** Keep running: wait for the lease as a standby, and after a rollout for a new plan. */
  watch: boolean;
  /** --watch: the plan as the inputs say now (re-read from disk). */
  replan?: () => Promise<Stage[]>;
  pollIntervalMs?: number;
  leaseDurationSeconds?: number;
  progress: ProgressSink;
  signal: AbortSignal;
  clock?: Clock;
}

export async function reconcile(req: ReconcileRequest): Promise<RolloutResult> {
  const client = new KubeClient(loadKubeConfig(req.target));
  const clock = req.clock ?? realClock;
  const namespace = req.namespace || client.defaultNamespace;
  let stages = req.stages;
  let prepared = await prepareStages(client, stages);
  if (req.dryRun) return dryRun(client, prepared, req);
  const leaseSeconds = req.leaseDurationSeconds ?? DEFAULT_LEASE.leaseDurationSeconds;
  const elector = new LeaderElector(client, {
    ...DEFAULT_LEASE, leaseDurationSeconds: leaseSeconds,
    renewDeadlineMs: Math.round(leaseSeconds * 1000 * 2 / 3), renewPeriodMs: Math.round(leaseSeconds * 1000 / 3),
    namespace, name: stateObjectName(req.rollout),
  }, undefined, clock);
  let result: RolloutResult = { outcome: 'stopped' };
  let fresh = true; // the plan was made just now, not before a wait for the lease
  while (!req.signal.aborted) {
    if (!(await elector.acquire(req.signal, (holder) => { fresh = false; req.progress({ event: 'lease-wait', holder }); }))) break;
    req.progress({ event: 'lease-acquired', identity: elector.identity });
    if (req.watch && req.replan && !fresh) {
      // A standby's plan is as old as its wait: the inputs may have moved on meanwhile, and
      // acting on the old plan would roll the cluster back.
      const now = await replanned(req, clock, req.signal);
      if (!now) { await elector.release(); break; }
      stages = now;
      prepared = await prepareStages(client, stages);
    }
    fresh = false;
    const acting = new AbortController();
    const stopActing = () => acting.abort();
    req.signal.addEventListener('abort', stopActing, { once: true });
    let lost: string | undefined;
    const holding = elector.hold(acting.signal, (why) => { lost = why; acting.abort(); });
    try {
      for (;;) {
        result = await new StageController({
          client, stages: prepared, planHash: planHash(stages), rollout: req.rollout, namespace,
          workers: req.workers, stageTimeoutMs: req.stageTimeoutMs, forceConflicts: req.forceConflicts,
          clock, progress: req.progress, signal: acting.signal,
        }).run();
        if (!req.watch || result.outcome === 'stopped') break;
        const next = await waitForNewPlan(stages, req, clock, acting.signal);
        if (!next) break;
        stages = next;
        prepared = await prepareStages(client, stages);
      }
    } finally {
      acting.abort();
      req.signal.removeEventListener('abort', stopActing);
      await holding;
      if (!lost) await elector.release();
    }
    if (lost === undefined) break;
    if (!req.watch) throw new LeaseLostError(`stopped acting: ${lost}; run the same command again to resume`);
    req.progress({ event: 'note', message: `lost the lease (${lost}); waiting to take it again` });
  }
  return result;
}

/** --watch: polls the inputs until they plan to something else. */
async function waitForNewPlan(current: Stage[], req: ReconcileRequest, clock: Clock, signal: AbortSignal): Promise<Stage[] | undefined> {
  if (!req.replan) return undefined;
  const hash = planHash(current);
  while (await sleep(clock, req.pollIntervalMs ?? 30_000, signal)) {
    const next = await tryReplan(req);
    if (next && planHash(next) !== hash) return next;
  }
  return undefined;
}

/** --watch: the inputs' plan now, once they plan without errors; undefined if stopped first. */
async function replanned(req: ReconcileRequest, clock: Clock, signal: AbortSignal): Promise<Stage[] | undefined> {
  for (;;) {
    const next = await tryReplan(req);
    if (next) return next;
    if (!(await sleep(clock, req.pollIntervalMs ?? 30_000, signal))) return undefined;
  }
}

/** Inputs that stop planning (a broken commit) leave the rollout as it is until they plan again. */
async function tryReplan(req: ReconcileRequest): Promise<Stage[] | undefined> {
  try {
    return await req.replan!();
  } catch (e) {
    req.progress({ event: 'note', message: `not planning again: ${(e as Error).message}; the cluster stays as it is` });
    return undefined;
  }
}

/** Puts namespaced objects without a namespace into the context's, as kubectl does; the API
 *  server's discovery says which kinds are namespaced. */
async function prepareStages(client: KubeClient, stages: readonly Stage[]): Promise<ReconcileStage[]> {
  const scope = new Map<string, boolean>();
  for (const s of stages) {
    for (const r of s.resources) {
      const id = `${r.obj.apiVersion}|${r.obj.kind}`;
      if (!scope.has(id)) scope.set(id, (await client.resourceFor(r.obj.apiVersion, r.obj.kind)).namespaced);
    }
  }
  return toReconcileStages(stages, (obj) => withNamespace(obj, scope.get(`${obj.apiVersion}|${obj.kind}`) ?? false, client.defaultNamespace));
}

/** --dry-run: every stage's objects sent as server-side dry runs against the cluster as it is;
 *  nothing is written, no lease is taken. */
async function dryRun(client: KubeClient, stages: ReconcileStage[], req: ReconcileRequest): Promise<RolloutResult> {
  for (const st of stages) {
    req.progress({ event: 'stage', stage: st.index, stages: stages.length, gate: st.gate });
    for (const so of st.objects) {
      const res = await applyObject(client, so.obj, { forceConflicts: req.forceConflicts, dryRun: true });
      req.progress({ event: 'apply', stage: st.index, object: workloadName({ kind: so.obj.kind, namespace: so.obj.metadata?.namespace, name: so.obj.metadata?.name ?? '' }), dryRun: true, ...(res.forced.length ? { forced: res.forced } : {}) });
    }
  }
  return { outcome: 'done' };
}

// ---- approve ----

export interface ApproveRequest {
  target: KubeTarget;
  rollout?: string;
  namespace?: string;
}

/** Passes the manual gate the rollout is stopped at, recorded in its state object. */
export async function approve(req: ApproveRequest): Promise<{ rollout: string; namespace: string; stage: number; stages: number }> {
  const client = new KubeClient(loadKubeConfig(req.target));
  const namespace = req.namespace || client.defaultNamespace;
  const rollout = req.rollout ?? await onlyWaiting(client, namespace);
  const store = new StateStore(client, namespace, rollout);
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await store.read();
    if (!stored) throw new ApproveError(`no rollout ${rollout} in namespace ${namespace} (no ConfigMap ${store.name})`);
    const s = stored.state;
    if (s.phase !== 'ready' || s.gate.type !== 'approval' || s.approved === s.stage) {
      throw new ApproveError(`rollout ${rollout} is not waiting for approval: stage ${s.stage + 1}/${s.stages} is ${s.phase === 'ready' && s.approved === s.stage ? 'already approved' : s.phase}${s.phase === 'progressing' ? ' (approval is possible once it converged)' : ''}`);
    }
    try {
      await store.update({ ...s, approved: s.stage, approvedBy: client.user }, stored.resourceVersion);
      return { rollout, namespace, stage: s.stage, stages: s.stages };
    } catch (e) {
      if (!isApiError(e, 'conflict')) throw e; // someone wrote meanwhile: read again
    }
  }
  throw new ApproveError(`rollout ${rollout}: the state kept changing while approving; try again`);
}

async function onlyWaiting(client: KubeClient, namespace: string): Promise<string> {
  const all = await listRollouts(client, namespace);
  const waiting = all.filter((r) => r.state.phase === 'ready' && r.state.gate.type === 'approval' && r.state.approved !== r.state.stage);
  if (waiting.length === 1) return waiting[0].rollout;
  if (waiting.length === 0) throw new ApproveError(`no rollout in namespace ${namespace} is waiting for approval${all.length ? ` (rollouts: ${all.map((r) => r.rollout).join(', ')})` : ''}`);
  throw new ApproveError(`several rollouts in namespace ${namespace} wait for approval (${waiting.map((r) => r.rollout).join(', ')}): name one`);
}

async function listRollouts(client: KubeClient, namespace: string): Promise<{ rollout: string; state: RolloutState }[]> {
  const res = await client.list('v1', 'ConfigMap', namespace, { labelSelector: STATE_LABEL });
  const out: { rollout: string; state: RolloutState }[] = [];
  for (const cm of res.items) {
    const rollout = cm.metadata?.labels?.[STATE_LABEL];
    if (!rollout) continue;
    out.push({ rollout, state: new StateStore(client, namespace, rollout).fromObject(cm).state });
  }
  return out.sort((a, b) => (a.rollout < b.rollout ? -1 : 1));
}

// ---- status ----

export interface StatusRequest {
  target: KubeTarget;
  rollout?: string;
  namespace?: string;
  clock?: Clock;
}

export interface WorkloadStatus {
  workload: string;
  state: Verdict['state'] | 'unknown';
  progress?: string;
  waitingFor?: string;
  reason?: string;
  hint?: string;
}

export interface RolloutStatus {
  rollout: string;
  namespace: string;
  state: RolloutState;
  /** What the stage waits for now, in words. */
  waiting: string;
  leaseHolder?: string;
  workloads: WorkloadStatus[];
}

export async function status(req: StatusRequest): Promise<RolloutStatus[]> {
  const client = new KubeClient(loadKubeConfig(req.target));
  const namespace = req.namespace || client.defaultNamespace;
  const clock = req.clock ?? realClock;
  let rollouts: { rollout: string; state: RolloutState }[];
  if (req.rollout) {
    const stored = await new StateStore(client, namespace, req.rollout).read();
    if (!stored) throw new ApproveError(`no rollout ${req.rollout} in namespace ${namespace} (no ConfigMap ${stateObjectName(req.rollout)})`);
    rollouts = [{ rollout: req.rollout, state: stored.state }];
  } else {
    rollouts = await listRollouts(client, namespace);
  }
  const out: RolloutStatus[] = [];
  for (const r of rollouts) {
    let leaseHolder: string | undefined;
    try {
      const lease = await client.get({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace, name: stateObjectName(r.rollout) });
      leaseHolder = (lease as { spec?: { holderIdentity?: string } }).spec?.holderIdentity || undefined;
    } catch (e) {
      if (!isApiError(e, 'notFound')) throw e;
    }
    const workloads = r.state.phase === 'progressing' ? await Promise.all(r.state.waitFor.map((w) => workloadStatus(client, w))) : [];
    out.push({ rollout: r.rollout, namespace, state: r.state, waiting: waitingText(r.state, workloads, clock.now(), r.rollout, namespace), leaseHolder, workloads });
  }
  return out;
}

async function workloadStatus(client: KubeClient, w: WaitFor): Promise<WorkloadStatus> {
  const name = workloadName(w);
  let live: KubeObject | undefined;
  try {
    live = await client.get(w);
  } catch (e) {
    if (!isApiError(e, 'notFound')) throw e;
  }
  const fn = verdictFor(w.apiVersion, w.kind);
  if (!fn) return { workload: name, state: 'unknown' };
  let subsets: KubeObject[] | undefined;
  if (w.kind === 'UnitedDeployment' && live) {
    const t = (live as { spec?: { template?: Record<string, unknown> } }).spec?.template ?? {};
    const sub = t.cloneSetTemplate ? ['apps.kruise.io/v1alpha1', 'CloneSet'] : t.advancedStatefulSetTemplate ? ['apps.kruise.io/v1beta1', 'StatefulSet'] : t.statefulSetTemplate ? ['apps/v1', 'StatefulSet'] : undefined;
    if (sub) {
      const listed = await client.list(sub[0], sub[1], w.namespace, { labelSelector: 'apps.kruise.io/subset-name' });
      subsets = listed.items.filter((o) => (o.metadata?.ownerReferences as { kind?: string; name?: string }[] | undefined)?.some((x) => x.kind === 'UnitedDeployment' && x.name === w.name));
    }
  }
  const v = fn({ desired: desiredOf(w), live, minGeneration: 0, tolerance: w.tolerance, mode: w.mode, subsets });
  const s: WorkloadStatus = { workload: name, state: v.state };
  if (v.progress) s.progress = v.progress;
  if (v.state === 'waiting') s.waitingFor = v.waitingFor;
  if (v.state === 'stalled') { s.reason = v.reason; s.hint = v.hint; }
  return s;
}

function waitingText(s: RolloutState, workloads: readonly WorkloadStatus[], now: number, rollout: string, namespace: string): string {
  if (s.phase === 'done') return 'nothing: rolled out';
  if (s.phase === 'progressing') {
    const stalled = workloads.find((w) => w.state === 'stalled');
    if (stalled) return `stalled: ${stalled.reason}; ${stalled.hint}`;
    const n = workloads.filter((w) => w.state !== 'ready').length;
    return n ? `${n} workload${n === 1 ? '' : 's'} to converge` : 'the reconciler to record that the stage converged';
  }
  if (s.stage === s.stages - 1) return 'the reconciler to record the rollout as done';
  if (s.gate.type === 'approval') return s.approved === s.stage ? 'the reconciler to start the next stage (approved)' : `approval: kruisec approve ${rollout} --namespace ${namespace}`;
  if (s.gate.type === 'pause') {
    const left = Math.max(0, Math.ceil((Date.parse(s.readyAt ?? s.startedAt) + s.gate.seconds * 1000 - now) / 1000));
    return left > 0 ? `pause: ${left}s of ${s.gate.seconds}s left` : 'the reconciler to start the next stage (pause over)';
  }
  return 'the reconciler to start the next stage';
}
