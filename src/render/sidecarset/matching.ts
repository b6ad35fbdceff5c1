// Which SidecarSets a pod gets (spec §2.2-§2.6): the webhook's candidate order, then per
// SidecarSet paused → namespaceSelector → selector. Revision choice and canary exclusion
// come after (revision.ts, inject-pod.ts).
import { labelSelectorErrors, selectorMatches, type LabelSelector } from '../../k8s/selector.js';
import type { SidecarSetSpec } from './types.js';
import { LABEL_NAMESPACE_NAME } from './types.js';

/** The namespaceSelector Kruise stores: v1alpha1 `spec.namespace` is converted into a
 *  kubernetes.io/metadata.name selector and replaces any namespaceSelector (§2.5). */
export function effectiveNamespaceSelector(spec: SidecarSetSpec): LabelSelector | null {
  if (typeof spec.namespace === 'string' && spec.namespace !== '') {
    return { matchLabels: { [LABEL_NAMESPACE_NAME]: spec.namespace } };
  }
  return (spec.namespaceSelector as LabelSelector | null | undefined) ?? null;
}

/** The informer field index of a SidecarSet (§2.3): the namespaces its namespaceSelector names
 *  through kubernetes.io/metadata.name, or null for "clusterScope". */
export function indexedNamespaces(nsSelector: LabelSelector | null): string[] | null {
  if (!nsSelector) return null;
  const direct = nsSelector.matchLabels?.[LABEL_NAMESPACE_NAME];
  if (direct !== undefined && direct !== '') return [direct];
  for (const e of nsSelector.matchExpressions ?? []) {
    if (e.key === LABEL_NAMESPACE_NAME && e.operator === 'In') return [...(e.values ?? [])];
  }
  return null;
}

export type SelectorVerdict = { ok: true; matches: boolean } | { ok: false; error: string };

/** util.ValidatedLabelSelectorAsSelector + Matches: nil matches nothing, {} everything, and an
 *  invalid requirement (unknown operator, bad key/value) is an error. */
export function evaluateSelector(sel: LabelSelector | null | undefined, labels: Record<string, string> | undefined): SelectorVerdict {
  if (sel === null || sel === undefined) return { ok: true, matches: false };
  const error = selectorError(sel);
  if (error) return { ok: false, error };
  return { ok: true, matches: selectorMatches(sel, labels) };
}

// Selectors belong to SidecarSets shared by every pod: validate each one once.
const SELECTOR_ERRORS = new WeakMap<object, string>();

function selectorError(sel: LabelSelector): string {
  let e = SELECTOR_ERRORS.get(sel);
  if (e === undefined) {
    const errs = labelSelectorErrors(sel);
    e = errs.length ? `${errs[0][0]}: ${errs[0][1]}` : '';
    SELECTOR_ERRORS.set(sel, e);
  }
  return e;
}

/** PodMatchedSidecarSet's own selector test: an empty selector never matches (§2.4 step 3). */
export function podSelectorMatches(sel: LabelSelector | null | undefined, labels: Record<string, string> | undefined): SelectorVerdict {
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) return { ok: true, matches: false };
  return evaluateSelector(sel, labels);
}

/** A pod without a namespace is looked up and matched as `default` (§2.2). */
export function podNamespace(ns: string | undefined): string {
  return ns ? ns : 'default';
}

export interface NamespaceLabels {
  labels: Record<string, string>;
  /** false when neither the repo nor the cluster facts describe the namespace. */
  known: boolean;
}

/** Labels of a namespace: from a Namespace object in the repo, else from the cluster facts; the
 *  API server always sets kubernetes.io/metadata.name=<name>, whatever the manifest says. */
export function namespaceLabels(ns: string, fromRepo: ReadonlyMap<string, Record<string, string>>,
  fromFacts: Record<string, Record<string, string>>): NamespaceLabels {
  const own = fromRepo.get(ns) ?? fromFacts[ns];
  return { labels: { ...(own ?? {}), [LABEL_NAMESPACE_NAME]: ns }, known: own !== undefined };
}
