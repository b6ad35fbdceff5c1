// Loads the Ajv standalone validators generated at build time (schemas/validators/, written by
// scripts/gen-schemas.ts): a kind's module only when the first resource of that kind shows up,
// and, from there, a definition's module only when a resource first has a field of that type.
// Nothing is compiled at start-up, and a run pays for the fields in its input, not for every
// kind and field kruisec knows.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiKind } from '../../api/index.js';

/** An error as the generated validators report it: Ajv's, less its schemaPath, which
 *  scripts/compact-validators.ts drops. */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface ValidateFn {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export const VALIDATORS_DIR = 'schemas/validators';

/** Where a kind's validator module lives, relative to the package root. */
export function validatorPath(k: Pick<ApiKind, 'apiVersion' | 'kind'>): string {
  return `${VALIDATORS_DIR}/${k.apiVersion}/${k.kind}.cjs`;
}

/** The compiled validator of a registered kind; undefined when schemas/ lacks it (a stale
 *  checkout: test/schemas/up-to-date.test.ts catches that in CI). */
export function validatorFor(kind: ApiKind): ValidateFn | undefined {
  let fn = byKind.get(kind);
  if (fn === undefined && !byKind.has(kind)) byKind.set(kind, (fn = load(kind)));
  return fn;
}

const byKind = new Map<ApiKind, ValidateFn | undefined>();
let requireFromRoot: NodeRequire | null | undefined;

function load(kind: ApiKind): ValidateFn | undefined {
  if (requireFromRoot === undefined) {
    const root = packageRoot();
    requireFromRoot = root === undefined ? null : createRequire(join(root, 'package.json'));
  }
  try {
    return requireFromRoot?.(`./${validatorPath(kind)}`) as ValidateFn | undefined;
  } catch {
    return undefined;
  }
}

/** The package root: the folder holding schemas/validators/, found by looking upwards. This
 *  code runs three levels below the root from src/ and from tsc's dist/, and two below it from
 *  the bundle's chunks (scripts/bundle.mjs). */
export function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    if (existsSync(join(dir, VALIDATORS_DIR))) return dir;
  }
  return undefined;
}
