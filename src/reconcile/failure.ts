// Why a reconcile, approve or status run ended early, as one line and an exit code: 2 for
// usage and environment (credentials, RBAC, a kind the server does not serve, a field another
// writer owns, a lost lease), 1 for a rollout that cannot go on as planned (stalled).
import { KubeConfigError } from './kube/client.js';
import { ApiError, deniedMessage } from './kube/errors.js';
import { FieldConflictError } from './apply.js';
import { PlanDirError } from './plan-dir.js';
import { StateFormatError } from './state.js';

/** The lease was lost while acting (another reconciler took it, or it could not be renewed). */
export class LeaseLostError extends Error {}

/** approve/status asked about a rollout that is not there or not waiting. */
export class ApproveError extends Error {}

/** One line and an exit code for an error thrown by reconcile/approve/status; undefined for an
 *  error that is a bug in kruisec (the CLI reports those as internal errors). */
export function failureMessage(e: unknown): { message: string; code: 1 | 2 } | undefined {
  if (e instanceof ApiError) {
    if (e.kind === 'denied') return { message: deniedMessage(e), code: 2 };
    if (e.kind === 'rejected' || e.kind === 'notFound') return { message: `the API server rejected ${e.verb} ${e.resource}: ${e.status} ${e.reason}${e.serverMessage ? `: ${e.serverMessage}` : ''}`, code: 2 };
    return { message: `${e.message} (gave up; run the same command again to resume)`, code: 2 };
  }
  if (e instanceof KubeConfigError || e instanceof FieldConflictError || e instanceof StateFormatError
    || e instanceof LeaseLostError || e instanceof ApproveError || e instanceof PlanDirError) return { message: e.message, code: 2 };
  return undefined;
}
