// Loads the Ajv standalone validators generated at build time (schemas/validators.cjs, written
// by scripts/gen-schemas.ts), only when a resource of a registered kind shows up: nothing is
// compiled at start-up.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

let validators: Record<string, ValidateFn> | null | undefined;

/** The package root: the folder holding schemas/validators.cjs, found by looking upwards. This
 *  code runs three levels below the root from src/ and from tsc's dist/, and two below it from
 *  the bundle's chunks (scripts/bundle.mjs). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    if (existsSync(join(dir, VALIDATORS))) return dir;
  }
  throw new Error(`${VALIDATORS} not found`);
}

export const VALIDATORS = 'schemas/validators.cjs';

/** The export name scripts/gen-schemas.ts gives a kind's validator. */
export function exportName(k: Pick<ApiKind, 'apiVersion' | 'kind'>): string {
  return `${k.apiVersion}/${k.kind}`.replace(/[^A-Za-z0-9]/g, '_');
}

/** The compiled validator of a registered kind; undefined when schemas/ lacks it (a stale
 *  checkout: test/schemas/up-to-date.test.ts catches that in CI). The module is loaded on
 *  the first call only, so runs without Kruise kinds never pay for it. */
export function validatorFor(kind: ApiKind): ValidateFn | undefined {
  if (validators === undefined) validators = loadValidators();
  let fn = byKind.get(kind);
  if (fn === undefined && !byKind.has(kind)) byKind.set(kind, (fn = validators?.[exportName(kind)]));
  return fn;
}

function loadValidators(): Record<string, ValidateFn> | null {
  try {
    return createRequire(import.meta.url)(join(packageRoot(), VALIDATORS)) as Record<string, ValidateFn>;
  } catch {
    return null;
  }
}

// Looked up per resource: the export name is worked out once per kind.
const byKind = new Map<ApiKind, ValidateFn | undefined>();
