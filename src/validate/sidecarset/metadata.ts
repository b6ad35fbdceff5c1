// ObjectMeta of a SidecarSet (spec §12.1): Kruise's name rule, and the generic ObjectMeta
// checks for a cluster-scoped object (label and annotation syntax). A namespace never reaches
// the webhook: the API server clears it first, as the default phase does.
import { labelValueError, qualifiedNameError } from '../../k8s/selector.js';
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { diag, type SidecarSetUnderCheck } from './context.js';

const NAME = /^[a-zA-Z0-9-]+$/;
const NAME_MAX = 63;
/** apimachinery's TotalAnnotationSizeLimitB. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

export function checkMetadata(s: SidecarSetUnderCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  const meta = s.ss.metadata ?? {};
  const name: string = meta.name ?? '';
  if (!meta.name && !meta.generateName) {
    out.push(diag(rules.metadataInvalid, s, ['metadata', 'name'], { reason: 'Required value: name or generateName is required' }));
  } else if (meta.name) {
    if (!NAME.test(name)) {
      out.push(diag(rules.nameInvalid, s, ['metadata', 'name'], { name, reason: "must consist of alphanumeric characters or '-' (regex '^[a-zA-Z0-9\\-]+$')" }));
    }
    if (name.length > NAME_MAX) {
      out.push(diag(rules.nameInvalid, s, ['metadata', 'name'], { name, reason: `must be no more than ${NAME_MAX} characters` }));
    }
  }
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    const e = qualifiedNameError(k) ?? labelValueError(String(v));
    if (e) out.push(diag(rules.metadataInvalid, s, ['metadata', 'labels', k], { reason: `Invalid value ${JSON.stringify(k)}: ${e}` }));
  }
  out.push(...annotationErrors(meta.annotations ?? {}).map((reason) => diag(rules.metadataInvalid, s, ['metadata', 'annotations'], { reason })));
  return out;
}

/** ValidateAnnotations: keys are qualified names (checked lower-cased), total size bounded. */
export function annotationErrors(annotations: Record<string, unknown>): string[] {
  const errs: string[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    const e = qualifiedNameError(k.toLowerCase());
    if (e) errs.push(`Invalid value ${JSON.stringify(k)}: ${e}`);
    size += Buffer.byteLength(k) + Buffer.byteLength(String(v ?? ''));
  }
  if (size > ANNOTATIONS_MAX_BYTES) errs.push(`Too long: annotations may not have more than ${ANNOTATIONS_MAX_BYTES} bytes`);
  return errs;
}
