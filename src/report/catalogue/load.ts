// Rules of the load area: reading files and YAML documents into resources.
import { defineRule } from './rule.js';

export const yamlSyntax = defineRule<{ reason: string }>({
  id: 'yaml-syntax',
  severity: 'error',
  description: 'The file is not valid YAML as Kubernetes reads it (YAML 1.1 through sigs.k8s.io/yaml).',
  message: (d) => `YAML syntax error: ${d.reason}`,
  hint: () => 'fix the YAML at this position; `kubectl apply` would reject the file as well',
});

export const yamlDuplicateKey = defineRule<{ key: string }>({
  id: 'yaml-duplicate-key',
  severity: 'error',
  description: 'A mapping has the same key twice; Kubernetes rejects such documents.',
  message: (d) => `duplicate key ${JSON.stringify(d.key)} in this mapping`,
  hint: () => 'remove one of the two entries (which one did you mean?)',
});

export const yamlTab = defineRule<Record<string, never>>({
  id: 'yaml-tab-indent',
  severity: 'error',
  description: 'YAML forbids tab characters in indentation.',
  message: () => 'tab character used for indentation',
  hint: () => 'indent with spaces only',
});

export const yamlCustomTag = defineRule<{ tag: string }>({
  id: 'yaml-custom-tag',
  severity: 'error',
  description: 'Custom YAML tags are not part of Kubernetes manifests and are never executed.',
  message: (d) => `unsupported YAML tag ${d.tag}`,
  hint: () => 'remove the tag; Kubernetes manifests use plain YAML values only',
});

export const yamlLimit = defineRule<{ reason: string }>({
  id: 'yaml-limit',
  severity: 'error',
  description: 'The document is beyond a resource limit: alias expansion (go-yaml\'s budget, which kubectl applies), nesting depth or size.',
  message: (d) => `YAML beyond a limit: ${d.reason}`,
  hint: () => 'write the repeated or nested part out plainly, or split the document; real manifests stay far below these limits',
});

export const yamlUnsafe = defineRule<{ reason: string }>({
  id: 'yaml-unsafe',
  severity: 'error',
  description: 'kubectl reads the document, but ignores part of it or reads it in a way that is not deterministic; kruisec refuses to guess.',
  message: (d) => `kubectl would not read this as written: ${d.reason}`,
  hint: () => 'remove the ignored part or write the value unambiguously (quote it), so what is reviewed is what is applied',
});

export const yamlUnicodeBreak = defineRule<{ char: string }>({
  id: 'yaml-unicode-break',
  severity: 'warning',
  description: 'A Unicode line break (U+0085, U+2028, U+2029) outside an escape: kubectl breaks the line there, most editors and diffs do not.',
  message: (d) => `${d.char} starts a new line for kubectl (YAML 1.1), though editors and diffs show one line: what a reviewer sees is not what is applied`,
  hint: () => 'write it as an escape in a double-quoted string ("\\L", "\\P", "\\N") or replace it with a plain line break',
});

export const itemsMakeList = defineRule<{ kind: string }>({
  id: 'items-make-list',
  severity: 'warning',
  description: 'An object with a top-level `items` field is a list to kubectl, whatever its kind: kubectl applies the items, not the object.',
  message: (d) => `this ${d.kind} has \`items\`: kubectl treats it as a list and applies only its items`,
  hint: () => 'use `kind: List` (or a kind ending in List) for a list, or move `items` under `spec`',
});

export const listInvalid = defineRule<{ reason: string }>({
  id: 'list-invalid',
  severity: 'error',
  description: 'A list (an object with `items`) that kubectl cannot unwrap into objects.',
  message: (d) => `invalid list: ${d.reason}`,
  hint: () => 'make `items` a list of complete objects, each with apiVersion, kind and metadata',
});

export const metadataInvalid = defineRule<{ reason: string }>({
  id: 'metadata-invalid',
  severity: 'error',
  description: 'metadata does not decode as a Kubernetes ObjectMeta (kubectl and the API server reject it).',
  message: (d) => `invalid metadata: ${d.reason}`,
  hint: () => 'labels and annotations map strings to strings: quote values such as `true`, `1` or `yes`',
});

