// The rollout's state, kept in the cluster (a ConfigMap per rollout) so that any reconciler, on
// any machine, after any crash, continues from what the cluster says. Every write carries the
// resourceVersion read (optimistic concurrency): a write based on a stale read fails with 409
// and the writer reads again. The stage index is written *before* a stage is applied
// (write-ahead): a crash after applying stage k+1 but before recording it can then never make
// the next run apply stage k again, which would raise the partitions it had already lowered.
import type { KubeObject } from '../api/resource.js';
import type { Gate } from '../plan/index.js';
import type { KubeClient } from './kube/client.js';
import { isApiError } from './kube/errors.js';
import type { WaitFor } from './stages.js';

export type Phase = 'progressing' | 'ready' | 'done';

export interface RolloutState {
  /** Hash of the plan being rolled out (src/plan planHash). */
  plan: string;
  stages: number;
  stage: number;
  /** progressing: stage `stage` is (being) applied, waiting to converge; ready: it converged at
   *  readyAt and waits for its gate; done: the last stage converged. */
  phase: Phase;
  /** When stage `stage` started (ISO 8601, the writer's clock). */
  startedAt: string;
  readyAt?: string;
  /** Index of the stage whose approval gate was passed with `kruisec approve`. */
  approved?: number;
  approvedBy?: string;
  /** The current stage's gate and what it waits for: `kruisec status` needs no plan. */
  gate: Gate;
  waitFor: WaitFor[];
  /** Revision each workload reported when its stage converged, by workload key. */
  revisions: Record<string, string>;
  /** Digest of what each staged workload's revision is made of in this plan (stages.ts
   *  revisionDigest): tells a changed template from edited steps when the plan changes. */
  templates: Record<string, string>;
  /** How many times a changed plan restarted the rollout, and the last reason. */
  restarts: number;
  restartReason?: string;
}

export interface Stored {
  state: RolloutState;
  resourceVersion: string;
}

export const STATE_LABEL = 'kruisec.io/rollout';

export function stateObjectName(rollout: string): string {
  return `kruisec-rollout-${rollout}`;
}

export function encodeState(s: RolloutState): Record<string, string> {
  const data: Record<string, string> = {
    plan: s.plan, stages: String(s.stages), stage: String(s.stage), phase: s.phase, startedAt: s.startedAt,
    gate: JSON.stringify(s.gate), waitFor: JSON.stringify(s.waitFor),
    revisions: JSON.stringify(s.revisions), templates: JSON.stringify(s.templates), restarts: String(s.restarts),
  };
  if (s.readyAt) data.readyAt = s.readyAt;
  if (s.approved !== undefined) data.approved = String(s.approved);
  if (s.approvedBy) data.approvedBy = s.approvedBy;
  if (s.restartReason) data.restartReason = s.restartReason;
  return data;
}

export class StateFormatError extends Error {}

export function decodeState(data: Record<string, string> | undefined, where: string): RolloutState {
  const d = data ?? {};
  const int = (k: string): number => {
    const n = Number(d[k]);
    if (d[k] === undefined || !Number.isInteger(n) || n < 0) throw new StateFormatError(`${where}: data.${k} is not a count (${JSON.stringify(d[k] ?? null)}); delete the ConfigMap to start the rollout over`);
    return n;
  };
  const phase = d.phase;
  if (phase !== 'progressing' && phase !== 'ready' && phase !== 'done') throw new StateFormatError(`${where}: data.phase ${JSON.stringify(phase ?? null)} is not progressing, ready or done`);
  const json = <T>(k: string, fallback: T): T => {
    try {
      return d[k] ? JSON.parse(d[k]) as T : fallback;
    } catch {
      throw new StateFormatError(`${where}: data.${k} is not JSON; delete the ConfigMap to start the rollout over`);
    }
  };
  const s: RolloutState = {
    plan: d.plan ?? '', stages: int('stages'), stage: int('stage'), phase, startedAt: d.startedAt ?? '',
    gate: json<Gate>('gate', { type: 'none' }), waitFor: json<WaitFor[]>('waitFor', []), revisions: json<Record<string, string>>('revisions', {}), templates: json<Record<string, string>>('templates', {}),
    restarts: d.restarts === undefined ? 0 : int('restarts'),
  };
  if (d.readyAt) s.readyAt = d.readyAt;
  if (d.approved !== undefined) s.approved = int('approved');
  if (d.approvedBy) s.approvedBy = d.approvedBy;
  if (d.restartReason) s.restartReason = d.restartReason;
  return s;
}

export class StateStore {
  constructor(private readonly client: KubeClient, readonly namespace: string, readonly rollout: string) {}

  get name(): string {
    return stateObjectName(this.rollout);
  }

  get ref() {
    return { apiVersion: 'v1', kind: 'ConfigMap', namespace: this.namespace, name: this.name };
  }

  async read(): Promise<Stored | undefined> {
    try {
      return this.fromObject(await this.client.get(this.ref));
    } catch (e) {
      if (isApiError(e, 'notFound')) return undefined;
      throw e;
    }
  }

  fromObject(obj: KubeObject): Stored {
    return { state: decodeState(obj.data as Record<string, string>, `ConfigMap ${this.namespace}/${this.name}`), resourceVersion: String(obj.metadata?.resourceVersion ?? '') };
  }

  /** Creates the state; 409 (AlreadyExists) if another reconciler did first. */
  async create(state: RolloutState): Promise<Stored> {
    return this.fromObject(await this.client.create(this.object(state)));
  }

  /** Replaces the state if nobody wrote since `resourceVersion`; 409 otherwise. */
  async update(state: RolloutState, resourceVersion: string): Promise<Stored> {
    const obj = this.object(state);
    obj.metadata.resourceVersion = resourceVersion;
    return this.fromObject(await this.client.update(obj));
  }

  private object(state: RolloutState): KubeObject {
    return {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: this.name, namespace: this.namespace, labels: { 'app.kubernetes.io/managed-by': 'kruisec', [STATE_LABEL]: this.rollout } },
      data: encodeState(state),
    };
  }
}
