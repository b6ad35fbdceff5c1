// The admission webhooks of the emulated cluster: what the API server and Kruise's webhooks do
// to objects on their way into storage. Kruise's two that matter for rollouts are kruisec's own
// render phase run on one object: a SidecarSet is stored with its defaults and hash annotations,
// and a new pod gets the sidecars of every SidecarSet that selects it, exactly as render shows.
// UnitedDeployment subsets are rendered the same way (controllers/uniteddeployment.ts).
import { DEFAULT_CLUSTER_FACTS } from '../../src/api/cluster.js';
import type { KubeObject } from '../../src/api/resource.js';
import { applyDefaults } from '../../src/default/index.js';
import { render } from '../../src/render/index.js';
import type { Admission, ApiServer } from './api.js';
import { rfc3339 } from './clock.js';
import { kindFromCrd, type Kind } from './kinds.js';
import type { Obj } from './store.js';

export function webhooks(): Admission[] {
  return [crdRegistration(), sidecarSetDefaults(), sidecarInjection(), initialStatus()];
}

/** render's output for some objects, defaulted first as kruisec's pipeline does (no explain
 *  lines, diagnostics dropped). */
export function renderObjects(objs: Obj[]): Obj[] {
  const stored = applyDefaults(objs.map((obj) => ({ obj: obj as KubeObject })));
  return render(stored, { cluster: DEFAULT_CLUSTER_FACTS, explain: false }).resources.map((r) => r.obj);
}

const isKind = (k: Kind, group: string, kind: string) => k.group === group && k.kind === kind;

/** Kruise's SidecarSet mutating webhook: defaults plus kruise.io/sidecarset-hash(-without-image). */
function sidecarSetDefaults(): Admission {
  return {
    mutate(kind, obj) {
      if (!isKind(kind, 'apps.kruise.io', 'SidecarSet')) return obj;
      const stored = renderObjects([obj]).find((o) => o.kind === 'SidecarSet');
      return stored ? { ...stored, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), ...(stored.metadata?.annotations ?? {}) } } } : obj;
    },
  };
}

/** Kruise's pod webhook: a pod being created gets its sidecars (never on update). */
function sidecarInjection(): Admission {
  return {
    mutate(kind, obj, old, api) {
      if (old || !isKind(kind, '', 'Pod')) return obj;
      const sidecarSets = api.all(api.kinds.byPlural('apps.kruise.io', 'sidecarsets')!);
      if (sidecarSets.length === 0) return obj;
      const namespaces = api.all(api.kinds.byPlural('', 'namespaces')!);
      const out = renderObjects([...sidecarSets, ...namespaces, obj]).find((o) => o.kind === 'Pod' && o.metadata?.name === obj.metadata.name);
      return out ?? obj;
    },
  };
}

/** What the API server's strategies set: a new object's status, the namespace name label. */
function initialStatus(): Admission {
  return {
    mutate(kind, obj, old) {
      // Every namespace carries its name as a label (since Kubernetes 1.21), for selectors.
      if (isKind(kind, '', 'Namespace')) obj = { ...obj, metadata: { ...obj.metadata, labels: { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name } } };
      if (old) return obj;
      if (isKind(kind, '', 'Namespace')) return { ...obj, status: { phase: 'Active' } };
      if (isKind(kind, '', 'Pod')) return { ...obj, status: { phase: 'Pending', qosClass: 'BestEffort' } };
      return obj;
    },
  };
}

/** A CustomResourceDefinition serves its kind as soon as it is stored (kpt's ResourceGroup,
 *  Kruise's own CRDs applied by a test). */
function crdRegistration(): Admission {
  return {
    mutate(kind, obj, _old, api: ApiServer) {
      if (!isKind(kind, 'apiextensions.k8s.io', 'CustomResourceDefinition')) return obj;
      const k = kindFromCrd(obj);
      if (!k) return obj;
      api.kinds.add(k);
      const at = rfc3339(api.clock.now());
      return {
        ...obj,
        status: {
          acceptedNames: obj.spec.names,
          storedVersions: obj.spec.versions.filter((v: Obj) => v.storage).map((v: Obj) => v.name),
          conditions: [
            { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: obj.status?.conditions?.[0]?.lastTransitionTime ?? at },
            { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: obj.status?.conditions?.[1]?.lastTransitionTime ?? at },
          ],
        },
      };
    },
  };
}