export const helmTemplate = defineRule<Record<string, never>>({
  id: 'helm-template',
  severity: 'error',
  description: 'The file is an unrendered Helm (Go) template, not a manifest.',
  message: () => 'this is an unrendered Helm template ({{ … }}), not a Kubernetes manifest',
  hint: () => 'render it first, e.g. `helm template <release> <chart> | kruisec validate -`, or exclude the chart folder',
});

export const docSnippet = defineRule<{ value: string }>({
  id: 'doc-snippet',
  severity: 'error',
  description: 'The document contains an elision ("...") as documentation snippets do.',
  message: (d) => `placeholder ${JSON.stringify(d.value)} found: this looks like a documentation snippet with parts left out`,
  hint: () => 'replace the placeholder with the real value, or remove the file from the input',
});

export const notAnObject = defineRule<{ type: string }>({
  id: 'not-an-object',
  severity: 'error',
  description: 'A YAML document in a manifest file must be a mapping (a Kubernetes object).',
  message: (d) => `document is a ${d.type}, not a Kubernetes object`,
  hint: () => 'each YAML document must be a mapping with apiVersion, kind and metadata',
});

export const missingTypeMeta = defineRule<{ field: string }>({
  id: 'missing-type-meta',
  severity: 'error',
  description: 'Every Kubernetes object needs apiVersion and kind.',
  message: (d) => `object has no ${d.field}`,
  hint: (d) => (d.field === 'kind' ? 'add `kind:` (e.g. CloneSet)' : 'add `apiVersion:` (e.g. apps.kruise.io/v1alpha1)'),
});

export const missingName = defineRule<{ kind: string }>({
  id: 'missing-name',
  severity: 'error',
  description: 'Objects need metadata.name (only Pods may use generateName alone).',
  message: (d) => `${d.kind} has no metadata.name`,
  hint: () => 'add `metadata.name`',
});

export const unknownKind = defineRule<{ apiVersion: string; kind: string }>({
  id: 'unknown-kind',
  severity: 'warning',
  description: 'kruisec has no schema for this apiVersion/kind; it is passed through unchecked.',
  message: (d) => `unknown kind ${d.kind} (${d.apiVersion}): passed through without checks`,
  hint: () => 'check the apiVersion and kind for typos; custom resources are passed through unchanged',
});

export const duplicateResource = defineRule<{ name: string; other: string }>({
  id: 'duplicate-resource',
  severity: 'error',
  description: 'The same kind/namespace/name is declared twice; one would overwrite the other.',
  message: (d) => `${d.name} is declared twice: here and at ${d.other}`,
  hint: () => 'remove or rename one of the two objects',
});

export const emptyInput = defineRule<{ inputs: string }>({
  id: 'empty-input',
  severity: 'error',
  description: 'No Kubernetes objects were found in the input; Argo CD would prune everything on empty output.',
  message: (d) => `no Kubernetes objects found in ${d.inputs}`,
  hint: () => 'point kruisec at files or folders holding *.yaml / *.yml manifests',
});

export const configInvalid = defineRule<{ reason: string }>({
  id: 'config-invalid',
  severity: 'error',
  description: 'kruisec.yaml (cluster facts) is malformed.',
  message: (d) => `kruisec.yaml: ${d.reason}`,
  hint: () => 'see README: kruisec.yaml holds kruiseVersion, kruiseNamespace, featureGates, namespaceLabels, defaultSteps',
});

export const symlinkOutsideRoot = defineRule<{ link: string; root: string }>({
  id: 'symlink-outside-root',
  severity: 'warning',
  description: 'A symlink (a manifest, a folder, kruisec.yaml or the -c file) resolves outside the folder being read, or nowhere; kruisec does not follow it, so a repo cannot make it read or print files beside it.',
  message: (d) => `${d.link} is a symlink that does not resolve inside ${d.root}: not followed`,
  hint: () => 'replace the link with the file itself, or point it at a file inside the repo',
});
