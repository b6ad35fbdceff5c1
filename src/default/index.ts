// default: each resource as the API server stores it once the mutating webhooks have run.
// Kruise's admission order is mutate, then validate, and its controllers and pod webhook read
// the stored object: so validate judges what this phase returns, and render builds from it.
// SidecarSets get Kruise's defaults and their two hash annotations, UnitedDeployments their
// defaults (with Kruise's pod defaults in a statefulSetTemplate). Every other resource is
// returned as it is (the same object), and every resource keeps its origin.
import type { Resource } from '../api/resource.js';
import { isClusterScoped } from '../load/index.js';
import { isSidecarSet } from '../api/sidecarset.js';
import { isUnitedDeployment } from '../api/uniteddeployment.js';
import { defaultSidecarSet } from './sidecarset.js';
import { defaultUnitedDeployment } from './uniteddeployment.js';

export { defaultSidecarSet } from './sidecarset.js';
export { sidecarSetHash, sidecarSetHashWithoutImage } from './sidecarset-hash.js';
export { defaultUnitedDeployment } from './uniteddeployment.js';

/** The stored form of every resource, in the same order. Inputs are not changed. */
export function applyDefaults(resources: readonly Resource[]): Resource[] {
  return resources.map((written) => {
    const res = isClusterScoped(written.obj.kind) && written.obj.metadata?.namespace !== undefined ? withoutNamespace(written) : written;
    if (isSidecarSet(res.obj)) return { ...res, obj: defaultSidecarSet(res.obj) };
    if (isUnitedDeployment(res.obj)) return { ...res, obj: defaultUnitedDeployment(res.obj) };
    return res;
  });
}

/** The API server clears metadata.namespace of a cluster-scoped object before admission
 *  (apiserver's EnsureObjectNamespaceMatchesRequestNamespace, the request having no namespace):
 *  kustomize's `namespace:` sets it on every object, and the webhooks never see it. */
function withoutNamespace(res: Resource): Resource {
  const { namespace: _dropped, ...metadata } = res.obj.metadata;
  return { ...res, obj: { ...res.obj, metadata } };
}
