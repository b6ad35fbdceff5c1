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
import type { Rule } from './rule.js';

export { at, defineRule, report } from './rule.js';
export type { At, Rule } from './rule.js';

export const AREAS: Record<string, Record<string, Rule<any>>> = {
  load, schema, workload, sidecarset, 'render-sidecarset': renderSidecarset, uniteddeployment, plan, input,
};

export function allRules(): Rule<any>[] {
  return Object.values(AREAS).flatMap((m) => Object.values(m));
}
