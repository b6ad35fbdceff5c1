// The stage machine, built like a controller (client-go / controller-runtime): informers keep a
// cache of every object the plan waits for, events only put keys into a work queue, and
// workers act on the current state of a key (level-triggered), never on the event itself.
//
// Keys: one per stage object (apply it if this stage changed it, then judge it) and one for
// the rollout ('plan': decide whether the stage converged, whether its gate passed, and move
// on). The rollout's position lives in the cluster (state.ts) and is written before acting on
// it, so a run killed at any moment resumes at the same place.
import type { KubeObject } from '../api/resource.js';
import { backoffDelay } from './backoff.js';
import { type Clock, sleep } from './clock.js';
import { verdictFor, type Verdict } from './converge/index.js';
import type { KubeClient } from './kube/client.js';
import { isApiError, isFatal } from './kube/errors.js';
import { Informer, type InformerSpec } from './kube/informer.js';
import { applyObject } from './apply.js';
import type { ProgressSink } from './progress.js';
import { holdsNoMore, partitionCount } from './partition.js';
import { desiredOf, objectKey, revisionDigests, workloadName, type ReconcileStage, type StageObject, type WaitFor } from './stages.js';
import { type RolloutState, StateFormatError, StateStore, type Stored } from './state.js';
import { runWorkers, WorkQueue } from './workqueue.js';

export interface RolloutOptions {
  client: KubeClient;
  stages: ReconcileStage[];
  planHash: string;
  rollout: string;
  namespace: string;
  workers: number;
  stageTimeoutMs: number;
  forceConflicts: boolean;
  clock: Clock;
  progress: ProgressSink;
  signal: AbortSignal;
  random?: () => number;
  /** How long a SidecarSet may sit still before its pods are listed for ones that need recreation. */
  stallCheckMs?: number;
}

export type RolloutResult =
  | { outcome: 'done' }
  | { outcome: 'stalled'; stage: number; workload?: string; reason: string; hint: string }
  | { outcome: 'stopped' };

const PLAN = 'plan';
const CHECK = 'check:';

export class StageController {
  private readonly queue: WorkQueue<string>;
  private readonly store: StateStore;
  private stored!: Stored;
  /** resourceVersions of the state object this run wrote or read: an event carrying one of
   *  them is old news; any other version was written by someone else (kruisec approve). */
  private readonly seenVersions = new Set<string>();
  private readonly informers = new Map<string, Informer>();
  /** Digest and resulting generation of what this process applied, by object key. */
  private readonly applied = new Map<string, { digest: string; generation: number }>();
  /** Each waited-for workload's verdict, for the stage it was judged in: a worker still judging
   *  against stage k when the rollout moved to k+1 must not count for k+1. */
  private readonly judged = new Map<string, { stage: number; verdict: Verdict }>();
  private readonly notUpgradable = new Map<string, number>();
  private readonly stallWatch = new Map<string, string>();
  private readonly announced = new Set<string>();
  private stageRequestsAt = 0;
  private result: RolloutResult | undefined;
  private failure: unknown;
  private readonly stop = new AbortController();

  constructor(private readonly o: RolloutOptions) {
    this.queue = new WorkQueue({ clock: o.clock, random: o.random });
    this.store = new StateStore(o.client, o.namespace, o.rollout);
  }

  async run(): Promise<RolloutResult> {
    if (this.o.signal.aborted) return { outcome: 'stopped' }; // no abort event would come
    const onAbort = () => this.finish({ outcome: 'stopped' });
    this.o.signal.addEventListener('abort', onAbort, { once: true });
    try {
      await this.initState();
      if (this.result) return this.result;
      const informing = this.startInformers();
      await Promise.race([Promise.all([...this.informers.values()].map((i) => i.synced)), informing]);
      if (!this.result) {
        this.queue.add(PLAN);
        await runWorkers(this.queue, this.o.workers, (k) => this.handle(k), (k, e) => this.onError(k, e));
      }
      this.stop.abort();
      await informing.catch(() => {});
    } catch (e) {
      this.failure ??= e;
    } finally {
      this.o.signal.removeEventListener('abort', onAbort);
      this.stop.abort();
    }
    if (this.failure) throw this.failure;
    return this.result ?? { outcome: 'stopped' };
  }

