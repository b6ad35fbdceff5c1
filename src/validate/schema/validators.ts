// Loads the Ajv standalone validators generated at build time (schemas/validators, written by
// scripts/gen-schemas.ts), one kind at a time and only when a resource of that kind shows up:
// nothing is compiled at start-up.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { schemaPath, type ApiKind } from '../../api/index.js';

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface ValidateFn {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

// src/validate/schema/ and dist/validate/schema/ are both three levels below the package root.
const VALIDATORS = new URL('../../../schemas/validators/', import.meta.url);
const requireValidator = createRequire(import.meta.url);
const cache = new Map<string, ValidateFn | undefined>();

/** The compiled validator of a registered kind; undefined when schemas/ lacks it (a stale
 *  checkout: test/schemas/up-to-date.test.ts catches that in CI). */
export function validatorFor(kind: ApiKind): ValidateFn | undefined {
  const rel = schemaPath(kind).replace(/\.json$/, '.cjs');
  if (cache.has(rel)) return cache.get(rel);
  let fn: ValidateFn | undefined;
  try {
    const mod = requireValidator(fileURLToPath(new URL(rel, VALIDATORS))) as ValidateFn | { default: ValidateFn };
    fn = typeof mod === 'function' ? mod : mod.default;
  } catch {
    fn = undefined;
  }
  cache.set(rel, fn);
  return fn;
}
