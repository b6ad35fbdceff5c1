// render: what the cluster will really run. UnitedDeployments are expanded first, so that
// their subset workloads go through SidecarSet injection like every other pod template.
import type { Resource } from '../api/resource.js';
import { sortResources } from '../k8s/order.js';
import type { RenderFilter, RenderOptions, RenderResult } from './types.js';
import { expandUnitedDeployments } from './uniteddeployment/index.js';
import { injectSidecarSets } from './sidecarset/index.js';

export type { ExplainEntry, ExplainLine, RenderOptions, RenderResult } from './types.js';

const PIPELINE: RenderFilter[] = [expandUnitedDeployments, injectSidecarSets];

export function render(input: readonly Resource[], opts: RenderOptions): RenderResult {
  let resources = input;
  const diagnostics = [];
  const explain = [];
  for (const step of PIPELINE) {
    const out = step(resources, opts);
    resources = out.resources;
    diagnostics.push(...out.diagnostics);
    explain.push(...out.explain);
  }
  return { resources: sortResources([...resources]), diagnostics, explain };
}