  // ---- state ----

  private async initState(): Promise<void> {
    const { o } = this;
    const templates = revisionDigests(o.stages);
    const fresh = (restarts: number, restartReason?: string): RolloutState => {
      const s = this.stateFor(0, { plan: o.planHash, stages: o.stages.length, restarts, revisions: {}, templates });
      if (restartReason) s.restartReason = restartReason;
      return s;
    };
    // Decide from what the cluster holds; if someone writes in between, read and decide again.
    for (let attempt = 0; ; attempt++) {
      let stored = await this.retry('read the rollout state', () => this.store.read());
      try {
        if (!stored) {
          this.adopt(await this.retry('create the rollout state', () => this.store.create(fresh(0))));
          break;
        }
        this.adopt(stored);
        const s = stored.state;
        if (s.plan === o.planHash) {
          if (s.stage >= o.stages.length) throw new StateFormatError(`ConfigMap ${o.namespace}/${this.store.name} says stage ${s.stage + 1} of a ${o.stages.length}-stage plan; delete it to start over`);
          break;
        }
        const next = s.phase === 'done' ? fresh(s.restarts) : await this.afterPlanChange(s, fresh, templates);
        this.adopt(await this.retry('write the rollout state', () => this.store.update(next, stored!.resourceVersion)));
        if (next.restartReason && next.restarts > s.restarts) o.progress({ event: 'restart', reason: next.restartReason });
        else if (s.phase !== 'done') o.progress({ event: 'note', message: next.restartReason ?? '' });
        break;
      } catch (e) {
        if (!isApiError(e, 'conflict') || attempt >= 5) throw e;
      }
    }
    const cur = this.stored.state;
    o.progress({ event: 'start', rollout: o.rollout, namespace: o.namespace, plan: o.planHash, stages: o.stages.length, stage: cur.stage, phase: cur.phase });
    if (cur.phase === 'progressing') this.announceStage(cur.stage);
  }

  /** A different plan while a rollout is in progress. A new template for any workload starts
   *  over from the first stage, as Kruise Rollouts restarts its steps for a new revision. With
   *  the same templates (steps edited, a Service changed) it goes on at the first stage that
   *  holds back no more pods than the cluster does now, as Rollouts does for edited steps:
   *  released pods are not held back again. */
  private async afterPlanChange(s: RolloutState, fresh: (restarts: number, reason?: string) => RolloutState, templates: Record<string, string>): Promise<RolloutState> {
    const { o } = this;
    const was = `(${s.plan.slice(0, 12)} -> ${o.planHash.slice(0, 12)}) while stage ${s.stage + 1}/${s.stages} was ${s.phase}`;
    const changed = Object.keys(templates).filter((k) => s.templates[k] !== templates[k]);
    if (changed.length > 0 || Object.keys(templates).length === 0) {
      return fresh(s.restarts + 1, `the plan changed ${was}: a new template mid-rollout starts over from the first step, as Kruise Rollouts does`);
    }
    const live = new Map<string, KubeObject>();
    for (const w of o.stages[0].waitFor) live.set(objectKey(w), await this.retry(`read ${workloadName(w)}`, () => o.client.get(w)));
    const holds = (obj: KubeObject, l: KubeObject, now: KubeObject) => {
      const want = partitionCount(obj, l);
      const have = partitionCount(now, l);
      return want !== undefined && have !== undefined && holdsNoMore(want, have);
    };
    let k = o.stages.findIndex((st) => st.objects.every((so) => {
      const l = live.get(so.key);
      return !l || holds(so.obj, l, l);
    }));
    if (k < 0) k = o.stages.length - 1;
    const next = this.stateFor(k, { plan: o.planHash, stages: o.stages.length, restarts: s.restarts, revisions: s.revisions, templates });
    next.restartReason = `the plan changed ${was}, but no workload's template did: going on at stage ${k + 1}/${o.stages.length}, the first that holds back no more pods than the cluster does now, as Kruise Rollouts does for edited steps`;
    return next;
  }

