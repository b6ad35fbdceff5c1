// A local stand-in for the part of GitHub's REST API the Action uses: issue comments (list with
// Link-header pagination, create, update) and pull requests (get). It answers as GitHub does,
// statuses and error bodies included: 401 without a known token, 403 "Resource not accessible
// by integration" when a read-only token writes (a fork's pull request), 422 for a body over
// 65,536 characters. It listens on 127.0.0.1 only, on a port the system picks, and records
// every request so tests can count them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}

export interface FakeRequest {
  method: string;
  path: string;
  token: string | undefined;
}

export interface FakeGitHub {
  /** Base URL for Octokit (`baseUrl`) or GITHUB_API_URL. */
  url: string;
  /** Comments per issue / pull request number, oldest first. */
  comments: Map<number, FakeComment[]>;
  pulls: Map<number, { head: { sha: string }; base: { sha: string } }>;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** Token -> what it may do. GitHub gives fork pull requests a read-only token. */
  tokens: Record<string, 'write' | 'read'>;
  /** Page size when the client asks for more (GitHub caps per_page at 100). */
  maxPerPage?: number;
}

const BODY_LIMIT = 65_536;
const DOCS = 'https://docs.github.com/rest';

export async function startFakeGitHub(opts: FakeGitHubOptions): Promise<FakeGitHub> {
  const comments = new Map<number, FakeComment[]>();
  const pulls = new Map<number, { head: { sha: string }; base: { sha: string } }>();
  const requests: FakeRequest[] = [];
  let nextId = 1000;

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => send(res, 500, { message: String(e) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    requests.push({ method: req.method ?? '', path: url.pathname + url.search, token });
    const raw = await readBody(req);
    const access = token === undefined ? undefined : opts.tokens[token];
    if (!access) return send(res, 401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });

    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      const [owner, repo, n] = [m[1], m[2], Number(m[3])];
      const list = comments.get(n) ?? [];
      if (req.method === 'GET') {
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), opts.maxPerPage ?? 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(list.length / perPage));
        const links: string[] = [];
        const link = (p: number, rel: string) => `<${base()}/repos/${owner}/${repo}/issues/${n}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
        const headers = links.length ? { link: links.join(', ') } : {};
        return send(res, 200, list.slice((page - 1) * perPage, page * perPage).map((c) => view(owner, repo, n, c)), headers);
      }
      if (req.method === 'POST') {
        const body = writableBody(res, access, raw, 'create-an-issue-comment');
        if (body === undefined) return;
        const c: FakeComment = { id: nextId++, body, user: { login: 'github-actions[bot]', type: 'Bot' } };
        comments.set(n, [...list, c]);
        return send(res, 201, view(owner, repo, n, c));
      }
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)) && req.method === 'PATCH') {
      const [owner, repo, id] = [m[1], m[2], Number(m[3])];
      const found = [...comments.entries()].flatMap(([n, list]) => list.filter((c) => c.id === id).map((c) => ({ n, c })))[0];
      if (!found) return send(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      const body = writableBody(res, access, raw, 'update-an-issue-comment');
      if (body === undefined) return;
      found.c.body = body;
      return send(res, 200, view(owner, repo, found.n, found.c));
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(url.pathname)) && req.method === 'GET') {
      const pr = pulls.get(Number(m[3]));
      if (!pr) return send(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      return send(res, 200, { number: Number(m[3]), state: 'open', ...pr });
    }
    return send(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
  }

  /** The comment body of a write, or undefined after answering 403 / 422 as GitHub does. */
  function writableBody(res: ServerResponse, access: 'write' | 'read', raw: string, doc: string): string | undefined {
    if (access !== 'write') {
      send(res, 403, { message: 'Resource not accessible by integration', documentation_url: `${DOCS}/issues/comments#${doc}`, status: '403' });
      return undefined;
    }
    const body = (JSON.parse(raw || '{}') as { body?: unknown }).body;
    if (typeof body !== 'string' || body.length > BODY_LIMIT) {
      send(res, 422, {
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${BODY_LIMIT} characters)` }],
        documentation_url: `${DOCS}/issues/comments#${doc}`, status: '422',
      });
      return undefined;
    }
    return body;
  }

  function view(owner: string, repo: string, n: number, c: FakeComment) {
    return { ...c, html_url: `https://github.com/${owner}/${repo}/pull/${n}#issuecomment-${c.id}` };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base(),
    comments,
    pulls,
    requests,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
