// The two SidecarSet hashes (spec §10; Kruise pkg/control/sidecarcontrol/hash.go): sha256 over
// the Go JSON of the containers (plus all init containers when at least one is a native
// sidecar), hex, then mapped through apimachinery's rand.SafeEncodeString. The input must
// already be defaulted: the defaulting webhook hashes after it has filled its defaults.
import type { KubeObject } from '../api/resource.js';
import { goMarshalAs } from '../go/json-layout.js';
import { safeEncodeString } from '../k8s/hash.js';
import { nodeCrypto } from '../util/node-crypto.js';
import { SIDECAR_CONTAINER } from './sidecarset-layout.js';

type Spec = { containers?: unknown; initContainers?: unknown };

/** kruise.io/sidecarset-hash of a (defaulted) SidecarSet. */
export function sidecarSetHash(ss: KubeObject): string {
  return safeEncodeString(sha256Hex(hashInput((ss.spec ?? {}) as Spec, false)));
}

/** kruise.io/sidecarset-hash-without-image of a (defaulted) SidecarSet. */
export function sidecarSetHashWithoutImage(ss: KubeObject): string {
  return safeEncodeString(sha256Hex(hashInput((ss.spec ?? {}) as Spec, true)));
}

/** The exact bytes upstream hashes: json.Marshal of map{"containers", ["initContainers"]}. */
export function hashInput(spec: Spec, withoutImage: boolean): string {
  const list = (v: unknown) => {
    if (!Array.isArray(v)) return v;
    return withoutImage ? v.map((c) => (c && typeof c === 'object' ? { ...c, image: '' } : c)) : v;
  };
  const containers = goMarshalAs(list(spec.containers), { k: 'slice', elem: SIDECAR_CONTAINER });
  const inits = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  // Native sidecars (restartPolicy Always) are part of what a pod runs, so they count.
  if (!inits.some((c) => c?.restartPolicy === 'Always')) return `{"containers":${containers}}`;
  const initJson = goMarshalAs(list(inits), { k: 'slice', elem: SIDECAR_CONTAINER });
  return `{"containers":${containers},"initContainers":${initJson}}`;
}

function sha256Hex(s: string): string {
  return nodeCrypto().createHash('sha256').update(s, 'utf8').digest('hex');
}
