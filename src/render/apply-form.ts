// The apply form: what a GitOps tool (Argo CD, `kruisec fn render`) should hand the API
// server, as opposed to render's preview of what the cluster will run. The manifests as
// written, with two differences that keep a sync faithful:
//   - SidecarSets as the API server stores them (defaults and the two hash annotations), so a
//     diff against the live object shows nothing the webhook added;
//   - nothing the controllers make: no subset workloads of a UnitedDeployment (its controller
//     creates and owns them) and no injected sidecars (Kruise's pod webhook injects at pod
//     creation, and sidecars baked into a template turn every SidecarSet image bump into a
//     template change that recreates the pods instead of upgrading the sidecar in place).
// `materialize` is for clusters where the pod webhook is off: sidecars are injected into pod
// templates and Pods (a UnitedDeployment's own template included), still without expansion.
import type { Resource } from '../api/resource.js';
import { isSidecarSet } from '../api/sidecarset.js';
import type { ExplainEntry } from '../api/explain.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { sortResources } from '../k8s/order.js';
import { applyDefaults } from '../default/index.js';
import type { RenderOptions, RenderResult } from './types.js';
import { prepareInjection } from './sidecarset/index.js';

export interface ApplyFormOptions extends RenderOptions {
  /** Inject sidecars into pod templates and Pods (for clusters without Kruise's pod webhook). */
  materialize?: boolean;
}

/** The apply form of `written` (validated resources as loaded, not yet defaulted), each handed
 *  to `emit` in output order. */
export function applyFormEach(written: readonly Resource[], opts: ApplyFormOptions, emit: (r: Resource) => void): Omit<RenderResult, 'resources'> {
  const diagnostics: Diagnostic[] = [];
  const explain: ExplainEntry[] | undefined = opts.explain === false ? undefined : [];
  // A SidecarSet's stored form also loses the namespace kustomize may have set on it.
  const withStored = written.map((r) => (isSidecarSet(r.obj) ? applyDefaults([r])[0]! : r));
  const ordered = sortResources(withStored);
  if (!opts.materialize) {
    for (const r of ordered) emit(r);
    return { diagnostics, explain: explain ?? [] };
  }
  const inject = prepareInjection(ordered, { ...opts, unitedDeploymentTemplates: true });
  for (const r of ordered) emit(inject(r, diagnostics, explain));
  return { diagnostics, explain: explain ?? [] };
}

/** The apply form of `written` as a list, in output order. */
export function applyForm(written: readonly Resource[], opts: ApplyFormOptions): RenderResult {
  const resources: Resource[] = [];
  const rest = applyFormEach(written, opts, (r) => resources.push(r));
  return { resources, ...rest };
}
