import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_BLOB, SNAPSHOT_STAMP, snapshotStamp, usableSnapshot } from './snapshot-stamp.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A package folder holding what a stamp pins, a blob and the stamp of this Node. */
function built(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-stamp-'));
  for (const f of ['dist/kruisec.js', 'schemas/validators.cjs', SNAPSHOT_BLOB]) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), `contents of ${f}`);
  }
  writeFileSync(join(dir, SNAPSHOT_STAMP), snapshotStamp(dir) + '\n');
  return dir;
}

describe('usableSnapshot', () => {
  it('gives the blob whose stamp names this Node and the code on disk', () => {
    const dir = built();
    expect(usableSnapshot(dir)).toBe(join(dir, SNAPSHOT_BLOB));
  });

  it('refuses a blob built from other code: the CLI bundle or the validators changed since', () => {
    for (const f of ['dist/kruisec.js', 'schemas/validators.cjs']) {
      const dir = built();
      writeFileSync(join(dir, f), 'rebuilt');
      expect(usableSnapshot(dir)).toBeUndefined();
    }
  });

  it('refuses a blob written by another Node, which would crash this one', () => {
    const dir = built();
    const stamp = readFileSync(join(dir, SNAPSHOT_STAMP), 'utf8');
    writeFileSync(join(dir, SNAPSHOT_STAMP), stamp.replace(process.version, 'v99.0.0'));
    expect(usableSnapshot(dir)).toBeUndefined();
  });

  it('gives nothing without a stamp or without a blob', () => {
    const noStamp = built();
    rmSync(join(noStamp, SNAPSHOT_STAMP));
    expect(usableSnapshot(noStamp)).toBeUndefined();
    const noBlob = built();
    rmSync(join(noBlob, SNAPSHOT_BLOB));
    expect(usableSnapshot(noBlob)).toBeUndefined();
  });
});

// `npm run build` (which `npm test` runs first) writes the snapshot; CI checks it is usable and
// that a run started from it is the run started from bin/kruisec.js.
describe('the built snapshot', () => {
  const blob = usableSnapshot(ROOT);

  it('is there and matches this build', () => {
    expect(blob).toBe(join(ROOT, SNAPSHOT_BLOB));
  });

  const cases: [string, string[]][] = [
    ['render', ['render', 'fixtures/example']],
    ['render --explain', ['render', '--explain', 'fixtures/example']],
    ['validate with errors and source lines', ['validate', 'fixtures/broken']],
    ['plan', ['plan', 'fixtures/example', '--output', 'markdown']],
  ];
  for (const [name, args] of cases) {
    it(`prints what bin/kruisec.js prints: ${name}`, () => {
      const fromSnapshot = spawnSync(process.execPath, ['--snapshot-blob', blob!, ...args], { cwd: ROOT, encoding: 'utf8' });
      const direct = spawnSync(process.execPath, [join(ROOT, 'bin', 'kruisec.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KRUISEC_NO_RELAUNCH: '1' } });
      expect(fromSnapshot.stdout).toBe(direct.stdout);
      expect(fromSnapshot.stderr).toBe(direct.stderr);
      expect(fromSnapshot.status).toBe(direct.status);
      expect(direct.stdout.length + direct.stderr.length).toBeGreaterThan(100);
    });
  }
});
