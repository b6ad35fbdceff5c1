// One UnitedDeployment through the admission chain: defaults, then every validating rule group.
import type { Resource } from '../../api/resource.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { UdContext } from './context.js';
import { defaultUnitedDeployment } from './defaults.js';
import { checkMetadata } from './metadata.js';
import { checkReplicas } from './replicas.js';
import { checkScheduleStrategy } from './schedule-strategy.js';
import { checkSelector } from './selector.js';
import { checkSubsets } from './subsets.js';
import { checkTemplate } from './template.js';
import { checkUpdateStrategy } from './update-strategy.js';

/** Every validating-webhook diagnostic for one UnitedDeployment (after defaulting). */
export function checkUnitedDeployment(res: Resource): Diagnostic[] {
  const spec = (res.obj as { spec?: { replicas?: unknown } }).spec;
  const ctx: UdContext = {
    res,
    ud: defaultUnitedDeployment(res.obj),
    replicasWritten: spec?.replicas != null,
    out: [],
  };
  checkMetadata(ctx);
  const selectorUsable = checkSelector(ctx);
  checkScheduleStrategy(ctx);
  checkTemplate(ctx, selectorUsable);
  checkReplicas(ctx);
  checkSubsets(ctx);
  checkUpdateStrategy(ctx);
  return ctx.out;
}
