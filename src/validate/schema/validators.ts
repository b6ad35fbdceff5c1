// Loads the Ajv standalone validators generated at build time (schemas/validators.cjs, written
// by scripts/gen-schemas.ts), only when a resource of a registered kind shows up: nothing is
// compiled at start-up.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ApiKind } from '../../api/index.js';

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
const MODULE = new URL('../../../schemas/validators.cjs', import.meta.url);
let validators: Record<string, ValidateFn> | null | undefined;

/** The export name scripts/gen-schemas.ts gives a kind's validator. */
function exportName(k: Pick<ApiKind, 'apiVersion' | 'kind'>): string {
  return `${k.apiVersion}/${k.kind}`.replace(/[^A-Za-z0-9]/g, '_');
}

/** The compiled validator of a registered kind; undefined when schemas/ lacks it (a stale
 *  checkout: test/schemas/up-to-date.test.ts catches that in CI). The module is loaded on
 *  the first call only, so runs without Kruise kinds never pay for it. */
export function validatorFor(kind: ApiKind): ValidateFn | undefined {
  if (validators === undefined) {
    try {
      validators = createRequire(import.meta.url)(fileURLToPath(MODULE)) as Record<string, ValidateFn>;
    } catch {
      validators = null;
    }
  }
  return validators?.[exportName(kind)];
}
