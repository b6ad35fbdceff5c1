// Loads a large generated CommonJS file with a V8 code cache. schemas/validators.cjs is 1.1 MB
// of Ajv code: compiling it, and then each validator the first time it runs, cost a validate
// or render run 15 to 20 ms. The build (scripts/code-cache.mjs) runs the validators once over
// the bundled examples and saves what V8 compiled; a run then starts from that.
//
// V8 checks a cache only against its own version, its flags and the source's length, so the
// cache file starts with a line naming the source's SHA-1 and the Node version that wrote it.
// A cache that does not match (another Node, a regenerated file) is ignored: the file is
// compiled as usual, never from stale code.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

// Node's own wrapper, on the first line, so that line numbers in stack traces stay the file's.
const HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const TAIL = '\n})';

export interface CachedModule {
  exports: Record<string, unknown>;
  /** True when the code came from the cache file. */
  fromCache: boolean;
  script: Script;
}

function header(source: string): string {
  const digest = createHash('sha1').update(source).digest('hex');
  return `kruisec-code-cache 1 ${digest} ${process.version} ${process.arch}`;
}

/** require(file), with the code compiled from `cacheFile` when that was written for this exact
 *  source by this Node. */
export function requireWithCodeCache(file: string, cacheFile?: string): CachedModule {
  const source = readFileSync(file, 'utf8');
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile, source);
  const script = new Script(HEAD + source + TAIL, { filename: file, cachedData });
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as Record<string, unknown> };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, fromCache: cachedData !== undefined && !script.cachedDataRejected, script };
}

function readCache(cacheFile: string, source: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined; // not written (a plain tsc build): compiled as usual
  }
  const nl = bytes.indexOf(10);
  return nl > 0 && bytes.toString('latin1', 0, nl) === header(source) ? bytes.subarray(nl + 1) : undefined;
}

/** Loads `file`, lets `exercise` run what the cache should hold, and writes the cache. */
export function writeCodeCache(file: string, cacheFile: string, exercise: (exports: Record<string, unknown>) => void): number {
  const source = readFileSync(file, 'utf8');
  const loaded = requireWithCodeCache(file);
  exercise(loaded.exports);
  const data = loaded.script.createCachedData();
  writeFileSync(cacheFile, Buffer.concat([Buffer.from(header(source) + '\n', 'latin1'), data]));
  return data.length;
}
