// validate: JSON Schema (schemas/, generated from src/api) and Kruise's admission rules,
// offline. The schema judges each manifest as written; Kruise's validating webhooks judge the
// stored object the default phase made of it, as they run after the mutating webhooks. Each
// check group is one module; a resource with any error is not admitted.
import type { Origin, Resource } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { checkKruiseKinds } from './kinds/index.js';
import { applyDefaults } from '../default/index.js';
import { checkSchemas } from './schema/index.js';
import { checkSidecarSets } from './sidecarset/index.js';
import { checkUnitedDeployments } from './uniteddeployment/index.js';
import { checkWorkloads } from './workloads/index.js';
import type { ValidateOptions, ValidateResult } from './types.js';

export type { ValidateOptions, ValidateResult } from './types.js';
export { uncheckedKinds, type UncheckedKind } from './schema/index.js';
export { checkWorkloads } from './workloads/index.js';
// Update-time admission: plan knows the base the cluster holds.
export { validateUpdates } from './update/index.js';
// Classification advice, which render's --explain repeats.
export { classificationAdvice, serviceIndex } from './workloads/classification.js';
export { decreasingSteps, overPartitionTrafficLimit, validStepReplicas } from './workloads/rollout.js';
export { fitsSchema } from './schema/index.js';
export { findRevision } from './sidecarset/injection-strategy.js';
export { parseSubsetReplicas } from './uniteddeployment/index.js';
// resourcesPolicy's expression language: the webhook tries each expression, injection evaluates it.
export { calculate, type ExpressionValue } from './sidecarset/resources-expression.js';

/** The default and validate phases as the CLI runs them: the schema first, on what was
 *  written. A resource that fails it goes no further: no default, rule, renderer or plan reads
 *  a value whose type the schema did not check. The rest are defaulted, then judged. */
export function admit(written: readonly Resource[], opts: ValidateOptions): ValidateResult {
  const schema = checkSchemas(written, opts);
  const failed = rejectedBy(schema);
  const passed = written.filter((r) => !r.origin || !failed.has(originKey(r.origin)));
  return judge(schema, passed, applyDefaults(passed), opts);
}

/** `written`: load's resources; `stored`: the default phase's, the same resources in order. */
export function validate(written: readonly Resource[], stored: readonly Resource[], opts: ValidateOptions): ValidateResult {
  return judge(checkSchemas(written, opts), written, stored, opts);
}

function judge(schema: readonly Diagnostic[], written: readonly Resource[], stored: readonly Resource[], opts: ValidateOptions): ValidateResult {
  const diagnostics: Diagnostic[] = [
    ...schema,
    ...checkWorkloads(stored, opts),
    ...checkKruiseKinds(stored, opts),
    ...checkSidecarSets(stored, opts),
    ...checkUnitedDeployments(written, stored),
  ];
  const rejected = rejectedBy(diagnostics);
  const admits = (r: Resource) => !r.origin || !rejected.has(originKey(r.origin));
  return { admitted: stored.filter(admits), admits, diagnostics };
}

function rejectedBy(diagnostics: readonly Diagnostic[]): Set<string> {
  return new Set(diagnostics.filter((d) => d.severity === 'error' && d.origin).map((d) => originKey(d.origin!)));
}

function originKey(o: Origin): string {
  return `${o.file}\u0000${o.doc}\u0000${o.item ?? ''}`;
}
