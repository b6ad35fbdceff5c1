// The Argo CD plugin's generate (integrations/argocd/generate.mjs) as Argo CD runs it: in the
// application folder, options from ARGOCD_APP_PARAMETERS, kruisec in the same process. What it
// syncs is the apply form; what it refuses is any path or config outside the folder, and a plan
// folder whose stage it cannot know.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../src/api/resource.js';
import { defaultSidecarSet } from '../src/default/index.js';
import { main } from '../src/cli/main.js';
import { startEmulator, type Emulator } from './emulator/index.js';
import { kubectl } from './reconcile/harness.js';

const ROOT = join(import.meta.dirname, '..');
const GENERATE = join(ROOT, 'integrations', 'argocd', 'generate.mjs');

interface Generated { code: number; stdout: Buffer; stderr: string }
type Generate = (o: { env: Record<string, string>; cwd: string; stderr: (s: string) => void }) => Promise<{ code: number; stdout: Buffer }>;
let generateFn: Generate;

/** generate() in this process, with only the environment Argo CD would give it. */
async function generate(cwd: string, params: object[] = [], env: Record<string, string> = {}): Promise<Generated> {
  generateFn ??= (await import(pathToFileURL(GENERATE).href)).generate;
  let stderr = '';
  const r = await generateFn({
    env: { ARGOCD_APP_NAME: 'shop', ARGOCD_APP_NAMESPACE: 'argocd', KRUISEC_HOME: ROOT, ...(params.length ? { ARGOCD_APP_PARAMETERS: JSON.stringify(params) } : {}), ...env },
    cwd, stderr: (s) => { stderr += s; },
  });
  return { ...r, stderr };
}

const docs = (g: Generated) => yaml.loadAll(g.stdout.toString('utf8')) as KubeObject[];
const INJECTED = 'kruise.io/sidecarset-injected-list';
const paths = (...p: string[]) => [{ name: 'paths', array: p }];

let tmp: string;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'kruisec-argocd-')); });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of fixtures/example to plant things in. */
function exampleApp(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'fixtures/example'), dir, { recursive: true });
  return dir;
}

describe('generate on fixtures/example', () => {
  it('syncs the apply form: no subset workload, no injected sidecar, SidecarSets as stored', async () => {
    const g = await generate(join(ROOT, 'fixtures/example'));
    expect(g.stderr).toBe('');
    expect(g.code).toBe(0);
    const objs = docs(g);
    expect(objs.filter((o) => o.kind !== 'UnitedDeployment' && o.metadata.labels?.['apps.kruise.io/subset-name'])).toEqual([]);
    expect(objs.filter((o) => o.kind === 'UnitedDeployment')).toHaveLength(1);
    expect(g.stdout.toString('utf8')).not.toContain(INJECTED);
    for (const o of objs.filter((x) => ['CloneSet', 'Deployment', 'StatefulSet'].includes(x.kind))) {
      const names = (o.spec as any).template.spec.containers.map((c: { name: string }) => c.name);
      expect(names).not.toContain('logtail');
      expect(names).not.toContain('mesh-proxy');
    }
    const sidecarSets = objs.filter((o) => o.kind === 'SidecarSet');
    expect(sidecarSets).toHaveLength(2);
    for (const s of sidecarSets) {
      const file = join(ROOT, 'fixtures/example/sidecarsets', `${s.metadata.name}.yaml`);
      const written = yaml.load(readFileSync(file, 'utf8')) as KubeObject;
      expect(s).toEqual(defaultSidecarSet(written));
      expect(s.metadata.annotations?.['kruise.io/sidecarset-hash']).toMatch(/^[a-z0-9]{64}$/);
    }
  });

  it('is byte-identical to render --form apply, and injects only with materialize: true', async () => {
    let out = '';
    await main(['render', '--form', 'apply', 'fixtures/example'], { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: () => {}, cwd: ROOT });
    expect((await generate(join(ROOT, 'fixtures/example'))).stdout.toString('utf8')).toBe(out);
    const m = await generate(join(ROOT, 'fixtures/example'), [{ name: 'materialize', string: 'true' }]);
    expect(m.code).toBe(0);
    expect(m.stderr).toContain('materialize: sidecars are injected');
    expect(m.stdout.toString('utf8')).toContain(INJECTED);
    expect(docs(m).filter((o) => o.kind !== 'UnitedDeployment' && o.metadata.labels?.['apps.kruise.io/subset-name'])).toEqual([]);
  });

  it('reads kruisec.yaml of the application folder for any paths, a glob included', async () => {
    // namespaceLabels in kruisec.yaml are what make mesh-proxy match catalog's workloads.
    const all = await generate(join(ROOT, 'fixtures/example'), [{ name: 'materialize', string: 'true' }]);
    const some = await generate(join(ROOT, 'fixtures/example'), [...paths('sidecarsets', 'apps/catalog/*.yaml'), { name: 'materialize', string: 'true' }]);
    expect(some.code).toBe(0);
    const search = (g: Generated) => docs(g).find((o) => o.metadata.namespace === 'catalog' && (o.spec as any)?.template?.spec)!;
    expect(search(some)).toEqual(search(all));
  });
});

