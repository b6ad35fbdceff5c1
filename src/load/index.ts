// load: files, folders, globs or stdin -> resources that know where they came from.
import { readFileSync, lstatSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ClusterFacts } from '../api/cluster.js';
import type { Resource } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { report } from '../report/catalogue/rule.js';
import { emptyInput, symlinkOutsideRoot } from '../report/catalogue/load.js';
import { checkResources } from './checks.js';
import { mergeFacts, parseConfig } from './config.js';
import { discover, InputError, STDIN } from './discover.js';
import { findConfig } from './find-config.js';
import { configInsideRoot, rootOf } from './roots.js';
import { parseFile } from './parse.js';
import { SourceStore } from './source-map.js';
import { decodeText, MAX_FILE_BYTES, tooLarge } from './text.js';

export { InputError } from './discover.js';
export { SourceStore, type Span } from './source-map.js';
export { isClusterScoped } from './known-kinds.js';
/** The YAML reader itself, for envelopes that are not manifests (a KRM function's ResourceList). */
export { readDocuments } from './yaml/index.js';
export { MAX_FILE_BYTES } from './text.js';

export interface LoadOptions {
  cwd: string;
  gitignore?: boolean;
  /** Explicit kruisec.yaml; otherwise the one find-config.ts finds for the inputs, if any. */
  configFile?: string;
  /** Cluster facts from flags; they win over kruisec.yaml. */
  facts?: Partial<ClusterFacts>;
  /** Standard input, for `-`. */
  readStdin?: () => string;
  /** Largest YAML document read (default 3 MiB, the API server's request limit): a KRM
   *  function's ResourceList holds a whole package in one document. */
  documentBytes?: number;
}

export interface LoadResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
  sources: SourceStore;
  facts: ClusterFacts;
  files: string[];
  /** The kruisec.yaml read, and how it was chosen (for --verbose). */
  config: { file?: string; how: 'flag' | 'found' | 'none'; searched: string[] };
}

export async function load(inputs: readonly string[], opts: LoadOptions): Promise<LoadResult> {
  const sources = new SourceStore();
  const diagnostics: Diagnostic[] = [];
  const { files, outside } = await discover(inputs, { cwd: opts.cwd, gitignore: opts.gitignore ?? false });
  for (const o of outside) diagnostics.push({ ...report(symlinkOutsideRoot, o), file: o.link });

  const found = opts.configFile ? undefined : findConfig(inputs, opts.cwd);
  const configFile = opts.configFile ?? found?.file;
  const config: LoadResult['config'] = { file: configFile, how: opts.configFile ? 'flag' : configFile ? 'found' : 'none', searched: found?.searched ?? [] };
  let fileFacts: Partial<ClusterFacts> = {};
  const text = configFile === undefined ? undefined : readConfig(configFile, opts, diagnostics);
  if (configFile !== undefined && text !== undefined) {
    sources.add(configFile, text);
    const parsed = parseConfig(configFile, text);
    fileFacts = parsed.facts;
    diagnostics.push(...parsed.diagnostics);
  }

  const all: Resource[] = [];
  for (const file of files) {
    const name = file === STDIN ? '<stdin>' : file;
    const path = resolve(opts.cwd, file);
    let bytes: Buffer;
    try {
      const size = file === STDIN ? 0 : statSync(path).size;
      if (size > MAX_FILE_BYTES) {
        diagnostics.push(tooLarge(name, size));
        continue;
      }
      bytes = file === STDIN ? (opts.readStdin ? Buffer.from(opts.readStdin()) : readFileSync(0)) : readFileSync(path);
    } catch (e) {
      throw new InputError(`${name}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const { text, refused } = decodeText(name, bytes);
    sources.add(name, text);
    if (refused) {
      diagnostics.push(refused);
      continue;
    }
    const parsed = parseFile(name, text, { documentBytes: opts.documentBytes });
    all.push(...parsed.resources);
    diagnostics.push(...parsed.diagnostics);
  }
  const checked = checkResources(all);
  diagnostics.push(...checked.diagnostics);
  if (all.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(report(emptyInput, { inputs: inputs.join(', ') }));
  }
  return { resources: checked.kept, diagnostics, sources, facts: mergeFacts(fileFacts, opts.facts ?? {}), files, config };
}

/** The text of kruisec.yaml or the -c file; undefined (and a warning) for a symlink out of
 *  its root. A file that cannot be read is a usage error: the run would judge the manifests
 *  against facts the user did not mean. */
function readConfig(file: string, opts: LoadOptions, diagnostics: Diagnostic[]): string | undefined {
  const flag = opts.configFile !== undefined ? `-c ${file}` : file;
  const abs = resolve(opts.cwd, file);
  let st;
  try { st = statSync(abs); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || !isSymlink(abs)) throw new InputError(`${flag}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code})`}`);
  }
  if (st?.isDirectory()) throw new InputError(`${flag} is a folder: give the path of a kruisec.yaml file`);
  if (!configInsideRoot(file, opts.cwd)) {
    diagnostics.push({ ...report(symlinkOutsideRoot, { link: file, root: rootOf(file, opts.cwd, false) === opts.cwd ? '.' : dirname(file) }), file });
    return undefined;
  }
  try {
    return readFileSync(abs, 'utf8');
  } catch (e) {
    throw new InputError(`${flag}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function isSymlink(p: string): boolean {
  try { return lstatSync(p).isSymbolicLink(); } catch { return false; }
}

