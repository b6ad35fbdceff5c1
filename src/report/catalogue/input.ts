// Rules of the input area: manifests as other tools hand them over (kustomize and Helm output,
// a kustomization folder given as is, a KRM function's ResourceList). Each export is one rule;
// its id is stable and has a heading in docs/rules/input.md.
import { defineRule } from './rule.js';

export const clusterScopedNamespace = defineRule<{ kind: string; namespace: string }>({
  id: 'cluster-scoped-namespace',
  severity: 'info',
  description: 'A cluster-scoped object carries metadata.namespace (kustomize\'s `namespace:` sets it on every object); the API server drops it.',
  message: (d) => `metadata.namespace ${JSON.stringify(d.namespace)} is ignored: ${d.kind} is cluster-scoped, and the API server clears the namespace of cluster-scoped objects before it stores or admits them`,
  hint: () => 'nothing to do; remove the field to silence this note (a kustomize `namespace:` transformer adds it to every object)',
});

export const kustomization = defineRule<{ dir: string }>({
  id: 'kustomization-input',
  severity: 'warning',
  description: 'A kustomization was given as input: its objects exist only once kustomize builds them, so kruisec does not judge the folder\'s files one by one.',
  message: () => 'this is a kustomization, not a manifest: the objects it describes exist only once kustomize builds them, so kruisec does not check it',
  hint: (d) => `pipe the build instead: \`kubectl kustomize ${d.dir} | kruisec validate -\` (or \`kustomize build ${d.dir} | kruisec validate -\`)`,
});

export const resourceListInvalid = defineRule<{ reason: string }>({
  id: 'resource-list-invalid',
  severity: 'error',
  description: 'The standard input of `kruisec fn` is not a KRM function ResourceList (or YAML stream) kruisec can read, or its functionConfig is not valid.',
  message: (d) => `invalid function input: ${d.reason}`,
  hint: () => 'kpt and kustomize send a config.kubernetes.io/v1 ResourceList; see docs/krm-functions.md for the functionConfig kruisec reads',
});
