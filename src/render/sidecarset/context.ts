// Everything injection needs from the resource list, indexed once per render: the SidecarSets
// as the API server stores them, namespace labels, the Kruise ControllerRevisions.
import type { ClusterFacts } from '../../api/cluster.js';
import { featureGate } from '../../api/cluster.js';
import type { Resource } from '../../api/resource.js';
import { apiGroup } from '../../api/resource.js';
import { isSidecarSet } from '../../api/sidecarset.js';
import type { LabelSelector } from '../../k8s/selector.js';
import { deepFreeze } from '../../util/deep-freeze.js';
import { compareStrings } from '../../util/compare.js';
import {
  effectiveNamespaceSelector, indexedNamespaces, namespaceLabels as namespaceLabelsOf, type NamespaceLabels, type SelectorVerdict,
} from './matching.js';
import type { ControllerRevision } from './revision.js';
import type { SidecarSetObject } from './types.js';
import { LABEL_NAMESPACE_NAME } from './types.js';

export interface PreparedSidecarSet {
  name: string;
  resource: Resource;
  /** Defaulted, hashed: what the webhook reads from its cache. */
  stored: SidecarSetObject;
  nsSelector: LabelSelector | null;
  /** The namespaces the informer index files it under; null = clusterScope. */
  indexed: string[] | null;
  /** namespaceSelector verdicts by namespace: the same for every pod of a namespace. */
  nsVerdicts: Map<string, SelectorVerdict>;
}

export interface InjectionContext {
  cluster: ClusterFacts;
  sidecarSets: PreparedSidecarSet[];
  namespaceLabels: Map<string, Record<string, string>>;
  revisions: ControllerRevision[];
  sortContainersByName: boolean;
  /** Candidate order for a pod namespace (§2.6): SidecarSets indexed under that namespace,
   *  then cluster-scoped ones, each group by name; the rest (which cannot match) last. */
  order(namespace: string): PreparedSidecarSet[];
  /** Position of each SidecarSet name in order(namespace). */
  rank(namespace: string): Map<string, number>;
  /** Labels of a namespace (see matching.namespaceLabels), computed once per namespace. */
  labelsOf(namespace: string): NamespaceLabels;
}

export function buildContext(resources: readonly Resource[], cluster: ClusterFacts): InjectionContext {
  const sidecarSets: PreparedSidecarSet[] = [];
  const namespaceLabels = new Map<string, Record<string, string>>();
  const revisions: ControllerRevision[] = [];
  for (const r of resources) {
    const o = r.obj;
    if (isSidecarSet(o)) {
      // The default phase left it as the API server stores it (defaults and hashes).
      const stored = o as SidecarSetObject;
      stored.spec ??= {};
      // Shared by every pod it is injected into, so frozen: nothing may change it for one pod,
      // and the YAML writer prints each frozen part once per depth instead of once per pod.
      deepFreeze(stored);
      const nsSelector = effectiveNamespaceSelector(stored.spec);
      sidecarSets.push({ name: o.metadata?.name ?? '', resource: r, stored, nsSelector, indexed: indexedNamespaces(nsSelector), nsVerdicts: new Map() });
    } else if (o.kind === 'Namespace' && o.apiVersion === 'v1' && o.metadata?.name) {
      namespaceLabels.set(o.metadata.name, { ...(o.metadata.labels ?? {}), [LABEL_NAMESPACE_NAME]: o.metadata.name });
    } else if (o.kind === 'ControllerRevision' && typeof o.apiVersion === 'string' && apiGroup(o.apiVersion) === 'apps' && o.metadata?.namespace === cluster.kruiseNamespace) {
      revisions.push(o as ControllerRevision);
    }
  }
  sidecarSets.sort((a, b) => compareStrings(a.name, b.name));
  const cluster_ = sidecarSets.filter((s) => s.indexed === null);
  const cache = new Map<string, PreparedSidecarSet[]>();
  const order = (ns: string) => {
    let o = cache.get(ns);
    if (!o) {
      const own = sidecarSets.filter((s) => s.indexed?.includes(ns));
      const rest = sidecarSets.filter((s) => s.indexed !== null && !s.indexed.includes(ns));
      o = [...own, ...cluster_, ...rest];
      cache.set(ns, o);
    }
    return o;
  };
  const ranks = new Map<string, Map<string, number>>();
  const rank = (ns: string) => {
    let r = ranks.get(ns);
    if (!r) ranks.set(ns, r = new Map(order(ns).map((p, i) => [p.name, i])));
    return r;
  };
  const nsLabels = new Map<string, NamespaceLabels>();
  const labelsOf = (ns: string) => {
    let l = nsLabels.get(ns);
    if (!l) nsLabels.set(ns, l = namespaceLabelsOf(ns, namespaceLabels, cluster.namespaceLabels));
    return l;
  };
  return {
    cluster, sidecarSets, namespaceLabels, revisions, order, rank, labelsOf,
    sortContainersByName: featureGate(cluster, 'EnableSortSidecarContainerByName'),
  };
}
