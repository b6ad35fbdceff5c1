import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.js';
import { displayPath, dottedPath, ordered, orderedBySeverity, summaryText, toPointer } from './shared.js';

describe('format helpers', () => {
  it('shows paths relative to cwd with forward slashes, absolute outside it', () => {
    expect(displayPath('/repo/apps/a.yaml', '/repo')).toBe('apps/a.yaml');
    expect(displayPath('./apps//a.yaml', '/repo')).toBe('apps/a.yaml');
    expect(displayPath('/other/a.yaml', '/repo')).toBe('/other/a.yaml');
    expect(displayPath('/repo2/a.yaml', '/repo')).toBe('/repo2/a.yaml');
    expect(displayPath('<stdin>', '/repo')).toBe('<stdin>');
    expect(displayPath('-', '/repo')).toBe('-');
  });

  it('makes paths relative to the root when kruisec runs in a subdirectory of it', () => {
    const base = { cwd: '/repo/deploy', root: '/repo' };
    expect(displayPath('apps/a.yaml', base)).toBe('deploy/apps/a.yaml');
    expect(displayPath('../shared/x.yaml', base)).toBe('shared/x.yaml');
    expect(displayPath('/repo/deploy/b.yaml', base)).toBe('deploy/b.yaml');
    expect(displayPath('../../z.yaml', base)).toBe('/z.yaml');
    expect(displayPath('a.yaml', { cwd: '/repo', root: '/repo/' })).toBe('a.yaml');
    expect(displayPath('../a.yaml', '/repo')).toBe('../a.yaml');
  });

  it('writes field paths as JSON pointers and dotted paths', () => {
    expect(toPointer(['spec', 'containers', 0, 'image'])).toBe('/spec/containers/0/image');
    expect(toPointer([])).toBe('');
    expect(toPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
    expect(dottedPath(['spec', 'containers', 0, 'image'])).toBe('spec.containers[0].image');
    expect(dottedPath(['metadata', 'labels', 'app.kubernetes.io/name'])).toBe('metadata.labels["app.kubernetes.io/name"]');
  });

  it('summarises counts', () => {
    expect(summaryText({ errors: 2, warnings: 1, infos: 0 }, { files: 3, resources: 9 })).toBe('2 errors, 1 warning in 3 files');
    expect(summaryText({ errors: 0, warnings: 0, infos: 2 })).toBe('0 errors, 0 warnings, 2 info');
    expect(summaryText({ errors: 0, warnings: 0, infos: 0 }, { files: 1, resources: 1 })).toBe('no problems in 1 file');
  });

  it('orders by shown path, so absolute and relative spellings of a file sort together', () => {
    const a: Diagnostic = { ruleId: 'r', severity: 'error', message: 'm', file: '/repo/b.yaml', line: 2 };
    const b: Diagnostic = { ruleId: 'r', severity: 'error', message: 'm', file: 'b.yaml', line: 1 };
    const c: Diagnostic = { ruleId: 'r', severity: 'error', message: 'm', file: 'a.yaml', line: 9 };
    const w: Diagnostic = { ruleId: 'r', severity: 'warning', message: 'm', file: 'a.yaml', line: 1 };
    expect(ordered([a, b, c, w], '/repo')).toEqual([w, c, b, a]);
    expect(orderedBySeverity([a, b, c, w], '/repo')).toEqual([c, b, a, w]);
  });
});
