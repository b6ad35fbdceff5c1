// apps/v1 Deployment subsets: partitions are ignored entirely (no partition, no `paused`); the
// template's strategy and minReadySeconds are copied as they are.
import type { Adapter } from './adapter.js';

export const deploymentAdapter: Adapter = {
  templateKey: 'deploymentTemplate',
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  takesPartition: () => false,
  setPartition(): void {},
};
