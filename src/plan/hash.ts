// A plan's identity: the same stages (manifests and gates, whatever their key order) give the
// same hash on every machine. The reconciler keeps it in the cluster to tell a resumed rollout
// from a changed one.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../util/json.js';
import type { Stage } from './types.js';

export function planHash(stages: readonly Pick<Stage, 'resources' | 'gate'>[]): string {
  const text = canonicalJson(stages.map((s) => ({ resources: s.resources.map((r) => r.obj), gate: s.gate })));
  return createHash('sha256').update(text).digest('hex');
}
