// The CLI end to end, in process: exit codes, where output goes, and determinism.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { load } from '../src/load/index.js';
import { render, renderEach } from '../src/render/index.js';
import { applyDefaults } from '../src/default/index.js';
import { validate } from '../src/validate/index.js';
import { dumpYamlStream } from '../src/k8s/yaml-writer.js';

const ROOT = join(import.meta.dirname, '..');

async function run(...argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: (s) => { err += s; }, cwd: ROOT });
  return { code, out, err };
}

describe('kruisec CLI', () => {
  it('accepts the example repo', async () => {
    const r = await run('validate', 'fixtures/example');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('rejects broken input with exit 1 and file:line:col, never a stack trace', async () => {
    const r = await run('validate', 'fixtures/broken');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/fixtures\/broken\/helm-template\.yaml:\d+:\d+: error\[helm-template\]/);
    expect(r.out + r.err).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('uses exit 2 for usage and environment errors', async () => {
    expect((await run('validate', 'no/such/path')).code).toBe(2);
    expect((await run('validate', '--format', 'xml', 'fixtures/example')).code).toBe(2);
    expect((await run('render', '--bogus')).code).toBe(2);
    expect((await run('plan', 'fixtures/example', '--output', 'yaml')).code).toBe(2);
  });

  it('prints nothing on stdout when render fails', async () => {
    const r = await run('render', 'fixtures/broken');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('error[');
  });

  it('renders the same bytes whatever order the paths are given in', async () => {
    const a = await run('render', 'fixtures/example/apps', 'fixtures/example/sidecarsets', 'fixtures/example/namespaces');
    const b = await run('render', 'fixtures/example/namespaces', 'fixtures/example/sidecarsets', 'fixtures/example/apps');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('renders the same bytes whatever order the resources arrive in', async () => {
    const loaded = await load(['fixtures/example'], { cwd: ROOT });
    const once = (order: typeof loaded.resources) => {
      const v = validate(order, applyDefaults(order), { cluster: loaded.facts, strict: false });
      return dumpYamlStream(render(v.admitted, { cluster: loaded.facts }).resources.map((r) => r.obj));
    };
    const expected = once(loaded.resources);
    let seed = 7;
    for (let round = 0; round < 5; round++) {
      const shuffled = [...loaded.resources];
      for (let i = shuffled.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const j = seed % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      expect(once(shuffled)).toBe(expected);
    }
  });

  it('hands resources on one by one in the order render lists them, explaining only when asked', async () => {
    const loaded = await load(['fixtures/example'], { cwd: ROOT });
    const admitted = validate(loaded.resources, applyDefaults(loaded.resources), { cluster: loaded.facts, strict: false }).admitted;
    const listed = render(admitted, { cluster: loaded.facts });
    const emitted: unknown[] = [];
    const streamed = renderEach(admitted, { cluster: loaded.facts, explain: false }, (r) => emitted.push(r.obj));
    expect(emitted).toEqual(listed.resources.map((r) => r.obj));
    expect(streamed.diagnostics).toEqual(listed.diagnostics);
    expect(streamed.explain).toEqual([]);
    expect(listed.explain.length).toBeGreaterThan(0);
  });

  it('reads stdin for -', async () => {
    const r = await load(['-'], { cwd: ROOT, readStdin: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' });
    expect(r.resources[0].origin?.file).toBe('<stdin>');
  });
});
