// The sticky comment against a local server that plays GitHub's REST API: created once, found
// again by its marker (on any page) and updated in place, left alone when nothing changed; a
// read-only token (a fork's pull request) gives a clear reason instead of a failure.
import { getOctokit } from '@actions/github';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentMarker, upsertComment } from '../../integrations/github-action/src/comment.js';
import { startFakeGitHub, type FakeGitHub } from '../github-api/server.js';

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub({ tokens: { 'write-token': 'write', 'read-token': 'read' } });
});
afterAll(async () => {
  await gh.close();
});

const octokit = (token: string) => getOctokit(token, { baseUrl: gh.url });
const target = (issueNumber: number) => ({ owner: 'acme', repo: 'platform', issueNumber });
const marker = commentMarker('kruisec');

describe('sticky pull-request comment', () => {
  it('creates the comment, then updates that same comment on the next run', async () => {
    const first = await upsertComment(octokit('write-token'), target(1), marker, `${marker}\nfirst`);
    expect(first).toMatchObject({ status: 'created', url: expect.stringContaining('/pull/1#issuecomment-') });
    const second = await upsertComment(octokit('write-token'), target(1), marker, `${marker}\nsecond`);
    expect(second).toMatchObject({ status: 'updated', id: (first as { id: number }).id });
    expect(gh.comments.get(1)!.map((c) => c.body)).toEqual([`${marker}\nsecond`]);
    const again = await upsertComment(octokit('write-token'), target(1), marker, `${marker}\nsecond`);
    expect(again.status).toBe('unchanged');
    expect(gh.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual(['POST', 'PATCH']);
  });

  it('finds its comment past the first page, and not a comment that only quotes the marker', async () => {
    const list = Array.from({ length: 130 }, (_, i) => ({ id: i + 1, body: `review ${i}`, user: { login: 'dev', type: 'User' as const } }));
    list[3].body = `> ${marker}\n> quoted by someone`;
    list[120].body = `${marker}\nold result`;
    gh.comments.set(2, list);
    const outcome = await upsertComment(octokit('write-token'), target(2), marker, `${marker}\nnew result`);
    expect(outcome).toMatchObject({ status: 'updated', id: 121 });
    expect(gh.comments.get(2)![3].body).toContain('quoted by someone');
    const pages = gh.requests.filter((r) => r.path.startsWith('/repos/acme/platform/issues/2/comments'));
    expect(pages.map((r) => r.path)).toEqual([
      '/repos/acme/platform/issues/2/comments?per_page=100',
      '/repos/acme/platform/issues/2/comments?per_page=100&page=2',
    ]);
  });

  it('keeps comments with other keys apart', async () => {
    await upsertComment(octokit('write-token'), target(3), commentMarker('apps'), `${commentMarker('apps')}\napps`);
    await upsertComment(octokit('write-token'), target(3), commentMarker('infra'), `${commentMarker('infra')}\ninfra`);
    expect(gh.comments.get(3)!.map((c) => c.body.split('\n')[1])).toEqual(['apps', 'infra']);
    expect(commentMarker('a b<!--x-->')).toBe('<!-- kruisec:comment:ab-x- -->');
  });

  it('a read-only token (fork pull request) gives a clear reason, not a failure', async () => {
    const outcome = await upsertComment(octokit('read-token'), target(4), marker, `${marker}\nbody`);
    expect(outcome.status).toBe('skipped');
    expect((outcome as { reason: string }).reason).toMatch(/^the token may not write to this pull request \(403\)\. Pull requests from forks get a read-only token; .*workflow_run/);
    expect(gh.comments.get(4)).toBeUndefined();
    const bad = await upsertComment(octokit('nobody'), target(4), marker, `${marker}\nbody`);
    expect(bad).toEqual({ status: 'skipped', reason: 'the token was refused (401); check the github-token input.' });
  });

  it('GitHub refuses a body over 65,536 characters; the reason says so', async () => {
    const outcome = await upsertComment(octokit('write-token'), target(5), marker, `${marker}\n${'x'.repeat(70_000)}`);
    expect(outcome.status).toBe('skipped');
    expect((outcome as { reason: string }).reason).toContain('422');
  });
});
