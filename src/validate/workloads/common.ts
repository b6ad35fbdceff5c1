// Checks the Kruise workload webhooks share: selector against template, pod template
// restrictions, priority and scatter strategies. Each function returns diagnostics for one
// resource; paths are JSON field paths into the manifest.
import type { FieldPath, Resource } from '../../api/resource.js';
import { labelSelectorErrors, selectorMatches, type LabelSelector } from '../../k8s/selector.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { priorityStrategyError, scatterStrategyError } from '../pub.js';
import { isObj, type Obj } from '../../util/json.js';

/** The object at `path`, or undefined when absent or not an object (the schema reports that). */
export function objAt(root: unknown, ...path: string[]): Obj | undefined {
  let cur: unknown = root;
  for (const k of path) cur = isObj(cur) ? cur[k] : undefined;
  return isObj(cur) ? cur : undefined;
}

export function intOrUndefined(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

export function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export function dotted(path: FieldPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

/** metav1 ValidateNonnegativeField on an optional int field (absent or mistyped: nothing to say). */
export function nonNegative(res: Resource, path: FieldPath, value: unknown): Diagnostic[] {
  const n = intOrUndefined(value);
  return n !== undefined && n < 0 ? [report(rules.negativeValue, { field: dotted(path), value: String(n) }, at(res, path))] : [];
}

/** Selector present → well-formed, non-empty, and matching the template labels. A missing
 *  selector is the schema's finding (required field). */
export function checkSelectorAndTemplate(res: Resource, kind: string, opts: { requireMatch?: 'nonEmpty' | 'always' } = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const spec = objAt(res.obj, 'spec');
  const sel = objAt(spec, 'selector') as LabelSelector | undefined;
  if (!sel) return out;
  const errs = labelSelectorErrors(sel);
  for (const [p, reason] of errs) out.push(report(rules.selectorInvalid, { field: `spec.selector.${p}`, reason }, at(res, ['spec', 'selector'])));
  const size = Object.keys(isObj(sel.matchLabels) ? sel.matchLabels : {}).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0);
  if (size === 0) out.push(report(rules.selectorEmpty, { kind }, at(res, ['spec', 'selector'])));
  if (errs.length === 0 && (size > 0 || opts.requireMatch === 'always')) {
    const labels = objAt(spec, 'template', 'metadata', 'labels') as Record<string, string> | undefined;
    if (!selectorMatches(sel, labels ?? {})) out.push(report(rules.selectorMismatch, {}, at(res, ['spec', 'template', 'metadata', 'labels'])));
  }
  return out;
}

/** Pod template restrictions of long-running workloads. `emptyIsAlways`: the defaulted pod
 *  spec has restartPolicy Always. */
export function checkTemplateRestrictions(res: Resource, kind: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const podSpec = objAt(res.obj, 'spec', 'template', 'spec');
  if (!podSpec) return out;
  const rp = podSpec.restartPolicy;
  if (typeof rp === 'string' && rp !== '' && rp !== 'Always') {
    out.push(report(rules.restartPolicy, { value: rp }, at(res, ['spec', 'template', 'spec', 'restartPolicy'])));
  }
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    out.push(report(rules.activeDeadline, { kind }, at(res, ['spec', 'template', 'spec', 'activeDeadlineSeconds'])));
  }
  return out;
}

export function checkPriorityAndScatter(res: Resource, base: FieldPath, strategy: Obj | undefined, scatter = true): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!strategy) return out;
  const pe = priorityStrategyError(strategy.priorityStrategy);
  if (pe) out.push(report(rules.priorityStrategyInvalid, { reason: pe }, at(res, [...base, 'priorityStrategy'])));
  if (scatter) {
    const se = scatterStrategyError(strategy.scatterStrategy);
    if (se) out.push(report(rules.scatterStrategyInvalid, { reason: se }, at(res, [...base, 'scatterStrategy'])));
  }
  return out;
}
