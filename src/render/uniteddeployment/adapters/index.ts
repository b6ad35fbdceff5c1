// One adapter per workload kind, in the controller's template priority order.
import type { TemplateKey } from '../../../api/uniteddeployment.js';
import type { Adapter } from './adapter.js';
import { advancedStatefulSetAdapter } from './advanced-statefulset.js';
import { cloneSetAdapter } from './cloneset.js';
import { deploymentAdapter } from './deployment.js';
import { statefulSetAdapter } from './statefulset.js';

export { buildSubsetWorkload } from './adapter.js';
export type { Adapter, BuiltWorkload, SubsetInput } from './adapter.js';

const ADAPTERS: Adapter[] = [statefulSetAdapter, advancedStatefulSetAdapter, cloneSetAdapter, deploymentAdapter];

/** The adapter of the template the controller would use, if any. */
export function adapterFor(template: Record<string, unknown> | undefined): Adapter | undefined {
  return ADAPTERS.find((a) => template?.[a.templateKey as TemplateKey] != null);
}
