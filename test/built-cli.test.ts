// The built CLI (dist/kruisec.js, what bin/kruisec.js runs) as other programs use it: a script
// may import main(argv, io) and run commands in its own Node process, several times, instead of
// starting `kruisec` once per call (integrations/argocd does). `npm test` builds dist/ first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BUILT = join(ROOT, 'dist', 'kruisec.js');

type Main = (argv: string[], io: { out(s: string | Uint8Array): void; err(s: string): void; cwd: string }) => Promise<number>;

async function inProcess(main: Main, ...argv: string[]) {
  const out: Buffer[] = [];
  let err = '';
  const code = await main(argv, { out: (s) => { out.push(Buffer.from(s)); }, err: (s) => { err += s; }, cwd: ROOT });
  return { code, out: Buffer.concat(out).toString('utf8'), err };
}

describe('dist/kruisec.js', () => {
  it('is built (run `npm run build`)', () => {
    expect(existsSync(BUILT)).toBe(true);
  });

  it('runs commands in the importing process as the kruisec command does, again and again', async () => {
    const { main } = (await import(pathToFileURL(BUILT).href)) as { main: Main };
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'kruisec.js'), 'render', 'fixtures/example'], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.status).toBe(0);
    for (let i = 0; i < 2; i++) {
      const r = await inProcess(main, 'render', 'fixtures/example');
      expect(r).toEqual({ code: 0, out: cli.stdout, err: '' });
    }
    const bad = await inProcess(main, 'validate', 'fixtures/broken');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('error[');
    expect((await inProcess(main, 'render', '--format', 'nope', 'fixtures/example')).code).toBe(2);
  });

  // The bundle is cut into parts (scripts/bundle.mjs); each command and format loads its own,
  // and must print what the sources print.
  it('prints what the sources print, for every command and format', async () => {
    const { main: built } = (await import(pathToFileURL(BUILT).href)) as { main: Main };
    const { main: source } = await import('../src/cli/main.js');
    const runs = [
      ...['text', 'json', 'sarif', 'github', 'junit', 'markdown'].map((f) => ['validate', '--format', f, 'fixtures/broken']),
      ['render', '--explain', 'fixtures/example'], ['render', '--form', 'apply', 'fixtures/example'],
      ['plan', '--base', 'fixtures/example', '--output', 'markdown', 'fixtures/example'],
      ['diff', '--base', 'fixtures/broken', '--output', 'json', 'fixtures/example'],
      ['--help'], ['status', '--help'], ['fn', 'render', 'no/such/config.yaml'],
    ];
    for (const argv of runs) expect(await inProcess(built, ...argv), argv.join(' ')).toEqual(await inProcess(source as Main, ...argv));
  });
});
