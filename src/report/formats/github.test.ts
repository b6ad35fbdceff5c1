import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import { ANNOTATIONS_PER_SEVERITY, escapeData, escapeProperty, formatGithub } from './github.js';

const ctx: FormatContext = { toolVersion: '0.1.0', color: false, cwd: '/repo', source: () => undefined, summary: { files: 2, resources: 4 } };

function run(diags: Diagnostic[]): string[] {
  const out = formatGithub(diags, ctx);
  expect(out.endsWith('\n')).toBe(true);
  return out.slice(0, -1).split('\n');
}

const base: Diagnostic = {
  ruleId: 'schema-type', severity: 'error', message: 'replicas must be an integer', hint: 'write a number',
  file: '/repo/apps/cart.yaml', line: 4, col: 13, endLine: 4, endCol: 16, origin: { file: '/repo/apps/cart.yaml', doc: 0 },
};

function many(n: number, severity: Severity): Diagnostic[] {
  return Array.from({ length: n }, (_, i) => ({ ...base, severity, line: i + 1, endLine: i + 1 }));
}

describe('github format', () => {
  it('prints one workflow command per diagnostic and a summary line', () => {
    expect(run([base])).toEqual([
      '::error file=apps/cart.yaml,line=4,col=13,endLine=4,endColumn=16,title=kruisec schema-type::replicas must be an integer%0Ahelp: write a number',
      'kruisec: 1 error, 0 warnings in 2 files',
    ]);
  });

  it('gives repo-relative paths when run in a subdirectory', () => {
    const out = formatGithub([{ ...base, file: 'apps/cart.yaml', hint: undefined }], { ...ctx, cwd: '/repo/deploy', root: '/repo' });
    expect(out).toMatch(/^::error file=deploy\/apps\/cart.yaml,line=4,/);
  });

  it('maps warning to ::warning and info to ::notice', () => {
    const lines = run([{ ...base, severity: 'warning', hint: undefined }, { ...base, severity: 'info', hint: undefined, line: 5, endLine: 5 }]);
    expect(lines[0]).toMatch(/^::warning file=/);
    expect(lines[1]).toMatch(/^::notice file=/);
  });

  it('escapes data and properties as the runner expects', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const [line] = run([{ ...base, file: '/repo/we,ird:name.yaml', message: 'x\n::error::injected', hint: undefined }]);
    expect(line).toBe('::error file=we%2Cird%3Aname.yaml,line=4,col=13,endLine=4,endColumn=16,title=kruisec schema-type::x%0A::error::injected');
  });

  it('leaves out columns on ranges spanning lines, and positions it does not know', () => {
    expect(run([{ ...base, endLine: 6, hint: undefined }])[0]).toBe(
      '::error file=apps/cart.yaml,line=4,endLine=6,title=kruisec schema-type::replicas must be an integer');
    expect(run([{ ...base, endLine: 2, hint: undefined }])[0]).toBe(
      '::error file=apps/cart.yaml,line=4,col=13,endColumn=16,title=kruisec schema-type::replicas must be an integer');
    expect(run([{ ruleId: 'load-no-input', severity: 'error', message: 'no input' }])[0]).toBe(
      '::error title=kruisec load-no-input::no input');
    expect(run([{ ruleId: 'r', severity: 'warning', message: 'm', origin: { file: 'x.yaml', doc: 0 }, path: ['spec', 'a'], subject: 'CloneSet a' }])[0]).toBe(
      '::warning file=x.yaml,title=kruisec r::m%0Aat CloneSet a, field spec.a');
  });

  it('annotates at most 10 per severity, errors first, logs the rest and adds one overflow notice', () => {
    const lines = run([...many(3, 'warning'), ...many(12, 'error'), ...many(11, 'info')]);
    const errors = lines.filter((l) => l.startsWith('::error'));
    const warnings = lines.filter((l) => l.startsWith('::warning'));
    const notices = lines.filter((l) => l.startsWith('::notice'));
    expect(errors).toHaveLength(ANNOTATIONS_PER_SEVERITY);
    expect(warnings).toHaveLength(3);
    // 9 info annotations + the overflow notice fit GitHub's 10 notices.
    expect(notices).toHaveLength(ANNOTATIONS_PER_SEVERITY);
    expect(lines.indexOf(errors[9])).toBeLessThan(lines.indexOf(warnings[0]));
    const plain = lines.filter((l) => l.startsWith('kruisec: apps/'));
    expect(plain).toHaveLength(2 + 2);
    expect(plain[0]).toBe('kruisec: apps/cart.yaml:11:13: error[schema-type]: replicas must be an integer (help: write a number)');
    expect(notices.at(-1)).toMatch(/^::notice title=kruisec%3A more findings::2 errors, 2 info not annotated/);
    expect(lines.at(-1)).toBe('kruisec: 12 errors, 3 warnings, 11 info in 2 files');
    // Every line is a command or starts with kruisec: (no stray workflow commands).
    for (const l of lines) expect(l.startsWith('::') || l.startsWith('kruisec: ')).toBe(true);
  });

  it('never emits an overflow notice at or below the cap', () => {
    const lines = run([...many(10, 'error'), ...many(10, 'warning'), ...many(10, 'info')]);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(30);
    expect(lines.some((l) => l.includes('not annotated'))).toBe(false);
  });

  it('keeps plain lines on one line so messages cannot start a command', () => {
    const lines = run([...many(10, 'error'), { ...base, line: 99, endLine: 99, message: 'a\n::error::evil', hint: undefined }]);
    expect(lines).toContain('kruisec: apps/cart.yaml:99:13: error[schema-type]: a ::error::evil');
    for (const l of lines) expect(l.startsWith('::') || l.startsWith('kruisec: ')).toBe(true);
  });
});
