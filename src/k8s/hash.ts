// The hashing Kubernetes uses to name what controllers generate. SafeEncodeString
// (k8s.io/apimachinery/pkg/util/rand) maps each character of a hash onto an alphabet without
// vowels or look-alike characters, so a name never spells a word; HashControllerRevision
// (k8s.io/kubernetes/pkg/controller/history) names ControllerRevisions.

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each character replaced by ALPHANUMS[code % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** history.HashControllerRevision for raw revision data: 32-bit FNV-1 over the data and the
 *  collision count ("0" on a fresh install), written in decimal, then safe-encoded. */
export function controllerRevisionHash(data: string, collisionCount = 0): string {
  const bytes = new TextEncoder().encode(data + String(collisionCount));
  return safeEncodeString(String(fnv1_32(bytes)));
}

/** 32-bit FNV-1 (multiply, then xor), as Go's hash/fnv New32. */
function fnv1_32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = (Math.imul(h, 0x01000193) ^ bytes[i]) >>> 0;
  return h;
}
