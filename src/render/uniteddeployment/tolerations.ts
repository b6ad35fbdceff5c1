// attachTolerations (spec §4.5): subset tolerations go after the template's, no de-duplication.
type Obj = Record<string, any>;

export function attachTolerations(podSpec: Obj, tolerations: unknown): void {
  if (!Array.isArray(tolerations)) return;
  podSpec.tolerations = [...(Array.isArray(podSpec.tolerations) ? podSpec.tolerations : []), ...tolerations.map((t) => structuredClone(t))];
}
