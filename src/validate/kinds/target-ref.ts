// Helpers for the targetRef fields Kruise's policy kinds share (WorkloadSpread,
// PodUnavailableBudget, PersistentPodState): the group of an apiVersion as
// schema.ParseGroupVersion reads it, and the pairs of same-namespace objects that point at
// the same workload, for the webhooks' conflict checks.
import type { Resource } from '../../api/resource.js';
import { compareStrings } from '../../util/compare.js';
import { isObj, type Obj } from '../../util/json.js';

/** The group of an apiVersion ("apps/v1" → "apps", "v1" → ""), or undefined when it has more
 *  than one slash, which ParseGroupVersion refuses. */
export function groupOf(apiVersion: string): string | undefined {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return '';
  return parts.length === 2 ? parts[0] : undefined;
}

/** The group/kind/name a targetRef points at, when it names all three. */
export function refKey(ref: unknown): string | undefined {
  if (!isObj(ref)) return undefined;
  const { apiVersion, kind, name } = ref as Obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string') return undefined;
  return `${groupOf(apiVersion) ?? ''}/${kind}/${name}`;
}

/** For each resource that conflicts with an earlier one (by name order) of the same namespace,
 *  the earlier one's name: the webhook refuses an object when another already holds the spot. */
export function laterConflicts(resources: readonly Resource[], conflicts: (a: Resource, b: Resource) => boolean): Map<Resource, string> {
  const byNs = new Map<string, Resource[]>();
  for (const r of resources) {
    const ns = r.obj.metadata?.namespace ?? '';
    const list = byNs.get(ns) ?? [];
    list.push(r);
    byNs.set(ns, list);
  }
  const out = new Map<Resource, string>();
  for (const list of byNs.values()) {
    const sorted = [...list].sort((a, b) => compareStrings(a.obj.metadata?.name ?? '', b.obj.metadata?.name ?? ''));
    sorted.forEach((r, i) => {
      const first = sorted.slice(0, i).find((o) => o.obj.metadata?.name !== r.obj.metadata?.name && conflicts(r, o));
      if (first) out.set(r, first.obj.metadata?.name ?? '');
    });
  }
  return out;
}
