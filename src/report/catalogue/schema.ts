// Rules of the schema area. Each export is one rule; its id is stable (renaming is breaking)
// and has a heading in docs/rules/schema.md.
import { defineRule } from './rule.js';

export const _placeholder_schema = defineRule<Record<string, never>>({
  id: 'schema-placeholder',
  severity: 'info',
  description: 'placeholder, removed when the area defines its first rule',
  message: () => 'placeholder',
});