  private stateFor(stage: number, base: Pick<RolloutState, 'plan' | 'stages' | 'restarts' | 'revisions' | 'templates'>): RolloutState {
    const st = this.o.stages[stage];
    return { ...base, stage, phase: 'progressing', startedAt: new Date(this.o.clock.now()).toISOString(), gate: st.gate, waitFor: st.waitFor };
  }

  private adopt(stored: Stored): void {
    this.stored = stored;
    this.seenVersions.add(stored.resourceVersion);
  }

  /** Writes the next state if nobody wrote since we read; on 409 reads again and re-evaluates. */
  private async writeState(next: RolloutState): Promise<boolean> {
    try {
      this.adopt(await this.store.update(next, this.stored.resourceVersion));
      return true;
    } catch (e) {
      if (!isApiError(e, 'conflict')) throw e;
      const again = await this.store.read();
      if (!again) throw new Error(`ConfigMap ${this.o.namespace}/${this.store.name} was deleted during the rollout; run again to start over`);
      this.adopt(again);
      this.queue.add(PLAN);
      return false;
    }
  }

  // ---- informers ----

  private startInformers(): Promise<void> {
    const specs = new Map<string, InformerSpec>();
    const add = (spec: InformerSpec) => specs.set(`${spec.apiVersion}|${spec.kind}|${spec.namespace ?? ''}|${spec.fieldSelector ?? ''}`, spec);
    for (const st of this.o.stages) {
      for (const w of st.waitFor) {
        add({ apiVersion: w.apiVersion, kind: w.kind, namespace: w.namespace });
        const sub = subsetKind(st.objects.find((x) => x.key === objectKey(w))?.obj);
        if (sub) add({ ...sub, namespace: w.namespace });
      }
    }
    add({ apiVersion: 'v1', kind: 'ConfigMap', namespace: this.o.namespace, fieldSelector: `metadata.name=${this.store.name}` });
    const runs: Promise<void>[] = [];
    for (const [id, spec] of specs) {
      const inf = new Informer(this.o.client, spec, {
        clock: this.o.clock, random: this.o.random,
        onChange: (obj) => this.onObjectChange(obj),
        onExpired: () => this.o.progress({ event: 'note', message: `watch of ${spec.kind}${spec.namespace ? ` in ${spec.namespace}` : ''} expired (410 Gone): listing again` }),
        onRetry: (err, delayMs) => this.o.progress({ event: 'retry', what: `watch ${spec.kind}${spec.namespace ? ` in ${spec.namespace}` : ''}`, error: (err as Error)?.message ?? String(err), delayMs }),
      });
      this.informers.set(id, inf);
      runs.push(inf.run(this.stop.signal).catch((e) => { this.fail(e); }));
    }
    return Promise.all(runs).then(() => {});
  }

  private informerFor(apiVersion: string, kind: string, namespace?: string): Informer | undefined {
    return this.informers.get(`${apiVersion}|${kind}|${namespace ?? ''}|`);
  }

  private onObjectChange(obj: KubeObject): void {
    if (obj.kind === 'ConfigMap' && obj.metadata?.name === this.store.name && obj.metadata?.namespace === this.o.namespace) {
      const rv = String(obj.metadata?.resourceVersion ?? '');
      if (!rv || this.seenVersions.has(rv)) return;
      try {
        this.adopt(this.store.fromObject(obj));
      } catch (e) {
        return this.fail(e);
      }
      this.queue.add(PLAN);
      return;
    }
    const key = objectKey({ apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? '' });
    this.queue.add(key);
    // A UnitedDeployment's subset workload: its owner is the key that waits on it.
    const owner = (obj.metadata?.ownerReferences as { kind?: string; name?: string; apiVersion?: string }[] | undefined)?.find((r) => r.kind === 'UnitedDeployment');
    if (owner?.name && owner.apiVersion) this.queue.add(objectKey({ apiVersion: owner.apiVersion, kind: owner.kind!, namespace: obj.metadata?.namespace, name: owner.name }));
  }

  // ---- workers ----

  private async handle(key: string): Promise<void> {
    if (this.result) return;
    if (key === PLAN) await this.handlePlan();
    else if (key.startsWith(CHECK)) await this.checkStall(key.slice(CHECK.length));
    else await this.handleObject(key);
    this.queue.forget(key);
  }

