// Kruise's apis/apps/pub: the update priority and scatter strategies that CloneSet, Advanced
// StatefulSet and SidecarSet share, and their FieldsValidation, which each of their webhooks
// calls. Each returns the first problem, as upstream returns one error.
import { isObj, list, type Obj } from '../util/json.js';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** UpdatePriorityStrategy.FieldsValidation. */
export function priorityStrategyError(ps: unknown): string | undefined {
  if (!isObj(ps)) return undefined;
  const weights = list(ps.weightPriority);
  const orders = list(ps.orderPriority);
  if (weights.length > 0 && orders.length > 0) return 'only one of weightPriority and orderPriority can be used';
  for (const w of weights) {
    if (!isObj(w)) continue;
    const weight = typeof w.weight === 'number' ? w.weight : 0;
    if (weight < 0 || weight > 100) return 'weight must be valid number in the range 1-100';
    const sel = isObj(w.matchSelector) ? w.matchSelector : {};
    if (Object.keys(isObj(sel.matchLabels) ? sel.matchLabels : {}).length + list(sel.matchExpressions).length === 0) return 'selector can not be empty';
    const bad = list(sel.matchExpressions).map(requirementError).find(Boolean);
    if (bad) return `invalid selector: ${bad}`;
  }
  for (const o of orders) if (isObj(o) && !o.orderedKey) return 'order key can not be empty';
  return undefined;
}

/** What LabelSelectorAsSelector says of a match expression it cannot turn into a requirement. */
function requirementError(r: unknown): string | undefined {
  if (!isObj(r)) return undefined;
  const n = list((r as Obj).values).length;
  if (!OPERATORS.includes(String(r.operator))) return `${JSON.stringify(r.operator)} is not a valid label selector operator`;
  if ((r.operator === 'In' || r.operator === 'NotIn') && n === 0) return "for 'in', 'notin' operators, values set can't be empty";
  if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && n > 0) return 'values set must be empty for exists and does not exist';
  return undefined;
}

/** UpdateScatterStrategy.FieldsValidation: keys non-empty, key/value pairs unique. */
export function scatterStrategyError(terms: unknown): string | undefined {
  const seen = new Set<string>();
  for (const t of list(terms)) {
    if (!isObj(t)) continue;
    const key = typeof t.key === 'string' ? t.key : '';
    if (key === '') return 'key should not be empty';
    const id = `${key}:${typeof t.value === 'string' ? t.value : ''}`;
    if (seen.has(id)) return `duplicated key=${key} value=${t.value ?? ''}`;
    seen.add(id);
  }
  return undefined;
}
