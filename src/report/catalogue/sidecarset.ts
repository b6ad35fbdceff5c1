// Rules of the sidecarset area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/sidecarset.md.
import { defineRule } from './rule.js';

export const _placeholder_sidecarset = defineRule<Record<string, never>>({
  id: 'sidecarset-placeholder',
  severity: 'info',
  description: 'placeholder, removed when the area defines its first rule',
  message: () => 'placeholder',
});
