// What every rule group of the UnitedDeployment webhook gets: the resource (for origins), the
// defaulted object (the webhook validates after the mutating webhook ran) and a reporter.
import type { FieldPath, Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import type { Rule } from '../../report/catalogue/rule.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { fieldText } from '../../k8s/field-path.js';
import type { Obj } from '../../util/json.js';

export interface UdContext {
  res: Resource;
  /** The UnitedDeployment after defaulting. */
  ud: Obj;
  /** Whether the manifest itself had spec.replicas (for messages about the default of 1). */
  replicasWritten: boolean;
  out: Diagnostic[];
}

/** Report `rule` at `path`; `field` (the Kubernetes path text) is filled in from the path. */
export function fail<D extends { field: string }>(ctx: UdContext, rule: Rule<D>, path: FieldPath, data: Omit<D, 'field'>): void {
  ctx.out.push(report(rule, { ...data, field: fieldText(path) } as D, at(ctx.res, path)));
}

