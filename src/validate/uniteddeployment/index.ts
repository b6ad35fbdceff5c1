// UnitedDeployment admission (spec uniteddeployment.md). Placeholder until implemented.
import type { KubeObject } from '../../api/resource.js';
import type { Check } from '../types.js';

export const checkUnitedDeployments: Check = () => [];

/** The UnitedDeployment as Kruise's defaulting webhook stores it. Returns a new object. */
export function defaultUnitedDeployment<T extends KubeObject>(obj: T): T {
  return structuredClone(obj);
}
