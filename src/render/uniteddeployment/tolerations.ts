// attachTolerations (spec §4.5): subset tolerations go after the template's, no de-duplication.
// An empty result stays absent, as Go's omitempty would leave it.
type Obj = Record<string, any>;

export function attachTolerations(podSpec: Obj, tolerations: unknown): void {
  if (!Array.isArray(tolerations)) return;
  const merged = [...(Array.isArray(podSpec.tolerations) ? podSpec.tolerations : []), ...tolerations.map((t) => structuredClone(t))];
  if (merged.length > 0) podSpec.tolerations = merged;
}
