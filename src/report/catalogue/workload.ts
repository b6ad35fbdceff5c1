// Rules of the workload area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/workload.md.
import { defineRule } from './rule.js';

export const _placeholder_workload = defineRule<Record<string, never>>({
  id: 'workload-placeholder',
  severity: 'info',
  description: 'placeholder, removed when the area defines its first rule',
  message: () => 'placeholder',
});
