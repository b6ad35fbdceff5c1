// Cluster facts that git does not hold. They come from kruisec.yaml at the repo root and
// from flags; the defaults are Kruise's own.

export interface ClusterFacts {
  /** Kruise version the manifests target, e.g. "1.8". Informational for now. */
  kruiseVersion: string;
  /** Namespace Kruise runs in: where ControllerRevisions of SidecarSets and the
   *  kruise-configuration ConfigMap live. Kruise's default: kruise-system. */
  kruiseNamespace: string;
  /** Kruise feature gates, by name; unlisted gates take Kruise's default. */
  featureGates: Record<string, boolean>;
  /** Labels of namespaces that the repo does not declare as Namespace objects. */
  namespaceLabels: Record<string, Record<string, string>>;
  /** Default rollout steps for `plan` when no Rollout or annotation names them. */
  defaultSteps?: RolloutStep[];
}

export interface RolloutStep {
  replicas: number | string;
  pause?: { duration?: number };
}

export const DEFAULT_CLUSTER_FACTS: ClusterFacts = {
  kruiseVersion: '1.8',
  kruiseNamespace: 'kruise-system',
  featureGates: {},
  namespaceLabels: {},
};

/** Kruise's feature-gate defaults for the gates kruisec reads (pkg/features/kruise_features.go). */
export const FEATURE_GATE_DEFAULTS: Record<string, boolean> = {
  EnableSortSidecarContainerByName: false,
  SidecarSetPatchPodMetadataDefaultsAllowed: false,
  ResourcesDeletionProtection: true,
  PodUnavailableBudgetDeleteGate: true,
  KruisePodReadinessGate: false,
  StatefulSetAutoResizePVCGate: false,
};

export function featureGate(facts: ClusterFacts, name: string): boolean {
  return facts.featureGates[name] ?? FEATURE_GATE_DEFAULTS[name] ?? false;
}
