// kruisec as a KRM function, run by the real orchestrators on fixtures/example: kpt (`kpt fn
// eval --exec`, ResourceList on stdin) and kubectl's kustomize (`--enable-alpha-plugins`, whose
// exec plugins get a YAML stream and a config file; kubectl has no `--enable-exec`, so kustomize's
// exec KRM functions never run under it). The built CLI is what runs: `npm test` builds it first.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join(import.meta.dirname, 'testdata');
const TIMEOUT = 60_000;

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; annotations?: Record<string, string> }; spec?: any };

let work: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kruisec-krm-'));
  // `kruisec` on PATH, as an installed package puts it: kpt's --exec and the plugins call it so.
  mkdirSync(join(work, 'bin'));
  symlinkSync(join(ROOT, 'bin', 'kruisec.js'), join(work, 'bin', 'kruisec'));
  env = { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH}`, KUSTOMIZE_PLUGIN_HOME: join(DATA, 'plugins') };
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { cwd: work, env, input, encoding: 'utf8', timeout: TIMEOUT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A kpt package: a copy of fixtures/example (kpt writes results back into a package). */
function examplePackage(name: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'fixtures', 'example'), dir, { recursive: true });
  // kpt reads every YAML file of a package as a resource; kruisec.yaml is not one (its facts
  // come as the functionConfig instead).
  writeFileSync(join(dir, '.krmignore'), 'kruisec.yaml\n');
  return dir;
}

const FN_CONFIG = join(DATA, 'kpt-fn-config.yaml');
/** The objects of a YAML stream, or the items of a ResourceList (what `kpt -o stdout` prints). */
function docs(text: string): Obj[] {
  const all = yaml.loadAll(text).filter(Boolean) as Obj[];
  return all.length === 1 && all[0].kind === 'ResourceList' ? (all[0] as unknown as { items: Obj[] }).items : all;
}
const named = (objs: Obj[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const containerNames = (o: Obj | undefined) => (o?.spec?.template?.spec?.containers ?? []).map((c: { name: string }) => c.name);

describe('kpt fn eval --exec', () => {
  it('fn validate passes fixtures/example through unchanged', () => {
    const pkg = examplePackage('valid');
    const r = run('kpt', ['fn', 'eval', pkg, '--exec', 'kruisec fn validate', '--fn-config', FN_CONFIG, '-o', 'stdout']);
    expect(r.err).toContain('[PASS] "kruisec fn validate"');
    expect(r.code).toBe(0);
    // Byte for byte: kpt writing a validator's output back must not restyle the package.
    const same = run('kpt', ['fn', 'eval', pkg, '--exec', 'cat', '--fn-config', FN_CONFIG, '-o', 'stdout']);
    expect(r.out).toBe(same.out);
  }, TIMEOUT);

  it('fn validate fails on an invalid object, with results naming the object, field and file', () => {
    const pkg = examplePackage('invalid');
    cpSync(join(DATA, 'kustomize-broken', 'cloneset.yaml'), join(pkg, 'apps', 'shop', 'web.yaml'));
    const results = join(work, 'results-invalid');
    const r = run('kpt', ['fn', 'eval', pkg, '--exec', 'kruisec fn validate', '--fn-config', FN_CONFIG, '--results-dir', results, '-o', 'stdout']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('[error] apps.kruise.io/v1alpha1/CloneSet/shop/web spec.template.metadata.labels');
    const list = yaml.load(readFileSync(join(results, 'results.yaml'), 'utf8')) as { items: { exitCode: number; results: any[] }[] };
    expect(list.items[0].exitCode).toBe(1);
    expect(list.items[0].results).toContainEqual({
      message: expect.stringContaining('`selector` does not match template `labels`'),
      severity: 'error',
      resourceRef: { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', name: 'web', namespace: 'shop' },
      field: { path: 'spec.template.metadata.labels' },
      file: { path: 'apps/shop/web.yaml' },
      tags: { 'kruisec.io/rule': 'workload-selector-mismatch' },
    });
  }, TIMEOUT);

  it('fn render returns the apply form; materialize=true injects sidecars', () => {
    const pkg = examplePackage('render');
    const plain = run('kpt', ['fn', 'eval', pkg, '--exec', 'kruisec fn render', '--fn-config', FN_CONFIG, '-o', 'stdout']);
    expect(plain.code).toBe(0);
    const objs = docs(plain.out);
    // SidecarSets as the API server stores them, the rest as written: no subsets, no sidecars.
    expect(named(objs, 'SidecarSet', 'logging')?.metadata.annotations).toHaveProperty(['kruise.io/sidecarset-hash']);
    expect(objs.filter((o) => o.kind === 'UnitedDeployment')).toHaveLength(1);
    expect(objs.map((o) => o.metadata.name).sort()).toEqual(docs(run('kpt', ['fn', 'eval', pkg, '--exec', 'cat', '-o', 'stdout']).out).map((o) => o.metadata.name).sort());
    const storefront = objs.find((o) => o.kind === 'CloneSet');
    expect(containerNames(storefront)).not.toContain('logtail');
    // Where the files came from survives, so kpt can write the result back.
    expect(storefront?.metadata.annotations?.['internal.config.kubernetes.io/path']).toMatch(/^apps\//);

    const materialized = run('kpt', ['fn', 'eval', pkg, '--exec', 'kruisec fn render', '-o', 'stdout', '--',
      'materialize=true', 'namespaceLabels=catalog=team=catalog,env=prod,mesh.example.com/injection=enabled']);
    expect(materialized.code).toBe(0);
    expect(containerNames(docs(materialized.out).find((o) => o.kind === 'CloneSet'))).toContain('logtail');
  }, TIMEOUT);
});

describe('kpt fn render --allow-exec (a Kptfile pipeline)', () => {
  it('runs fn render then fn validate, writing the apply form back into the package', () => {
    const pkg = examplePackage('pipeline');
    cpSync(join(DATA, 'kpt', 'Kptfile'), join(pkg, 'Kptfile'));
    const r = run('kpt', ['fn', 'render', pkg, '--allow-exec']);
    expect(r.err).toContain('[PASS] "kruisec fn validate"');
    expect(r.err).not.toContain('Results:');
    expect(r.code).toBe(0);
    const stored = docs(readFileSync(join(pkg, 'sidecarsets', 'logging.yaml'), 'utf8'));
    expect(stored[0].metadata.annotations).toHaveProperty(['kruise.io/sidecarset-hash']);
    expect(readFileSync(join(pkg, 'Kptfile'), 'utf8')).toContain('exec: kruisec fn validate');
  }, TIMEOUT);
});

describe('kubectl kustomize --enable-alpha-plugins (exec plugins)', () => {
  const kustomize = (dir: string) => run('kubectl', ['kustomize', '--enable-alpha-plugins', '--load-restrictor', 'LoadRestrictionsNone', join(DATA, dir)]);

  it('fn validate as a transformer hands the build back unchanged', () => {
    const r = kustomize('kustomize-validate');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // The same build without the transformer.
    const copy = join(work, 'kustomize-validate');
    cpSync(join(DATA, 'kustomize-validate'), copy, { recursive: true });
    const text = readFileSync(join(copy, 'kustomization.yaml'), 'utf8');
    writeFileSync(join(copy, 'kustomization.yaml'), text.replace(/^transformers:\n- kruisec.yaml\n/m, '').replaceAll('../../../../fixtures', join(ROOT, 'fixtures')));
    const plain = run('kubectl', ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', copy]);
    expect(plain.code).toBe(0);
    expect(r.out).toBe(plain.out);
  }, TIMEOUT);

  it('fn validate fails the build with the error, its position and what to do', () => {
    const r = kustomize('kustomize-broken');
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('error[workload-selector-mismatch]: `selector` does not match template `labels`');
    expect(r.err).toContain('help: give spec.template.metadata.labels every label spec.selector requires');
  }, TIMEOUT);

  it('fn render as a transformer stores SidecarSets and adds nothing', () => {
    const r = kustomize('kustomize-render');
    expect(r.code).toBe(0);
    const objs = docs(r.out);
    expect(named(objs, 'SidecarSet', 'mesh-proxy')?.metadata.annotations).toHaveProperty(['kruise.io/sidecarset-hash-without-image']);
    expect(containerNames(objs.find((o) => o.kind === 'CloneSet'))).not.toContain('logtail');
    expect(objs.every((o) => !o.metadata.annotations?.['kustomize.config.k8s.io/id'])).toBe(true);
  }, TIMEOUT);
});

describe('kubectl kustomize DIR | kruisec validate -', () => {
  it('a namespaced SidecarSet validates clean: the API server drops the namespace of cluster-scoped objects', () => {
    const built = run('kubectl', ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', join(DATA, 'kustomize-namespace')]);
    expect(built.code).toBe(0);
    expect(named(docs(built.out), 'SidecarSet', 'logging')?.metadata.namespace).toBe('shop');
    const quiet = run('kruisec', ['validate', '-'], built.out);
    expect(quiet).toMatchObject({ code: 0, out: 'no problems in 1 file\n' });
    const verbose = run('kruisec', ['validate', '--verbose', '-'], built.out);
    expect(verbose.code).toBe(0);
    expect(verbose.out.match(/info\[cluster-scoped-namespace\]/g)).toHaveLength(2);
    expect(verbose.out).not.toMatch(/(error|warning)\[/);
    // render stores them without it, as the API server does.
    const rendered = run('kruisec', ['render', '-'], built.out);
    expect(rendered.code).toBe(0);
    expect(named(docs(rendered.out), 'SidecarSet', 'logging')?.metadata).not.toHaveProperty('namespace');
  }, TIMEOUT);
});
