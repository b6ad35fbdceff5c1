// Rules of the plan area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/plan.md.
import { defineRule } from './rule.js';

export const _placeholder_plan = defineRule<Record<string, never>>({
  id: 'plan-placeholder',
  severity: 'info',
  description: 'placeholder, removed when the area defines its first rule',
  message: () => 'placeholder',
});
