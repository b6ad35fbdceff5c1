// PodProbeMarker admission (kruise pkg/webhook/podprobemarker/validating/
// probe_create_update_handler.go). Like the webhook, the per-probe checks stop at the first
// problem with a probe's name, container, podConditionType or marker policy. The selector is
// immutable on update (needs the live object: not checked).
import type { FieldPath, Resource } from '../../api/resource.js';
import { labelSelectorErrors, qualifiedNameError, labelValueError, type LabelSelector } from '../../k8s/selector.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/podprobemarker.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, type Obj } from '../../util/json.js';
import { dotted, objAt } from '../workloads/common.js';

/** Pod condition types of Kubernetes itself, which a probe name may not take. */
const NATIVE_CONDITIONS = new Set(['ContainersReady', 'Initialized', 'PodScheduled', 'Ready']);
const TIMINGS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

export function checkPodProbeMarker(res: Resource): Diagnostic[] {
  const spec = objAt(res.obj, 'spec');
  if (!spec) return [];
  const out: Diagnostic[] = [];
  const sel = objAt(spec, 'selector') as LabelSelector | undefined;
  if (sel) {
    for (const [p, reason] of labelSelectorErrors(sel)) out.push(report(rules.selector, { reason: `${p}: ${reason}` }, at(res, ['spec', 'selector'])));
    const size = Object.keys(isObj(sel.matchLabels) ? sel.matchLabels : {}).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0);
    if (size === 0) out.push(report(rules.selector, { reason: 'an empty selector is not valid' }, at(res, ['spec', 'selector'])));
  }
  const probes: unknown[] = Array.isArray(spec.probes) ? spec.probes : [];
  if (probes.length === 0) return [...out, report(rules.probe, { field: 'spec.probes', reason: 'at least one probe is required' }, at(res, ['spec', 'probes']))];
  const names = new Set<string>();
  const conditions = new Set<string>();
  for (let i = 0; i < probes.length; i++) {
    const item = probes[i];
    const p: Obj = isObj(item) ? item : {};
    const base: FieldPath = ['spec', 'probes', i];
    const bad = (rule: typeof rules.probe, path: FieldPath, reason: string) => report(rule, { field: dotted(path), reason }, at(res, path));
    const name = typeof p.name === 'string' ? p.name : '';
    const stop = name.includes('#') ? bad(rules.probe, [...base, 'name'], 'a probe name may not contain "#"')
      : name === '' ? bad(rules.probe, [...base, 'name'], 'a probe name is required')
        : !p.containerName ? bad(rules.probe, [...base, 'containerName'], 'containerName is required')
          : NATIVE_CONDITIONS.has(name) ? bad(rules.probe, [...base, 'name'], `a probe may not be named ${name}, a Kubernetes pod condition`)
            : names.has(name) ? bad(rules.probe, [...base, 'name'], `probe name ${JSON.stringify(name)} is used twice`)
              : undefined;
    if (stop) return [...out, stop];
    names.add(name);
    out.push(...probeProblems(objAt(p, 'probe'), [...base, 'probe']).map(([path, reason]) => bad(rules.probe, path, reason)));
    const policies: unknown[] = Array.isArray(p.markerPolicy) ? p.markerPolicy : [];
    const cond = typeof p.podConditionType === 'string' ? p.podConditionType : '';
    if (cond === '' && policies.length === 0) return [...out, bad(rules.probe, base, 'set podConditionType or markerPolicy')];
    if (cond !== '' && conditions.has(cond)) return [...out, bad(rules.probe, [...base, 'podConditionType'], `podConditionType ${JSON.stringify(cond)} is used twice`)];
    if (cond !== '') {
      conditions.add(cond);
      const e = qualifiedNameError(cond);
      if (e) out.push(bad(rules.probe, [...base, 'podConditionType'], e));
    }
    const states = new Set<string>();
    for (let j = 0; j < policies.length; j++) {
      const raw = policies[j];
      const pol: Obj = isObj(raw) ? raw : {};
      const pp: FieldPath = [...base, 'markerPolicy', j];
      const state = String(pol.state ?? '');
      if (states.has(state)) return [...out, bad(rules.markerPolicy, [...pp, 'state'], `state ${state} is used twice`)];
      states.add(state);
      if (state !== 'Succeeded' && state !== 'Failed') { out.push(bad(rules.markerPolicy, [...pp, 'state'], 'state must be Succeeded or Failed')); continue; }
      const labels = isObj(pol.labels) ? pol.labels : {};
      const annotations = isObj(pol.annotations) ? pol.annotations : {};
      if (Object.keys(labels).length + Object.keys(annotations).length === 0) { out.push(bad(rules.markerPolicy, pp, 'labels and annotations may not both be empty')); continue; }
      for (const [k, v] of Object.entries(labels)) {
        const e = qualifiedNameError(k) ?? (typeof v === 'string' ? labelValueError(v) : undefined);
        if (e) out.push(bad(rules.markerPolicy, [...pp, 'labels', k], e));
      }
      for (const k of Object.keys(annotations)) {
        const e = qualifiedNameError(k.toLowerCase());
        if (e) out.push(bad(rules.markerPolicy, [...pp, 'annotations', k], e));
      }
    }
  }
  return out;
}

/** validateProbe: exactly one handler (exec with a command, httpGet with a path and no host,
 *  tcpSocket with no host) and non-negative timings. */
function probeProblems(probe: Obj | undefined, base: FieldPath): [FieldPath, string][] {
  if (!probe) return [[base, 'a probe is required']];
  const out: [FieldPath, string][] = [];
  const handlers = ['exec', 'httpGet', 'tcpSocket'].filter((h) => isObj(probe[h]));
  if (handlers.length === 0) out.push([base, 'must specify a handler type (exec, httpGet or tcpSocket)']);
  for (const h of handlers.slice(1)) out.push([[...base, h], 'may not specify more than 1 handler type']);
  const h = handlers[0];
  if (h === 'exec' && !(Array.isArray(probe.exec.command) && probe.exec.command.length > 0)) out.push([[...base, 'exec', 'command'], 'command is required']);
  if (h === 'httpGet') {
    if (!probe.httpGet.path) out.push([[...base, 'httpGet', 'path'], 'path is required']);
    if (probe.httpGet.host) out.push([[...base, 'httpGet', 'host'], 'host is not allowed in a PodProbeMarker probe']);
  }
  if (h === 'tcpSocket' && probe.tcpSocket.host) out.push([[...base, 'tcpSocket', 'host'], 'host is not allowed in a PodProbeMarker probe']);
  for (const t of TIMINGS) if (typeof probe[t] === 'number' && probe[t] < 0) out.push([[...base, t], `must be greater than or equal to 0, found ${probe[t]}`]);
  return out;
}
