// The resources the emulator serves: one row per kind, as an API server's discovery lists them.
// Kruise kinds serve v1alpha1 and v1beta1 like the published CRDs (v1beta1 preferred); objects
// are kept in the version they were written in and converted when read in the other one
// (convert.ts). Kinds registered from a CustomResourceDefinition at run time (kpt's
// ResourceGroup, for instance) are added with kindFromCrd.

export interface Kind {
  group: string; // '' for core
  versions: string[]; // served, preferred first
  kind: string;
  plural: string;
  singular: string;
  shortNames?: string[];
  categories?: string[];
  namespaced: boolean;
  /** Has a status subresource: writes to the main resource leave status alone and the other
   *  way round. */
  status?: boolean;
  /** Has a scale subresource (autoscaling/v1 Scale over spec.replicas). */
  scale?: boolean;
  /** metadata.generation is kept (bumped on every change outside metadata and status). */
  generation?: boolean;
  /** Custom resource: strategic merge patch is refused (415), as the API server does. */
  custom?: boolean;
  /** Where a CRD's printer columns came from, for Table output. */
  printerColumns?: PrinterColumn[];
}

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
}

const WORKLOAD = { status: true, generation: true, scale: true };
const KRUISE = ['v1beta1', 'v1alpha1'];

/** Printer columns as the Kruise CRDs declare them (priority 0 only; AGE is added anyway). */
const int = (name: string, jsonPath: string): PrinterColumn => ({ name, type: 'integer', jsonPath });
const CLONESET_COLUMNS = [int('DESIRED', '.spec.replicas'), int('UPDATED', '.status.updatedReplicas'), int('UPDATED_READY', '.status.updatedReadyReplicas'),
  int('UPDATED_AVAILABLE', '.status.updatedAvailableReplicas'), int('READY', '.status.readyReplicas'), int('TOTAL', '.status.replicas')];
const SET_COLUMNS = [int('DESIRED', '.spec.replicas'), int('CURRENT', '.status.replicas'), int('UPDATED', '.status.updatedReplicas'), int('READY', '.status.readyReplicas')];
const SIDECARSET_COLUMNS = [int('MATCHED', '.status.matchedPods'), int('UPDATED', '.status.updatedPods'), int('READY', '.status.readyPods')];
const ROLLOUT_COLUMNS = [{ name: 'STATUS', type: 'string', jsonPath: '.status.phase' }, int('CANARY_STEP', '.status.currentStepIndex'),
  { name: 'CANARY_STATE', type: 'string', jsonPath: '.status.currentStepState' }, { name: 'MESSAGE', type: 'string', jsonPath: '.status.message' }];

const BUILTIN: Kind[] = [
  { group: '', versions: ['v1'], kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false, status: true },
  { group: '', versions: ['v1'], kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], categories: ['all'], namespaced: true, status: true },
  { group: '', versions: ['v1'], kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true },
  { group: '', versions: ['v1'], kind: 'Secret', plural: 'secrets', singular: 'secret', namespaced: true },
  { group: '', versions: ['v1'], kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], categories: ['all'], namespaced: true, status: true },
  { group: '', versions: ['v1'], kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], namespaced: true },
  { group: '', versions: ['v1'], kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], namespaced: true, status: true },
  { group: '', versions: ['v1'], kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true },
  { group: '', versions: ['v1'], kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false, status: true },
  { group: 'apps', versions: ['v1'], kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], categories: ['all'], namespaced: true, ...WORKLOAD },
  { group: 'apps', versions: ['v1'], kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], categories: ['all'], namespaced: true, ...WORKLOAD },
  { group: 'apps', versions: ['v1'], kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], categories: ['all'], namespaced: true, ...WORKLOAD },
  { group: 'apps', versions: ['v1'], kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], categories: ['all'], namespaced: true, status: true, generation: true },
  { group: 'apps', versions: ['v1'], kind: 'ControllerRevision', plural: 'controllerrevisions', singular: 'controllerrevision', namespaced: true },
  { group: 'coordination.k8s.io', versions: ['v1'], kind: 'Lease', plural: 'leases', singular: 'lease', namespaced: true },
  { group: 'apiextensions.k8s.io', versions: ['v1'], kind: 'CustomResourceDefinition', plural: 'customresourcedefinitions', singular: 'customresourcedefinition', shortNames: ['crd', 'crds'], namespaced: false, status: true, generation: true },
  { group: 'apps.kruise.io', versions: KRUISE, kind: 'CloneSet', plural: 'clonesets', singular: 'cloneset', shortNames: ['clone'], namespaced: true, custom: true, ...WORKLOAD, printerColumns: CLONESET_COLUMNS },
  { group: 'apps.kruise.io', versions: KRUISE, kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts', 'asts'], namespaced: true, custom: true, ...WORKLOAD, printerColumns: SET_COLUMNS },
  { group: 'apps.kruise.io', versions: KRUISE, kind: 'SidecarSet', plural: 'sidecarsets', singular: 'sidecarset', namespaced: false, custom: true, status: true, generation: true, printerColumns: SIDECARSET_COLUMNS },
  { group: 'apps.kruise.io', versions: KRUISE, kind: 'UnitedDeployment', plural: 'uniteddeployments', singular: 'uniteddeployment', shortNames: ['ud'], namespaced: true, custom: true, ...WORKLOAD, printerColumns: SET_COLUMNS },
  { group: 'apps.kruise.io', versions: KRUISE, kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['daemon', 'ads'], namespaced: true, custom: true, status: true, generation: true },
  { group: 'rollouts.kruise.io', versions: KRUISE, kind: 'Rollout', plural: 'rollouts', singular: 'rollout', namespaced: true, custom: true, status: true, generation: true, printerColumns: ROLLOUT_COLUMNS },
];

