// patchPodMetadata (spec §6): annotations a SidecarSet writes on the pod, before any container
// is built. Retain keeps an existing key, Overwrite replaces it, MergePatchJson merges a JSON
// object into the existing JSON value. Unknown policies do nothing. The whitelist is checked by
// SidecarSet validation only, never here.
import { mergePatch } from './json-merge-patch.js';
import type { PatchPodMetadata } from './types.js';

export type PatchResult = { ok: true } | { ok: false; key: string; error: string };

/** Apply one SidecarSet's patches to `annotations` (mutated in place: the caller's own copy). */
export function patchPodMetadata(annotations: Record<string, string>, patches: readonly PatchPodMetadata[] | undefined): PatchResult {
  for (const p of patches ?? []) {
    const entries = Object.entries(p.annotations ?? {});
    switch (p.patchPolicy ?? '') {
      case 'Retain': case '':
        for (const [k, v] of entries) if (!Object.prototype.hasOwnProperty.call(annotations, k)) annotations[k] = v;
        break;
      case 'Overwrite':
        for (const [k, v] of entries) annotations[k] = v;
        break;
      case 'MergePatchJson':
        for (const [k, v] of entries) {
          const old = annotations[k];
          if (old === undefined || old === '') { annotations[k] = v; continue; }
          const r = mergePatch(old, v);
          if (!r.ok) return { ok: false, key: k, error: r.error };
          annotations[k] = r.value;
        }
        break;
      default:
        break;
    }
  }
  return { ok: true };
}
