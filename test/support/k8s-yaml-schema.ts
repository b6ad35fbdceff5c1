// K8S_YAML_SCHEMA: YAML 1.1 as kubectl reads it, for js-yaml, made of the implicit types the
// writer (src/k8s/yaml-writer.ts) quotes by. The tests read and write with it to hold the
// writer to js-yaml's bytes and the reader to kubectl's values; the emulator reads request
// bodies with it. kruisec itself never loads js-yaml.
import yaml from 'js-yaml';
import { bool11, float11, int11, type ImplicitType } from '../../src/k8s/yaml.js';

function jsYamlType(t: ImplicitType): yaml.Type {
  return new yaml.Type(t.tag, {
    kind: 'scalar',
    resolve: (s: string | null) => s !== null && t.resolve(s),
    construct: (s: string) => t.construct(s),
    predicate: (v: unknown) => t.predicate(v),
    represent: { style: (v: object) => t.represent(v) },
    defaultStyle: 'style',
  });
}

// js-yaml ships its built-in types at runtime; @types/js-yaml does not declare them. Its own
// null (which also takes an empty value) and merge key stay, in its order of asking.
const builtin = (yaml as unknown as { types: Record<'null' | 'merge', yaml.Type> }).types;

export const K8S_YAML_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [builtin.null, jsYamlType(bool11), jsYamlType(int11), jsYamlType(float11), builtin.merge],
});
