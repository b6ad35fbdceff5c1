// ResourceDistribution admission (kruise pkg/webhook/resourcedistribution/validating/
// resourcedistribution_create_update_handler.go). The webhook also dry-runs spec.resource
// against the API server; kruisec leaves that to the schema of the resource's kind, and does
// not check updates (the resource's kind and name are immutable).
import type { Resource } from '../../api/resource.js';
import { labelSelectorErrors, type LabelSelector } from '../../k8s/selector.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/resourcedistribution.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj } from '../../util/json.js';
import { dns1123LabelError } from '../sidecarset/names.js';
import { objAt } from '../workloads/common.js';

/** supportedGKList: the kinds Kruise distributes. */
const SUPPORTED = new Set(['v1/Secret', 'v1/ConfigMap']);

export function checkResourceDistribution(res: Resource): Diagnostic[] {
  const spec = objAt(res.obj, 'spec');
  if (!spec) return [];
  const out: Diagnostic[] = [];
  const resource = objAt(spec, 'resource');
  if (resource) {
    const gk = `${String(resource.apiVersion)}/${String(resource.kind)}`;
    if (!SUPPORTED.has(gk)) out.push(report(rules.resource, { reason: `${String(resource.kind)} ${String(resource.apiVersion)} is not supported; only v1 Secret and ConfigMap` }, at(res, ['spec', 'resource', 'kind'])));
  }
  const targets = objAt(spec, 'targets') ?? {};
  const names = (list: 'includedNamespaces' | 'excludedNamespaces'): [string, number][] => {
    const items = objAt(targets, list)?.list;
    return (Array.isArray(items) ? items : []).map((x, i) => [isObj(x) && typeof x.name === 'string' ? x.name : '', i]);
  };
  const included = new Set<string>();
  for (const list of ['includedNamespaces', 'excludedNamespaces'] as const) {
    for (const [name, i] of names(list)) {
      const e = dns1123LabelError(name);
      if (e) out.push(report(rules.targets, { reason: `namespace ${JSON.stringify(name)}: ${e}` }, at(res, ['spec', 'targets', list, 'list', i, 'name'])));
      if (list === 'includedNamespaces') included.add(name);
    }
  }
  const both = names('excludedNamespaces').filter(([n]) => included.has(n)).map(([n]) => n);
  if (both.length) out.push(report(rules.targets, { reason: `ambiguous: namespace ${both.join(', ')} is both included and excluded` }, at(res, ['spec', 'targets'])));
  // v1beta1 namespaceSelector, v1alpha1 namespaceLabelSelector: the same selector.
  for (const f of ['namespaceSelector', 'namespaceLabelSelector']) {
    const sel = objAt(targets, f) as LabelSelector | undefined;
    for (const [p, reason] of sel ? labelSelectorErrors(sel) : []) out.push(report(rules.targets, { reason: `${f}.${p}: ${reason}` }, at(res, ['spec', 'targets', f])));
  }
  return out;
}
