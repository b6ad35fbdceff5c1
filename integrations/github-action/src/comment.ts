// The sticky pull-request comment: one comment per pull request (and key), found again by a
// hidden marker at the start of its body and edited in place on every run, so a pull request
// that is pushed to twenty times still has one kruisec comment, showing the latest result.
//
// A comment is a convenience, never the check itself: when the token may not write (GitHub
// gives pull requests from forks a read-only token) or the API refuses, the run goes on with
// a warning that says what to do, and the job summary still has everything.
import type { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export type CommentOutcome =
  | { status: 'created' | 'updated' | 'unchanged'; id: number; url: string }
  | { status: 'skipped'; reason: string };

/** `<!-- kruisec:comment:<key> -->`; the key tells several kruisec comments on one pull
 *  request apart (one per folder, say). Only letters, digits, `.`, `_` and single `-` are
 *  kept, so the key cannot end the HTML comment. */
export function commentMarker(key: string): string {
  const clean = key.replace(/[^A-Za-z0-9._-]/g, '').replace(/-{2,}/g, '-') || 'kruisec';
  return `<!-- kruisec:comment:${clean} -->`;
}

/** Updates the comment that starts with `marker`, or creates one. `body` must start with it. */
export async function upsertComment(octokit: Octokit, target: CommentTarget, marker: string, body: string): Promise<CommentOutcome> {
  if (!body.startsWith(marker)) throw new Error('the comment body must start with its marker');
  const where = { owner: target.owner, repo: target.repo };
  try {
    const existing = await findComment(octokit, target, marker);
    if (existing && existing.body === body) return { status: 'unchanged', id: existing.id, url: existing.html_url };
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
      return { status: 'updated', id: data.id, url: data.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({ ...where, issue_number: target.issueNumber, body });
    return { status: 'created', id: data.id, url: data.html_url };
  } catch (e) {
    return { status: 'skipped', reason: explain(e) };
  }
}

/** The oldest comment whose body starts with the marker (a person quoting it does not start
 *  with it), reading page by page and stopping at the first match. */
async function findComment(octokit: Octokit, target: CommentTarget, marker: string) {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100,
  });
  for await (const page of pages) {
    const found = page.data.find((c) => (c.body ?? '').startsWith(marker));
    if (found) return found;
  }
  return undefined;
}

function explain(e: unknown): string {
  const status = (e as { status?: unknown }).status;
  const message = (e as { message?: unknown }).message;
  if (status === 403) {
    return 'the token may not write to this pull request (403). Pull requests from forks get a read-only token; ' +
      'give the job `permissions: pull-requests: write`, or post from a `workflow_run` workflow (docs/github-action.md).';
  }
  if (status === 401) return 'the token was refused (401); check the github-token input.';
  if (status === 404) return 'the pull request was not found (404), or the token cannot see it.';
  return `the GitHub API answered ${typeof status === 'number' ? status : 'with an error'}: ${typeof message === 'string' ? message : String(e)}`;
}
