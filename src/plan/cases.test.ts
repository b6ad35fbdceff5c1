// Runs every conformance-format plan case under test/cases/plan through plan() and the json
// formatter directly, with the conformance runner's matching rules, so the cases are checked
// even before the CLI is built.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_FACTS } from '../api/cluster.js';
import type { KubeObject, Resource } from '../api/resource.js';
import { hasErrors } from '../report/diagnostic.js';
import { plan } from './index.js';
import { formatPlan } from './output/index.js';

const root = new URL('../../test/cases/plan', import.meta.url).pathname;

export function loadDir(dir: string): Resource[] {
  const out: Resource[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      if (!/\.ya?ml$/.test(f) || f === 'kruisec.yaml') continue;
      (yaml.loadAll(readFileSync(p, 'utf8')) as unknown[]).forEach((obj, doc) => { if (obj) out.push({ obj: obj as KubeObject, origin: { file: p, doc } }); });
    }
  };
  walk(dir);
  return out;
}

function matches(exp: unknown, act: unknown, path: string, why: string[]): boolean {
  if (exp === '!absent') { if (act !== undefined) { why.push(`${path}: must be absent, got ${JSON.stringify(act)}`); return false; } return true; }
  if (exp === '*') { if (act === undefined) { why.push(`${path}: missing`); return false; } return true; }
  if (Array.isArray(exp)) {
    if (!Array.isArray(act) || act.length !== exp.length) { why.push(`${path}: expected ${exp.length} items, got ${JSON.stringify(act)}`); return false; }
    return exp.every((e, i) => matches(e, act[i], `${path}[${i}]`, why));
  }
  if (exp !== null && typeof exp === 'object') {
    if (act === null || typeof act !== 'object') { why.push(`${path}: expected a map, got ${JSON.stringify(act)}`); return false; }
    return Object.keys(exp).every((k) => matches((exp as any)[k], (act as any)[k], `${path}.${k}`, why));
  }
  if (exp !== act) { why.push(`${path}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(act)}`); return false; }
  return true;
}

const cases = existsSync(root) ? readdirSync(root).sort().filter((d) => existsSync(join(root, d, 'expect.yaml'))) : [];

describe('test/cases/plan', () => {
  for (const c of cases) {
    it(c, () => {
      const dir = join(root, c);
      const exp = yaml.load(readFileSync(join(dir, 'expect.yaml'), 'utf8')) as any;
      const base = existsSync(join(dir, 'base')) ? loadDir(join(dir, 'base')) : undefined;
      // Cluster facts the CLI reads from kruisec.yaml at the repo root (only defaultSteps matter here).
      const cfg = join(dir, 'input', 'kruisec.yaml');
      const defaultSteps = existsSync(cfg) ? (yaml.load(readFileSync(cfg, 'utf8')) as { defaultSteps?: [] }).defaultSteps : undefined;
      const result = plan(loadDir(join(dir, 'input')), base, { cluster: { ...DEFAULT_CLUSTER_FACTS, ...(defaultSteps ? { defaultSteps } : {}) } });
      if ((exp.exit ?? 0) !== 0) {
        expect(hasErrors(result.diagnostics)).toBe(true);
        if (exp.errorContains) expect(result.diagnostics.map((d) => `${d.ruleId} ${d.message}`).join('\n')).toContain(exp.errorContains);
        return;
      }
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const out = JSON.parse(formatPlan(result, 'json').stdout!) as { stages: { resources: KubeObject[] }[] };
      const why: string[] = [];
      if (exp.stages) expect(out.stages.length).toBe(exp.stages.length);
      (exp.stages ?? []).forEach((s: any, i: number) => {
        for (const d of s.documents ?? []) {
          const cands = out.stages[i].resources.filter((r) => r.kind === d.kind && (d.metadata?.name === undefined || r.metadata?.name === d.metadata.name) && (d.metadata?.namespace === undefined || r.metadata?.namespace === d.metadata.namespace));
          if (cands.length === 0) { why.push(`stage ${i}: no ${d.kind} ${d.metadata?.name}`); continue; }
          const attempts: string[][] = cands.map(() => []);
          if (!cands.some((cd, k) => matches(d, cd, d.kind, attempts[k]))) why.push(`stage ${i}: ${attempts[0].join('; ')}`);
        }
      });
      expect(why).toEqual([]);
    });
  }
});
