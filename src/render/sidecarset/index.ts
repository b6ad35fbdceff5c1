// SidecarSet injection as a render step (spec sidecarset-injection.md): every Pod and every
// pod template gets what Kruise's pod webhook would inject at creation, and every SidecarSet
// is emitted as the API server stores it. Module map, one Kruise concept each:
//   context.ts        the index built once per render (stored SidecarSets, namespaces, revisions)
//   matching.ts       candidate order and the namespaceSelector / selector tests (§2)
//   revision.ts       injectionStrategy.revision (§3)
//   build-sidecars.ts the containers one SidecarSet contributes (§4), with
//     transfer-env.ts, share-volume-policy.ts, share-volume-device-policy.ts, volumes.ts,
//     resources-policy.ts (its expressions: validate/sidecarset/resources-expression.ts), hot-upgrade.ts
//   pod-inject-policy.ts, image-pull-secrets.ts  merging into the pod (§5)
//   patch-pod-metadata.ts (+ json-merge-patch.ts)  annotations from the SidecarSet (§6)
//   injection-annotations.ts  the hash / injected-list bookkeeping (§9)
//   inject-pod.ts     the webhook for one pod; pod-templates.ts, pod-only-labels.ts (§13)
import type { FieldPath, KubeObject, Resource } from '../../api/resource.js';
import { apiGroup, displayName, originOf } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { ExplainEntry } from '../../api/explain.js';
import type { RenderFilter, RenderOptions } from '../types.js';
import { isSidecarSet } from '../../api/sidecarset.js';
import { buildContext, type InjectionContext } from './context.js';
import { injectPod, type PodInjection } from './inject-pod.js';
import { getAt, NOT_RENDERED, setAt, templatePath, unitedDeploymentTemplatePath } from './pod-templates.js';
import type { PodView } from './types.js';

export { UPDATE_TIMESTAMP } from './injection-annotations.js';

/** Injects into one resource: the resource that replaces it, with its diagnostics and (when
 *  a list is given) its explain entry added to the given lists. */
export type Injector = (r: Resource, diagnostics: Diagnostic[], explain?: ExplainEntry[]) => Resource;

export interface InjectionOptions {
  /** Also inject into a UnitedDeployment's own template (the apply form with materialize,
   *  where subset workloads are left to the controller). */
  unitedDeploymentTemplates?: boolean;
}

/** Reads the whole resource set once (the SidecarSets, namespaces and revisions it holds) and
 *  returns the injector for its resources. Resources go through it one at a time, so render
 *  can write each one out before the next is built. */
export function prepareInjection(resources: readonly Resource[], opts: RenderOptions & InjectionOptions): Injector {
  const ctx = buildContext(resources, opts.cluster);
  if (!ctx.sidecarSets.length) return (r) => r;
  const storedByResource = new Map(ctx.sidecarSets.map((p) => [p.resource, p.stored]));
  const reportedOnSidecarSet = new Set<string>();
  const seenIssues = new WeakSet<object>();
  return (r, diagnostics, explain) => {
    if (isSidecarSet(r.obj)) return { ...r, obj: storedByResource.get(r) ?? r.obj };
    const path = templatePath(r.obj) ?? (opts.unitedDeploymentTemplates ? unitedDeploymentTemplatePath(r.obj) : undefined);
    if (!path) {
      const why = NOT_RENDERED[r.obj.kind];
      if (why && String(r.obj.apiVersion).startsWith('apps.kruise.io/')) {
        explain?.push({ subject: displayName(r.obj), origin: originOf(r), topic: 'sidecarset', lines: [{ item: '*', outcome: 'not a pod template', reason: why }] });
      }
      return r;
    }
    const res = renderOne(r, path, ctx, explain !== undefined);
    explain?.push({ subject: displayName(r.obj), origin: originOf(r), topic: 'sidecarset', lines: res.injection.lines });
    for (const issue of res.injection.issues) {
      if (issue.onSidecarSet) {
        if (seenIssues.has(issue)) continue; // the same issue object again, from another pod
        seenIssues.add(issue);
        const key = `${issue.rule.id}\u0000${JSON.stringify(issue.data)}`;
        if (reportedOnSidecarSet.has(key)) continue;
        reportedOnSidecarSet.add(key);
        diagnostics.push(report(issue.rule, issue.data, at(issue.onSidecarSet.resource, issue.sidecarSetPath)));
        continue;
      }
      // Without a more precise place, a pod's issue points at its metadata, a template's at the template.
      diagnostics.push(report(issue.rule, issue.data, at(r, issue.path ? [...path, ...issue.path] : path.length ? path : ['metadata'])));
    }
    return res.resource;
  };
}

/** The injection step over a whole list, for callers that want the list back. */
export const injectSidecarSets: RenderFilter = (resources, opts) => {
  const inject = prepareInjection(resources, opts);
  const diagnostics: Diagnostic[] = [];
  const explain: ExplainEntry[] = [];
  return { resources: resources.map((r) => inject(r, diagnostics, explain)), diagnostics, explain };
};

function withoutNamespace(meta: KubeObject['metadata']): KubeObject['metadata'] {
  const { namespace: _borrowed, ...rest } = meta;
  return rest;
}

/** The workload a UnitedDeployment template becomes: its pods carry that workload's own labels. */
const SUBSET_WORKLOAD: Record<string, string> = {
  statefulSetTemplate: 'apps/StatefulSet', advancedStatefulSetTemplate: 'apps.kruise.io/StatefulSet',
  cloneSetTemplate: 'apps.kruise.io/CloneSet', deploymentTemplate: 'apps/Deployment',
};

function renderOne(r: Resource, path: FieldPath, ctx: InjectionContext, explain: boolean): { resource: Resource; injection: PodInjection } {
  const obj = r.obj;
  if (path.length === 0) {
    const pod: PodView = { metadata: obj.metadata ?? {}, spec: (obj.spec ?? {}) as PodView['spec'] };
    (pod as unknown as { status?: unknown }).status = obj.status;
    const injection = injectPod(pod, { display: displayName(obj), template: false }, ctx, explain);
    if (!injection.pod) return { resource: r, injection };
    return { resource: { ...r, obj: { ...obj, metadata: injection.pod.metadata, spec: injection.pod.spec } }, injection };
  }
  const template = getAt(obj, path) as { metadata?: KubeObject['metadata']; spec?: PodView['spec'] } | undefined;
  const display = `${displayName(obj)} (pod template)`;
  if (!template || typeof template !== 'object' || !template.spec) {
    return { resource: r, injection: { lines: [{ item: '*', outcome: 'skipped', reason: 'the workload has no pod template' }], issues: [] } };
  }
  const meta = template.metadata ?? {};
  const pod: PodView = { metadata: { ...meta, namespace: obj.metadata?.namespace }, spec: template.spec };
  const workload = obj.kind === 'UnitedDeployment' ? SUBSET_WORKLOAD[String(path[2])] : `${apiGroup(obj.apiVersion)}/${obj.kind}`;
  const injection = injectPod(pod, { display, template: true, workload }, ctx, explain);
  if (!injection.pod) return { resource: r, injection };
  // The pod view borrowed the workload's namespace; a template that had none gets none back.
  const newMeta = meta.namespace === undefined ? withoutNamespace(injection.pod.metadata) : { ...injection.pod.metadata };
  const newTemplate = { ...template, metadata: newMeta, spec: injection.pod.spec };
  return { resource: { ...r, obj: setAt(obj, path, newTemplate) }, injection };
}
