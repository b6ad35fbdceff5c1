// Schema check: every resource of a kind kruisec has types for is validated against the
// JSON Schema generated from src/api, through the Ajv validator precompiled for its
// apiVersion/kind. Objects of other kinds are not checked, and never silently: one info
// diagnostic per run lists them by kind, and the summary line counts them (uncheckedKinds).
import { API_KINDS, isKruiseGroup, kindKey, lookupKind } from '../../api/index.js';
import type { Resource } from '../../api/resource.js';
import { compareStrings } from '../../util/compare.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/schema.js';
import type { Diagnostic } from '../../report/diagnostic.js';
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
    if (validate && !validate(res.obj)) out.push(...diagnosticsFor(res, validate.errors ?? [], opts.strict, k));
  }
  const unchecked = uncheckedKinds(resources);
  if (unchecked.length) {
    const objects = unchecked.reduce((n, u) => n + u.objects, 0);
    out.push(report(rules.unchecked, { objects, kinds: unchecked.map((u) => `${u.kind} ${u.apiVersion} (${u.objects})`) }));
  }
  return out;
};

export interface UncheckedKind { apiVersion: string; kind: string; objects: number }

/** The kinds in `resources` no schema checks (neither a kind kruisec has types for nor an
 *  unserved version of one, which is an error), with their object counts, in a stable order. */
export function uncheckedKinds(resources: readonly Resource[]): UncheckedKind[] {
  const counts = new Map<string, UncheckedKind>();
  for (const res of resources) {
    const { apiVersion, kind } = res.obj;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || lookupKind(apiVersion, kind)) continue;
    if (isKruiseGroup(apiVersion) && servedVersions(apiVersion, kind).length) continue;
    const key = kindKey(apiVersion, kind);
    const seen = counts.get(key);
    if (seen) seen.objects++;
    else counts.set(key, { apiVersion, kind, objects: 1 });
  }
  return [...counts.values()].sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.apiVersion, b.apiVersion));
}

/** Whether an object of a kind with a schema decodes into its Go type: what Kruise's code does
 *  with an object it builds itself (a SidecarSet restored from a ControllerRevision). */
export function fitsSchema(obj: Resource['obj']): boolean {
  return checkSchemas([{ obj }], { strict: false } as Parameters<Check>[1]).every((d) => d.severity !== 'error');
}

function servedVersions(apiVersion: string, kind: string): string[] {
  const group = apiVersion.split('/')[0];
  return API_KINDS.filter((k) => k.kind === kind && k.apiVersion.startsWith(`${group}/`)).map((k) => k.apiVersion);
}
