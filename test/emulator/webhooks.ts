// The admission webhooks of the emulated cluster: what the API server and Kruise's webhooks do
// to objects on their way into storage.
import type { Admission } from './api.js';
import { kindFromCrd } from './kinds.js';

export function webhooks(): Admission[] {
  return [crdRegistration()];
}

/** A CustomResourceDefinition serves its kind as soon as it is stored (kpt's ResourceGroup,
 *  Kruise's own CRDs applied by a test). */
function crdRegistration(): Admission {
  return {
    mutate(kind, obj, _old, api) {
      if (kind.group !== 'apiextensions.k8s.io' || kind.kind !== 'CustomResourceDefinition') return obj;
      const k = kindFromCrd(obj);
      if (k) {
        api.kinds.add(k);
        obj.status = {
          ...(obj.status ?? {}),
          acceptedNames: obj.spec.names,
          storedVersions: obj.spec.versions.filter((v: { storage?: boolean }) => v.storage).map((v: { name: string }) => v.name),
          conditions: [
            { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: new Date(api.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z') },
            { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: new Date(api.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z') },
          ],
        };
      }
      return obj;
    },
  };
}
