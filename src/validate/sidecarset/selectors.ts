// Label selectors of a SidecarSet (spec §12.2): Kubernetes label-selector validation plus
// Kruise's own rule that an empty selector is not valid (it would match nothing, §2.4).
import type { FieldPath } from '../../api/resource.js';
import { labelSelectorErrors } from '../../k8s/selector.js';
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { fieldText } from '../../k8s/field-path.js';
import { diag, type SidecarSetUnderCheck } from './context.js';
import type { Obj } from '../../util/json.js';

export function checkSelector(s: SidecarSetUnderCheck, sel: Obj, path: FieldPath): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (sel === null || typeof sel !== 'object') return out;
  for (const [sub, reason] of labelSelectorErrors(sel)) {
    const at = subPath(sub);
    let value: unknown = sel;
    for (const k of at) value = (value as Obj | undefined)?.[k];
    const data = typeof value === 'string' ? { reason, value } : { reason };
    out.push(diag(rules.selectorInvalid, s, [...path, ...at], data, `${fieldText(path)}.${sub}`));
  }
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    out.push(diag(rules.selectorEmpty, s, path, {}));
  }
  return out;
}

export function checkSpecSelectors(s: SidecarSetUnderCheck): Diagnostic[] {
  const spec = s.ss.spec;
  const out: Diagnostic[] = [];
  if (spec.selector === undefined || spec.selector === null) out.push(diag(rules.selectorMissing, s, ['spec', 'selector'], {}));
  else out.push(...checkSelector(s, spec.selector, ['spec', 'selector']));
  if (spec.namespaceSelector) out.push(...checkSelector(s, spec.namespaceSelector, ['spec', 'namespaceSelector']));
  return out;
}

/** `matchLabels.<key>` / `matchExpressions[i].values[j]` as a field path, for positions. */
function subPath(sub: string): FieldPath {
  if (sub.startsWith('matchLabels.')) return ['matchLabels', sub.slice('matchLabels.'.length)];
  const m = /^matchExpressions\[(\d+)\]\.(\w+)(?:\[(\d+)\])?$/.exec(sub);
  if (!m) return [];
  return ['matchExpressions', Number(m[1]), m[2], ...(m[3] === undefined ? [] : [Number(m[3])])];
}
