// Shared by the tests that hold a reader or writer to js-yaml: the YAML we have on disk, and
// a seeded random generator so that generated cases reproduce.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SHARED = join(ROOT, '..', 'shared');

/** Every .yaml / .yml file under dir, sorted; none when dir does not exist. */
export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e)) out.push(p);
  }
  return out;
}

/** The manifests of the repo (fixtures, test cases) and of the shared conformance cases. */
export function manifestCorpus(): string[] {
  return [...yamlFiles(join(ROOT, 'fixtures')), ...yamlFiles(join(ROOT, 'test')), ...yamlFiles(join(SHARED, 'conformance', 'cases'))];
}

/** A small deterministic generator (mulberry32) returning numbers in [0, 1). */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
