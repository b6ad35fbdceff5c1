// schemas/ is generated from src/api (npm run schemas). This regenerates everything in memory
// and fails when a committed file differs, is missing, or should not be there.
import { describe, expect, it } from 'vitest';
import { existingFiles, generate } from '../../scripts/gen-schemas.js';

describe('schemas/', () => {
  it('is up to date with src/api (run `npm run schemas` when this fails)', () => {
    const { files, skipped } = generate();
    expect(skipped.map((k) => `${k.apiVersion} ${k.kind}`)).toEqual([]);
    const existing = existingFiles();
    const stale = [...files].filter(([p, c]) => existing.get(p) !== c).map(([p]) => p);
    const extra = [...existing.keys()].filter((p) => !files.has(p));
    expect({ stale, extra }).toEqual({ stale: [], extra: [] });
  }, 180_000);

});
