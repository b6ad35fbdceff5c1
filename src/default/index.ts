// default: each resource as the API server stores it once the mutating webhooks have run.
// Kruise's admission order is mutate, then validate, and its controllers and pod webhook read
// the stored object: so validate judges what this phase returns, and render builds from it.
// SidecarSets get Kruise's defaults and their two hash annotations, UnitedDeployments their
// defaults (with Kruise's pod defaults in a statefulSetTemplate). Every other resource is
// returned as it is (the same object), and every resource keeps its origin.
import type { Resource } from '../api/resource.js';
import { isSidecarSet } from '../api/sidecarset.js';
import { isUnitedDeployment } from '../api/uniteddeployment.js';
import { defaultSidecarSet } from './sidecarset.js';
import { defaultUnitedDeployment } from './uniteddeployment.js';

export { defaultSidecarSet } from './sidecarset.js';
export { sidecarSetHash, sidecarSetHashWithoutImage } from './sidecarset-hash.js';
export { defaultUnitedDeployment } from './uniteddeployment.js';

/** The stored form of every resource, in the same order. Inputs are not changed. */
export function applyDefaults(resources: readonly Resource[]): Resource[] {
  return resources.map((res) => {
    if (isSidecarSet(res.obj)) return { ...res, obj: defaultSidecarSet(res.obj) };
    if (isUnitedDeployment(res.obj)) return { ...res, obj: defaultUnitedDeployment(res.obj) };
    return res;
  });
}
