// Loads the Ajv standalone validators generated at build time (schemas/validators.cjs, written
// by scripts/gen-schemas.ts), only when a resource of a registered kind shows up: nothing is
// compiled at start-up. The build leaves a V8 code cache for them in dist/ (code-cache.ts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiKind } from '../../api/index.js';
import { requireWithCodeCache } from './code-cache.js';

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
/** Written by the build (scripts/code-cache.mjs); see code-cache.ts. */
export const VALIDATORS_CODE_CACHE = 'dist/validators.v8cache';

/** The export name scripts/gen-schemas.ts gives a kind's validator. */
export function exportName(k: Pick<ApiKind, 'apiVersion' | 'kind'>): string {
  return `${k.apiVersion}/${k.kind}`.replace(/[^A-Za-z0-9]/g, '_');
}

/** The compiled validator of a registered kind; undefined when schemas/ lacks it (a stale
 *  checkout: test/schemas/up-to-date.test.ts catches that in CI). The module is loaded on
 *  the first call only, so runs without Kruise kinds never pay for it. */
export function validatorFor(kind: ApiKind): ValidateFn | undefined {
  if (validators === undefined) loadValidators();
  let fn = byKind.get(kind);
  if (fn === undefined && !byKind.has(kind)) byKind.set(kind, (fn = validators?.[exportName(kind)]));
  return fn;
}

/** Loads schemas/validators.cjs now rather than at the first resource of a registered kind:
 *  the startup snapshot (src/cli/snapshot.ts) holds them loaded. False when it is missing. */
export function loadValidators(): boolean {
  try {
    const root = packageRoot();
    validators = requireWithCodeCache(join(root, VALIDATORS), join(root, VALIDATORS_CODE_CACHE)).exports as Record<string, ValidateFn>;
  } catch {
    validators = null;
  }
  return validators !== null;
}

// Looked up per resource: the export name is worked out once per kind.
const byKind = new Map<ApiKind, ValidateFn | undefined>();
