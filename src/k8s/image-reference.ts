// Which tag an image reference carries, as Kubernetes' parsers.ParseImageName reads it with the
// docker reference grammar (github.com/distribution/reference). Only used to default
// imagePullPolicy: `latest` (written or implied) means Always.

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;

export interface ImageReference {
  name: string;
  tag?: string;
  digest?: string;
}

/** Parses like reference.ParseNormalizedNamed; undefined when Kubernetes would fail to parse. */
export function parseImageReference(image: string): ImageReference | undefined {
  if (IDENTIFIER.test(image)) return undefined;
  const m = REFERENCE.exec(image);
  if (!m) return undefined;
  const name = m[1];
  if (name.length > 255) return undefined;
  // The repository path (after a domain) must be lowercase; a first component is a domain
  // only if it has a dot, a port, is localhost, or has upper case letters.
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const isDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  const remote = isDomain ? name.slice(slash + 1) : name;
  if (remote.toLowerCase() !== remote) return undefined;
  return { name, tag: m[2], digest: m[3] };
}

/** SetDefaults_Container's imagePullPolicy: Always for `:latest` or no tag and no digest. */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImageReference(image);
  if (!ref) return 'IfNotPresent';
  const tag = ref.tag ?? (ref.digest ? '' : 'latest');
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}
