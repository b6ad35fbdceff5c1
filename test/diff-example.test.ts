// `kruisec diff` on the example repo with an image change to the UnitedDeployment: grouped by
// workload (its subset CloneSets under it), image from -> to on top, nothing else listed;
// exit codes; the same bytes whatever order the files come in; --base-ref in a git repository.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..');

/** A folder holding base/ (fixtures/example) and head/ (the same with `edits` applied). */
function repos(edits: [string, string, string][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-diff-'));
  cpSync(join(ROOT, 'fixtures/example'), join(dir, 'base'), { recursive: true });
  cpSync(join(ROOT, 'fixtures/example'), join(dir, 'head'), { recursive: true });
  for (const [file, from, to] of edits) edit(join(dir, 'head', file), from, to);
  return dir;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

async function run(cwd: string, ...argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

const IMAGE: [string, string, string] = ['apps/shop/checkout.yaml', 'checkout:3.2.0', 'checkout:3.3.0'];

describe('kruisec diff on fixtures/example', () => {
  const dir = repos([IMAGE]);

  it('shows the UnitedDeployment and its subsets as one workload, the image change on top', async () => {
    const r = await run(dir, 'diff', 'head', '--base', 'base');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'kruisec diff: 1 workload changes (4 objects: 4 changed); 12 objects unchanged',
      '',
      '=== UnitedDeployment shop/checkout',
      'image app: registry.example.com/shop/checkout:3.2.0 → registry.example.com/shop/checkout:3.3.0',
    ]);
    expect(lines.filter((l) => l.startsWith('+++ '))).toEqual([
      '+++ b/UnitedDeployment/shop/checkout',
      '+++ b/CloneSet/shop/checkout-zone-a-84cff',
      '+++ b/CloneSet/shop/checkout-zone-b-846fb',
      '+++ b/CloneSet/shop/checkout-zone-c-848b7',
    ]);
    expect(lines).toContain('+          image: registry.example.com/shop/checkout:3.3.0');
  });

  it('markdown: collapsible per workload, fits a comment; json: the same result', async () => {
    const md = await run(dir, 'diff', 'head', '--base', 'base', '--output', 'markdown');
    expect(md.code).toBe(0);
    expect(md.out).toContain('| UnitedDeployment shop/checkout | 4 changed | <code>app: registry.example.com/shop/checkout:3.2.0 → registry.example.com/shop/checkout:3.3.0</code> |');
    expect(md.out.match(/<details>/g)).toHaveLength(1);
    expect(md.out.length).toBeLessThanOrEqual(65_536);
    const capped = await run(dir, 'diff', 'head', '--base', 'base', '--output', 'markdown', '--max-chars', '2000');
    expect(capped.out.length).toBeLessThanOrEqual(2000);
    expect(capped.out).toContain('Run `kruisec diff` for the whole diff.');
    const json = JSON.parse((await run(dir, 'diff', 'head', '--base', 'base', '--output', 'json')).out);
    expect(json.counts).toEqual({ added: 0, removed: 0, changed: 4, unchanged: 12 });
    expect(json.workloads.map((w: { display: string }) => w.display)).toEqual(['UnitedDeployment shop/checkout']);
  });

  it('is byte-identical whatever order the paths come in', async () => {
    const a = await run(dir, 'diff', 'head/apps', 'head/sidecarsets', 'head/namespaces', 'head/kruisec.yaml', '--base', 'base', '--config', 'head/kruisec.yaml');
    const b = await run(dir, 'diff', 'head/namespaces', 'head/apps', 'head/kruisec.yaml', 'head/sidecarsets', '--base', 'base', '--config', 'head/kruisec.yaml');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('exit codes: 0 with or without changes, 1 with --exit-code on a change or on invalid input, 2 on usage', async () => {
    const same = await run(dir, 'diff', 'base', '--base', 'base', '--exit-code');
    expect([same.code, same.out]).toEqual([0, 'kruisec diff: no changes; 16 objects unchanged\n']);
    expect((await run(dir, 'diff', 'head', '--base', 'base', '--exit-code')).code).toBe(1);
    const broken = await run(ROOT, 'diff', 'fixtures/broken', '--base', 'fixtures/example');
    expect(broken.code).toBe(1);
    expect(broken.out).toBe('');
    expect(broken.err).toContain('error[');
    for (const argv of [['diff', 'head'], ['diff', 'head', '--base', 'base', '--output', 'yaml'], ['diff', 'head', '--base', 'base', '--base-ref', 'HEAD'],
      ['diff', 'head', '--base', 'base', '--max-chars', '12'], ['diff', 'head', '--base', 'no/such/dir']]) {
      const r = await run(dir, ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')[0], argv.join(' ')).toMatch(/^(kruisec: |error: )/);
    }
  });

  it('colours with --color, never with --no-color', async () => {
    const coloured = await run(dir, 'diff', 'head', '--base', 'base', '--color');
    expect(coloured.out).toContain('\u001b[32m+');
    let out = '';
    const code = await main(['diff', 'head', '--base', 'base', '--no-color'], { out: (s) => { out += String(s); }, err: () => {}, cwd: dir, tty: true });
    expect(code).toBe(0);
    expect(out).not.toContain('\u001b[');
  });

  it('reads the base from a git revision with --base-ref', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: join(dir, 'base'), stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    edit(join(dir, 'base', IMAGE[0]), IMAGE[1], IMAGE[2]);
    const r = await run(join(dir, 'base'), 'diff', '.', '--base-ref', 'HEAD');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('kruisec diff: 1 workload changes (4 objects: 4 changed); 12 objects unchanged');
    git('checkout', '-q', '--', '.');
  });
});
