// attachTolerations (spec §4.5): subset tolerations go after the template's, no de-duplication.
import { type Obj } from '../../util/json.js';
export function attachTolerations(podSpec: Obj, tolerations: unknown): void {
  if (!Array.isArray(tolerations)) return;
  const merged = [...(Array.isArray(podSpec.tolerations) ? podSpec.tolerations : []), ...tolerations.map((t) => structuredClone(t))];
  if (merged.length > 0) podSpec.tolerations = merged;
}
