// One UnitedDeployment through the validating webhook: every rule group, on the object the
// mutating webhook stored (the default phase's output).
import type { Resource } from '../../api/resource.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { UdContext } from './context.js';
import { checkMetadata } from './metadata.js';
import { checkReplicas } from './replicas.js';
import { checkScheduleStrategy } from './schedule-strategy.js';
import { checkSelector } from './selector.js';
import { checkSubsets } from './subsets.js';
import { checkTemplate } from './template.js';
import { checkUpdateStrategy } from './update-strategy.js';

/** Every validating-webhook diagnostic for one stored UnitedDeployment. `replicasWritten`:
 *  whether the manifest itself set spec.replicas (messages about the default of 1 say so). */
export function checkUnitedDeployment(res: Resource, replicasWritten: boolean): Diagnostic[] {
  const ctx: UdContext = { res, ud: res.obj, replicasWritten, out: [] };
  checkMetadata(ctx);
  const selectorUsable = checkSelector(ctx);
  checkScheduleStrategy(ctx);
  checkTemplate(ctx, selectorUsable);
  checkReplicas(ctx);
  checkSubsets(ctx);
  checkUpdateStrategy(ctx);
  return ctx.out;
}
