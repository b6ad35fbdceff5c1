// Kruise's loose selector-overlap test (pkg/util/selector.go IsSelectorLooseOverlap), which
// the PodUnavailableBudget webhook uses: two selectors overlap only when they constrain
// exactly the same keys and, key by key, the two requirements can both hold (matchLabels read
// as In [value]). Unlike the SidecarSet heuristic, a key one side does not mention means no
// overlap.
import type { LabelSelector, LabelSelectorRequirement } from '../../k8s/selector.js';

export function isSelectorLooseOverlap(a: LabelSelector, b: LabelSelector): boolean {
  const ea = requirements(a);
  const eb = requirements(b);
  for (const [k, ra] of ea) {
    const rb = eb.get(k);
    if (!rb || !overlaps(ra, rb)) return false;
  }
  for (const [k, rb] of eb) {
    const ra = ea.get(k);
    if (!ra || !overlaps(rb, ra)) return false;
  }
  return true;
}

function requirements(sel: LabelSelector): Map<string, LabelSelectorRequirement> {
  const out = new Map<string, LabelSelectorRequirement>();
  for (const r of sel.matchExpressions ?? []) out.set(r.key, r);
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) out.set(k, { key: k, operator: 'In', values: [String(v)] });
  return out;
}

function overlaps(r1: LabelSelectorRequirement, r2: LabelSelectorRequirement): boolean {
  const v1 = r1.values ?? [];
  const v2 = r2.values ?? [];
  switch (r1.operator) {
    case 'In':
      return r2.operator === 'Exists' || (r2.operator === 'In' && v2.some((v) => v1.includes(v))) || (r2.operator === 'NotIn' && !v1.every((v) => v2.includes(v)));
    case 'Exists':
      return r2.operator === 'In' || r2.operator === 'NotIn' || r2.operator === 'Exists';
    case 'NotIn':
      return r2.operator === 'Exists' || r2.operator === 'DoesNotExist' || r2.operator === 'NotIn' || (r2.operator === 'In' && !v2.every((v) => v1.includes(v)));
    case 'DoesNotExist':
      return r2.operator === 'DoesNotExist' || r2.operator === 'NotIn';
    default:
      return false;
  }
}
