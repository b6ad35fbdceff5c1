// `--output dir=<path>`: stage-NN/ folders, each a complete apply-ready set (one file per
// resource, numbered in install order), plus plan.json with gates, expectations and previews.
import type { PlanResult } from '../types.js';
import { dumpYaml } from '../../k8s/yaml-writer.js';
import { pad, slug, stageDir } from './names.js';

export function planToDir(result: PlanResult): Record<string, string> {
  const files: Record<string, string> = {};
  for (const s of result.stages) {
    const width = Math.max(3, String(s.resources.length).length);
    s.resources.forEach((r, i) => {
      const m = r.obj.metadata ?? {};
      const name = [r.obj.kind, m.namespace, m.name ?? m.generateName].filter(Boolean).join('-');
      files[`${stageDir(s.index)}/${pad(i, width)}-${slug(name)}.yaml`] = dumpYaml(r.obj);
    });
  }
  const summary = result.stages.map((s) => ({ index: s.index, gate: s.gate, expect: s.expect, preview: s.preview }));
  files['plan.json'] = `${JSON.stringify({ stages: summary }, null, 2)}\n`;
  return files;
}
