// OpenAPI v3, as much of it as clients read. kubectl apply asks /openapi/v3 whether a kind's
// PATCH takes the fieldValidation parameter (server-side validation) before it sends a patch;
// without an answer it refuses to apply unless told --validate=false. The emulator declares the
// parameters of every operation and schemas that only name each kind: it does not check fields.
import { apiVersionOf, type Kind, type KindRegistry } from './kinds.js';

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** The index: one entry per group-version, pointing at its document. */
export function openapiIndex(kinds: KindRegistry, rv: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const g of kinds.groups()) for (const v of g.versions) paths[gvPath(g.group, v)] = { serverRelativeURL: `/openapi/v3/${gvPath(g.group, v)}?hash=${rv.toString(16).padStart(16, '0')}` };
  return { paths };
}

const param = (name: string, type = 'string') => ({ name, in: 'query', schema: { type, uniqueItems: true } });
const WRITE_PARAMS = [param('dryRun'), param('fieldManager'), param('fieldValidation')];

/** The document of one group-version (path "apis/<group>/<version>" or "api/v1"). */
export function openapiGroupVersion(kinds: KindRegistry, path: string): Record<string, unknown> | undefined {
  const m = /^(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (!m) return undefined;
  const group = m[2] ?? '', version = m[1] ?? m[3];
  const ks = kinds.all().filter((k) => k.group === group && k.versions.includes(version));
  if (ks.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const k of ks) {
    const gvk = { group: k.group, version, kind: k.kind };
    const ref = { $ref: `#/components/schemas/${schemaName(k, version)}` };
    const ok = { 200: { description: 'OK', content: { 'application/json': { schema: ref } } } };
    const base = `/${gvPath(group, version)}${k.namespaced ? '/namespaces/{namespace}' : ''}/${k.plural}`;
    const ext = { 'x-kubernetes-group-version-kind': gvk };
    paths[base] = {
      get: { ...ext, 'x-kubernetes-action': 'list', parameters: [param('labelSelector'), param('fieldSelector'), param('watch', 'boolean')], responses: ok },
      post: { ...ext, 'x-kubernetes-action': 'post', parameters: WRITE_PARAMS, responses: ok },
    };
    paths[`${base}/{name}`] = {
      get: { ...ext, 'x-kubernetes-action': 'get', responses: ok },
      put: { ...ext, 'x-kubernetes-action': 'put', parameters: WRITE_PARAMS, responses: ok },
      patch: { ...ext, 'x-kubernetes-action': 'patch', parameters: [...WRITE_PARAMS, param('force', 'boolean')], responses: ok },
      delete: { ...ext, 'x-kubernetes-action': 'delete', parameters: [param('dryRun'), param('propagationPolicy')], responses: ok },
    };
    schemas[schemaName(k, version)] = {
      type: 'object',
      description: `${k.kind} (${apiVersionOf(k.group, version)}), served by the kruisec API emulator; fields are not described.`,
      'x-kubernetes-group-version-kind': [gvk],
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths, components: { schemas } };
}

function schemaName(k: Kind, version: string): string {
  const group = k.group === '' ? 'io.k8s.api.core' : k.group.split('.').reverse().join('.');
  return `${group}.${version}.${k.kind}`;
}
