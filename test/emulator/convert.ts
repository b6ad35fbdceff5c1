// Reading an object in another version of its kind. Objects are kept in the version they were
// last written in; a read in another served version converts them here, as Kruise's conversion
// webhook would. Only CloneSet's layout differs between v1alpha1 and v1beta1 in a way kruisec
// reads (the rollout knobs moved under updateStrategy.rollingUpdate, Kruise
// apis/apps/v1alpha1/cloneset_conversion.go); every other kind only changes apiVersion.
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
  return out;
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
