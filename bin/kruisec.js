#!/usr/bin/env node
// Thin launcher: the compiled CLI is bundled into dist/ (built by `npm ci` through `prepare`;
// see scripts/bundle.mjs). dist/launch.js decides whether the command runs here or in a second
// Node with fewer V8 threads (src/cli/relaunch.ts), then runs dist/kruisec.js's main().
import('../dist/launch.js').then((m) => m.launch(process.argv.slice(2))).then((code) => { process.exitCode = code; });
