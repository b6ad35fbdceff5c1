// Kruise Advanced StatefulSet subsets (apps.kruise.io/v1beta1 StatefulSet): like apps/v1, but
// only rollingUpdate.partition is written; the type stays as the template has it (the Advanced
// StatefulSet webhook defaults it later).
import type { Adapter } from './adapter.js';
import type { Obj } from '../../../util/json.js';

export const advancedStatefulSetAdapter: Adapter = {
  templateKey: 'advancedStatefulSetTemplate',
  apiVersion: 'apps.kruise.io/v1beta1',
  kind: 'StatefulSet',
  takesPartition(templateSpec: Obj): boolean {
    const type = templateSpec.updateStrategy?.type;
    return !type || type === 'RollingUpdate';
  },
  setPartition(spec: Obj, partition: number): void {
    const strategy = (spec.updateStrategy ??= {});
    strategy.rollingUpdate ??= {};
    strategy.rollingUpdate.partition = partition;
  },
};
