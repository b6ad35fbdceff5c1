// Type-flip fuzzing (issue #13 item 3): every path of every kind in the fixtures, the plan
// cases and the testdata folders, flipped to a list, a map, a number, null and a string, and
// every seed file cut short, through the CLI. Each must end in exit 0, 1 or 2 with no internal
// error: the schema reports a wrong type before any default, rule, renderer or plan reads the
// value. Each pattern (kind, path without list indexes, flip) runs once, through one command
// in turn, so the test stays bounded; scripts/fuzz.mjs runs many more, through every command.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASIC_FLIPS, rotation, runCli, seeds, truncations, typeFlips, type Mutation } from './mutate.js';

describe('fuzz: type flips and truncations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every mutation without an internal error', async () => {
    const all = seeds();
    const mutations = new Map<string, Mutation>();
    for (const seed of all) {
      for (const m of typeFlips(seed, BASIC_FLIPS)) if (!mutations.has(m.key)) mutations.set(m.key, m);
      for (const m of truncations(seed, 3)) mutations.set(m.key, m);
    }
    const failures: string[] = [];
    let n = 0;
    for (const m of mutations.values()) {
      const argv = rotation(n++);
      const o = await runCli(dir, m, [argv]);
      if (o.internal) failures.push(`${m.what}: ${o.internal}`);
    }
    console.log(`fuzz: ${all.length} seed files, ${mutations.size} mutations, ${failures.length} internal errors`);
    expect(all.length).toBeGreaterThan(50);
    expect(mutations.size).toBeGreaterThan(3000);
    expect(failures).toEqual([]);
  }, 120_000);
});
