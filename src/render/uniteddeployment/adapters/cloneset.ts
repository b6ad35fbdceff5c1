// Kruise CloneSet subsets (Kruise master: apps.kruise.io/v1beta1): the partition always goes to
// updateStrategy.rollingUpdate.partition as an integer; type, podUpdatePolicy, maxSurge... stay.
import type { Adapter } from './adapter.js';
import type { Obj } from '../../../util/json.js';

export const cloneSetAdapter: Adapter = {
  templateKey: 'cloneSetTemplate',
  apiVersion: 'apps.kruise.io/v1beta1',
  kind: 'CloneSet',
  takesPartition: () => true,
  setPartition(spec: Obj, partition: number): void {
    const strategy = (spec.updateStrategy ??= {});
    strategy.rollingUpdate ??= {};
    strategy.rollingUpdate.partition = partition;
  },
};
