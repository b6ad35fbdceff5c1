// plan: compile a change into ordered stages whose partitions release it batch by batch
// (spec rollout-semantics.md §7). Placeholder until implemented.
import type { Resource } from '../api/resource.js';
import type { PlanOptions, PlanResult } from './types.js';

export type { Gate, Expectation, PlanOptions, PlanResult, Stage, StagePreview } from './types.js';

export function plan(head: readonly Resource[], _base: readonly Resource[] | undefined, _opts: PlanOptions): PlanResult {
  return { stages: [{ index: 0, resources: [...head], gate: { type: 'none' }, expect: [], preview: [] }], diagnostics: [] };
}
