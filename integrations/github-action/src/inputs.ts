// The Action's inputs (action.yml), read through @actions/core and checked here: the runner
// does not enforce `required`, types or choices, so every mistake becomes one clear line.
import * as core from '@actions/core';

export class InputProblem extends Error {}

export const COMMANDS = ['diff', 'validate', 'render', 'plan', 'comment'] as const;
export type Command = (typeof COMMANDS)[number];

export interface Inputs {
  command: Command;
  paths: string[];
  strict: boolean;
  failOn: 'error' | 'warning';
  config: string;
  base: string;
  baseRef: string;
  workingDirectory: string;
  sarifFile: string;
  summary: boolean;
  comment: boolean;
  commentKey: string;
  commentFile: string;
  prNumber: number | undefined;
  token: string;
}

export function readInputs(): Inputs {
  const command = oneOf('command', COMMANDS, 'diff');
  const inputs: Inputs = {
    command,
    paths: paths(core.getInput('paths')),
    strict: bool('strict', false),
    failOn: oneOf('fail-on', ['error', 'warning'] as const, 'error'),
    config: core.getInput('config'),
    base: core.getInput('base'),
    baseRef: core.getInput('base-ref'),
    workingDirectory: core.getInput('working-directory') || '.',
    sarifFile: core.getInput('sarif-file'),
    summary: bool('summary', true),
    comment: bool('comment', true),
    commentKey: core.getInput('comment-key') || 'kruisec',
    commentFile: core.getInput('comment-file'),
    prNumber: prNumber(core.getInput('pr-number')),
    token: core.getInput('github-token'),
  };
  if (inputs.base && inputs.baseRef) throw new InputProblem('give the base input or base-ref, not both');
  if ((inputs.base || inputs.baseRef) && command !== 'diff' && command !== 'plan') {
    core.warning(`kruisec: base and base-ref are used by the diff and plan commands only, not by ${command}`);
  }
  if (command === 'comment' && !inputs.commentFile) throw new InputProblem('command comment needs the comment-file input (written by an earlier kruisec run)');
  return inputs;
}

/** One path per line, or several separated by spaces on a single line. */
export function paths(raw: string): string[] {
  const lines = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const out = lines.length === 1 ? lines[0].split(/\s+/) : lines;
  return out.length ? out : ['.'];
}

/** A pull-request number: digits only (it may come from an artifact of an untrusted run). */
export function prNumber(raw: string): number | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  if (!/^[1-9]\d{0,9}$/.test(v)) throw new InputProblem(`pr-number must be a pull-request number, got ${JSON.stringify(v.slice(0, 40))}`);
  return Number(v);
}

function bool(name: string, dflt: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (!v) return dflt;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new InputProblem(`input ${name} must be true or false, not ${JSON.stringify(v)}`);
}

function oneOf<T extends string>(name: string, values: readonly T[], dflt: T): T {
  const v = core.getInput(name).trim() || dflt;
  if ((values as readonly string[]).includes(v)) return v as T;
  throw new InputProblem(`input ${name} must be ${values.join(', ')}, not ${JSON.stringify(v)}`);
}
