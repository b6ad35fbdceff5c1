// Rules of the uniteddeployment area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/uniteddeployment.md.
import { defineRule } from './rule.js';

export const _placeholder_uniteddeployment = defineRule<Record<string, never>>({
  id: 'uniteddeployment-placeholder',
  severity: 'info',
  description: 'placeholder, removed when the area defines its first rule',
  message: () => 'placeholder',
});
