// A SidecarSet as the API server stores it: Kruise's defaults plus the two hash
// annotations (spec §10-11). Placeholder until implemented.
import type { KubeObject } from '../../api/resource.js';
import { defaultSidecarSet } from '../../validate/index.js';

export function storedSidecarSet<T extends KubeObject>(ss: T): T {
  return defaultSidecarSet(ss);
}
