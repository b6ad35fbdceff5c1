// The committed Action bundle is what the build makes from this tree (the check-dist workflow of
// actions/typescript-action, as a test): a `uses:` step runs dist/index.js as committed, so a
// stale bundle would run other code than the sources say. Also: the Action's sources type-check
// (esbuild does not), and action.yml declares exactly the inputs the code reads.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = 'integrations/github-action/dist/index.js';

describe('the Action bundle', () => {
  it('is up to date: rebuilt from this tree it is byte for byte the committed one', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'kruisec-dist-')), 'index.js');
    execFileSync(process.execPath, [join(ROOT, 'integrations/github-action/build.mjs'), fresh], { cwd: ROOT, stdio: 'pipe' });
    const same = readFileSync(fresh).equals(readFileSync(join(ROOT, DIST)));
    expect(same, `${DIST} is stale: run \`npm run build:action\` and commit it`).toBe(true);
  });

  it('holds no absolute path of the machine that built it', () => {
    expect(readFileSync(join(ROOT, DIST), 'utf8')).not.toContain(ROOT);
  });

  it('type-checks (the bundler does not)', () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'integrations/github-action/tsconfig.json'], { cwd: ROOT, stdio: 'pipe' });
  }, 180_000);

  it('action.yml declares the inputs the code reads, runs the bundle on Node 24', () => {
    const meta = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { deprecationMessage?: string }>; runs: Record<string, string> };
    const code = readFileSync(join(ROOT, 'integrations/github-action/src/inputs.ts'), 'utf8');
    const read = [...code.matchAll(/(?:getInput|bool|oneOf)\('([a-z-]+)'/g)].map((m) => m[1]).sort();
    const declared = Object.entries(meta.inputs).filter(([, v]) => !v.deprecationMessage).map(([k]) => k).sort();
    expect(read).toEqual(declared);
    expect(meta.runs).toEqual({ using: 'node24', main: DIST });
  });
});
