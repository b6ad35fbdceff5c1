// What every command starts with: the inputs loaded (with cluster facts from kruisec.yaml and
// flags), then put through the default and validate phases.
import type { LoadResult } from '../load/index.js';
import type { ValidateResult } from '../validate/index.js';
import { type CommonFlags, factsFromFlags } from './options.js';

export async function loadInputs(paths: readonly string[], flags: CommonFlags, cwd = process.cwd()): Promise<LoadResult> {
  const { load } = await import('../load/index.js');
  return load(paths.length ? paths : ['.'], {
    cwd,
    gitignore: flags.gitignore ?? false,
    configFile: flags.config,
    facts: factsFromFlags(flags),
  });
}

/** The default and validate phases over what was loaded (the schema before either). */
export async function admit(loaded: LoadResult, flags: CommonFlags): Promise<ValidateResult> {
  const { admit: admitResources } = await import('../validate/index.js');
  return admitResources(loaded.resources, { cluster: loaded.facts, strict: flags.strict ?? false });
}
