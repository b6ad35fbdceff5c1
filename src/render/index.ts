// render: what the cluster will really run, a preview (apply-form.ts is what to apply).
// UnitedDeployments are expanded first, so that their subset workloads go through SidecarSet
// injection like every other pod template; the result is put in its output order, and only
// then injected one resource at a time. Injection
// is where render's output grows three- to fourfold, so handing each resource on as soon as it
// is built (renderEach) lets the CLI write it out and drop it instead of holding the whole
// rendered repo in memory.
import type { Resource } from '../api/resource.js';
import { sortResources } from '../k8s/order.js';
import type { Diagnostic } from '../report/diagnostic.js';
import type { ExplainEntry } from '../api/explain.js';
import type { RenderOptions, RenderResult } from './types.js';
import { expandUnitedDeployments } from './uniteddeployment/index.js';
import { prepareInjection } from './sidecarset/index.js';
import { preparePodWebhook } from './pod/index.js';

export type { RenderOptions, RenderResult } from './types.js';
// The apply form (what Argo CD and `kruisec fn render` hand the API server): see apply-form.ts.
export { applyForm, applyFormEach, type ApplyFormOptions } from './apply-form.js';
// The UnitedDeployment allocator and partitions, which plan stages subsets with.
export { allocateSubsetReplicas, subsetPartitions } from './uniteddeployment/index.js';

/** Renders `input`, handing each output resource to `emit` in output order. */
export function renderEach(input: readonly Resource[], opts: RenderOptions, emit: (r: Resource) => void): Omit<RenderResult, 'resources'> {
  const expanded = expandUnitedDeployments(input, opts);
  const diagnostics: Diagnostic[] = [...expanded.diagnostics];
  const explain: ExplainEntry[] | undefined = opts.explain === false ? undefined : [...expanded.explain];
  // Injection keeps each resource's kind, namespace and name, so sorting first gives the
  // order sorting the output would.
  const ordered = sortResources([...expanded.resources]);
  const inject = prepareInjection(ordered, opts);
  // The pod webhook's later steps run on what injection made (launch priority counts sidecars).
  const podWebhook = preparePodWebhook(ordered, opts);
  for (const r of ordered) emit(podWebhook(inject(r, diagnostics, explain), diagnostics, explain));
  return { diagnostics, explain: explain ?? [] };
}

/** Renders `input` into a list, in output order. */
export function render(input: readonly Resource[], opts: RenderOptions): RenderResult {
  const resources: Resource[] = [];
  const rest = renderEach(input, opts, (r) => resources.push(r));
  return { resources, ...rest };
}
