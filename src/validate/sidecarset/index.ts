// SidecarSet admission (spec sidecarset-injection.md §11-12): the defaulting webhook and the
// validating webhook, offline. Each rule group is one module beside this one; this file only
// gathers the cluster state the repo holds and runs the groups in the webhook's order.
import type { KubeObject } from '../../api/resource.js';
import { isSidecarSet, KRUISE_CONFIGURATION_CONFIGMAP } from '../../api/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { Check } from '../types.js';
import { checkCanary } from './canary.js';
import { checkConflicts } from './conflicts.js';
import { checkContainers } from './containers.js';
import { underCheck, type CheckContext, type SidecarSetUnderCheck } from './context.js';
import { checkInjectionStrategy } from './injection-strategy.js';
import { checkMetadata } from './metadata.js';
import { checkPatchPodMetadata } from './patch-pod-metadata.js';
import { checkResourcesPolicies } from './resources-policy.js';
import { checkSpecSelectors } from './selectors.js';
import { checkNativeSidecarStrategy, checkUpdateStrategy } from './update-strategy.js';
import { checkVolumes } from './volumes.js';

export const checkSidecarSets: Check = (resources, opts) => {
  const ns = opts.cluster.kruiseNamespace;
  const sidecarSets: SidecarSetUnderCheck[] = [];
  const revisions: KubeObject[] = [];
  let kruiseConfiguration: KubeObject | undefined;
  for (const res of resources) {
    const obj = res.obj;
    if (isSidecarSet(obj)) {
      sidecarSets.push(underCheck(res));
    } else if (obj.kind === 'ControllerRevision' && obj.apiVersion === 'apps/v1' && obj.metadata?.namespace === ns) {
      revisions.push(obj);
    } else if (obj.kind === 'ConfigMap' && obj.apiVersion === 'v1' && obj.metadata?.namespace === ns
      && obj.metadata?.name === KRUISE_CONFIGURATION_CONFIGMAP) {
      kruiseConfiguration = obj;
    }
  }
  if (sidecarSets.length === 0) return [];
  const byName = new Map<string, SidecarSetUnderCheck>();
  for (const s of sidecarSets) if (!byName.has(s.name)) byName.set(s.name, s);
  const ctx: CheckContext = { cluster: opts.cluster, sidecarSets, byName, revisions, kruiseConfiguration };
  const out: Diagnostic[] = [];
  const own = sidecarSets.map((s) => checkOne(s, ctx));
  // Like the webhook, look at other SidecarSets only once the object is valid on its own, and
  // only at others the cluster would have admitted (a rejected one cannot conflict).
  const admitted = sidecarSets.filter((_, i) => own[i].length === 0);
  const conflictCtx: CheckContext = { ...ctx, sidecarSets: admitted };
  sidecarSets.forEach((s, i) => out.push(...(own[i].length ? own[i] : checkConflicts(s, conflictCtx))));
  return out;
};

/** validateSidecarSet, minus the cross-SidecarSet part. */
function checkOne(s: SidecarSetUnderCheck, ctx: CheckContext): Diagnostic[] {
  return [
    ...checkMetadata(s),
    ...checkCanary(s, ctx),
    ...checkNativeSidecarStrategy(s),
    ...checkSpecSelectors(s),
    ...checkInjectionStrategy(s, ctx),
    ...checkUpdateStrategy(s),
    ...checkVolumes(s),
    ...checkResourcesPolicies(s),
    ...checkContainers(s),
    ...checkPatchPodMetadata(s, ctx),
  ];
}
