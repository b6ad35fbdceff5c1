// Kruise's selector-overlap heuristic (pkg/util/selector.go IsSelectorOverlapping). Two
// selectors overlap unless, looked at from either side, some key constrained by one has values
// the other cannot accept. It is a heuristic, not set intersection: an Exists on a key the
// other side never mentions counts as disjoint.
import type { LabelSelector } from '../../k8s/selector.js';

// Upstream marks Exists with the literal value "ALL" (so a label value ALL also acts as a wildcard).
const ALL = 'ALL';

export function isSelectorOverlapping(a: LabelSelector, b: LabelSelector): boolean {
  return !(isDisjoint(a, b) || isDisjoint(b, a));
}

function isDisjoint(s1: LabelSelector, s2: LabelSelector): boolean {
  // key -> values s1 allows; Exists allows anything.
  const allowed = new Map<string, string[]>();
  for (const [k, v] of Object.entries(s1.matchLabels ?? {})) allowed.set(k, [v]);
  for (const r of s1.matchExpressions ?? []) {
    if (r.operator === 'In') allowed.set(r.key, [...(allowed.get(r.key) ?? []), ...(r.values ?? [])]);
    else if (r.operator === 'Exists') allowed.set(r.key, [ALL]);
  }
  for (const [k, v] of Object.entries(s2.matchLabels ?? {})) {
    const values = allowed.get(k);
    if (values && !values.includes(ALL) && !values.includes(v)) return true;
  }
  for (const r of s2.matchExpressions ?? []) {
    const values = allowed.get(r.key);
    switch (r.operator) {
      case 'In':
        if (values && !values.includes(ALL) && !values.some((v) => (r.values ?? []).includes(v))) return true;
        break;
      case 'NotIn':
        if (values && values.every((v) => (r.values ?? []).includes(v))) return true;
        break;
      case 'Exists':
        if (!values) return true;
        break;
      case 'DoesNotExist':
        if (values) return true;
        break;
    }
  }
  return false;
}
