// The fact-form cases of ../shared/conformance/cases/rollout (format in that folder's README):
// each test that covers a case names its folder and reads its facts here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

export interface Fact {
  given: Record<string, any>;
  expect: Record<string, any>;
}

export const ROLLOUT_CASES = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'conformance', 'cases', 'rollout');

export function rolloutFacts(caseFolder: string): Fact[] {
  const doc = yaml.load(readFileSync(join(ROLLOUT_CASES, caseFolder, 'expect.yaml'), 'utf8')) as { form: string; facts: Fact[] };
  if (doc.form !== 'facts' || !Array.isArray(doc.facts)) throw new Error(`${caseFolder}: not a fact-form case`);
  return doc.facts;
}
