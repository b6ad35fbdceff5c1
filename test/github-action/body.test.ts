// The comment and the summary stay within GitHub's limits however large the diff, with the
// validation results on top and a note pointing at the rest; annotations stop at GitHub's cap.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../../src/api/resource.js';
import { diffResources, formatDiff } from '../../src/report/diff/index.js';
import type { JsonDiagnostic } from '../../src/report/formats/json.js';
import { annotate } from '../../integrations/github-action/src/annotations.js';
import { COMMENT_LIMIT, compose, roomFor, SUMMARY_LIMIT, withoutReportMarker } from '../../integrations/github-action/src/body.js';
import { commentMarker } from '../../integrations/github-action/src/comment.js';

const workload = (i: number, image: string): { obj: KubeObject } => ({
  obj: {
    apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', metadata: { name: `app-${String(i).padStart(4, '0')}`, namespace: 'shop' },
    spec: { replicas: 3, template: { spec: { containers: [{ name: 'app', image, env: Array.from({ length: 20 }, (_, k) => ({ name: `V${k}`, value: `${image}-${k}` })) }] } } },
  },
});

describe('comment and summary', () => {
  it('a diff too large for one comment: the comment is cut at a workload, the summary has it all', () => {
    const result = diffResources(Array.from({ length: 300 }, (_, i) => workload(i, 'web:1')), Array.from({ length: 300 }, (_, i) => workload(i, 'web:2')));
    const marker = commentMarker('kruisec');
    const validation = withoutReportMarker('<!-- kruisec:report -->\n### kruisec\n\n✅ No problems in 3 files.\n');
    const footer = '<sub>kruisec</sub>';
    const section = formatDiff(result, 'markdown', { maxChars: roomFor([marker, validation, footer], COMMENT_LIMIT), more: 'The whole diff is in the [job summary](https://x).' });
    const body = compose([marker, validation, section, footer], COMMENT_LIMIT, 'cut');
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith(`${marker}\n\n### kruisec\n\n✅ No problems`)).toBe(true);
    expect(body).toMatch(/… \d+ of 300 workload diffs not shown: this text is capped at [\d,]+ characters\. The whole diff is in the \[job summary\]\(https:\/\/x\)\.\n\n<sub>kruisec<\/sub>\n$/);
    const summary = compose([validation, formatDiff(result, 'markdown', { maxChars: roomFor([validation], SUMMARY_LIMIT) })], SUMMARY_LIMIT, 'cut');
    expect(summary.match(/<details>/g)).toHaveLength(300);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
  });

  it('compose cuts at a whole line with a note when sections alone pass the limit', () => {
    const text = compose(['<!-- m -->', Array.from({ length: 100 }, (_, i) => `| row ${i} |`).join('\n')], 300, '… cut here');
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).toMatch(/^<!-- m -->\n\n\| row 0 \|\n[^]*\| row \d+ \|\n\n… cut here\n$/);
  });
});

describe('annotations', () => {
  afterEach(() => vi.restoreAllMocks());

  it('errors first, 10 per severity, the rest as log lines and one notice; paths relative to the checkout', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => { lines.push(String(s)); return true; });
    const d = (severity: 'error' | 'warning', i: number, extra: Partial<JsonDiagnostic> = {}): JsonDiagnostic => ({
      ruleId: 'schema-type', severity, message: `problem ${i}`, hint: null, file: 'apps/web.yaml', line: i + 1, column: 3, endLine: i + 1, endColumn: 7, fieldPath: null, subject: null, ...extra,
    });
    const diagnostics = [d('warning', 0, { endLine: 5 }), ...Array.from({ length: 12 }, (_, i) => d('error', i + 1)), d('warning', 20, { file: null, line: null, column: null, endLine: null, endColumn: null, subject: 'CloneSet shop/web', fieldPath: '/spec/replicas' })];
    annotate({ version: 1, diagnostics, summary: { errors: 12, warnings: 2, infos: 0 } }, { cwd: '/ws/deploy', workspace: '/ws' });
    const out = lines.join('');
    expect(out.match(/^::error /gm)).toHaveLength(10);
    expect(out).toContain('::error title=kruisec schema-type,file=deploy/apps/web.yaml,line=2,endLine=2,col=3,endColumn=7::problem 1');
    expect(out).toContain('::warning title=kruisec schema-type,file=deploy/apps/web.yaml,line=1,endLine=5::problem 0');
    expect(out).toContain('::warning title=kruisec schema-type::problem 20%0Aat CloneSet shop/web, field /spec/replicas');
    expect(out).toContain('kruisec: error: deploy/apps/web.yaml:12:3: problem 11');
    expect(out).toContain('::notice title=kruisec::2 more error(s) and 0 more warning(s) are not annotated');
    expect(out.indexOf('::error')).toBeLessThan(out.indexOf('::warning'));
  });
});