  private onError(key: string, err: unknown): void {
    if (isFatal(err)) return this.fail(err);
    const delayMs = this.queue.addRateLimited(key);
    this.o.progress({ event: 'retry', what: key === PLAN ? 'the rollout step' : key, error: (err as Error)?.message ?? String(err), delayMs });
  }

  private fail(err: unknown): void {
    this.failure ??= err;
    this.finish({ outcome: 'stopped' });
  }

  private finish(result: RolloutResult): void {
    if (this.result) return;
    this.result = result;
    if (result.outcome === 'stalled') this.o.progress({ event: 'stalled', stage: result.stage, workload: result.workload, reason: result.reason, hint: result.hint });
    this.queue.shutDown();
    this.stop.abort();
  }

  private get stage(): ReconcileStage {
    return this.o.stages[this.stored.state.stage];
  }

  /** The first wave with an object not yet applied in this stage, or undefined. */
  private pendingWave(stage: ReconcileStage): number | undefined {
    let wave: number | undefined;
    for (const so of stage.objects) if (this.applied.get(so.key)?.digest !== so.digest && (wave === undefined || so.wave < wave)) wave = so.wave;
    return wave;
  }

  private async handleObject(key: string): Promise<void> {
    const st = this.stored.state;
    if (st.phase !== 'progressing') return;
    const stage = this.stage;
    const so = stage.objects.find((x) => x.key === key);
    const wave = this.pendingWave(stage);
    if (so && this.applied.get(key)?.digest !== so.digest) {
      if (wave === undefined || so.wave > wave) return;
      await this.apply(so, st.stage);
      this.queue.add(PLAN);
    }
    const w = stage.waitFor.find((x) => objectKey(x) === key);
    if (!w || (so && this.applied.get(key)?.digest !== so.digest)) return;
    this.judge(w, st.stage);
  }

  private async apply(so: StageObject, stage: number): Promise<void> {
    const live = this.informerFor(so.obj.apiVersion, so.obj.kind, so.obj.metadata?.namespace)?.get(so.obj.metadata?.namespace, so.obj.metadata?.name ?? '');
    const res = await applyObject(this.o.client, so.obj, { forceConflicts: this.o.forceConflicts, live });
    this.applied.set(so.key, { digest: so.digest, generation: Number(res.obj.metadata?.generation ?? 0) });
    this.o.progress({ event: 'apply', stage, object: workloadName({ kind: so.obj.kind, namespace: so.obj.metadata?.namespace, name: so.obj.metadata?.name ?? '' }), generation: Number(res.obj.metadata?.generation ?? 0) || undefined, ...(res.forced.length ? { forced: res.forced } : {}) });
  }

  private judge(w: WaitFor, stage: number): void {
    const key = objectKey(w);
    const inf = this.informerFor(w.apiVersion, w.kind, w.namespace);
    const live = inf?.get(w.namespace, w.name);
    const fn = verdictFor(w.apiVersion, w.kind);
    if (!fn) return void this.judged.set(key, { stage, verdict: { state: 'ready', progress: 'no predicate for this kind' } });
    const v = fn({
      desired: desiredOf(w), live, minGeneration: this.applied.get(key)?.generation ?? 0, tolerance: w.tolerance, mode: w.mode,
      subsets: w.kind === 'UnitedDeployment' && live ? this.subsetsOf(live) : undefined,
      notUpgradable: this.notUpgradable.get(key),
    });
    const before = this.verdictOf(key, stage);
    this.judged.set(key, { stage, verdict: v });
    if (JSON.stringify(before) !== JSON.stringify(v)) {
      this.o.progress({ event: 'workload', stage, workload: workloadName(w), state: v.state, progress: v.progress, ...(v.state === 'waiting' ? { waitingFor: v.waitingFor } : {}) });
      this.queue.add(PLAN);
    }
    // A SidecarSet that stops moving may be held by pods that need recreation: status does not
    // show them, so look at its pods once it has sat still for a while.
    if (w.kind === 'SidecarSet' && v.state === 'waiting' && live) {
      const rv = String(live.metadata?.resourceVersion ?? '');
      if (this.stallWatch.get(key) !== rv) {
        this.stallWatch.set(key, rv);
        this.queue.addAfter(CHECK + key, this.o.stallCheckMs ?? 10_000);
      }
    }
  }

