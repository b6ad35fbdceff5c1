// What a workload's status says about the stage (spec rollout-semantics.md §7.3): converged,
// still moving (and what it waits for), or stalled: a state that waiting will not fix, reported
// as an error with what to do.
import type { KubeObject } from '../../api/resource.js';

export type Verdict =
  | { state: 'ready'; revision?: string; progress: string }
  | { state: 'waiting'; waitingFor: string; revision?: string; progress?: string }
  | { state: 'stalled'; reason: string; hint: string; revision?: string; progress?: string };

export interface ConvergeInput {
  /** The manifest this stage applies. */
  desired: KubeObject;
  /** The object as the API server last reported it (the watch cache); undefined when absent. */
  live: KubeObject | undefined;
  /** metadata.generation the server returned for our apply: a cached object older than that
   *  has not seen the apply yet, however converged its status looks. */
  minGeneration: number;
  /** failureThreshold as a pod count (plan's expectation). */
  tolerance: number;
  /** UnitedDeployment: its subset workloads as cached. */
  subsets?: readonly KubeObject[];
  /** SidecarSet: pods that need recreation (SidecarSetUpgradable=False), once listed. */
  notUpgradable?: number;
  /** How plan expects the pods to change (its preview mode: in-place, recreate, ...). */
  mode?: string;
}

// Loose views of live objects: every field may be missing or of the wrong type.
export type Loose = Record<string, any>;

export function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** The checks every kind starts with: present, our apply seen, the controller caught up. */
export function observed(input: ConvergeInput): Verdict | undefined {
  const live = input.live as Loose | undefined;
  if (!live) return { state: 'waiting', waitingFor: 'the object to appear in the watch cache' };
  const gen = num(live.metadata?.generation);
  if (gen < input.minGeneration) return { state: 'waiting', waitingFor: `the watch to deliver generation ${input.minGeneration}` };
  const seen = num(live.status?.observedGeneration, -1);
  if (seen < gen) return { state: 'waiting', waitingFor: `the controller to observe generation ${gen} (status.observedGeneration ${seen < 0 ? 'unset' : seen})` };
  return undefined;
}

/** First unmet condition as a "waiting for" verdict, or ready. */
export function firstUnmet(checks: readonly [boolean, string][], progress: string, revision?: string): Verdict {
  for (const [ok, what] of checks) if (!ok) return { state: 'waiting', waitingFor: what, progress, revision };
  return { state: 'ready', progress, revision };
}

export function conditionOf(live: Loose, type: string): Loose | undefined {
  const cs = live.status?.conditions;
  return Array.isArray(cs) ? cs.find((c: Loose) => c?.type === type) : undefined;
}
