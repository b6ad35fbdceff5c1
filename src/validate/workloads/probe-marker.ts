// PodProbeMarker (apps.kruise.io/v1alpha1): kruise-daemon runs each probe in the named container
// of every pod the selector matches, in the marker's namespace. A probe whose container a
// matched workload's pods do not have is never run there. Matched against the pod templates of
// the workloads in the inputs; fields are read defensively (the schema checks their types).
import { displayName, type Resource } from '../../api/resource.js';
import { templatePath } from '../../k8s/pod-templates.js';
import { labelSelectorErrors, selectorMatches, type LabelSelector } from '../../k8s/selector.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, list, type Obj } from '../../util/json.js';

export function isPodProbeMarker(res: Resource): boolean {
  return res.obj.kind === 'PodProbeMarker' && typeof res.obj.apiVersion === 'string' && res.obj.apiVersion.startsWith('apps.kruise.io/');
}

export function checkPodProbeMarkers(markers: readonly Resource[], resources: readonly Resource[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pods = resources.flatMap((r) => {
    const path = templatePath(r.obj);
    if (!path) return [];
    let t: unknown = r.obj;
    for (const k of path) t = isObj(t) ? t[k] : undefined;
    return isObj(t) ? [{ res: r, template: t as Obj }] : [];
  });
  for (const m of markers) {
    const spec = isObj(m.obj.spec) ? m.obj.spec : {};
    const sel = isObj(spec.selector) ? (spec.selector as LabelSelector) : undefined;
    if (!sel || labelSelectorErrors(sel).length) continue;
    const ns = m.obj.metadata?.namespace ?? 'default';
    const matched = pods.filter((p) => (p.res.obj.metadata?.namespace ?? 'default') === ns
      && selectorMatches(sel, (isObj(p.template.metadata) && isObj(p.template.metadata.labels) ? p.template.metadata.labels : {}) as Record<string, string>));
    list(spec.probes).forEach((probe, i) => {
      if (!isObj(probe) || typeof probe.containerName !== 'string') return;
      const without = matched.filter((p) => !list(isObj(p.template.spec) ? p.template.spec.containers : undefined).some((c) => isObj(c) && c.name === probe.containerName));
      if (!without.length) return;
      out.push(report(rules.probeMarkerContainerMissing, {
        probe: String(probe.name ?? i), container: probe.containerName, workloads: without.map((p) => displayName(p.res.obj)).join(', '),
      }, at(m, ['spec', 'probes', i, 'containerName'])));
    });
  }
  return out;
}
