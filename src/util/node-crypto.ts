// node:crypto, loaded on first use. Loading it (with node:stream, which its hashes are built
// on) costs a small run several milliseconds, and many runs never need it: render of a repo
// without SidecarSets hashes nothing, and render to stdout writes no temp file.
import { createRequire } from 'node:module';

let loaded: typeof import('node:crypto') | undefined;

export function nodeCrypto(): typeof import('node:crypto') {
  return (loaded ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
}
