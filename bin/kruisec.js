#!/usr/bin/env node
// Thin launcher: the compiled CLI is bundled into dist/kruisec.js (built by `npm ci` through
// `prepare`; see scripts/bundle.mjs).
import('../dist/kruisec.js').then((m) => m.main(process.argv.slice(2))).then((code) => { process.exitCode = code; });
