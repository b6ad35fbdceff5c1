// A SidecarSet as the API server stores it: Kruise's defaults plus the two hash annotations
// (spec §10-11). This is what `render` emits for each SidecarSet, and what injection reads.
import type { KubeObject } from '../../api/resource.js';
import { SIDECARSET_HASH_ANNOTATION, SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION } from '../../api/sidecarset.js';
import { defaultSidecarSet } from '../../validate/index.js';
import { sidecarSetHash, sidecarSetHashWithoutImage } from './hash.js';

export function storedSidecarSet<T extends KubeObject>(ss: T): T {
  const out = defaultSidecarSet(ss);
  // The webhook overwrites whatever the user wrote in these two annotations.
  out.metadata.annotations = {
    ...out.metadata.annotations,
    [SIDECARSET_HASH_ANNOTATION]: sidecarSetHash(out),
    [SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION]: sidecarSetHashWithoutImage(out),
  };
  return out;
}
