// kruisec at the trust boundary (issue #13 items 4-6), end to end in process: files outside
// the roots stay unread, output never destroys what kruisec did not write, and every failure
// is one line with exit 2, never an internal error.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'TOP-SECRET-VALUE';
let dir: string;
let outside: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kruisec-hostile-'));
  outside = mkdtempSync(join(tmpdir(), 'kruisec-outside-'));
  writeFileSync(join(outside, 'secret.yaml'), `password: ${SECRET}\nnot: [valid\n`);
  mkdirSync(join(outside, 'more'));
  writeFileSync(join(outside, 'more', 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${SECRET.toLowerCase()}}\n`);
});

async function run(cwd: string, ...argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: (s) => { err += s; }, cwd });
  return { code, out, err };
}

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n';

describe('symlinks out of the root are never followed (item 4)', () => {
  it('a symlinked manifest, folder and kruisec.yaml: a warning naming each link, nothing read', async () => {
    mkdirSync(join(dir, 'sl'));
    writeFileSync(join(dir, 'sl', 'ok.yaml'), CM);
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'sl', 'leak.yaml'));
    symlinkSync(join(outside, 'more'), join(dir, 'sl', 'linkdir'));
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'sl', 'kruisec.yaml'));
    for (const argv of [['validate', 'sl'], ['validate', '--gitignore', 'sl'], ['validate', 'sl/**/*.yaml'], ['render', 'sl']]) {
      const r = await run(dir, ...argv);
      const all = r.out + r.err;
      expect(all, argv.join(' ')).not.toContain(SECRET);
      expect(all, argv.join(' ')).not.toContain(SECRET.toLowerCase());
      // A glob finds no kruisec.yaml; with --gitignore, globby does not list symlinks at all.
      if (argv[1] !== 'sl/**/*.yaml') expect(all.match(/sl\/kruisec\.yaml: warning\[symlink-outside-root\]/g)).toHaveLength(1);
      if (argv[1] !== 'sl/**/*.yaml' && argv[1] !== '--gitignore') expect(all).toMatch(/sl\/leak\.yaml: warning\[symlink-outside-root\]/);
      expect(r.code).toBe(0);
    }
    const linkdir = await run(dir, 'validate', 'sl/linkdir');
    expect(linkdir.out).toMatch(/sl\/linkdir: warning\[symlink-outside-root\]: sl\/linkdir is a symlink that does not resolve inside \./);
    expect(linkdir.out + linkdir.err).not.toContain(SECRET.toLowerCase());
    const file = await run(dir, 'validate', 'sl/linkdir/cm.yaml');
    expect(file.out).toContain('warning[symlink-outside-root]');
    expect(file.out).not.toContain(SECRET.toLowerCase());
  });

  it('a -c file that is a symlink out of the root is not read', async () => {
    writeFileSync(join(dir, 'ok.yaml'), CM);
    symlinkSync('/etc/passwd', join(dir, 'facts.yaml'));
    const r = await run(dir, 'validate', '-c', 'facts.yaml', 'ok.yaml');
    expect(r.out).toContain('facts.yaml: warning[symlink-outside-root]');
    expect(r.out).not.toMatch(/root:|daemon:/);
  });

  it('symlinks inside the root are read as kubectl reads them', async () => {
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'cm.yaml'), CM);
    symlinkSync('a/cm.yaml', join(dir, 'link.yaml'));
    const r = await run(dir, 'render', 'link.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('name: ok');
  });
});

describe('output never destroys what kruisec did not write (item 5)', () => {
  beforeEach(() => { cpSync(join(ROOT, 'fixtures', 'rollout'), dir, { recursive: true }); });

  it('plan --output dir= refuses a folder it did not write, and replaces its own', async () => {
    mkdirSync(join(dir, 'keep'));
    writeFileSync(join(dir, 'keep', 'unrelated.txt'), 'mine');
    const r = await run(dir, 'plan', 'head', '--base', 'base', '--output', 'dir=keep');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/refusing to replace a folder kruisec did not write.*give a new or empty folder/);
    expect(readFileSync(join(dir, 'keep', 'unrelated.txt'), 'utf8')).toBe('mine');
    const dot = await run(dir, 'plan', 'head', '--base', 'base', '--output', 'dir=.');
    expect(dot.code).toBe(2);
    expect(existsSync(join(dir, 'head'))).toBe(true);

    expect((await run(dir, 'plan', 'head', '--base', 'base', '--output', 'dir=stages')).code).toBe(0);
    const first = readdirSync(join(dir, 'stages')).sort();
    expect(first).toContain('.kruisec-output');
    expect((await run(dir, 'plan', 'head', '--base', 'base', '--output', 'dir=stages')).code).toBe(0);
    expect(readdirSync(join(dir, 'stages')).sort()).toEqual(first);
    expect(readdirSync(dir).filter((f) => f.includes('kruisec-'))).toEqual([]);
  });

  it('render -o writes a file atomically, never through a planted temp symlink', async () => {
    writeFileSync(join(dir, 'victim'), 'keep');
    symlinkSync(join(dir, 'victim'), join(dir, 'out.yaml.kruisec-tmp'));
    const r = await run(dir, 'render', 'head', '-o', 'out.yaml');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('keep');
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toContain('kind:');
  });
});

describe('usage and environment errors are one line with exit 2 (item 6)', () => {
  const oneLine = (r: { code: number; err: string }) => {
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/internal error|This is a bug/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  };

  it('render -o to a folder or through a file; a missing, folder or unreadable -c', async () => {
    writeFileSync(join(dir, 'ok.yaml'), CM);
    mkdirSync(join(dir, 'existing-dir'));
    writeFileSync(join(dir, 'afile'), 'x');
    oneLine(await run(dir, 'render', 'ok.yaml', '-o', 'existing-dir'));
    oneLine(await run(dir, 'render', 'ok.yaml', '-o', 'afile/out.yaml'));
    const missing = await run(dir, 'validate', '-c', '/nope.yaml', 'ok.yaml');
    oneLine(missing);
    expect(missing.err).toBe('kruisec: -c /nope.yaml: no such file\n');
    oneLine(await run(dir, 'validate', '-c', 'existing-dir', 'ok.yaml'));
    oneLine(await run(dir, 'plan', 'ok.yaml', '--base-ref', '--output=/tmp/x'));
  });
});

describe('input text never starts a GitHub workflow command line (item 6)', () => {
  const hostile = [
    'apiVersion: v1',
    'kind: "Evil\\n::error file=x::pwned\\n  ::add-mask::y"',
    'metadata: {name: "a\\n::warning::b"}',
    '',
  ].join('\n');

  it.each(['text', 'junit', 'github', 'markdown', 'json', 'sarif'])('%s', async (format) => {
    mkdirSync(join(dir, '\n::error::dir'));
    writeFileSync(join(dir, '\n::error::dir', 'm.yaml'), hostile);
    const r = await run(dir, 'validate', '-f', format, '.');
    expect(r.code).toBe(0);
    const lines = (r.out + r.err).split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);
    const commands = lines.filter((l) => /^[\s\u200B]*::/.test(l));
    if (format === 'github') for (const c of commands) expect(c).toMatch(/^::(error|warning|notice) [^\n]*::[^\n]*$/);
    else expect(commands).toEqual([]);
  });
});
