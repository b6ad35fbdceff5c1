import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireWithCodeCache, writeCodeCache } from './code-cache.js';
import { packageRoot, VALIDATORS } from './validators.js';

function tempModule(body: string): { file: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-code-cache-'));
  const file = join(dir, 'mod.cjs');
  writeFileSync(file, body);
  return { file, cache: join(dir, 'mod.v8cache') };
}

const answer = (n: number) => `"use strict"; exports.answer = function answer() { return ${n}; }; exports.file = __filename;\n`;

describe('requireWithCodeCache', () => {
  it('loads a CommonJS file as require would, with or without a cache file', () => {
    const { file, cache } = tempModule(answer(41));
    const plain = requireWithCodeCache(file, cache);
    expect(plain.fromCache).toBe(false);
    expect((plain.exports.answer as () => number)()).toBe(41);
    expect(plain.exports.file).toBe(file);
  });

  it('starts from the cache written for the same source', () => {
    const { file, cache } = tempModule(answer(42));
    writeCodeCache(file, cache, (exports) => (exports.answer as () => number)());
    const cached = requireWithCodeCache(file, cache);
    expect(cached.fromCache).toBe(true);
    expect((cached.exports.answer as () => number)()).toBe(42);
  });

  it('ignores a cache written for other source, even of the same length (V8 checks only the length)', () => {
    const { file, cache } = tempModule(answer(43));
    writeCodeCache(file, cache, () => {});
    writeFileSync(file, answer(44));
    const loaded = requireWithCodeCache(file, cache);
    expect(loaded.fromCache).toBe(false);
    expect((loaded.exports.answer as () => number)()).toBe(44);
  });

  it('ignores a cache file that is not one', () => {
    const { file, cache } = tempModule(answer(45));
    writeFileSync(cache, 'not a cache\n\u0000\u0001');
    const loaded = requireWithCodeCache(file, cache);
    expect(loaded.fromCache).toBe(false);
    expect((loaded.exports.answer as () => number)()).toBe(45);
  });

  it('keeps stack-trace lines those of the file', () => {
    const { file } = tempModule('"use strict";\n\nexports.boom = function () { throw new Error("x"); };\n');
    const { exports } = requireWithCodeCache(file);
    let stack = '';
    try { (exports.boom as () => void)(); } catch (e) { stack = String((e as Error).stack); }
    expect(stack).toContain(`${file}:3:`);
  });

  it('loads the generated validators the same way', () => {
    const file = join(packageRoot(), VALIDATORS);
    const { exports } = requireWithCodeCache(file);
    expect(Object.keys(exports).sort()).toEqual(Object.keys(createRequire(import.meta.url)(file) as object).sort());
    expect(readFileSync(file, 'utf8')).toMatch(/^\/\/ Generated/);
  });
});
