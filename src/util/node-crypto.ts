// node:crypto, loaded on first use. Loading it (with node:stream, which its hashes are built
// on) costs a small run several milliseconds, and many runs never need it: render of a repo
// without SidecarSets hashes nothing, and render to stdout writes no temp file.
import { createRequire } from 'node:module';

export const nodeCrypto = (): typeof import('node:crypto') => createRequire(import.meta.url)('node:crypto');