/** The kinds one emulator serves; CRDs add to it while it runs. */
export class KindRegistry {
  private readonly byResource = new Map<string, Kind>();

  constructor() {
    for (const k of BUILTIN) this.add(k);
  }

  add(k: Kind): void {
    this.byResource.set(resourceId(k.group, k.plural), k);
  }

  remove(group: string, plural: string): void {
    this.byResource.delete(resourceId(group, plural));
  }

  all(): Kind[] {
    return [...this.byResource.values()];
  }

  byPlural(group: string, plural: string): Kind | undefined {
    return this.byResource.get(resourceId(group, plural));
  }

  /** The kind an object's apiVersion and kind name. */
  forObject(apiVersion: string, kind: string): Kind | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    return this.all().find((k) => k.group === group && k.kind === kind && k.versions.includes(version));
  }

  /** Groups in discovery order: core first, then by name, as the API server lists them. */
  groups(): { group: string; versions: string[] }[] {
    const out = new Map<string, Set<string>>();
    for (const k of this.all()) {
      const s = out.get(k.group) ?? new Set<string>();
      for (const v of k.versions) s.add(v);
      out.set(k.group, s);
    }
    return [...out.entries()].map(([group, vs]) => ({ group, versions: sortVersions([...vs]) }));
  }
}

export function resourceId(group: string, plural: string): string {
  return `${group}/${plural}`;
}

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** Kubernetes version priority (GA > beta > alpha, higher numbers first), the order the API
 *  server uses to pick a group's preferred version. */
export function sortVersions(vs: string[]): string[] {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [3, 0, 0];
    const level = m[2] === undefined ? 0 : m[2] === 'beta' ? 1 : 2;
    return [level, -Number(m[1]), -Number(m[3] ?? 0)];
  };
  return [...vs].sort((a, b) => {
    const ra = rank(a), rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || (a < b ? -1 : 1);
  });
}

/** A kind from a CustomResourceDefinition (apiextensions.k8s.io/v1). */
export function kindFromCrd(crd: Record<string, any>): Kind | undefined {
  const spec = crd?.spec;
  if (!spec?.group || !spec?.names?.plural || !spec?.names?.kind || !Array.isArray(spec.versions)) return undefined;
  const served = spec.versions.filter((v: any) => v?.served !== false && typeof v?.name === 'string');
  if (served.length === 0) return undefined;
  const versions = sortVersions(served.map((v: any) => v.name));
  const preferred = served.find((v: any) => v.name === versions[0]);
  return {
    group: spec.group,
    versions,
    kind: spec.names.kind,
    plural: spec.names.plural,
    singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
    shortNames: spec.names.shortNames,
    categories: spec.names.categories,
    namespaced: spec.scope !== 'Cluster',
    status: served.some((v: any) => v?.subresources?.status !== undefined),
    scale: served.some((v: any) => v?.subresources?.scale !== undefined),
    generation: true,
    custom: true,
    printerColumns: preferred?.additionalPrinterColumns,
  };
}
