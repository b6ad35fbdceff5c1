// Name syntax rules from k8s.io/apimachinery pkg/util/validation that container and volume
// validation use.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const IANA_SVC_NAME = /^[-a-z0-9]+$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

export function dns1123LabelError(v: string): string | undefined {
  if (v.length > 63) return 'must be no more than 63 characters';
  if (!DNS1123_LABEL.test(v)) return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  return undefined;
}

/** IsValidPortName. */
export function portNameError(v: string): string | undefined {
  if (v.length > 15) return 'must be no more than 15 characters';
  if (!IANA_SVC_NAME.test(v)) return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
  if (!/[a-z]/.test(v)) return 'must contain at least one letter (a-z)';
  if (v.includes('--')) return 'must not contain consecutive hyphens';
  if (v.startsWith('-') || v.endsWith('-')) return 'must not begin or end with a hyphen';
  return undefined;
}

/** IsEnvVarName. */
export function envVarNameError(v: string): string | undefined {
  if (!ENV_VAR_NAME.test(v)) return "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
  if (v === '.' || v === '..' || v.startsWith('..')) return "must not be '.' or '..' or start with '..'";
  return undefined;
}

/** IsConfigMapKey. */
export function configMapKeyError(v: string): string | undefined {
  if (v.length > 253) return 'must be no more than 253 characters';
  if (!CONFIG_MAP_KEY.test(v)) return "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
  if (v === '.' || v === '..' || v.startsWith('..')) return "must not be '.' or '..' or start with '..'";
  return undefined;
}
