// Schema check: every resource of a kind kruisec has types for is validated against the
// JSON Schema generated from src/api, through the Ajv validator precompiled for its
// apiVersion/kind. Other kinds pass; unknown kinds are the loader's business.
import { API_KINDS, isKruiseGroup, lookupKind } from '../../api/index.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/schema.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { Resource } from '../../api/resource.js';
import type { Check } from '../types.js';
import { diagnosticsFor } from './errors.js';
import { validatorFor } from './validators.js';

export const checkSchemas: Check = (resources, opts) => {
  const out: Diagnostic[] = [];
  for (const res of resources) {
    const { apiVersion, kind } = res.obj;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
    const k = lookupKind(apiVersion, kind);
    if (!k) {
      const served = isKruiseGroup(apiVersion) ? servedVersions(apiVersion, kind) : [];
      if (served.length) out.push(report(rules.unservedVersion, { kind, apiVersion, served }, at(res, ['apiVersion'])));
      continue;
    }
    const validate = validatorFor(k);
    if (validate && !validate(res.obj)) out.push(...diagnosticsFor(res, validate.errors ?? [], opts.strict, k.typesOnly));
  }
  return out;
};

/** Whether an object of a kind with a schema decodes into its Go type: what Kruise's code does
 *  with an object it builds itself (a SidecarSet restored from a ControllerRevision). */
export function fitsSchema(obj: Resource['obj']): boolean {
  return checkSchemas([{ obj }], { strict: false } as Parameters<Check>[1]).every((d) => d.severity !== 'error');
}

function servedVersions(apiVersion: string, kind: string): string[] {
  const group = apiVersion.split('/')[0];
  return API_KINDS.filter((k) => k.kind === kind && k.apiVersion.startsWith(`${group}/`)).map((k) => k.apiVersion);
}