describe('generate: parameters, and failing the sync with the message', () => {
  it('on a validation error', async () => {
    const app = exampleApp('invalid');
    const f = join(app, 'apps/shop/storefront.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/replicas: \d+/, 'replicas: many'));
    const g = await generate(app);
    expect(g.code).toBe(1);
    expect(g.stdout.length).toBe(0);
    expect(g.stderr).toMatch(/apps\/shop\/storefront\.yaml:\d+:\d+: error/);
  });

  it('takes a cleared field as unset', async () => {
    const g = await generate(join(ROOT, 'fixtures/example'), [{ name: 'rollout', string: '' }, { name: 'strict', string: '' }, { name: 'stage', string: '' }]);
    expect([g.code, g.stderr]).toEqual([0, '']);
  });

  it('on a bad parameter, in one line', async () => {
    const g = await generate(join(ROOT, 'fixtures/example'), [{ name: 'materialize', string: 'yes' }]);
    expect([g.code, g.stderr]).toEqual([2, 'kruisec-cmp: materialize must be "true" or "false"\n']);
  });
});

describe('generate keeps to the application folder', () => {
  const app = () => join(tmp, 'nested', 'a', 'b', 'c', 'd', 'e', 'app');
  beforeAll(() => {
    cpSync(join(ROOT, 'fixtures/example'), app(), { recursive: true });
    writeFileSync(join(tmp, 'nested', 'secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: leaked}\nstringData: {password: hunter2}\n');
    mkdirSync(join(tmp, 'nested', 'outside'));
    writeFileSync(join(tmp, 'nested', 'outside', 'x.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: leaked}\n');
    symlinkSync(join(tmp, 'nested', 'secret.yaml'), join(app(), 'apps', 'link.yaml'));
    symlinkSync(join(tmp, 'nested', 'outside'), join(app(), 'linkdir'));
    symlinkSync(join(tmp, 'nested', 'secret.yaml'), join(app(), 'facts.yaml'));
  });

  it.each([
    ['brace expansion up the tree', '..{,}/..{,}/..{,}/..{,}/..{,}/..{,}/secret.yaml'],
    ['a symlinked file', 'apps/link.yaml'],
    ['a glob through a symlinked folder', 'linkdir/*.yaml'],
    ['a glob reaching a symlinked file', 'apps/*.yaml'],
  ])('refuses %s', async (_what, p) => {
    const g = await generate(app(), paths(p));
    expect(g.code).toBe(2);
    expect(g.stdout.length).toBe(0);
    expect(g.stderr).toMatch(/^kruisec-cmp: path .* outside the application folder\n$/);
    expect(g.stderr).not.toContain('hunter2');
  });

  it('refuses ".." and absolute paths before expanding anything', async () => {
    for (const p of ['../secret.yaml', '/etc/passwd', 'apps/../../secret.yaml']) {
      expect((await generate(app(), paths(p))).stderr).toContain('must be a relative path inside the application folder');
    }
  });

  it('refuses a config parameter that links outside', async () => {
    const g = await generate(app(), [{ name: 'config', string: 'facts.yaml' }]);
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('outside the application folder');
    expect(g.stderr).not.toContain('hunter2');
  });

  it('passes paths after --: an option-like path is a path', async () => {
    const g = await generate(app(), paths('--config=/etc/passwd'));
    expect([g.code, g.stderr]).toEqual([2, 'kruisec: no such file or directory: --config=/etc/passwd\n']);
  });
});

describe('generate on a plan folder', () => {
  let planDir: string;
  beforeAll(async () => {
    planDir = join(tmp, 'plan');
    const code = await main(['plan', 'fixtures/rollout/head', '--base', 'fixtures/rollout/base', '--output', `dir=${planDir}`], { out: () => {}, err: () => {}, cwd: ROOT });
    expect(code).toBe(0);
  });
  const partition = (g: Generated) => (docs(g).find((o) => o.kind === 'CloneSet')!.spec as any).updateStrategy;

  it('syncs the stage the parameter names', async () => {
    const first = await generate(planDir, [{ name: 'stage', string: '0' }]);
    const second = await generate(planDir, [{ name: 'stage', string: '1' }]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stderr).toContain('syncing stage 0 (parameter stage)');
    expect(partition(first)).not.toEqual(partition(second));
    expect((await generate(planDir, [{ name: 'stage', string: '7' }])).stderr).toContain('the plan has stages 0 to 1');
  });

  it('without a stage and without a cluster, syncs nothing and says why', async () => {
    // In this process kruisec reads KUBECONFIG from process.env, which tests leave unset.
    const g = await generate(planDir);
    expect(g.code).toBe(2);
    expect(g.stdout.length).toBe(0);
    expect(g.stderr).toMatch(/plan with 2 stages, and which one to sync is unknown: .*Set parameter stage/);
  });

  it('refuses a stage on a folder that is not a plan', async () => {
    expect((await generate(join(ROOT, 'fixtures/example'), [{ name: 'stage', string: '1' }])).stderr).toContain('is not a plan folder');
  });

  describe('with the rollout state in a cluster', () => {
    let emu: Emulator;
    beforeAll(async () => { emu = await startEmulator({ controllers: false }); });
    afterAll(async () => { await emu?.stop(); });

    /** As Argo CD runs it: node generate.mjs in the folder (never spawnSync: the emulator answers from this process). */
    function run(env: Record<string, string>): Promise<Generated> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [GENERATE], { cwd: planDir, env: { PATH: process.env.PATH ?? '', KRUISEC_HOME: ROOT, KUBECONFIG: emu.kubeconfigPath, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => out.push(c));
        child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
        child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr }));
      });
    }

    it('syncs stage 0 while the cluster has no rollout, then the stage reconcile recorded', async () => {
      const none = await run({});
      expect(none.code).toBe(0);
      expect(none.stderr).toContain('syncing stage 0, since the cluster has no rollout default yet');
      const state = {
        apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kruisec-rollout-default', namespace: 'default' },
        data: { plan: 'x', stages: '2', stage: '1', phase: 'ready', startedAt: '2026-01-01T00:00:00Z', gate: '{"type":"none"}', waitFor: '[]', revisions: '{}', templates: '{}', restarts: '0' },
      };
      const file = join(tmp, 'state.yaml');
      writeFileSync(file, JSON.stringify(state));
      expect((await kubectl(emu.kubeconfigPath, 'apply', '-f', file)).code).toBe(0);
      const recorded = await run({});
      expect(recorded.code).toBe(0);
      expect(recorded.stderr).toContain('syncing stage 1, where rollout default is in the cluster (ready)');
      const explicit = await generate(planDir, [{ name: 'stage', string: '1' }]);
      expect(recorded.stdout.equals(explicit.stdout)).toBe(true);
    });
  });
});
