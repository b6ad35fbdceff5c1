// SidecarSet admission (spec sidecarset-injection.md §11-12): the defaulting webhook and the
// validating webhook, offline. Each rule group is one module beside this one.
import type { KubeObject } from '../../api/resource.js';
import type { Check } from '../types.js';
import { applySidecarSetDefaults } from './defaults.js';

export const checkSidecarSets: Check = () => [];

/** The SidecarSet as Kruise's defaulting webhook stores it (§11), minus the hash annotations
 *  (render/sidecarset/stored-form.ts adds those). Returns a new object. */
export function defaultSidecarSet<T extends KubeObject>(obj: T): T {
  return applySidecarSetDefaults(obj);
}
