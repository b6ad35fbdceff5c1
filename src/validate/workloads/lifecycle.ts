// Lifecycle hooks of CloneSet, Advanced StatefulSet and Advanced DaemonSet (apps/pub Lifecycle;
// Kruise pkg/util/lifecycle). A hook holds a pod while the pod carries one of its labels
// (labelsHandler) or finalizers (finalizersHandler); preNormal lets a pod become Normal only
// once it carries all of them. Kruise's webhooks do not look inside the hooks, so a label or
// finalizer no pod can carry is admitted and the hook can then never be met.
import type { FieldPath, Resource } from '../../api/resource.js';
import { labelValueError, qualifiedNameError } from '../../k8s/selector.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, list } from '../../util/json.js';
import { objAt } from './common.js';

const HOOKS = ['preDelete', 'inPlaceUpdate', 'preNormal'] as const;
/** Finalizer names the API server takes without a domain prefix. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function checkLifecycle(res: Resource): Diagnostic[] {
  const lifecycle = objAt(res.obj, 'spec', 'lifecycle');
  if (!lifecycle) return [];
  const out: Diagnostic[] = [];
  const templateMeta = objAt(res.obj, 'spec', 'template', 'metadata') ?? {};
  const templateLabels = isObj(templateMeta.labels) ? templateMeta.labels : {};
  const templateFinalizers = new Set(list(templateMeta.finalizers));
  for (const hook of HOOKS) {
    const h = objAt(lifecycle, hook);
    if (!h) continue;
    const base: FieldPath = ['spec', 'lifecycle', hook];
    const labels = isObj(h.labelsHandler) ? h.labelsHandler : {};
    for (const [key, value] of Object.entries(labels)) {
      const reason = qualifiedNameError(key) ?? (typeof value === 'string' ? labelValueError(value) : 'the value must be a string');
      if (reason) out.push(report(rules.lifecycleHookLabelInvalid, { hook, key, reason }, at(res, [...base, 'labelsHandler', key])));
    }
    list(h.finalizersHandler).forEach((f, i) => {
      if (typeof f !== 'string') return; // the schema's finding
      const reason = qualifiedNameError(f) ?? (!f.includes('/') && !STANDARD_FINALIZERS.has(f) ? 'name is neither a standard finalizer name nor is it fully qualified' : undefined);
      if (reason) out.push(report(rules.lifecycleHookFinalizerInvalid, { hook, finalizer: f, reason }, at(res, [...base, 'finalizersHandler', i])));
    });
    // preDelete and inPlaceUpdate hold a pod only while it is hooked: say so when the template
    // gives new pods nothing to be hooked by. (preNormal waits for another controller by design.)
    if (hook === 'preNormal') continue;
    const keys = Object.keys(labels), finalizers = list(h.finalizersHandler).filter((f): f is string => typeof f === 'string');
    if (!keys.length && !finalizers.length) continue;
    const hooked = keys.some((k) => templateLabels[k] === labels[k]) || finalizers.some((f) => templateFinalizers.has(f));
    if (!hooked) {
      const missing = [...keys.map((k) => `label ${k}=${String(labels[k])}`), ...finalizers.map((f) => `finalizer ${f}`)].join(', ');
      out.push(report(rules.lifecycleHookNotInTemplate, { hook, missing }, at(res, base)));
    }
  }
  return out;
}
