// `--output argocd`: one stage per commit. Argo CD applies a commit as one sync, and sync waves
// only order resources inside that sync (an object has one manifest per sync, so waves cannot
// hold a partition for a pause). So each stage is its own folder to commit in turn, after the
// previous stage converged and its gate passed; inside a stage, sync-wave annotations keep the
// install order (config, then SidecarSets and Rollouts, then workloads).
import type { KubeObject } from '../../api/resource.js';
import { kindRank } from '../../k8s/order.js';
import { cloneJson } from '../canonical.js';
import type { PlanResult } from '../types.js';
import { gateText } from './gate.js';
import { dumpStream, pad } from './yaml.js';

export const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

/** Wave 0: namespaces and config; 1: SidecarSets, policies, Rollouts; 2: workloads. */
export function syncWave(kind: string): number {
  if (kind === 'Rollout') return 1;
  const r = kindRank(kind);
  if (r < kindRank('SidecarSet')) return 0;
  if (r < kindRank('DaemonSet')) return 1;
  return 2;
}

function withWave(o: KubeObject): KubeObject {
  const c = cloneJson(o);
  c.metadata = { ...c.metadata, annotations: { ...(c.metadata?.annotations ?? {}), [SYNC_WAVE]: String(syncWave(o.kind)) } };
  return c;
}

export function planToArgoCd(result: PlanResult): { stdout: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  const lines = ['# kruisec plan for Argo CD: commit one stage at a time', ''];
  for (const s of result.stages) {
    const dir = `stage-${pad(s.index)}`;
    files[`${dir}/manifests.yaml`] = dumpStream(s.resources.map((r) => withWave(r.obj)));
    lines.push(`${s.index + 1}. commit ${dir}/manifests.yaml; wait until converged${s.expect.length ? ` (${s.expect.map((e) => `${e.kind} ${e.name}: ${e.desiredUpdated} updated`).join(', ')})` : ''}; gate: ${gateText(s.gate)}`);
  }
  lines.push('', 'Between stages Argo CD shows staged CloneSets/StatefulSets as Suspended; that is expected.', '');
  const readme = lines.join('\n');
  files['README.md'] = readme;
  return { stdout: readme, files };
}
