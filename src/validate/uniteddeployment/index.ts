// UnitedDeployment admission (spec uniteddeployment.md §6): the mutating webhook's defaults,
// then the validating webhook's rules, one module per rule group.
import { isUnitedDeployment } from '../../api/uniteddeployment.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { Check } from '../types.js';
import { checkUnitedDeployment } from './check.js';

export { checkUnitedDeployment } from './check.js';
export { defaultUnitedDeployment } from './defaults.js';
export { parseSubsetReplicas } from './replicas-value.js';
export { checkUnitedDeploymentUpdate } from './update.js';

export const checkUnitedDeployments: Check = (resources) => {
  const out: Diagnostic[] = [];
  for (const res of resources) if (isUnitedDeployment(res.obj)) out.push(...checkUnitedDeployment(res));
  return out;
};
