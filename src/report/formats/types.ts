// The contract between the CLI and the output formats: one small interface (add a
// diagnostic, flush the whole text), as in kubeconform's pkg/output.
import type { Diagnostic } from '../diagnostic.js';

export type FormatName = 'text' | 'json' | 'sarif' | 'github' | 'junit' | 'markdown';

export interface Formatter {
  add(d: Diagnostic): void;
  /** The whole text to print (ends with a newline unless empty). The CLI prints it. */
  flush(): string;
}

export interface Summary {
  files: number;
  resources: number;
  unchecked?: { objects: number; kinds: number };
}

export interface FormatContext {
  toolVersion: string;
  color: boolean;
  /** The directory relative file names in diagnostics are relative to. */
  cwd: string;
  /** Output paths are made relative to this directory; defaults to `cwd`. In CI set it to
   *  the repository root: GitHub annotations and SARIF need repo-relative paths even when
   *  kruisec runs in a subdirectory. */
  root?: string;
  /** Source text of a file, for code frames; undefined if unavailable. */
  source(file: string): string | undefined;
  /** Number of resources/files checked, for summaries; `unchecked`: objects of kinds no schema
   *  checks, and how many kinds those are. */
  summary?: Summary;
  /** Absolute base URL of docs/rules/ (ending in `/`), for SARIF `helpUri`. Without it SARIF
   *  names the repo-relative doc page in the rule's help text instead. */
  docsBaseUrl?: string;
  /** Project home page, for SARIF `tool.driver.informationUri`. */
  informationUri?: string;
}
