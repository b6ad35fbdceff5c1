import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputBytes, relaunch, relaunchArgs, RELAUNCH_MIN_BYTES, type LaunchContext } from './relaunch.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A folder of manifests: `files` of `size` bytes each, plus some that must not count. */
function repo(files: number, size: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-relaunch-'));
  mkdirSync(join(dir, 'apps'));
  for (let i = 0; i < files; i++) writeFileSync(join(dir, 'apps', `w${i}.yaml`), 'x'.repeat(size));
  if (size > 1000) return dir;
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'big.yaml'), 'x'.repeat(size * files));
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'node_modules', 'big.yaml'), 'x'.repeat(size * files));
  writeFileSync(join(dir, 'README.md'), 'x'.repeat(size * files));
  return dir;
}

const big = repo(5, Math.ceil(RELAUNCH_MIN_BYTES / 4));
const small = repo(3, 1000);

function ctx(over: Partial<LaunchContext>): LaunchContext {
  return { argv: ['render', big], script: '/k/bin/kruisec.js', cwd: ROOT, env: {}, execArgv: [], cores: 2, ...over };
}

describe('relaunchArgs', () => {
  it('starts a large run on a small machine again with a pool sized from the cores', () => {
    expect(relaunchArgs(ctx({}))).toEqual(['--v8-pool-size=0', '/k/bin/kruisec.js', 'render', big]);
    expect(relaunchArgs(ctx({ argv: ['validate', '--strict', big], execArgv: ['--enable-source-maps'] })))
      .toEqual(['--enable-source-maps', '--v8-pool-size=0', '/k/bin/kruisec.js', 'validate', '--strict', big]);
    expect(relaunchArgs(ctx({ argv: ['plan', big, '--output', 'json'] }))).toBeDefined();
  });

  it('starts the second Node from the startup snapshot when a usable one was built', () => {
    const blob = '/k/dist/kruisec.blob';
    expect(relaunchArgs(ctx({ snapshot: () => blob }))).toEqual(['--v8-pool-size=0', '--snapshot-blob', blob, 'render', big]);
    expect(relaunchArgs(ctx({ snapshot: () => undefined }))).toEqual(['--v8-pool-size=0', '/k/bin/kruisec.js', 'render', big]);
    expect(relaunchArgs(ctx({ snapshot: () => blob, env: { KRUISEC_NO_SNAPSHOT: '1' } }))).toEqual(['--v8-pool-size=0', '/k/bin/kruisec.js', 'render', big]);
  });

  it('starts without the snapshot when Node is given flags of its own, under which Node would not load it', () => {
    const blob = '/k/dist/kruisec.blob';
    expect(relaunchArgs(ctx({ snapshot: () => blob, execArgv: ['--enable-source-maps'] })))
      .toEqual(['--enable-source-maps', '--v8-pool-size=0', '/k/bin/kruisec.js', 'render', big]);
    expect(relaunchArgs(ctx({ snapshot: () => blob, env: { NODE_OPTIONS: '--max-old-space-size=4096' } })))
      .toEqual(['--v8-pool-size=0', '/k/bin/kruisec.js', 'render', big]);
    expect(relaunchArgs(ctx({ snapshot: () => blob, env: { NODE_OPTIONS: ' ' } }))).toContain('--snapshot-blob');
  });

  it('looks for a snapshot only for a run that starts again', () => {
    let asked = 0;
    const snapshot = () => { asked++; return undefined; };
    relaunchArgs(ctx({ argv: ['render', small], snapshot }));
    relaunchArgs(ctx({ cores: 8, snapshot }));
    expect(asked).toBe(0);
  });

  it('runs here when starting again would not pay or was asked not to', () => {
    expect(relaunchArgs(ctx({ argv: ['render', small] }))).toBeUndefined();
    expect(relaunchArgs(ctx({ argv: ['--version'] }))).toBeUndefined();
    expect(relaunchArgs(ctx({ argv: [] }))).toBeUndefined();
    expect(relaunchArgs(ctx({ cores: 4 }))).toBeUndefined();
    expect(relaunchArgs(ctx({ env: { KRUISEC_NO_RELAUNCH: '1' } }))).toBeUndefined();
    expect(relaunchArgs(ctx({ execArgv: ['--v8-pool-size=2'] }))).toBeUndefined();
    expect(relaunchArgs(ctx({ env: { NODE_OPTIONS: '--max-old-space-size=4096 --v8-pool-size=8' } }))).toBeUndefined();
    for (const flag of ['--inspect', '--inspect-brk=9230', '--cpu-prof', '--heap-prof', '--prof']) {
      expect(relaunchArgs(ctx({ execArgv: [flag] }))).toBeUndefined();
    }
  });
});

