import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import { MARKDOWN_LIMIT, MARKDOWN_MARKER, escapeCell, formatMarkdown } from './markdown.js';

const ctx: FormatContext = { toolVersion: '0.1.0', color: false, cwd: '/repo', source: () => undefined, summary: { files: 3, resources: 5 } };

function run(diags: Diagnostic[], c = ctx): string {
  return formatMarkdown(diags, c);
}

const err: Diagnostic = {
  ruleId: 'schema-type', severity: 'error', message: 'replicas must be an integer', hint: 'write a number',
  origin: { file: '/repo/apps/cart.yaml', doc: 0 }, subject: 'CloneSet shop/cart', file: '/repo/apps/cart.yaml', line: 4, col: 13,
};

describe('markdown format', () => {
  it('renders a marker, heading, summary and a table with errors first', () => {
    const out = run([
      { ...err, severity: 'warning', ruleId: 'w', message: 'warn', hint: undefined, file: '/repo/a.yaml', origin: { file: '/repo/a.yaml', doc: 0 }, subject: undefined },
      err,
      { ruleId: 'load-no-input', severity: 'info', message: 'nothing' },
    ]);
    expect(out).toBe(`${MARKDOWN_MARKER}
### kruisec

❌ 1 error, 1 warning, 1 info in 3 files

| Severity | Location | Rule | Message |
| --- | --- | --- | --- |
| ❌ error | apps/cart.yaml:4:13<br>CloneSet shop/cart | \`schema-type\` | replicas must be an integer<br>*help: write a number* |
| ⚠️ warning | a.yaml:4:13 | \`w\` | warn |
| ℹ️ info | — | \`load-no-input\` | nothing |
`);
  });

  it('says all is well when clean', () => {
    expect(run([])).toBe(`${MARKDOWN_MARKER}\n### kruisec\n\n✅ No problems in 3 files.\n`);
  });

  it('escapes manifest text: pipes, HTML, markdown, line breaks and mentions', () => {
    expect(escapeCell('a|b <img src=x> *x* [l](u) @team\nnext')).toBe(
      'a\\|b &lt;img src=x&gt; \\*x\\* \\[l\\]\\(u\\) @&#8203;team<br>next');
    const out = run([{ ...err, message: 'x | y', path: ['spec', 'a'], line: undefined, col: undefined }]);
    expect(out).toContain('| `schema-type` | x \\| y<br>field spec.a<br>*help: write a number* |');
  });

  it('stays under the comment limit with an overflow line', () => {
    const long = 'm'.repeat(900);
    const diags = Array.from({ length: 200 }, (_, i): Diagnostic => ({ ...err, line: i + 1, message: long }));
    diags.push({ ...err, severity: 'warning', ruleId: 'w', line: 1000, message: long });
    const out = run(diags);
    expect(out.length).toBeLessThan(MARKDOWN_LIMIT);
    const rows = out.split('\n').filter((l) => l.startsWith('| ❌'));
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.length).toBeLessThan(200);
    const last = out.trimEnd().split('\n').at(-1)!;
    expect(last).toBe(`… and ${201 - rows.length} more findings not shown (${200 - rows.length} errors, 1 warning): the comment is capped at 60,000 characters. See the job log or the SARIF report for all of them.`);
  });

  it('is order independent', () => {
    const b = { ...err, file: '/repo/a.yaml', origin: { file: '/repo/a.yaml', doc: 0 } };
    expect(run([err, b])).toBe(run([b, err]));
  });
});
