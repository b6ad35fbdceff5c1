// What went wrong talking to the API server, classified by what the reconciler does about it:
// - denied (401/403): the user's credentials or RBAC; exit 2 naming the verb and resource;
// - conflict (409): someone else wrote first; re-read and try again;
// - gone (410): a watch's resourceVersion is too old; list again from a fresh one;
// - transient (5xx, 429, timeouts, dropped connections): back off with jitter and retry;
// - rejected (other 4xx): the request itself is wrong (invalid object, missing CRD); exit 2.

export type ErrorClass = 'denied' | 'conflict' | 'gone' | 'notFound' | 'transient' | 'rejected';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly verb: string,
    readonly resource: string,
    readonly reason: string,
    readonly serverMessage: string,
    readonly causes: readonly { field?: string; message?: string; type?: string }[] = [],
  ) {
    super(`${verb} ${resource}: ${status ? `${status} ${reason}` : reason}${serverMessage ? `: ${serverMessage}` : ''}`);
  }

  get kind(): ErrorClass {
    return classify(this.status);
  }
}

export function classify(status: number): ErrorClass {
  if (status === 401 || status === 403) return 'denied';
  if (status === 409) return 'conflict';
  if (status === 410) return 'gone';
  if (status === 404) return 'notFound';
  if (status === 0 || status === 429 || status >= 500) return 'transient';
  return 'rejected';
}

export function isApiError(e: unknown, kind?: ErrorClass): e is ApiError {
  return e instanceof ApiError && (kind === undefined || e.kind === kind);
}

/** Errors that end the run with exit 2: nothing retrying could fix. */
export function isFatal(e: unknown): boolean {
  return e instanceof ApiError ? e.kind === 'denied' || e.kind === 'rejected' : !isTransientNetwork(e);
}

/** fetch failures that are the network's, not ours: refused, reset, timed out, aborted by timeout. */
export function isTransientNetwork(e: unknown): boolean {
  if (e instanceof ApiError) return e.kind === 'transient';
  const err = e as { code?: string; type?: string; name?: string; errno?: string } | undefined;
  const code = err?.code ?? err?.errno;
  return err?.type === 'system' || err?.type === 'request-timeout' || err?.name === 'AbortError' || err?.name === 'TimeoutError' || err?.name === 'FetchError'
    || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_SOCKET'].includes(code ?? '');
}

/** The one line printed for a denied request, as kubectl says it. */
export function deniedMessage(e: ApiError): string {
  const who = e.status === 401 ? 'the credentials were not accepted (401 Unauthorized)' : 'forbidden (403)';
  return `cannot ${e.verb} ${e.resource}: ${who}${e.serverMessage ? `: ${e.serverMessage}` : ''}; check --kubeconfig/--context and the RBAC rules of that user`;
}
