// The base a pull request is diffed against, as a git revision in the checkout. With
// `actions/checkout` on `pull_request`, HEAD is GitHub's merge of the pull request into its
// base, and that merge's first parent is exactly the base it was made from (it needs
// `fetch-depth: 2` or more to be there). Otherwise the event's base commit, fetched if it is
// missing. git gets its arguments as a list, and a commit id only after it was checked to be
// one, so nothing from the event reaches a shell or an option.
import { execFileSync } from 'node:child_process';

export class BaseNotFound extends Error {}

export function pullRequestBase(baseSha: unknown, cwd: string): string {
  const parents = git(['rev-list', '--parents', '-n', '1', 'HEAD'], cwd)?.trim().split(/\s+/) ?? [];
  if (parents.length === 3) return parents[1]; // HEAD, first parent, second parent
  if (typeof baseSha !== 'string' || !/^[0-9a-f]{40}$/.test(baseSha)) {
    throw new BaseNotFound('the event names no base commit for the pull request; set the base-ref input');
  }
  if (hasCommit(baseSha, cwd)) return baseSha;
  git(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', baseSha], cwd, 120_000);
  if (hasCommit(baseSha, cwd)) return baseSha;
  throw new BaseNotFound(`the pull request's base commit ${baseSha.slice(0, 12)} is not in the checkout and could not be fetched: ` +
    'use actions/checkout with fetch-depth: 2 (or 0), or set the base-ref input');
}

function hasCommit(sha: string, cwd: string): boolean {
  return git(['cat-file', '-e', `${sha}^{commit}`], cwd) !== undefined;
}

/** stdout, or undefined when git fails (not a repository, unknown revision, no network). */
function git(args: string[], cwd: string, timeout = 30_000): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout });
  } catch {
    return undefined;
  }
}
