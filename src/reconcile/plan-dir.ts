// A folder written by `kruisec plan --output dir=<path>`: stage-NN/ folders of manifests plus
// plan.json with each stage's gate, expectations and previews. Read back into plan's Stage
// shape so that reconciling a folder and reconciling head/base are the same thing (and hash
// the same).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from '../load/index.js';
import type { Stage } from '../plan/index.js';
import type { Diagnostic } from '../report/diagnostic.js';

export function isPlanDir(path: string, cwd: string): boolean {
  const abs = resolve(cwd, path);
  try {
    return statSync(abs).isDirectory() && existsSync(join(abs, 'plan.json')) && existsSync(join(abs, 'stage-00'));
  } catch {
    return false;
  }
}

export class PlanDirError extends Error {}

export async function readPlanDir(path: string, cwd: string): Promise<{ stages: Stage[]; diagnostics: Diagnostic[] }> {
  const abs = resolve(cwd, path);
  let summary: { stages?: Omit<Stage, 'resources'>[] };
  try {
    summary = JSON.parse(readFileSync(join(abs, 'plan.json'), 'utf8'));
  } catch (e) {
    throw new PlanDirError(`${join(path, 'plan.json')}: not a plan written by kruisec plan --output dir= (${(e as Error).message})`);
  }
  if (!Array.isArray(summary.stages) || summary.stages.length === 0) throw new PlanDirError(`${join(path, 'plan.json')}: no stages`);
  const stages: Stage[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [i, s] of summary.stages.entries()) {
    if (s.index !== i || !s.gate || !Array.isArray(s.expect) || !Array.isArray(s.preview)) throw new PlanDirError(`${join(path, 'plan.json')}: stage ${i} is malformed`);
    const folder = join(path, `stage-${String(i).padStart(2, '0')}`);
    if (!existsSync(resolve(cwd, folder))) throw new PlanDirError(`${folder}: missing (plan.json lists ${summary.stages.length} stages)`);
    // No kruisec.yaml lives there; the manifests are already planned.
    const loaded = await load([folder], { cwd });
    diagnostics.push(...loaded.diagnostics.filter((d) => d.severity === 'error'));
    stages.push({ index: i, resources: loaded.resources, gate: s.gate, expect: s.expect, preview: s.preview });
  }
  return { stages, diagnostics };
}
