// SidecarSet admission (spec sidecarset-injection.md §11-12). Placeholder until implemented.
import type { KubeObject } from '../../api/resource.js';
import type { Check } from '../types.js';

export const checkSidecarSets: Check = () => [];

/** The SidecarSet as Kruise's defaulting webhook stores it (§11). Returns a new object. */
export function defaultSidecarSet<T extends KubeObject>(obj: T): T {
  return structuredClone(obj);
}
