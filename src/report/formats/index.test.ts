import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.js';
import { FORMAT_NAMES, createFormatter, isFormatName } from './index.js';
import type { FormatContext } from './index.js';

const ctx: FormatContext = { toolVersion: '0.1.0', color: false, cwd: '/repo', source: () => undefined };

// Diagnostics with every combination of missing location data.
const awkward: Diagnostic[] = [
  { ruleId: 'a', severity: 'error', message: 'no location at all' },
  { ruleId: 'b', severity: 'warning', message: 'origin only', origin: { file: 'x.yaml', doc: 3, item: 1 } },
  { ruleId: 'c', severity: 'info', message: 'file, no line', file: '/repo/y.yaml' },
  { ruleId: 'd', severity: 'error', message: 'line, no column', file: '/repo/y.yaml', line: 2 },
  { ruleId: 'e', severity: 'error', message: 'path only', path: ['spec', 'x'] },
  { ruleId: 'f', severity: 'error', message: 'empty path', path: [], file: '-', line: 1, col: 1 },
  { ruleId: 'g', severity: 'warning', message: 'odd range', file: '/repo/z.yaml', line: 5, col: 9, endLine: 3, endCol: 1 },
  // Equal but for the subject: must still come out in one order.
  { ruleId: 'h', severity: 'error', message: 'twin', file: 'w.yaml', line: 1, subject: 'CloneSet a/one' },
  { ruleId: 'h', severity: 'error', message: 'twin', file: 'w.yaml', line: 1, subject: 'CloneSet a/two' },
];

describe('createFormatter', () => {
  it('knows exactly the six formats', async () => {
    expect(FORMAT_NAMES).toEqual(['text', 'json', 'sarif', 'github', 'junit', 'markdown']);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('toString')).toBe(false);
    await expect(createFormatter('yaml' as never, ctx)).rejects.toThrow(/unknown output format/);
  });

  for (const name of FORMAT_NAMES) {
    it(`${name}: copes with diagnostics lacking positions or files, deterministically`, async () => {
      const f = await createFormatter(name, { ...ctx, source: () => 'a: 1\nb: 2\n' });
      for (const d of awkward) f.add(d);
      const out = f.flush();
      expect(out.length).toBeGreaterThan(0);
      expect(out.endsWith('\n')).toBe(true);
      const g = await createFormatter(name, { ...ctx, source: () => 'a: 1\nb: 2\n' });
      for (const d of [...awkward].reverse()) g.add(d);
      expect(g.flush()).toBe(out);
      for (const d of awkward) expect(out).toContain(d.ruleId);
    });
  }

  it('json and sarif outputs parse', async () => {
    for (const name of ['json', 'sarif'] as const) {
      const f = await createFormatter(name, ctx);
      for (const d of awkward) f.add(d);
      expect(() => JSON.parse(f.flush())).not.toThrow();
    }
  });
});
