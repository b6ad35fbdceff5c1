// Kubernetes name formats (k8s.io/apimachinery/pkg/util/validation).
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** IsDNS1123Label problems, joined as the webhook joins them. */
export function dnsLabelError(s: string): string | undefined {
  const errs: string[] = [];
  if (s.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(s)) errs.push('a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character');
  return errs.length ? errs.join(', ') : undefined;
}

/** IsDNS1123Subdomain problems. */
export function dnsSubdomainError(s: string): string | undefined {
  const errs: string[] = [];
  if (s.length > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(s)) errs.push('a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character');
  return errs.length ? errs.join(', ') : undefined;
}
