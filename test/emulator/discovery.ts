// Discovery documents, in the legacy form (/api, /apis, /apis/<group>/<version>) and the
// aggregated form (apidiscovery.k8s.io/v2) that kubectl 1.32 asks for first.
import { apiVersionOf, type Kind, type KindRegistry } from './kinds.js';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SUB_VERBS = ['get', 'patch', 'update'];

export function serverVersion(): Record<string, string> {
  return {
    major: '1', minor: '32', gitVersion: 'v1.32.0-kruisec-emulator', gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean', buildDate: '2026-01-01T00:00:00Z', goVersion: 'go1.23.0', compiler: 'gc', platform: 'linux/amd64',
  };
}

export function apiVersions(address: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: address }] };
}

function groupDoc(group: string, versions: string[]): Record<string, unknown> {
  const gv = versions.map((v) => ({ groupVersion: apiVersionOf(group, v), version: v }));
  return { name: group, versions: gv, preferredVersion: gv[0] };
}

export function apiGroupList(kinds: KindRegistry): Record<string, unknown> {
  const groups = kinds.groups().filter((g) => g.group !== '').sort((a, b) => (a.group < b.group ? -1 : 1));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => groupDoc(g.group, g.versions)) };
}

export function apiGroup(kinds: KindRegistry, group: string): Record<string, unknown> | undefined {
  const g = kinds.groups().find((x) => x.group === group);
  return g && { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g.group, g.versions) };
}

function served(kinds: KindRegistry, group: string, version: string): Kind[] {
  return kinds.all().filter((k) => k.group === group && k.versions.includes(version)).sort((a, b) => (a.plural < b.plural ? -1 : 1));
}

export function apiResourceList(kinds: KindRegistry, group: string, version: string): Record<string, unknown> | undefined {
  const ks = served(kinds, group, version);
  if (ks.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const k of ks) {
    resources.push({
      name: k.plural, singularName: k.singular, namespaced: k.namespaced, kind: k.kind, verbs: VERBS,
      ...(k.shortNames?.length ? { shortNames: k.shortNames } : {}), ...(k.categories?.length ? { categories: k.categories } : {}),
    });
    if (k.status) resources.push({ name: `${k.plural}/status`, singularName: '', namespaced: k.namespaced, kind: k.kind, verbs: SUB_VERBS });
    if (k.scale) resources.push({ name: `${k.plural}/scale`, singularName: '', namespaced: k.namespaced, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: SUB_VERBS });
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(group, version), resources };
}

/** apidiscovery.k8s.io/v2 APIGroupDiscoveryList for /api (core) or /apis (the rest). */
export function aggregated(kinds: KindRegistry, core: boolean): Record<string, unknown> {
  const groups = kinds.groups().filter((g) => (g.group === '') === core).sort((a, b) => (a.group < b.group ? -1 : 1));
  return {
    kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.group },
      versions: g.versions.map((v) => ({
        version: v,
        freshness: 'Current',
        resources: served(kinds, g.group, v).map((k) => ({
          resource: k.plural, responseKind: { group: k.group, version: v, kind: k.kind }, scope: k.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: k.singular, verbs: VERBS,
          ...(k.shortNames?.length ? { shortNames: k.shortNames } : {}), ...(k.categories?.length ? { categories: k.categories } : {}),
          subresources: [
            ...(k.status ? [{ subresource: 'status', responseKind: { group: k.group, version: v, kind: k.kind }, verbs: SUB_VERBS }] : []),
            ...(k.scale ? [{ subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: SUB_VERBS }] : []),
          ],
        })),
      })),
    })),
  };
}
