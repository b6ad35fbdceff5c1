// attachNodeAffinity (spec §4.4): the subset's matchExpressions are appended to every required
// node-affinity term of the pod spec (terms are ORed, so this ANDs the subset into each);
import { type Obj } from '../../util/json.js';
export function attachNodeAffinity(podSpec: Obj, nodeSelectorTerm: Obj | undefined): void {
  const exprs = nodeSelectorTerm?.matchExpressions;
  if (!Array.isArray(exprs) || exprs.length === 0) return;
  const affinity = (podSpec.affinity ??= {});
  const nodeAffinity = (affinity.nodeAffinity ??= {});
  const required = (nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution ??= {});
  if (!Array.isArray(required.nodeSelectorTerms)) required.nodeSelectorTerms = [];
  if (required.nodeSelectorTerms.length === 0) required.nodeSelectorTerms.push({});
  required.nodeSelectorTerms = required.nodeSelectorTerms.map((term: Obj) => ({
    ...term,
    matchExpressions: [...(Array.isArray(term?.matchExpressions) ? term.matchExpressions : []), ...exprs.map((e) => structuredClone(e))],
  }));
}
