#!/usr/bin/env node
// Facts runner: evaluates fact-form conformance cases against kruisec's own functions.
import('../dist/facts/main.js').then((m) => m.main(process.argv.slice(2))).then((code) => { process.exitCode = code; });
