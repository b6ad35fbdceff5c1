// Reading an object in another version of its kind. Objects are kept in the version they were
// last written in; a read in another served version converts them here, as Kruise's conversion
// webhook would. CloneSet's rollout knobs moved under updateStrategy.rollingUpdate (Kruise
// apis/apps/v1alpha1/cloneset_conversion.go) and SidecarSet lost spec.namespace; every other
// kind only changes apiVersion.
import type { Obj } from './store.js';

const ROLLING = ['partition', 'maxUnavailable', 'maxSurge', 'paused', 'priorityStrategy', 'scatterStrategy', 'inPlaceUpdateStrategy'] as const;
const POD_UPDATE_POLICIES = new Set(['ReCreate', 'InPlaceIfPossible', 'InPlaceOnly']);

export function convert(obj: Obj, apiVersion: string): Obj {
  if (obj.apiVersion === apiVersion) return obj;
  const out = structuredClone(obj);
  out.apiVersion = apiVersion;
  if (obj.kind === 'CloneSet' && out.spec) {
    if (apiVersion.endsWith('/v1beta1') && obj.apiVersion.endsWith('/v1alpha1')) out.spec.updateStrategy = cloneSetStrategyToBeta(obj.spec.updateStrategy);
    if (apiVersion.endsWith('/v1alpha1') && obj.apiVersion.endsWith('/v1beta1')) out.spec.updateStrategy = cloneSetStrategyToAlpha(obj.spec.updateStrategy);
    if (out.spec.updateStrategy === undefined) delete out.spec.updateStrategy;
  }
  if (obj.kind === 'SidecarSet' && out.spec) {
    if (apiVersion.endsWith('/v1beta1') && obj.apiVersion.endsWith('/v1alpha1')) sidecarSetToBeta(out);
    if (apiVersion.endsWith('/v1alpha1') && obj.apiVersion.endsWith('/v1beta1')) sidecarSetToAlpha(out);
  }
  return out;
}

const CUSTOM_VERSION = 'apps.kruise.io/sidecarset-custom-version';

/** v1beta1 has no spec.namespace: it becomes a namespaceSelector on the name label (and wins
 *  over one already there); the custom-version label becomes spec.customVersion
 *  (Kruise apis/apps/v1alpha1/sidecarset_conversion.go). */
function sidecarSetToBeta(o: Obj): void {
  if (o.spec.namespace) o.spec.namespaceSelector = { matchLabels: { 'kubernetes.io/metadata.name': o.spec.namespace } };
  delete o.spec.namespace;
  const cv = o.metadata?.labels?.[CUSTOM_VERSION];
  if (cv !== undefined) {
    o.spec.customVersion = cv;
    delete o.metadata.labels[CUSTOM_VERSION];
  }
}

function sidecarSetToAlpha(o: Obj): void {
  if (o.spec.customVersion) o.metadata.labels = { ...(o.metadata.labels ?? {}), [CUSTOM_VERSION]: o.spec.customVersion };
  delete o.spec.customVersion;
}

function cloneSetStrategyToBeta(s: Obj | undefined): Obj | undefined {
  if (!s) return undefined;
  if (s.type === 'OnDelete') return { type: 'OnDelete' };
  const ru: Obj = {};
  for (const k of ROLLING) if (s[k] !== undefined) ru[k] = s[k];
  ru.podUpdatePolicy = POD_UPDATE_POLICIES.has(s.type) ? s.type : 'ReCreate';
  return { type: 'RollingUpdate', rollingUpdate: ru };
}

function cloneSetStrategyToAlpha(s: Obj | undefined): Obj | undefined {
  if (!s) return undefined;
  if (s.type === 'OnDelete') return { type: 'OnDelete' };
  const ru: Obj = s.rollingUpdate ?? {};
  const out: Obj = { type: POD_UPDATE_POLICIES.has(ru.podUpdatePolicy) ? ru.podUpdatePolicy : 'ReCreate' };
  for (const k of ROLLING) if (ru[k] !== undefined) out[k] = ru[k];
  return out;
}
