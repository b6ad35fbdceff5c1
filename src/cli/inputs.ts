// What every command starts with: the inputs loaded (with cluster facts from kruisec.yaml and
// flags), then put through the default and validate phases.
import type { LoadResult } from '../load/index.js';
import type { ValidateResult } from '../validate/index.js';
import { type CommonFlags, factsFromFlags } from './options.js';

/** `err`: where --verbose says which kruisec.yaml was read. */
export async function loadInputs(paths: readonly string[], flags: CommonFlags, cwd = process.cwd(), err?: (s: string) => void): Promise<LoadResult> {
  const { load } = await import('../load/index.js');
  const loaded = await load(paths.length ? paths : ['.'], {
    cwd,
    gitignore: flags.gitignore ?? false,
    configFile: flags.config,
    facts: factsFromFlags(flags),
  });
  if (flags.verbose && err) err(`kruisec: ${configNote(loaded.config)}\n`);
  return loaded;
}

function configNote(c: LoadResult['config']): string {
  if (c.how === 'flag') return `cluster facts from ${c.file} (--config)`;
  if (c.how === 'found') return `cluster facts from ${c.file} (the first kruisec.yaml from the folder holding every input up)`;
  return `no kruisec.yaml (looked for ${c.searched.join(', ') || 'none: standard input only'}); Kruise's defaults and the flags hold`;
}

/** The default and validate phases over what was loaded (the schema before either). */
export async function admit(loaded: LoadResult, flags: CommonFlags): Promise<ValidateResult> {
  const { admit: admitResources } = await import('../validate/index.js');
  return admitResources(loaded.resources, { cluster: loaded.facts, strict: flags.strict ?? false });
}
