import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import { formatJson } from './json.js';

const ctx: FormatContext = { toolVersion: '0.1.0', color: false, cwd: '/repo', source: () => undefined };

function run(diags: Diagnostic[]): string {
  return formatJson(diags, ctx);
}

describe('json format', () => {
  it('has a fixed shape with keys in a fixed order and null for unknowns', () => {
    const out = run([
      {
        ruleId: 'schema-type', severity: 'error', message: 'bad', hint: 'fix it',
        origin: { file: '/repo/apps/a.yaml', doc: 0 }, path: ['spec', 'containers', 0, 'image'],
        file: '/repo/apps/a.yaml', line: 3, col: 5, endLine: 3, endCol: 9, subject: 'CloneSet shop/a',
      },
      { ruleId: 'load-no-input', severity: 'warning', message: 'nothing' },
    ]);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['version', 'diagnostics', 'summary']);
    expect(doc.version).toBe(1);
    const keys = ['ruleId', 'severity', 'message', 'hint', 'file', 'line', 'column', 'endLine', 'endColumn', 'fieldPath', 'subject'];
    for (const d of doc.diagnostics) expect(Object.keys(d)).toEqual(keys);
    // No file sorts first.
    expect(doc.diagnostics[0]).toEqual({
      ruleId: 'load-no-input', severity: 'warning', message: 'nothing', hint: null, file: null, line: null,
      column: null, endLine: null, endColumn: null, fieldPath: null, subject: null,
    });
    expect(doc.diagnostics[1]).toMatchObject({
      file: 'apps/a.yaml', line: 3, column: 5, endLine: 3, endColumn: 9, fieldPath: '/spec/containers/0/image', subject: 'CloneSet shop/a',
    });
    expect(doc.summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(Object.keys(doc.summary)).toEqual(['errors', 'warnings', 'infos']);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('escapes JSON pointer segments and uses the origin file when unresolved', () => {
    const doc = JSON.parse(run([{
      ruleId: 'r', severity: 'info', message: 'm', origin: { file: 'apps/./b.yaml', doc: 2 },
      path: ['metadata', 'annotations', 'apps.kruise.io/x~y'],
    }]));
    expect(doc.diagnostics[0].fieldPath).toBe('/metadata/annotations/apps.kruise.io~1x~0y');
    expect(doc.diagnostics[0].file).toBe('apps/b.yaml');
    expect(doc.diagnostics[0].line).toBeNull();
  });

  it('is byte-identical whatever the add order', () => {
    const a: Diagnostic = { ruleId: 'a', severity: 'error', message: 'x', file: 'b.yaml', line: 1 };
    const b: Diagnostic = { ruleId: 'b', severity: 'error', message: 'y', file: 'a.yaml', line: 9 };
    expect(run([a, b])).toBe(run([b, a]));
  });

  it('prints an empty list when clean', () => {
    expect(JSON.parse(run([]))).toEqual({ version: 1, diagnostics: [], summary: { errors: 0, warnings: 0, infos: 0 } });
  });
});
