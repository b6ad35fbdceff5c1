// spec.updateStrategy (spec §12.2). Only RollingUpdate is checked: a NotUpdate SidecarSet never
// upgrades pods, so Kruise ignores whatever else the strategy says. Native sidecars cannot be
// upgraded in place, hence they need NotUpdate.
import { isPositiveIntOrPercent } from '../../k8s/intstr.js';
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { diag, type SidecarSetUnderCheck } from './context.js';
import { checkSelector } from './selectors.js';
import { priorityStrategyError, scatterStrategyError } from '../pub.js';
import type { Obj } from '../../util/json.js';

export function checkNativeSidecarStrategy(s: SidecarSetUnderCheck): Diagnostic[] {
  const spec = s.ss.spec;
  if (spec.updateStrategy?.type !== 'RollingUpdate') return [];
  // Upstream reports spec.updateStrategy; the position points at the native sidecar itself,
  // since the strategy is usually not written at all (RollingUpdate is the default).
  return (spec.initContainers ?? []).flatMap((c: Obj, i: number) => c.restartPolicy === 'Always'
    ? [diag(rules.nativeSidecarRollingUpdate, s, ['spec', 'initContainers', i, 'restartPolicy'], { container: String(c.name) }, 'spec.updateStrategy')]
    : []);
}

export function checkUpdateStrategy(s: SidecarSetUnderCheck): Diagnostic[] {
  const us: Obj = s.ss.spec.updateStrategy ?? {};
  if (us.type !== 'RollingUpdate') return [];
  const out: Diagnostic[] = [];
  const base = ['spec', 'updateStrategy'];
  // A partition counts as set when it is a string or a non-zero integer (0 is the default).
  const partitionSet = us.partition !== undefined && us.partition !== null && (typeof us.partition === 'string' || us.partition !== 0);
  if (partitionSet && us.selector) out.push(diag(rules.partitionWithSelector, s, [...base, 'partition'], {}, 'updateStrategy'));
  if (us.selector) out.push(...checkSelector(s, us.selector, [...base, 'selector']));
  for (const k of ['partition', 'maxUnavailable']) {
    if (us[k] !== undefined && us[k] !== null && !isPositiveIntOrPercent(us[k])) {
      out.push(diag(rules.intOrPercentInvalid, s, [...base, k], { value: us[k] }));
    }
  }
  const prio = priorityStrategyError(us.priorityStrategy);
  if (prio) out.push(diag(rules.priorityStrategyInvalid, s, [...base, 'priorityStrategy'], { reason: prio }));
  const scatter = scatterStrategyError(us.scatterStrategy);
  if (scatter) out.push(diag(rules.scatterStrategyInvalid, s, [...base, 'scatterStrategy'], { reason: scatter }));
  return out;
}