  private verdictOf(key: string, stage: number): Verdict | undefined {
    const j = this.judged.get(key);
    return j && j.stage === stage ? j.verdict : undefined;
  }

  private subsetsOf(ud: KubeObject): KubeObject[] {
    const sub = subsetKind(ud);
    if (!sub) return [];
    const inf = this.informerFor(sub.apiVersion, sub.kind, ud.metadata?.namespace);
    return (inf?.list() ?? []).filter((o) => (o.metadata?.ownerReferences as { kind?: string; name?: string }[] | undefined)?.some((r) => r.kind === 'UnitedDeployment' && r.name === ud.metadata?.name));
  }

  private async checkStall(key: string): Promise<void> {
    const w = this.stored.state.phase === 'progressing' ? this.stage.waitFor.find((x) => objectKey(x) === key) : undefined;
    if (!w) return;
    const live = this.informerFor(w.apiVersion, w.kind, w.namespace)?.get(w.namespace, w.name);
    if (!live || String(live.metadata?.resourceVersion ?? '') !== this.stallWatch.get(key)) return; // it moved
    const selector = labelSelectorText((live as { spec?: { selector?: LabelSelectorLike } }).spec?.selector);
    if (selector === undefined) return;
    let pods;
    try {
      pods = await this.o.client.list('v1', 'Pod', undefined, { labelSelector: selector });
    } catch (e) {
      // Only a diagnosis: without the right to list pods the stage just goes on waiting.
      if (!isApiError(e, 'denied')) throw e;
      this.o.progress({ event: 'note', message: `cannot look for pods that need recreation: ${(e as Error).message}` });
      return;
    }
    const stuck = pods.items.filter((p) => ((p as { status?: { conditions?: { type?: string; status?: string }[] } }).status?.conditions ?? [])
      .some((c) => c.type === 'SidecarSetUpgradable' && c.status === 'False')).length;
    this.notUpgradable.set(key, stuck);
    this.queue.add(key);
  }

  private async handlePlan(): Promise<void> {
    const st = this.stored.state;
    const stage = this.stage;
    if (st.phase === 'done') return this.finishDone();
    if (st.phase === 'progressing') {
      const wave = this.pendingWave(stage);
      if (wave !== undefined) {
        for (const so of stage.objects) if (so.wave === wave && this.applied.get(so.key)?.digest !== so.digest) this.queue.add(so.key);
        return;
      }
      let ready = true;
      for (const w of stage.waitFor) {
        const key = objectKey(w);
        const v = this.verdictOf(key, st.stage);
        if (!v) { this.queue.add(key); ready = false; continue; }
        if (v.state === 'stalled') return this.finish({ outcome: 'stalled', stage: st.stage, workload: workloadName(w), reason: v.reason, hint: v.hint });
        if (v.state !== 'ready') ready = false;
      }
      if (ready) {
        const revisions = { ...st.revisions };
        for (const w of stage.waitFor) {
          const rev = this.verdictOf(objectKey(w), st.stage)?.revision;
          if (rev) revisions[objectKey(w)] = rev;
        }
        const now = this.o.clock.now();
        if (await this.writeState({ ...st, phase: 'ready', readyAt: new Date(now).toISOString(), revisions })) {
          this.o.progress({ event: 'ready', stage: st.stage, requests: this.o.client.totalRequests() - this.stageRequestsAt });
          this.queue.add(PLAN);
        }
        return;
      }
      const left = Date.parse(st.startedAt) + this.o.stageTimeoutMs - this.o.clock.now();
      if (left <= 0) {
        const waiting = stage.waitFor.map((w) => [w, this.verdictOf(objectKey(w), st.stage)] as const).filter(([, v]) => v?.state === 'waiting');
        const what = waiting.map(([w, v]) => `${workloadName(w)} waits for ${v && v.state === 'waiting' ? v.waitingFor : '?'}`).join('; ');
        return this.finish({ outcome: 'stalled', stage: st.stage, reason: `stage ${st.stage + 1} did not converge within ${Math.round(this.o.stageTimeoutMs / 1000)}s: ${what}`, hint: 'look at the workloads\' pods (kubectl describe), or give the stage more time with --timeout; run the same command again to resume' });
      }
      this.queue.addAfter(PLAN, left);
      return;
    }
    // ready: the gate
    if (st.stage === this.o.stages.length - 1) {
      if (await this.writeState({ ...st, phase: 'done' })) this.finishDone();
      return;
    }
    const gate = stage.gate;
    if (gate.type === 'pause') {
      const left = Date.parse(st.readyAt ?? st.startedAt) + gate.seconds * 1000 - this.o.clock.now();
      if (left > 0) {
        this.once(`pause:${st.plan}:${st.stage}`, () => this.o.progress({ event: 'pause', stage: st.stage, seconds: gate.seconds, remainingSeconds: Math.ceil(left / 1000) }));
        this.queue.addAfter(PLAN, left);
        return;
      }
    } else if (gate.type === 'approval') {
      if (st.approved !== st.stage) {
        this.once(`approval:${st.plan}:${st.stage}`, () => this.o.progress({ event: 'approval', stage: st.stage, command: `kruisec approve ${this.o.rollout} --namespace ${this.o.namespace}` }));
        return; // the state object's watch brings the approval
      }
      this.o.progress({ event: 'approved', stage: st.stage, by: st.approvedBy });
    }
    await this.advance(st);
  }

