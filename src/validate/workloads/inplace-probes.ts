// Probes and in-place update. An in-place update restarts containers inside the running pod:
// Kruise sets the InPlaceUpdateReady condition False first (taking the pod out of its
// Services), recreates the containers, and sets it True again once they run. From then on the
// pod's Ready condition is the containers' own: a container without a readinessProbe is Ready
// the moment its process starts, so the pod gets traffic before the new version can serve.
import type { Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, list } from '../../util/json.js';
import { objAt } from './common.js';

/** The in-place pod update policy of a Kruise workload, or undefined when it recreates pods. */
export function inPlacePolicy(res: Resource): string | undefined {
  const { apiVersion, kind } = res.obj;
  const us = objAt(res.obj, 'spec', 'updateStrategy') ?? {};
  const ru = objAt(us, 'rollingUpdate') ?? {};
  let policy: unknown;
  if (kind === 'CloneSet') policy = apiVersion === 'apps.kruise.io/v1alpha1' ? us.type : ru.podUpdatePolicy;
  else if (kind === 'StatefulSet') policy = ru.podUpdatePolicy;
  else if (kind === 'DaemonSet') policy = (us.type ?? 'RollingUpdate') === 'RollingUpdate' ? ru.rollingUpdateType : undefined;
  return policy === 'InPlaceIfPossible' || policy === 'InPlaceOnly' ? policy : undefined;
}

export function checkInPlaceProbes(res: Resource): Diagnostic[] {
  const policy = inPlacePolicy(res);
  if (!policy) return [];
  const containers = list(objAt(res.obj, 'spec', 'template', 'spec')?.containers);
  const out: Diagnostic[] = [];
  containers.forEach((c, i) => {
    if (!isObj(c) || isObj(c.readinessProbe)) return;
    out.push(report(rules.inPlaceWithoutReadinessProbe, { containers: String(c.name), policy }, at(res, ['spec', 'template', 'spec', 'containers', i])));
  });
  return out;
}
