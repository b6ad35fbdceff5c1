// Rules of the render-sidecarset area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/render-sidecarset.md.
import { defineRule } from './rule.js';

export const _placeholder_render_sidecarset = defineRule<Record<string, never>>({
  id: 'render-sidecarset-placeholder',
  severity: 'info',
  description: 'placeholder, removed when the area defines its first rule',
  message: () => 'placeholder',
});
