// The small repo's floor for `npm run bench` (scripts/bench.mjs), run as its own process as
// kruisec is: Node's start, js-yaml's load, js-yaml reading every input file and writing the
// documents render printed. The same floor as the 10k repo's output floor, plus what a cold
// process pays to get there: the least a Node tool that reads and writes this YAML can cost.
// CommonJS, as bin/kruisec.js is, so neither side starts Node's ES module loader.
// usage: node scripts/bench-small-floor.cjs <rendered.json> <input.yaml>...
'use strict';
const { readFileSync, writeSync } = require('node:fs');
const yaml = require('js-yaml');

const [rendered, ...inputs] = process.argv.slice(2);
for (const file of inputs) yaml.loadAll(readFileSync(file, 'utf8'));
let out = '';
for (const doc of JSON.parse(readFileSync(rendered, 'utf8'))) out += `---\n${yaml.dump(doc)}`;
writeSync(1, out);
