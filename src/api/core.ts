// The Kubernetes core types kruisec's own API types build on. They are client-node's own
// models (generated from the Kubernetes OpenAPI), re-exported as types only, never retyped:
// the schema generator follows these references into client-node's .d.ts files.
export type {
  V1Container,
  V1LabelSelector,
  V1LabelSelectorRequirement,
  V1ObjectMeta,
  V1PersistentVolumeClaim,
  V1PodSpec,
  V1PodTemplateSpec,
  V1Condition,
  V1ContainerPort,
  V1EphemeralContainer,
  V1ExecAction,
  V1HTTPGetAction,
  V1JobTemplateSpec,
  V1NodeSelectorTerm,
  V1ObjectReference,
  V1PreferredSchedulingTerm,
  V1Probe,
  V1TCPSocketAction,
  V1Toleration,
} from '@kubernetes/client-node';

/** A value that is either an int32 or a string (usually a percentage such as "20%"). */
export type IntOrString = number | string;
