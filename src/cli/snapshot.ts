// The entry of kruisec's startup snapshot (built by scripts/snapshot.mjs into dist/kruisec.blob).
// A large run on a small machine already starts Node a second time (relaunch.ts); started with
// `--snapshot-blob`, that second Node begins from a heap in which every module a command may
// need is loaded and the Ajv validators are compiled, instead of reading, compiling and running
// some 3 MB of JavaScript first. On the 10k-workload repo that is 40 to 60 ms of a 0.9 s render.
//
// Everything imported here runs once, at build time, on the build machine: no module of the
// CLI may read the environment (env, cwd, argv, the clock, the machine) while it loads, only
// when called. The commands' lazy imports stay as they are; here they find their modules
// already loaded.
import { startupSnapshot } from 'node:v8';
import '../k8s/yaml-writer.js';
import '../load/index.js';
import '../plan/index.js';
import '../render/index.js';
import '../report/diagnostic.js';
import '../report/explain.js';
import '../report/formats/index.js';
import '../report/locate.js';
import '../validate/index.js';
import { loadValidators } from '../validate/schema/validators.js';
import { main } from './main.js';

// A snapshot without them would skip every schema check in every run it starts: no snapshot.
if (!loadValidators()) throw new Error('schemas/validators.cjs could not be loaded: no snapshot built');

// Started from the snapshot, process.argv is [node, ...the CLI's arguments]: no script path.
startupSnapshot.setDeserializeMainFunction(() => {
  void main(process.argv.slice(1)).then((code) => { process.exitCode = code; });
});
