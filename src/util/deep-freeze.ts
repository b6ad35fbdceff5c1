// Freezing is how render marks what it shares between many outputs (the stored SidecarSets,
// sidecars that do not depend on the pod): nothing can change it by accident, and the YAML
// writer, seeing it frozen, writes its text once and reuses it.

/** Freezes `v` and everything in it; returns it. */
export function deepFreeze<T>(v: T): T {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  return Object.freeze(v);
}
