// The images an object runs, by container name, and what changed between two versions of it.
// Reviewers of a pull request look for "which image goes from what to what" first, in the
// diff (report/diff) and in the plan (plan/output/markdown) alike, so both read it here.
//
// Pod specs sit at different depths by kind (a Pod's spec, a workload's spec.template.spec, a
// UnitedDeployment's spec.template.<kind>Template.spec.template.spec, a SidecarSet's spec), so
// the object is searched for every `containers` / `initContainers` list instead of knowing
// each kind's path.
import { compareStrings } from '../util/compare.js';

export interface ImageChange {
  /** The container's name; init containers are marked `(init)`. */
  container: string;
  /** null: the container is new. */
  from: string | null;
  /** null: the container is gone. */
  to: string | null;
}

/** Container label -> image, for every container list found in `obj`. Where one label occurs
 *  twice (two pod specs in one object), the first one found keeps it. */
export function containerImages(obj: unknown): Map<string, string> {
  const images = new Map<string, string>();
  const stack: unknown[] = [obj];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    const o = v as Record<string, unknown>;
    for (const [list, suffix] of [['containers', ''], ['initContainers', ' (init)']] as const) {
      const cs = o[list];
      if (!Array.isArray(cs)) continue;
      for (const c of cs) {
        const { name, image } = (c ?? {}) as { name?: unknown; image?: unknown };
        if (typeof name === 'string' && typeof image === 'string' && !images.has(name + suffix)) images.set(name + suffix, image);
      }
    }
    const keys = Object.keys(o);
    for (let i = keys.length - 1; i >= 0; i--) stack.push(o[keys[i]]);
  }
  return images;
}

/** Containers whose image differs between `before` and `after` (either may be absent: an
 *  object added or removed), sorted by container. */
export function imageChanges(before: unknown, after: unknown): ImageChange[] {
  const a = before === undefined ? new Map<string, string>() : containerImages(before);
  const b = after === undefined ? new Map<string, string>() : containerImages(after);
  const out: ImageChange[] = [];
  for (const container of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const from = a.get(container) ?? null;
    const to = b.get(container) ?? null;
    if (from !== to) out.push({ container, from, to });
  }
  return out;
}

/** Merges lists of changes, dropping repeats (a UnitedDeployment and each of its subsets
 *  usually change the same container the same way), sorted. */
export function mergeImageChanges(lists: Iterable<readonly ImageChange[]>): ImageChange[] {
  const seen = new Map<string, ImageChange>();
  for (const list of lists) for (const c of list) seen.set(JSON.stringify([c.container, c.from, c.to]), c);
  return [...seen.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, c]) => c);
}
