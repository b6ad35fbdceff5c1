// Kubernetes field.Path text (`spec.topology.subsets[3].minReplicas`) for a JSON path. The
// webhooks report errors in this notation, so messages use it too; the JSON path itself rides
// on the diagnostic for line:col.
import type { FieldPath } from '../api/resource.js';

export function fieldText(path: FieldPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : (s ? `.${p}` : p);
  return s;
}
