// What a workload's change is, base to head: created, a new revision (pod template / sidecar
// containers), only a scale, or nothing kruisec stages. Revision data is what Kruise hashes
// into a ControllerRevision, so a replicas or update-strategy edit is never a new revision.
import type { KubeObject } from '../api/resource.js';
import { sameJson } from '../util/json.js';
import { get } from './kinds/kind.js';

export type Change = 'created' | 'revision' | 'scale-only' | 'unchanged' | 'assumed';

export function classifyChange(head: KubeObject, base: KubeObject | undefined, hasBase: boolean, revisionData: (o: KubeObject) => unknown): Change {
  if (!hasBase) return 'assumed';
  if (!base) return 'created';
  if (!sameJson(revisionData(head), revisionData(base))) return 'revision';
  if (!sameJson(get(head, ['spec', 'replicas']), get(base, ['spec', 'replicas']))) return 'scale-only';
  return 'unchanged';
}
