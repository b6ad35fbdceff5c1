// One adapter per workload kind a UnitedDeployment can fan out into (the four upstream
// adapters), in the controller's template priority order. They differ only in where, and
// whether, the subset's partition is written.
import type { TemplateKey } from '../../api/uniteddeployment.js';
import type { Obj } from '../../util/json.js';

export interface Adapter {
  templateKey: TemplateKey;
  apiVersion: string;
  kind: string;
  /** Whether this kind keeps a partition, given the UD template's spec. */
  takesPartition(templateSpec: Obj): boolean;
  /** Write the partition where this kind keeps it (called only when it takes one). */
  setPartition(spec: Obj, partition: number): void;
}

/** A StatefulSet of either flavour takes a partition unless its strategy is OnDelete. */
function unlessOnDelete(templateSpec: Obj): boolean {
  const type = templateSpec.updateStrategy?.type;
  return !type || type === 'RollingUpdate';
}

function setRollingUpdatePartition(spec: Obj, partition: number): void {
  const strategy = (spec.updateStrategy ??= {});
  strategy.rollingUpdate ??= {};
  strategy.rollingUpdate.partition = partition;
}

const ADAPTERS: Adapter[] = [
  // apps/v1 StatefulSet: the type is written as RollingUpdate along with the partition.
  {
    templateKey: 'statefulSetTemplate', apiVersion: 'apps/v1', kind: 'StatefulSet',
    takesPartition: unlessOnDelete,
    setPartition(spec, partition) {
      (spec.updateStrategy ??= {}).type = 'RollingUpdate';
      setRollingUpdatePartition(spec, partition);
    },
  },
  // Advanced StatefulSet: only the partition; the type stays as the template has it (the
  // Advanced StatefulSet webhook defaults it later).
  {
    templateKey: 'advancedStatefulSetTemplate', apiVersion: 'apps.kruise.io/v1beta1', kind: 'StatefulSet',
    takesPartition: unlessOnDelete,
    setPartition: setRollingUpdatePartition,
  },
  // CloneSet (Kruise master: v1beta1): always an integer partition; type, podUpdatePolicy,
  // maxSurge... stay.
  {
    templateKey: 'cloneSetTemplate', apiVersion: 'apps.kruise.io/v1beta1', kind: 'CloneSet',
    takesPartition: () => true,
    setPartition: setRollingUpdatePartition,
  },
  // apps/v1 Deployment: no partition, no `paused`; strategy and minReadySeconds as written.
  {
    templateKey: 'deploymentTemplate', apiVersion: 'apps/v1', kind: 'Deployment',
    takesPartition: () => false,
    setPartition() {},
  },
];

/** The adapter of the template the controller would use, if any. */
export function adapterFor(template: Record<string, unknown> | undefined): Adapter | undefined {
  return ADAPTERS.find((a) => template?.[a.templateKey] != null);
}
