// A run that names a command declares that command alone (buildProgram's `only`); what
// commander prints for it must not tell the two programs apart.
import { describe, expect, it } from 'vitest';
import { buildProgram, main } from './main.js';

const io = { out: () => {}, err: () => {}, cwd: '/' };

async function run(...argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += String(s); }, err: (s) => { err += s; }, cwd: '/' });
  return { code, out, err };
}

describe('buildProgram with one command', () => {
  it('gives that command the help text and options of the whole program', async () => {
    const whole = await buildProgram(io, () => {});
    const names = whole.commands.map((c) => c.name());
    expect(names).toEqual(['validate', 'render', 'plan', 'diff', 'fn', 'reconcile', 'approve', 'status']);
    for (const name of names) {
      const alone = await buildProgram(io, () => {}, name);
      const [a, w] = [alone, whole].map((p) => p.commands.find((c) => c.name() === name)!);
      expect(a.helpInformation(), name).toBe(w.helpInformation());
      for (const sub of w.commands) expect(a.commands.find((c) => c.name() === sub.name())?.helpInformation(), `${name} ${sub.name()}`).toBe(sub.helpInformation());
    }
  });

  it('prints the same usage errors and suggestions as the whole program', async () => {
    const parse = async (argv: string[], only?: string) => {
      let err = '';
      const program = await buildProgram({ ...io, err: (s: string) => { err += s; } }, () => {}, only);
      await program.parseAsync(argv, { from: 'user' }).catch(() => {});
      return err;
    };
    for (const argv of [['render', '--fomat', 'json'], ['fn', 'nope'], ['plan', '--output'], ['validate', '--strcit'], ['diff', 'a', '--max-chars']]) {
      const alone = await parse(argv, argv[0]);
      expect(alone, argv.join(' ')).toMatch(/^error: /);
      expect(alone, argv.join(' ')).toBe(await parse(argv));
    }
  });

  it('answers --version without declaring a command', async () => {
    expect((await buildProgram(io, () => {}, '--version')).commands).toEqual([]);
    expect(await run('--version', 'render')).toEqual({ code: 0, out: '0.1.0\n', err: '' });
  });
});
