// The one catalogue of rule ids: every area's rules, gathered. A test checks that ids are
// unique, kebab-case and documented under docs/rules/<area>.md.
import * as load from './load.js';
import * as schema from './schema.js';
import * as workload from './workload.js';
import * as sidecarset from './sidecarset.js';
import * as renderSidecarset from './render-sidecarset.js';
import * as uniteddeployment from './uniteddeployment.js';
import * as plan from './plan.js';
import * as input from './input.js';
import * as broadcastjob from './broadcastjob.js';
import * as advancedcronjob from './advancedcronjob.js';
import * as imagepulljob from './imagepulljob.js';
import * as workloadspread from './workloadspread.js';
import * as podunavailablebudget from './podunavailablebudget.js';
import * as podprobemarker from './podprobemarker.js';
import * as persistentpodstate from './persistentpodstate.js';
import * as resourcedistribution from './resourcedistribution.js';
import * as ephemeraljob from './ephemeraljob.js';
import * as nodeimage from './nodeimage.js';
import type { Rule } from './rule.js';

export { at, defineRule, report } from './rule.js';
export type { At, Rule } from './rule.js';

export const AREAS: Record<string, Record<string, Rule<any>>> = {
  load, schema, workload, sidecarset, 'render-sidecarset': renderSidecarset, uniteddeployment, plan, input,
  broadcastjob, advancedcronjob, imagepulljob, workloadspread, podunavailablebudget, podprobemarker, persistentpodstate,
  resourcedistribution, ephemeraljob, nodeimage,
};

export function allRules(): Rule<any>[] {
  return Object.values(AREAS).flatMap((m) => Object.values(m));
}
