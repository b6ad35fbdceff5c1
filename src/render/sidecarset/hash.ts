// SidecarSet hashes (spec sidecarset-injection.md §10). Placeholder until implemented.
import type { KubeObject } from '../../api/resource.js';

/** kruise.io/sidecarset-hash of a (defaulted) SidecarSet. */
export function sidecarSetHash(_ss: KubeObject): string {
  return '';
}

/** kruise.io/sidecarset-hash-without-image of a (defaulted) SidecarSet. */
export function sidecarSetHashWithoutImage(_ss: KubeObject): string {
  return '';
}
