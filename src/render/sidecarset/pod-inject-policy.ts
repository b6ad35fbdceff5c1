// podInjectPolicy (spec §5.1-§5.2): where injected (init) containers land among the pod's own.
// A sidecar whose name the pod already uses replaces that container in place; the others go in
// front of the pod's containers (BeforeAppContainer) or behind them (anything else).
import type { V1Container } from './types.js';

export interface InjectedContainer {
  container: V1Container;
  podInjectPolicy?: string;
}

export const BEFORE_APP_CONTAINER = 'BeforeAppContainer';

/** mergeSidecarContainers: returns a new list; the pod's list is not modified. */
export function mergeSidecarContainers(origins: readonly V1Container[] | undefined, injected: readonly InjectedContainer[]): V1Container[] {
  const result = [...(origins ?? [])];
  // Go fills a map name → index in order, so a duplicated pod container name maps to its last index.
  const indexByName = new Map<string, number>();
  result.forEach((c, i) => indexByName.set(c.name, i));
  const before: V1Container[] = [];
  const after: V1Container[] = [];
  for (const s of injected) {
    const at = indexByName.get(s.container.name);
    if (at !== undefined) result[at] = s.container;
    else if (s.podInjectPolicy === BEFORE_APP_CONTAINER) before.push(s.container);
    else after.push(s.container);
  }
  return [...before, ...result, ...after];
}

/** Injected init containers are stable-sorted by name before the merge (§5.1). */
export function sortByName(list: InjectedContainer[]): InjectedContainer[] {
  return list
    .map((c, i) => [c, i] as const)
    .sort((a, b) => (a[0].container.name < b[0].container.name ? -1 : a[0].container.name > b[0].container.name ? 1 : a[1] - b[1]))
    .map(([c]) => c);
}
