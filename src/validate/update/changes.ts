// What changed between the base and head of one object, in the terms the update webhooks use:
// Kubernetes' semantic equality, field by field, with the base value shown for messages.
import { isObj, semanticEqual, type Obj } from '../../util/json.js';

export interface FieldChange {
  key: string;
  /** The base value, short, for a message. */
  base: string;
  /** Whether the head still has the field (to point at it), else the diagnostic points at spec. */
  inHead: boolean;
}

/** The keys of `head` and `base` outside `allowed` whose values differ semantically. */
export function changedFields(base: unknown, head: unknown, allowed: readonly string[]): FieldChange[] {
  const b: Obj = isObj(base) ? base : {}, h: Obj = isObj(head) ? head : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(h)])].filter((k) => !allowed.includes(k)).sort();
  return keys.filter((k) => !semanticEqual(b[k], h[k])).map((k) => ({ key: k, base: shortJson(b[k]), inHead: h[k] !== undefined && h[k] !== null }));
}

/** JSON of a value for a one-line message: `absent` for nothing, cut at 120 characters. */
export function shortJson(v: unknown): string {
  if (v === undefined || v === null) return 'absent';
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** `spec.selector (base: {...}), spec.serviceName (base: "web")` */
export function describeChanges(changes: readonly FieldChange[]): string {
  return changes.map((c) => `spec.${c.key} (base: ${c.base})`).join(', ');
}