  private async advance(st: RolloutState): Promise<void> {
    const next = st.stage + 1;
    const s = this.stateFor(next, st);
    if (st.approved !== undefined) { s.approved = st.approved; if (st.approvedBy) s.approvedBy = st.approvedBy; }
    if (st.restartReason) s.restartReason = st.restartReason;
    if (!(await this.writeState(s))) return;
    this.judged.clear();
    this.notUpgradable.clear();
    this.announceStage(next);
    this.queue.add(PLAN);
  }

  private announceStage(stage: number): void {
    this.stageRequestsAt = this.o.client.totalRequests();
    this.o.progress({ event: 'stage', stage, stages: this.o.stages.length, gate: this.o.stages[stage].gate });
  }

  private finishDone(): void {
    const requests = Object.fromEntries([...this.o.client.requests.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    const objects = new Set(this.o.stages.flatMap((s) => s.objects.map((x) => x.key))).size;
    const total = this.o.client.totalRequests();
    this.o.progress({ event: 'done', stages: this.o.stages.length, requests, objects, requestsPerObjectPerStage: objects ? total / (objects * this.o.stages.length) : 0 });
    this.finish({ outcome: 'done' });
  }

  private once(id: string, fn: () => void): void {
    if (this.announced.has(id)) return;
    this.announced.add(id);
    fn();
  }

  /** Transient failures of a single step before the workers run: back off and try again. */
  private async retry<T>(what: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (isFatal(e) || isApiError(e, 'conflict') || this.o.signal.aborted) throw e;
        const delayMs = backoffDelay(attempt, undefined, this.o.random);
        this.o.progress({ event: 'retry', what, error: (e as Error)?.message ?? String(e), delayMs });
        if (!(await sleep(this.o.clock, delayMs, this.o.signal))) throw e;
      }
    }
  }
}

/** The kind of a UnitedDeployment's subset workloads, from its template. */
function subsetKind(ud: KubeObject | undefined): { apiVersion: string; kind: string } | undefined {
  if (ud?.kind !== 'UnitedDeployment') return undefined;
  const t = (ud as { spec?: { template?: Record<string, unknown> } }).spec?.template ?? {};
  if (t.cloneSetTemplate) return { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet' };
  if (t.advancedStatefulSetTemplate) return { apiVersion: 'apps.kruise.io/v1beta1', kind: 'StatefulSet' };
  if (t.statefulSetTemplate) return { apiVersion: 'apps/v1', kind: 'StatefulSet' };
  return undefined;
}

interface LabelSelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** A LabelSelector as the label selector query text; undefined for an empty one. */
export function labelSelectorText(sel: LabelSelectorLike | undefined): string | undefined {
  if (!sel) return undefined;
  const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : undefined;
}
