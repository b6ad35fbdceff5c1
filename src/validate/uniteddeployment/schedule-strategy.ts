// V4: reservation rescheduling only for stateless kinds. (V24, replicas under Adaptive, is
// per subset and lives in subsets.ts.)
import * as rules from '../../report/catalogue/uniteddeployment.js';
import type { UdContext } from './context.js';
import { fail } from './context.js';
import type { Obj } from '../../util/json.js';

export function isAdaptive(ud: Obj): boolean {
  return ud.spec?.topology?.scheduleStrategy?.type === 'Adaptive';
}

export function reservesUnschedulablePods(ud: Obj): boolean {
  return isAdaptive(ud) && ud.spec?.topology?.scheduleStrategy?.adaptive?.reserveUnschedulablePods === true;
}

export function checkScheduleStrategy(ctx: UdContext): void {
  if (!reservesUnschedulablePods(ctx.ud)) return;
  const t = ctx.ud.spec?.template ?? {};
  const stateful = t.statefulSetTemplate != null ? 'statefulSetTemplate' : t.advancedStatefulSetTemplate != null ? 'advancedStatefulSetTemplate' : undefined;
  if (stateful) fail(ctx, rules.reservationStateful, ['spec', 'topology', 'scheduleStrategy'], { template: stateful });
}
