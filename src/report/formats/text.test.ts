import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import { formatText } from './text.js';

const SRC = [
  'apiVersion: apps.kruise.io/v1alpha1',
  'kind: CloneSet',
  'spec:',
  '  replicas: "3"',
  '  template: {}',
].join('\n');

function ctx(over: Partial<FormatContext> = {}): FormatContext {
  return {
    toolVersion: '0.1.0',
    color: false,
    cwd: '/repo',
    source: (f) => (f === '/repo/apps/cart.yaml' ? SRC : undefined),
    summary: { files: 3, resources: 5 },
    ...over,
  };
}

const typeError: Diagnostic = {
  ruleId: 'schema-type', severity: 'error', message: 'replicas must be an integer',
  hint: 'write replicas as a number', origin: { file: '/repo/apps/cart.yaml', doc: 0 },
  path: ['spec', 'replicas'], file: '/repo/apps/cart.yaml', line: 4, col: 13, endLine: 4, endCol: 16,
};

function run(diags: Diagnostic[], c = ctx()): string {
  return formatText(diags, c);
}

describe('text format', () => {
  it('prints location, rule, code frame with underline, help and summary', () => {
    expect(run([typeError])).toBe(`apps/cart.yaml:4:13: error[schema-type]: replicas must be an integer
 3 | spec:
 4 |   replicas: "3"
   |             ^^^
 5 |   template: {}
  = help: write replicas as a number

1 error, 0 warnings in 3 files
`);
  });

  it('prints diagnostics without a file as rule and message, with where it is', () => {
    const out = run([{ ruleId: 'load-no-input', severity: 'error', message: 'no files matched' }], ctx({ summary: undefined }));
    expect(out).toBe('error[load-no-input]: no files matched\n\n1 error, 0 warnings\n');
  });

  it('falls back to subject, document and field when there is no position or source', () => {
    const out = run([{
      ruleId: 'ud-subset', severity: 'warning', message: 'subset b gets 0 replicas',
      origin: { file: '/repo/apps/ud.yaml', doc: 1 }, path: ['spec', 'topology', 'subsets', 1], subject: 'UnitedDeployment shop/ud',
    }]);
    expect(out.split('\n').slice(0, 2)).toEqual([
      'apps/ud.yaml: warning[ud-subset]: subset b gets 0 replicas',
      '  = at: UnitedDeployment shop/ud, document 2, field spec.topology.subsets[1]',
    ]);
    expect(out).toContain('0 errors, 1 warning in 3 files');
  });

  it('has no frame when the line is out of range or the source is unavailable', () => {
    expect(run([{ ...typeError, line: 99 }])).not.toContain(' | ');
    expect(run([typeError], ctx({ source: () => undefined }))).not.toContain(' | ');
    expect(run([typeError], ctx({ source: () => { throw new Error('EACCES'); } }))).not.toContain(' | ');
  });

  it('underlines to the end of the line for a multi-line range and one caret without endCol', () => {
    expect(run([{ ...typeError, endLine: 5, endCol: 3 }])).toContain('   |             ^^^\n');
    expect(run([{ ...typeError, endLine: undefined, endCol: undefined }])).toContain('   |             ^\n');
    // Line only: caret under the first non-blank character.
    expect(run([{ ...typeError, col: undefined, endLine: undefined, endCol: undefined }])).toContain('   |   ^\n');
  });

  it('orders by file and position whatever the add order, and counts every severity', () => {
    const a = { ...typeError, line: 5, col: 3, endCol: 4, ruleId: 'b-rule', severity: 'warning' as const };
    const b = { ...typeError, ruleId: 'a-rule', severity: 'info' as const };
    const one = run([a, typeError, b]);
    expect(one).toBe(run([b, a, typeError]));
    expect(one.indexOf('a-rule')).toBeLessThan(one.indexOf('b-rule'));
    expect(one.trimEnd().split('\n').at(-1)).toBe('1 error, 1 warning, 1 info in 3 files');
  });

  it('reads each source once however many diagnostics point into it', () => {
    let reads = 0;
    const out = run([typeError, { ...typeError, line: 5, col: 3, endCol: 11 }], ctx({ source: () => (reads++, SRC) }));
    expect(reads).toBe(1);
    expect(out).toContain(' 5 |   template: {}\n   |   ^^^^^^^^\n');
  });

  it('does not pass control characters from manifests to the terminal', () => {
    const out = run([{ ...typeError, message: 'name \u001b[2Jx', hint: undefined }], ctx({ source: () => 'a\n  replicas: "\u001b]0;t\u0007"\n' }));
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
    expect(out).toContain('error[schema-type]: name \uFFFD[2Jx');
  });

  it('says so when there are no problems', () => {
    expect(run([])).toBe('no problems in 3 files\n');
  });

  it('colours only when asked', () => {
    expect(run([typeError])).not.toMatch(/\u001b\[/);
    const coloured = run([typeError], ctx({ color: true }));
    expect(coloured).toContain('\u001b[1;31merror[schema-type]\u001b[0m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(run([typeError]));
  });

  it('windows very long lines around the column and keeps tabs in the caret prefix', () => {
    const long = 'k: "' + 'x'.repeat(300) + '"';
    const c = ctx({ source: () => long });
    const out = run([{ ...typeError, line: 1, col: 200, endLine: 1, endCol: 203 }], c);
    const [, codeLine, caretLine] = out.split('\n');
    expect(codeLine.startsWith(' 1 | …')).toBe(true);
    expect(codeLine.endsWith('…')).toBe(true);
    // The window starts 40 columns before the caret: ' 1 | …' is 6 characters.
    expect(caretLine.indexOf('^')).toBe(6 + 40);
    expect(codeLine[caretLine.indexOf('^')]).toBe('x');
    const tabbed = run([{ ...typeError, line: 1, col: 3, endLine: 1, endCol: 4 }], ctx({ source: () => '\tk: v' }));
    expect(tabbed).toContain('  | \t ^\n');
  });

  it('indents continuation lines of multi-line messages and hints', () => {
    const out = run([{ ruleId: 'r', severity: 'error', message: 'first\nsecond', hint: 'do\nthis' }], ctx({ summary: undefined }));
    expect(out).toBe('error[r]: first\n  second\n  = help: do\n    this\n\n1 error, 0 warnings\n');
  });
});
