// Failures as the API server words them: a metav1.Status body with the HTTP code, reason and
// message clients (kubectl, client-go, @kubernetes/client-node) key their behaviour on.
import type { Kind } from './kinds.js';

export interface StatusCause {
  type?: string;
  message?: string;
  field?: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number },
  ) {
    super(message);
  }

  status(): Record<string, unknown> {
    return {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason,
      ...(this.details ? { details: this.details } : {}), code: this.code,
    };
  }
}

/** "clonesets.apps.kruise.io", "pods": the group-qualified resource of messages. */
export function qualified(k: Kind): string {
  return k.group ? `${k.plural}.${k.group}` : k.plural;
}

function details(k: Kind, name?: string) {
  return { ...(name !== undefined ? { name } : {}), group: k.group, kind: k.plural };
}

export const errors = {
  notFound: (k: Kind, name: string) => new ApiError(404, 'NotFound', `${qualified(k)} "${name}" not found`, details(k, name)),
  namespaceNotFound: (ns: string) => new ApiError(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' }),
  alreadyExists: (k: Kind, name: string) => new ApiError(409, 'AlreadyExists', `${qualified(k)} "${name}" already exists`, details(k, name)),
  conflict: (k: Kind, name: string) => new ApiError(409, 'Conflict',
    `Operation cannot be fulfilled on ${qualified(k)} "${name}": the object has been modified; please apply your changes to the latest version and try again`, details(k, name)),
  invalid: (k: Kind, name: string, causes: StatusCause[]) => new ApiError(422, 'Invalid',
    `${k.kind}${k.group ? `.${k.group}` : ''} "${name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`,
    { ...details(k, name), kind: k.kind, causes: causes.map((c) => ({ reason: 'FieldValueInvalid', ...c })) as StatusCause[] }),
  badRequest: (message: string) => new ApiError(400, 'BadRequest', message),
  gone: (message: string) => new ApiError(410, 'Expired', message),
  methodNotAllowed: (message = 'the server does not allow this method on the requested resource') => new ApiError(405, 'MethodNotAllowed', message),
  unsupportedMediaType: (type: string) => new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml${type ? ` (got ${type})` : ''}`),
  notAcceptable: () => new ApiError(406, 'NotAcceptable', 'only application/json is served'),
  internal: (message = 'Internal error occurred: injected fault') => new ApiError(500, 'InternalError', message, { causes: [{ message }] }),
  timeout: () => new ApiError(504, 'Timeout', 'Timeout: request did not complete within requested timeout - context deadline exceeded', { retryAfterSeconds: 1 }),
  unauthorized: () => new ApiError(401, 'Unauthorized', 'Unauthorized'),
  forbidden: (k: Kind, verb: string, name: string | undefined, ns: string | undefined) => new ApiError(403, 'Forbidden',
    `${qualified(k)}${name ? ` "${name}"` : ''} is forbidden: User "system:serviceaccount:default:emulator" cannot ${verb} resource "${k.plural}" in API group "${k.group}"${ns ? ` in the namespace "${ns}"` : ' at the cluster scope'}`, details(k, name)),
  notFoundPath: (path: string) => new ApiError(404, 'NotFound', `the server could not find the requested resource (${path})`),
};
