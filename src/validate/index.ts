// validate: JSON Schema (schemas/, generated from src/api) and Kruise's admission rules,
// offline. Each check group is one module; a resource with any error is not admitted.
import type { Origin, Resource } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { checkSchemas } from './schema/index.js';
import { checkSidecarSets } from './sidecarset/index.js';
import { checkUnitedDeployments } from './uniteddeployment/index.js';
import { checkWorkloads } from './workloads/index.js';
import type { Check, ValidateOptions, ValidateResult } from './types.js';

export type { ValidateOptions, ValidateResult } from './types.js';
export { defaultSidecarSet } from './sidecarset/index.js';
export { defaultUnitedDeployment } from './uniteddeployment/index.js';

const CHECKS: Check[] = [checkSchemas, checkWorkloads, checkSidecarSets, checkUnitedDeployments];

export function validate(resources: readonly Resource[], opts: ValidateOptions): ValidateResult {
  const diagnostics: Diagnostic[] = [];
  for (const check of CHECKS) diagnostics.push(...check(resources, opts));
  const rejected = new Set(diagnostics.filter((d) => d.severity === 'error' && d.origin).map((d) => originKey(d.origin!)));
  const admitted = resources.filter((r) => !r.origin || !rejected.has(originKey(r.origin)));
  return { admitted, diagnostics };
}

function originKey(o: Origin): string {
  return `${o.file}\u0000${o.doc}\u0000${o.item ?? ''}`;
}
