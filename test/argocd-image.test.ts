// The Argo CD plugin image (integrations/argocd/Dockerfile), built without a Docker engine:
// build-steps.mjs runs the Dockerfile's own COPY/RUN steps in a clean temporary folder, and the
// result must run the plugin exactly as the repository's build does.
//
// Slower than the other tests (some 30 s, most of it `npm run build` inside the image folder,
// which is the step under test). `npm ci` is the one step not run again: node_modules comes
// hard-linked from this checkout, which CI installed with npm ci from the same
// package-lock.json (build-steps.mjs checks that byte for byte). `node
// integrations/argocd/build-steps.mjs` without --reuse-node-modules runs npm ci as well.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/cli/version.js';

const ROOT = join(import.meta.dirname, '..');
const STEPS = join(ROOT, 'integrations', 'argocd', 'build-steps.mjs');
const GENERATE = join(ROOT, 'integrations', 'argocd', 'generate.mjs');

interface Stage { name: string; image: string; root: string; env: Record<string, string>; user?: string }

describe('the plugin image, built from the Dockerfile steps', () => {
  let out: string;
  let image: Stage;
  let steps: string[];
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'kruisec-image-'));
    const { runSteps } = await import(pathToFileURL(STEPS).href);
    steps = [];
    const r = runSteps({ out, reuseNodeModules: ROOT, log: (s: string) => steps.push(s) });
    image = r.stages.at(-1);
  }, 240_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }), 60_000);

  const app = () => join(image.root, 'opt', 'kruisec');

  it('pins the base image to one Node release and installs from the lockfile', () => {
    expect(image.image).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/);
    expect(steps).toContain('RUN npm ci --no-audit --no-fund --ignore-scripts');
    expect(image.user).toBe('999');
  });

  it('holds what runs and nothing else', () => {
    for (const p of ['dist/kruisec.cjs', 'dist/reconcile.mjs', 'bin/kruisec.js', 'schemas', 'node_modules/globby']) expect(existsSync(join(app(), p)), p).toBe(true);
    for (const p of ['src', 'scripts', 'test', 'fixtures', 'node_modules/typescript', 'node_modules/vitest']) expect(existsSync(join(app(), p)), p).toBe(false);
  });

  it('builds the same bundle as this checkout', () => {
    const bundles = readdirSync(join(ROOT, 'dist')).filter((f) => /\.(cjs|mjs)$/.test(f));
    expect(readdirSync(join(app(), 'dist')).filter((f) => /\.(cjs|mjs)$/.test(f))).toEqual(bundles);
    for (const f of bundles) {
      expect(readFileSync(join(app(), 'dist', f)).equals(readFileSync(join(ROOT, 'dist', f))), f).toBe(true);
    }
  });

  it('runs kruisec from the PATH link and the plugin with the image environment', () => {
    const v = spawnSync(process.execPath, [join(image.root, 'usr/local/bin/kruisec'), '--version'], { encoding: 'utf8' });
    expect(v.stdout.trim()).toBe(VERSION);
    const env = { PATH: process.env.PATH ?? '', ...image.env, KRUISEC_HOME: app() };
    const inImage = spawnSync(process.execPath, [GENERATE], { cwd: join(ROOT, 'fixtures/example'), env });
    expect([inImage.status, inImage.stderr.toString()]).toEqual([0, '']);
    const here = spawnSync(process.execPath, [GENERATE], { cwd: join(ROOT, 'fixtures/example'), env: { PATH: env.PATH, KRUISEC_HOME: ROOT } });
    expect(inImage.stdout.equals(here.stdout)).toBe(true);
  });
});
