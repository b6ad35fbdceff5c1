#!/usr/bin/env node
// The `kruisec` command: the CLI bundled into dist/kruisec.cjs (built by `npm ci` through
// `prepare`; see scripts/bundle.mjs) runs in this process and sets its exit status. This file is
// CommonJS (bin/package.json says so) because the bundle is: an ES module entry would start
// Node's ES module loader only to require one CommonJS file, about 2% of a small render's work.
'use strict';
require('../dist/kruisec.cjs').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
