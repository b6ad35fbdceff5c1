// Workload classification advice (the seed "Kruise Workload Classification Guidance"): a
// StatefulSet is for pods that need a stable identity (a claim of their own, a stable DNS name
// through a headless Service, ordinals); stateless pods are better served by a CloneSet, which
// adds selective pod deletion and in-place update. Info-level: advice with its reason, never a
// finding. Render's --explain shows the same advice.
import type { Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, list } from '../../util/json.js';
import { objAt } from './common.js';

export interface Advice {
  rule: typeof rules.adviceCloneSetForStatefulSet | typeof rules.adviceCloneSetForDeployment;
  kind: string;
  reason: string;
}

/** The Services of the inputs by `namespace/name`: true when headless (clusterIP None). */
export function serviceIndex(resources: readonly Resource[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const r of resources) {
    if (r.obj.kind !== 'Service' || r.obj.apiVersion !== 'v1') continue;
    out.set(`${r.obj.metadata?.namespace ?? 'default'}/${r.obj.metadata?.name ?? ''}`, objAt(r.obj, 'spec')?.clusterIP === 'None');
  }
  return out;
}

/** The advice for one workload, or undefined. `services`: serviceIndex of the inputs. */
export function classificationAdvice(res: Resource, services: ReadonlyMap<string, boolean>): Advice | undefined {
  const { apiVersion, kind } = res.obj;
  if (apiVersion === 'apps/v1' && kind === 'Deployment') {
    return { rule: rules.adviceCloneSetForDeployment, kind: 'Deployment', reason: 'an image change recreates every pod' };
  }
  const native = apiVersion === 'apps/v1' && kind === 'StatefulSet';
  const advanced = kind === 'StatefulSet' && (apiVersion === 'apps.kruise.io/v1alpha1' || apiVersion === 'apps.kruise.io/v1beta1');
  if (!native && !advanced) return undefined;
  const spec = objAt(res.obj, 'spec') ?? {};
  if (list(spec.volumeClaimTemplates).length) return undefined;
  if (isObj(spec.ordinals) || list(spec.reserveOrdinals).length) return undefined;
  const serviceName = typeof spec.serviceName === 'string' ? spec.serviceName : '';
  let dns: string;
  if (serviceName === '') dns = 'no serviceName';
  else {
    const headless = services.get(`${res.obj.metadata?.namespace ?? 'default'}/${serviceName}`);
    // A Service kruisec cannot see may well be headless: no advice then.
    if (headless !== false) return undefined;
    dns = `serviceName ${serviceName} is not a headless Service (it has a cluster IP), so the pods get no stable DNS names`;
  }
  const label = advanced ? 'Advanced StatefulSet' : 'StatefulSet';
  return { rule: rules.adviceCloneSetForStatefulSet, kind: label, reason: `uses nothing that needs a stable identity: no volumeClaimTemplates, ${dns}, no ordinals or reserveOrdinals` };
}

export function checkClassification(resources: readonly Resource[]): Diagnostic[] {
  let services: Map<string, boolean> | undefined;
  const out: Diagnostic[] = [];
  for (const r of resources) {
    if (r.obj.kind !== 'Deployment' && r.obj.kind !== 'StatefulSet') continue;
    services ??= serviceIndex(resources);
    const a = classificationAdvice(r, services);
    if (a) out.push(report(a.rule, { kind: a.kind, reason: a.reason }, at(r, ['kind'])));
  }
  return out;
}
