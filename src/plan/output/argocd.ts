// `--output argocd`: one stage per commit. Argo CD applies a commit as one sync, and sync waves
// only order resources inside that sync (an object has one manifest per sync, so waves cannot
// hold a partition for a pause). So each stage is its own folder to commit in turn, after the
// previous stage converged and its gate passed; inside a stage, sync-wave annotations keep the
// install order (config, then SidecarSets and Rollouts, then workloads).
import type { KubeObject } from '../../api/resource.js';
import { kindRank } from '../../k8s/order.js';
import { cloneJson } from '../../util/json.js';
import type { PlanResult } from '../types.js';
import { gateText } from './gate.js';
import { dumpYaml } from '../../k8s/yaml-writer.js';
import { stageDir } from './names.js';

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

/** The annotation naming the stage a document belongs to in the combined stdout stream. */
export const STAGE_ANNOTATION = 'kruisec.io/stage';

/** Files: README.md and stage-NN/manifests.yaml. Stdout: the same stages as one YAML stream,
 *  each document annotated with kruisec.io/stage and each stage under a comment header, so the
 *  format is complete even where only stdout is kept (split it by stage before committing). */
export function planToArgoCd(result: PlanResult): { stdout: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  const lines = ['# kruisec plan for Argo CD: commit one stage at a time', ''];
  const stream: string[] = [];
  for (const s of result.stages) {
    const dir = stageDir(s.index);
    const waits = s.expect.length ? ` (${s.expect.map((e) => `${e.kind} ${e.name}: ${e.desiredUpdated < 0 ? '?' : e.desiredUpdated} updated`).join(', ')})` : '';
    const step = `commit ${dir}/manifests.yaml; wait until converged${waits}; gate: ${gateText(s.gate)}`;
    files[`${dir}/manifests.yaml`] = dumpStream(s.resources.map((r) => withWave(r.obj)));
    lines.push(`${s.index + 1}. ${step}`);
    stream.push(`# ${dir} (${s.index + 1}/${result.stages.length}): ${step}\n${dumpStream(s.resources.map((r) => withStage(withWave(r.obj), s.index)))}`);
  }
  lines.push('', 'Between stages Argo CD shows staged CloneSets/StatefulSets as Suspended; that is expected.');
  // The Rollouts controller writes these partitions; without ignoreDifferences self-heal fights it.
  const owned = [...new Set(result.stages.flatMap((s) => s.preview.filter((p) => p.mode === 'rollout').map((p) => p.workload)))].sort();
  if (owned.length) {
    lines.push('', 'Released by a Kruise Rollout (add ignoreDifferences on their partition and paused fields):');
    for (const w of owned) lines.push(`- ${w}`);
  }
  lines.push('');
  files['README.md'] = lines.join('\n');
  return { stdout: stream.join(''), files };
}

/** The objects as one YAML stream, a `---` before each, written as render writes them. */
function dumpStream(objs: readonly KubeObject[]): string {
  return objs.map((o) => `---\n${dumpYaml(o)}`).join('');
}

function withStage(o: KubeObject, index: number): KubeObject {
  o.metadata = { ...o.metadata, annotations: { ...(o.metadata?.annotations ?? {}), [STAGE_ANNOTATION]: String(index) } };
  return o;
}
