// SidecarSet admission (spec sidecarset-injection.md §11-12): the defaulting webhook and the
// validating webhook, offline. Each rule group is one module beside this one; this file only
// gathers the cluster state the repo holds and runs the groups in the webhook's order.
import type { KubeObject, Resource } from '../../api/resource.js';
import { isSidecarSet, KRUISE_CONFIGURATION_CONFIGMAP } from '../../api/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { Check } from '../types.js';
import { checkCanary } from './canary.js';
import { checkConflicts } from './conflicts.js';
import { checkContainers } from './containers.js';
import type { CheckContext, SidecarSetUnderCheck } from './context.js';
import { applySidecarSetDefaults } from './defaults.js';
import { checkInjectionStrategy } from './injection-strategy.js';
import { checkMetadata } from './metadata.js';
import { checkPatchPodMetadata } from './patch-pod-metadata.js';
import { checkResourcesPolicies } from './resources-policy.js';
import { checkSpecSelectors } from './selectors.js';
import { checkNativeSidecarStrategy, checkUpdateStrategy } from './update-strategy.js';
import { checkVolumes } from './volumes.js';
import type { Obj } from '../../util/json.js';

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

/** The object the validating webhook sees: defaulted, then converted to v1beta1. */
function underCheck(res: Resource): SidecarSetUnderCheck {
  const ss = applySidecarSetDefaults(res.obj) as Obj;
  if (res.obj.apiVersion === 'apps.kruise.io/v1alpha1') toV1beta1(ss);
  return { res, ss, name: String(ss.metadata?.name ?? '') };
}

/** v1alpha1 -> v1beta1 (spec §2.5): spec.namespace wins over any namespaceSelector. */
function toV1beta1(ss: Obj): void {
  const spec = ss.spec;
  if (spec.namespace) spec.namespaceSelector = { matchLabels: { 'kubernetes.io/metadata.name': spec.namespace } };
  delete spec.namespace;
}

/** The SidecarSet as Kruise's defaulting webhook stores it (§11), minus the hash annotations
 *  (render/sidecarset/stored-form.ts adds those). Returns a new object. */
export function defaultSidecarSet<T extends KubeObject>(obj: T): T {
  return applySidecarSetDefaults(obj);
}

export { checkSidecarSetUpdate } from './update.js';
