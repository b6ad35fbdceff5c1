// Output that never destroys what kruisec did not write (issue #13 item 5).
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, OutputError, writeFileAtomically, writeTreeAtomically } from './atomic-write.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kruisec-atomic-')); });

describe('writeFileAtomically', () => {
  it('never writes through a planted temp name or a symlink at the target', () => {
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'keep');
    symlinkSync(victim, join(dir, 'out.yaml.kruisec-tmp'));
    symlinkSync(victim, join(dir, 'link.yaml'));
    writeFileAtomically(join(dir, 'out.yaml'), 'a: 1\n');
    writeFileAtomically(join(dir, 'link.yaml'), 'b: 2\n');
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('a: 1\n');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'out.yaml', 'out.yaml.kruisec-tmp', 'victim']);
  });

  it('refuses a folder or a path through a file, with a one-line usage error', () => {
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => writeFileAtomically(join(dir, 'out'), 'x')).toThrow(OutputError);
    expect(() => writeFileAtomically(join(dir, 'file', 'out.yaml'), 'x')).toThrow(/a part of the path is a file/);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});

describe('writeTreeAtomically', () => {
  const out = () => join(dir, 'stages');

  it('writes a new folder with its marker, and replaces it whole next time', () => {
    writeTreeAtomically(out(), { 'a/1.yaml': 'one', 'b.yaml': 'two' });
    expect(readFileSync(join(out(), OUTPUT_MARKER), 'utf8')).toContain('a/1.yaml\nb.yaml\n');
    writeTreeAtomically(out(), { 'c.yaml': 'three' });
    expect(readdirSync(out()).sort()).toEqual([OUTPUT_MARKER, 'c.yaml']);
    expect(readdirSync(dir)).toEqual(['stages']); // no temp or old folder left beside it
  });

  it('refuses a non-empty folder it did not write, and one a user added a file to', () => {
    mkdirSync(out());
    writeFileSync(join(out(), 'notes.txt'), 'mine');
    expect(() => writeTreeAtomically(out(), { 'a.yaml': 'x' })).toThrow(/refusing to replace a folder kruisec did not write \(it holds notes\.txt\)/);
    expect(readFileSync(join(out(), 'notes.txt'), 'utf8')).toBe('mine');

    const own = join(dir, 'own');
    writeTreeAtomically(own, { 'a.yaml': 'x' });
    writeFileSync(join(own, 'added.yaml'), 'mine');
    expect(() => writeTreeAtomically(own, { 'a.yaml': 'y' })).toThrow(OutputError);
    expect(readFileSync(join(own, 'added.yaml'), 'utf8')).toBe('mine');
    expect(readFileSync(join(own, 'a.yaml'), 'utf8')).toBe('x');
  });

  it('takes an empty folder, and refuses a file or a symlink in its place', () => {
    mkdirSync(out());
    writeTreeAtomically(out(), { 'a.yaml': 'x' });
    expect(readFileSync(join(out(), 'a.yaml'), 'utf8')).toBe('x');
    writeFileSync(join(dir, 'f'), 'x');
    expect(() => writeTreeAtomically(join(dir, 'f'), {})).toThrow(/is a file/);
    symlinkSync(dir, join(dir, 'l'));
    expect(() => writeTreeAtomically(join(dir, 'l'), {})).toThrow(/is a symlink/);
    expect(existsSync(join(dir, 'f'))).toBe(true);
  });
});
