// apps/v1 StatefulSet subsets: a template without type or with RollingUpdate gets type
// RollingUpdate and rollingUpdate.partition; OnDelete gets no partition.
import type { Adapter } from './adapter.js';
import type { Obj } from '../../../util/json.js';

export const statefulSetAdapter: Adapter = {
  templateKey: 'statefulSetTemplate',
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  takesPartition(templateSpec: Obj): boolean {
    const type = templateSpec.updateStrategy?.type;
    return !type || type === 'RollingUpdate';
  },
  setPartition(spec: Obj, partition: number): void {
    const strategy = (spec.updateStrategy ??= {});
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
    strategy.rollingUpdate.partition = partition;
  },
};
