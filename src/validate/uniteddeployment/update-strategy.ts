// V25, V26: only the Manual update strategy exists, and its partitions must name declared subsets.
import * as rules from '../../report/catalogue/uniteddeployment.js';
import type { UdContext } from './context.js';
import { fail } from './context.js';
import { isObj, list } from '../../util/json.js';

export function checkUpdateStrategy(ctx: UdContext): void {
  const strategy = ctx.ud.spec?.updateStrategy ?? {};
  const type = strategy.type || 'Manual';
  if (type !== 'Manual') {
    fail(ctx, rules.updateStrategyType, ['spec', 'updateStrategy', 'type'], { value: String(strategy.type) });
    return;
  }
  const partitions = strategy.manualUpdate?.partitions;
  if (!isObj(partitions)) return;
  const names = new Set(list(ctx.ud.spec?.topology?.subsets).map((s) => s?.name));
  // The webhook iterates a Go map (random order); report in sorted order for stable output.
  for (const subset of Object.keys(partitions).sort()) {
    if (!names.has(subset)) fail(ctx, rules.partitionUnknownSubset, ['spec', 'updateStrategy', 'manualUpdate', 'partitions', subset], { subset });
  }
}