describe('inputBytes', () => {
  it('counts the YAML files under folders as discover finds them, skipping dot entries and node_modules', () => {
    expect(inputBytes([small], ROOT, Infinity)).toBe(3000);
  });

  it('counts a file given by name whatever its extension, and nothing for globs, - or option values', () => {
    expect(inputBytes([join(small, 'README.md')], ROOT, Infinity)).toBe(3000);
    expect(inputBytes(['-', `${small}/**/*.yaml`, '--format', 'json', 'no/such/path'], ROOT, Infinity)).toBe(0);
  });

  it('stops counting once there is enough', () => {
    const n = inputBytes([big], ROOT, 1);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(RELAUNCH_MIN_BYTES);
  });
});

describe('relaunchWithFallback', () => {
  const blob = join(ROOT, 'dist', 'kruisec.blob');
  const run = (first: string[], fallback: string[] | undefined) => {
    const driver = `import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'relaunch.js'))}).then((m) => m.relaunchWithFallback(${JSON.stringify(first)}, () => ${JSON.stringify(fallback)})).then((c) => { process.exitCode = c ?? 99; })`;
    return spawnSync(process.execPath, ['--input-type=module', '-e', driver], { cwd: ROOT, encoding: 'utf8' });
  };

  it('starts once more without the snapshot when Node cannot load it under the flags given', () => {
    // A V8 flag the snapshot was not built under: Node refuses it with 14 and runs nothing.
    const r = run(['--stack-size=2000', '--snapshot-blob', blob, 'render', 'fixtures/example'], [join(ROOT, 'bin', 'kruisec.js'), 'render', 'fixtures/example']);
    expect(r.stderr).toContain('startup snapshot');
    expect(r.status).toBe(0);
    const direct = spawnSync(process.execPath, [join(ROOT, 'bin', 'kruisec.js'), 'render', 'fixtures/example'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe(direct.stdout);
  });

  it('passes on any other status, and a 14 of a run without a snapshot, as it is', () => {
    expect(run(['-e', 'process.exit(14)'], ['-e', 'process.exit(0)']).status).toBe(14);
    expect(run(['-e', 'process.exit(1)'], ['-e', 'process.exit(0)']).status).toBe(1);
  });
});

describe('relaunch', () => {
  it('passes on the exit status', async () => {
    expect(await relaunch(['-e', 'process.exit(3)'])).toBe(3);
    expect(await relaunch(['-e', '0'])).toBe(0);
  });

  it('leaves standard output to the second process: a relaunched render prints what a direct one does', () => {
    const driver = `import(${JSON.stringify(join(ROOT, 'dist', 'cli', 'relaunch.js'))}).then((m) => m.relaunch([${JSON.stringify(join(ROOT, 'bin', 'kruisec.js'))}, 'render', 'fixtures/example'])).then((c) => { process.exitCode = c; })`;
    const relaunched = spawnSync(process.execPath, ['--input-type=module', '-e', driver], { cwd: ROOT, encoding: 'utf8' });
    const direct = spawnSync(process.execPath, [join(ROOT, 'bin', 'kruisec.js'), 'render', 'fixtures/example'], { cwd: ROOT, encoding: 'utf8' });
    expect(relaunched.stderr).toBe('');
    expect(relaunched.status).toBe(0);
    expect(relaunched.stdout).toBe(direct.stdout);
    expect(relaunched.stdout).toContain('kind: SidecarSet');
  });
});
