// Rules of the schema area: the JSON Schemas generated from src/api (schemas/), checked with
// Ajv. Each export is one rule; its id is stable (renaming is breaking) and has a heading in
// docs/rules/schema.md.
import { defineRule } from './rule.js';

export const unknownField = defineRule<{ field: string; kind: string; apiVersion: string; suggestion?: string }>({
  id: 'schema-unknown-field',
  severity: 'warning',
  description: 'A field the API version does not define: the API server prunes it (or Kruise ignores it), so it has no effect.',
  message: (d) => `unknown field ${JSON.stringify(d.field)}: ${d.kind} ${d.apiVersion} has no such field, so the API server drops it` +
    (d.suggestion ? `; did you mean ${JSON.stringify(d.suggestion)}?` : ''),
  hint: (d) => (d.suggestion
    ? `rename it to ${d.suggestion} if that is what you meant (check the indentation too); remove it otherwise`
    : 'check the spelling and the indentation, and that the field exists in this apiVersion (v1beta1 CloneSet moved the rollout knobs under updateStrategy.rollingUpdate); remove it otherwise'),
});

export const missingField = defineRule<{ field: string }>({
  id: 'schema-missing-field',
  severity: 'error',
  description: 'A required field is absent.',
  message: (d) => `required field ${JSON.stringify(d.field)} is missing`,
  hint: (d) => `add ${d.field}`,
});

export const wrongType = defineRule<{ expected: string; actual: string }>({
  id: 'schema-wrong-type',
  severity: 'error',
  description: 'A value has the wrong JSON type (a string where a number belongs, a map where a list belongs, …).',
  message: (d) => `must be ${d.expected}, found ${d.actual}`,
  hint: (d) => (d.expected.includes('string') && /integer|number|boolean/.test(d.actual)
    ? 'quote the value: YAML reads unquoted numbers and words like yes, no, on, off, y, n as non-strings'
    : d.expected.includes('integer') && d.actual === 'a string'
      ? 'write the number without quotes'
      : `write ${d.expected} here`),
});

export const notInEnum = defineRule<{ value: string; allowed: string[] }>({
  id: 'schema-enum',
  severity: 'error',
  description: 'A value is not one of the values the field allows.',
  message: (d) => `${d.value} is not allowed here; allowed: ${d.allowed.join(', ')}`,
  hint: (d) => `use one of ${d.allowed.join(', ')}`,
});

export const patternMismatch = defineRule<{ value: string; pattern: string }>({
  id: 'schema-pattern',
  severity: 'error',
  description: 'A string does not match the pattern the field requires.',
  message: (d) => `${d.value} does not match ${d.pattern}`,
  hint: () => 'change the value so that it matches the pattern',
});

export const invalidValue = defineRule<{ reason: string }>({
  id: 'schema-invalid',
  severity: 'error',
  description: 'A value breaks another constraint of the schema.',
  message: (d) => `invalid value: ${d.reason}`,
  hint: () => 'compare the value with the field reference (`kubectl explain`)',
});

export const unservedVersion = defineRule<{ kind: string; apiVersion: string; served: string[] }>({
  id: 'schema-unserved-version',
  severity: 'error',
  description: 'The kind exists but not in this apiVersion: the API server has no such resource.',
  message: (d) => `${d.kind} is not served as ${d.apiVersion}; served versions: ${d.served.join(', ')}`,
  hint: (d) => `set apiVersion to ${d.served[d.served.length - 1]}`,
});

export const unchecked = defineRule<{ objects: number; kinds: string[] }>({
  id: 'schema-unchecked',
  severity: 'info',
  description: 'Objects of kinds kruisec has no schema for (other projects\' custom resources, rare core kinds) are not checked; listed once per run, and counted in the summary line.',
  message: (d) => `${d.objects} object${d.objects === 1 ? '' : 's'} not checked, no schema for: ${d.kinds.join(', ')}`,
  hint: () => 'kruisec checks the Kruise and Kruise Rollouts kinds and the common core Kubernetes kinds (README); validate the others with their own tools',
});
