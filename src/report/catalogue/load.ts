// Rules of the load area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/load.md.
import { defineRule } from './rule.js';

export const _placeholder_load = defineRule<Record<string, never>>({
  id: 'load-placeholder',
  severity: 'info',
  description: 'placeholder, removed when the area defines its first rule',
  message: () => 'placeholder',
});
